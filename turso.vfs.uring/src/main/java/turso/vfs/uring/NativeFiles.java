/*
 * The native descriptors io_uring reads and writes through, one per file
 * identity (device and inode) in the JVM, shared by every io_uring handle on
 * that file and closed with the last one. POSIX drops all of a process's
 * record locks on a file when any descriptor of it is closed; the locks live
 * on NioVfs's channel, so a descriptor is closed only after its handles have
 * released their locks (UringFile closes its NIO delegate first).
 *
 * A writable file also gets, when first asked for, a second descriptor
 * opened with O_DIRECT, for the writes that should not pass through the OS
 * cache (VfsFile.uncachedBatch); where the file system refuses O_DIRECT
 * there is none and those writes use the ordinary descriptor.
 */
package turso.vfs.uring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import turso.api.ResultCode;
import turso.api.TursoException;

final class NativeFiles {

    /**
     * The descriptor of one file and how many handles use it. A file first
     * opened read-only gains a read-write descriptor when a handle needs one;
     * the old one stays open until the end, for the same reason as above.
     */
    static final class Descriptor {
        private final Object identity;
        private final List<Integer> descriptors = new ArrayList<>();
        private volatile int fd;
        private volatile boolean writable;
        /** The O_DIRECT descriptor: {@link #UNOPENED} not asked for yet, -1 none (refused, read-only, or given up). */
        private int uncachedFd = UNOPENED;
        private int references;

        private Descriptor(Object identity) {
            this.identity = identity;
        }

        int fd() {
            return fd;
        }

        boolean writable() {
            return writable;
        }

        /**
         * The O_DIRECT descriptor for writes, opened on first use, or -1 if
         * the file cannot have one. It is opened through /proc/self/fd, which
         * names the file this descriptor has open even if its path now
         * names another (deleted, or renamed over).
         */
        int uncachedFd() {
            synchronized (OPEN) {
                if (uncachedFd == UNOPENED) {
                    int opened = writable && Syscalls.O_DIRECT != 0
                            ? Syscalls.open("/proc/self/fd/" + fd, Syscalls.O_RDWR | Syscalls.O_DIRECT) : -1;
                    if (opened >= 0) {
                        descriptors.add(opened);
                    }
                    uncachedFd = opened >= 0 ? opened : -1;
                }
                return uncachedFd;
            }
        }

        /** Stops using O_DIRECT for this file (the kernel refused a write that looked aligned); stays open until the end. */
        void refuseUncached() {
            synchronized (OPEN) {
                uncachedFd = -1;
            }
        }

        private void add(int added, boolean canWrite) {
            descriptors.add(added);
            fd = added;
            writable = canWrite;
        }
    }

    private static final int UNOPENED = -2;

    private static final Map<Object, Descriptor> OPEN = new HashMap<>();

    private NativeFiles() {
    }

    /** The descriptor of an existing file, read-write unless {@code readOnly} or the file refuses writing. */
    static Descriptor acquire(Path path, boolean readOnly) {
        synchronized (OPEN) {
            Object identity = identity(path);
            Descriptor descriptor = OPEN.get(identity);
            if (descriptor == null) {
                descriptor = new Descriptor(identity);
                openInto(descriptor, path, readOnly);
                OPEN.put(identity, descriptor);
            } else if (!readOnly && !descriptor.writable) {
                openInto(descriptor, path, false);
            }
            descriptor.references++;
            return descriptor;
        }
    }

    private static void openInto(Descriptor descriptor, Path path, boolean readOnly) {
        int fd = readOnly ? -Syscalls.EACCES : Syscalls.open(path.toString(), Syscalls.O_RDWR);
        boolean writable = fd >= 0;
        if (fd == -Syscalls.EACCES || fd == -Syscalls.EPERM) {
            if (!descriptor.descriptors.isEmpty()) {
                return;
            }
            fd = Syscalls.open(path.toString(), Syscalls.O_RDONLY);
        }
        if (fd < 0) {
            throw new TursoException(ResultCode.CANTOPEN, ResultCode.CANTOPEN.defaultMessage(),
                    new IOException("open " + path + ": errno " + -fd));
        }
        descriptor.add(fd, writable);
    }

    static void release(Descriptor descriptor) {
        synchronized (OPEN) {
            if (--descriptor.references > 0) {
                return;
            }
            OPEN.remove(descriptor.identity, descriptor);
            int failed = 0;
            for (int fd : descriptor.descriptors) {
                int result = Syscalls.close(fd);
                if (result < 0) {
                    failed = -result;
                }
            }
            if (failed != 0) {
                throw new TursoException(ResultCode.IOERR_CLOSE, ResultCode.IOERR_CLOSE.defaultMessage(),
                        new IOException("close: errno " + failed));
            }
        }
    }

    private static Object identity(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return attributes.fileKey() != null ? attributes.fileKey() : path.toRealPath().toString();
        } catch (IOException | SecurityException e) {
            throw new TursoException(ResultCode.CANTOPEN, ResultCode.CANTOPEN.defaultMessage(), e);
        }
    }
}
