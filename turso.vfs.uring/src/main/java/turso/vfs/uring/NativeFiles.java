/*
 * The native descriptors io_uring reads and writes through, one per file
 * identity (device and inode) in the JVM, shared by every io_uring handle on
 * that file and closed with the last one. POSIX drops all of a process's
 * record locks on a file when any descriptor of it is closed; the locks live
 * on NioVfs's channel, so a descriptor is closed only after its handles have
 * released their locks (UringFile closes its NIO delegate first).
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

        private void add(int added, boolean canWrite) {
            descriptors.add(added);
            fd = added;
            writable = canWrite;
        }
    }

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
