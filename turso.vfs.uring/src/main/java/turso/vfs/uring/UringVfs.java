/*
 * The "io_uring" VFS: file I/O submitted to Linux io_uring through the FFM
 * API, many requests per system call (a commit's pages, a checkpoint, a
 * read-ahead), with names, locks and shared memory handled by NioVfs.
 * Where io_uring cannot work (another OS, an old kernel, seccomp, the
 * io_uring_disabled sysctl, no --enable-native-access) isAvailable() is
 * false and unavailableReason() says why; the engine then picks NIO.
 */
package turso.vfs.uring;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.Vfs;
import turso.api.spi.VfsFile;
import turso.vfs.nio.NioVfs;

public final class UringVfs implements Vfs {

    private static final int RING_ENTRIES = 256;

    private final NioVfs nio = new NioVfs();

    public UringVfs() {
    }

    @Override
    public String name() {
        return "io_uring";
    }

    @Override
    public boolean isAvailable() {
        return Availability.INSTANCE.available();
    }

    @Override
    public String unavailableReason() {
        return Availability.INSTANCE.reason();
    }

    @Override
    public VfsFile open(String path, FileKind kind, Set<OpenFlag> flags) {
        if (!isAvailable()) {
            throw new TursoException(ResultCode.CANTOPEN, "io_uring is unavailable: " + unavailableReason());
        }
        Set<OpenFlag> nioFlags = flags.isEmpty() ? EnumSet.noneOf(OpenFlag.class) : EnumSet.copyOf(flags);
        Path file;
        if (path == null) {
            file = createTemporary();
            nioFlags = EnumSet.of(OpenFlag.READ_WRITE, OpenFlag.DELETE_ON_CLOSE);
        } else {
            file = Path.of(nio.fullPath(path));
        }
        boolean readOnly = nioFlags.contains(OpenFlag.READ_ONLY) && !nioFlags.contains(OpenFlag.READ_WRITE);
        VfsFile nioFile;
        NativeFiles.Descriptor descriptor;
        if (nioFlags.contains(OpenFlag.DELETE_ON_CLOSE)) {
            // NioVfs unlinks such a file right after opening it: our descriptor must exist first.
            if (!readOnly && nioFlags.contains(OpenFlag.CREATE)) {
                createIfMissing(file, nioFlags.contains(OpenFlag.EXCLUSIVE));
                nioFlags.remove(OpenFlag.EXCLUSIVE);
            }
            descriptor = NativeFiles.acquire(file, readOnly);
            try {
                nioFile = nio.open(file.toString(), kind, nioFlags);
            } catch (RuntimeException e) {
                NativeFiles.release(descriptor);
                throw e;
            }
        } else {
            nioFile = nio.open(file.toString(), kind, nioFlags);
            try {
                descriptor = NativeFiles.acquire(file, readOnly);
            } catch (RuntimeException e) {
                nioFile.close();
                throw e;
            }
        }
        RingSession session;
        try {
            session = new RingSession(Ring.create(RING_ENTRIES), file, descriptor.fd());
        } catch (UringException e) {
            nioFile.close();
            NativeFiles.release(descriptor);
            throw new TursoException(ResultCode.CANTOPEN, ResultCode.CANTOPEN.defaultMessage(), e);
        }
        return new UringFile(nioFile, descriptor, session, file, readOnly || !descriptor.writable());
    }

    private static Path createTemporary() {
        try {
            return Files.createTempFile("turso_", ".tmp");
        } catch (IOException | SecurityException e) {
            throw new TursoException(ResultCode.CANTOPEN_NOTEMPDIR, ResultCode.CANTOPEN_NOTEMPDIR.defaultMessage(), e);
        }
    }

    private static void createIfMissing(Path file, boolean exclusive) {
        try {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            if (exclusive) {
                throw new TursoException(ResultCode.CANTOPEN, ResultCode.CANTOPEN.defaultMessage(), e);
            }
        } catch (IOException | SecurityException e) {
            throw new TursoException(ResultCode.CANTOPEN, ResultCode.CANTOPEN.defaultMessage(), e);
        }
    }

    @Override
    public void delete(String path, boolean syncDirectory) {
        nio.delete(path, syncDirectory);
    }

    @Override
    public boolean access(String path, Access mode) {
        return nio.access(path, mode);
    }

    @Override
    public String fullPath(String path) {
        return nio.fullPath(path);
    }
}
