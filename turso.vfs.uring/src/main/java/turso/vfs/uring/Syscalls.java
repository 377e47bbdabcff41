/*
 * The few native calls the io_uring VFS makes, as FFM downcalls into libc:
 * the variadic syscall(2) for io_uring_setup / io_uring_enter /
 * io_uring_register (numbers 425-427, the same on every Linux architecture),
 * mmap/munmap for the rings, and open/close for the descriptors the kernel
 * reads and writes. Every call captures errno; a failure comes back as a
 * negative errno so that callers can tell EINTR or EAGAIN from a real error.
 *
 * Variadic arguments are all passed as 64-bit values: syscall(2) reads every
 * argument as a long, so a 32-bit int could arrive with garbage in its upper half.
 */
package turso.vfs.uring;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

final class Syscalls {

    static final int EPERM = 1;
    static final int EINTR = 4;
    static final int EIO = 5;
    static final int EAGAIN = 11;
    static final int ENOMEM = 12;
    static final int EACCES = 13;
    static final int EBUSY = 16;
    static final int EINVAL = 22;
    static final int ENOSPC = 28;
    static final int ENOSYS = 38;
    static final int EDQUOT = 122;

    static final int O_RDONLY = 0;
    static final int O_RDWR = 2;
    static final int O_CLOEXEC = 0x80000;
    /** O_DIRECT, whose value differs between architectures; 0 where this class does not know it. */
    static final int O_DIRECT = switch (System.getProperty("os.arch")) {
        case "amd64", "x86_64" -> 0x4000;
        case "aarch64", "arm" -> 0x10000;
        default -> 0;
    };

    private static final long SYS_IO_URING_SETUP = 425;
    private static final long SYS_IO_URING_ENTER = 426;
    private static final long SYS_IO_URING_REGISTER = 427;

    private static final int PROT_READ_WRITE = 0x1 | 0x2;
    private static final int MAP_SHARED_POPULATE = 0x01 | 0x8000;

    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
    private static final AddressLayout ADDRESS = ValueLayout.ADDRESS;

    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    private static final MethodHandle SETUP;
    private static final MethodHandle ENTER;
    private static final MethodHandle REGISTER;
    private static final MethodHandle MMAP;
    private static final MethodHandle MUNMAP;
    private static final MethodHandle OPEN;
    private static final MethodHandle CLOSE;
    private static final MethodHandle PREAD;
    private static final MethodHandle PREADV;
    private static final MethodHandle PWRITE;
    private static final MethodHandle FSYNC;
    private static final MethodHandle FDATASYNC;

    static {
        Linker linker = Linker.nativeLinker();
        SymbolLookup libc = linker.defaultLookup();
        Linker.Option errno = Linker.Option.captureCallState("errno");
        Linker.Option variadic = Linker.Option.firstVariadicArg(1);
        SETUP = linker.downcallHandle(libc.findOrThrow("syscall"),
                FunctionDescriptor.of(LONG, LONG, LONG, ADDRESS), variadic, errno);
        ENTER = linker.downcallHandle(libc.findOrThrow("syscall"),
                FunctionDescriptor.of(LONG, LONG, LONG, LONG, LONG, LONG, ADDRESS, LONG), variadic, errno);
        REGISTER = linker.downcallHandle(libc.findOrThrow("syscall"),
                FunctionDescriptor.of(LONG, LONG, LONG, LONG, ADDRESS, LONG), variadic, errno);
        MMAP = linker.downcallHandle(libc.findOrThrow("mmap"),
                FunctionDescriptor.of(ADDRESS, ADDRESS, LONG, INT, INT, INT, LONG), errno);
        MUNMAP = linker.downcallHandle(libc.findOrThrow("munmap"), FunctionDescriptor.of(INT, ADDRESS, LONG), errno);
        OPEN = linker.downcallHandle(libc.findOrThrow("open"),
                FunctionDescriptor.of(INT, ADDRESS, INT, INT), Linker.Option.firstVariadicArg(2), errno);
        CLOSE = linker.downcallHandle(libc.findOrThrow("close"), FunctionDescriptor.of(INT, INT), errno);
        PREAD = linker.downcallHandle(libc.findOrThrow("pread"), FunctionDescriptor.of(LONG, INT, ADDRESS, LONG, LONG),
                errno);
        PREADV = linker.downcallHandle(libc.findOrThrow("preadv"), FunctionDescriptor.of(LONG, INT, ADDRESS, INT, LONG),
                errno);
        PWRITE = linker.downcallHandle(libc.findOrThrow("pwrite"), FunctionDescriptor.of(LONG, INT, ADDRESS, LONG, LONG),
                errno);
        FSYNC = linker.downcallHandle(libc.findOrThrow("fsync"), FunctionDescriptor.of(INT, INT), errno);
        FDATASYNC = linker.downcallHandle(libc.findOrThrow("fdatasync"), FunctionDescriptor.of(INT, INT), errno);
    }

    private Syscalls() {
    }

    /** io_uring_setup: the ring's descriptor, or a negative errno. */
    static int ioUringSetup(int entries, MemorySegment params) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE);
            long result = (long) SETUP.invokeExact(state, SYS_IO_URING_SETUP, (long) entries, params);
            return result < 0 ? -errno(state) : (int) result;
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** Memory for the errno a call captures; a caller on a hot path keeps one instead of allocating per call. */
    static MemorySegment callState(Arena arena) {
        return arena.allocate(CAPTURE);
    }

    /** io_uring_enter: the number of submissions consumed, or a negative errno; {@code state} from {@link #callState}. */
    static int ioUringEnter(MemorySegment state, int ringFd, int toSubmit, int minComplete, int flags) {
        try {
            long result = (long) ENTER.invokeExact(state, SYS_IO_URING_ENTER, (long) ringFd, (long) toSubmit,
                    (long) minComplete, (long) flags, MemorySegment.NULL, 0L);
            return result < 0 ? -errno(state) : (int) result;
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** io_uring_register: 0 or more on success, or a negative errno. */
    static int ioUringRegister(int ringFd, int opcode, MemorySegment argument, int count) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE);
            long result = (long) REGISTER.invokeExact(state, SYS_IO_URING_REGISTER, (long) ringFd, (long) opcode,
                    argument, (long) count);
            return result < 0 ? -errno(state) : (int) result;
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** Maps {@code length} bytes of the ring at {@code offset}, shared; null with the errno in {@code error[0]} on failure. */
    static MemorySegment mmap(int fd, long length, long offset, int[] error) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE);
            MemorySegment address = (MemorySegment) MMAP.invokeExact(state, MemorySegment.NULL, length,
                    PROT_READ_WRITE, MAP_SHARED_POPULATE, fd, offset);
            if (address.address() == -1L) {
                error[0] = errno(state);
                return null;
            }
            return address;
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** munmap(2): 0, or a negative errno. */
    static int munmap(MemorySegment address, long length) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE);
            int result = (int) MUNMAP.invokeExact(state, address, length);
            return result < 0 ? -errno(state) : 0;
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** open(2) with O_CLOEXEC: the descriptor, or a negative errno. */
    static int open(String path, int flags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE);
            MemorySegment name = arena.allocateFrom(path);
            int fd = (int) OPEN.invokeExact(state, name, flags | O_CLOEXEC, 0);
            return fd < 0 ? -errno(state) : fd;
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** pread(2) into native memory: the bytes read (0 at the end of the file), or a negative errno. */
    static long pread(MemorySegment state, int fd, MemorySegment dst, long offset) {
        try {
            long result = (long) PREAD.invokeExact(state, fd, dst, dst.byteSize(), offset);
            return result < 0 ? -errno(state) : result;
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** preadv(2) into the {@code count} iovecs at {@code iovecs}: the bytes read, or a negative errno. */
    static long preadv(MemorySegment state, int fd, MemorySegment iovecs, int count, long offset) {
        try {
            long result = (long) PREADV.invokeExact(state, fd, iovecs, count, offset);
            return result < 0 ? -errno(state) : result;
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** pwrite(2) from native memory: the bytes written, or a negative errno. */
    static long pwrite(MemorySegment state, int fd, MemorySegment src, long offset) {
        try {
            long result = (long) PWRITE.invokeExact(state, fd, src, src.byteSize(), offset);
            return result < 0 ? -errno(state) : result;
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** fsync(2), or fdatasync(2) when {@code dataOnly}: 0, or a negative errno. */
    static int fsync(MemorySegment state, int fd, boolean dataOnly) {
        try {
            int result = dataOnly ? (int) FDATASYNC.invokeExact(state, fd) : (int) FSYNC.invokeExact(state, fd);
            return result < 0 ? -errno(state) : 0;
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** close(2): 0, or a negative errno. */
    static int close(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE);
            int result = (int) CLOSE.invokeExact(state, fd);
            return result < 0 ? -errno(state) : 0;
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    private static int errno(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }

    private static RuntimeException rethrow(Throwable e) {
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException(e);
    }
}
