/*
 * The default VFS, "nio": files on FileChannel, SQLite's lock levels as POSIX
 * record locks at SQLite's byte offsets, and the wal-index in a mapped -shm
 * file, so that this engine and sqlite3 processes can share a database.
 *
 * Open files are registered JVM-wide by identity (device and inode, or the
 * real path where the platform has no file keys), whichever NioVfs instance
 * opened them: the per-file state must be unique in the process, as the OS
 * locks it stands for are per process.
 */
package turso.vfs.nio;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.Vfs;
import turso.api.spi.VfsFile;

public final class NioVfs implements Vfs {

    private static final Map<Object, InodeFile> OPEN_FILES = new HashMap<>();

    public NioVfs() {
    }

    @Override
    public String name() {
        return "nio";
    }

    @Override
    public VfsFile open(String path, FileKind kind, Set<OpenFlag> flags) {
        if (path == null) {
            return openTemporary(kind);
        }
        Path file = toPath(path, ResultCode.CANTOPEN);
        if (Files.isDirectory(file)) {
            throw new TursoException(ResultCode.CANTOPEN_ISDIR);
        }
        boolean readOnly = flags.contains(OpenFlag.READ_ONLY) && !flags.contains(OpenFlag.READ_WRITE);
        boolean create = !readOnly && flags.contains(OpenFlag.CREATE);
        boolean exclusive = create && flags.contains(OpenFlag.EXCLUSIVE);
        InodeFile inode;
        synchronized (OPEN_FILES) {
            Object identity = exclusive ? null : identityIfExists(file);
            inode = identity == null ? null : OPEN_FILES.get(identity);
            if (inode == null) {
                FileChannel channel = openChannel(file, readOnly, create, exclusive);
                boolean writable = !readOnly && channel != null;
                if (channel == null) {
                    channel = openChannel(file, true, false, false);
                }
                identity = identityOf(file, channel);
                inode = OPEN_FILES.get(identity);
                if (inode == null) {
                    inode = new InodeFile(identity, file, channel, writable);
                    OPEN_FILES.put(identity, inode);
                } else {
                    inode.adoptChannel(channel, writable);
                }
            } else if (!readOnly && !inode.writable()) {
                try {
                    inode.ensureWritable();
                } catch (IOException | SecurityException e) {
                    readOnly = true;
                }
            }
            inode.retain();
        }
        Path deleteOnClose = null;
        if (flags.contains(OpenFlag.DELETE_ON_CLOSE)) {
            try {
                Files.delete(file);
            } catch (IOException e) {
                deleteOnClose = file;
            }
        }
        return new NioFile(this, inode, kind, readOnly || !inode.writable(), deleteOnClose);
    }

    /**
     * Opens the channel; when read-write access is refused on an existing
     * file, returns null so the caller falls back to read-only, as SQLite does.
     */
    private static FileChannel openChannel(Path file, boolean readOnly, boolean create, boolean exclusive) {
        Set<OpenOption> options = new HashSet<>();
        options.add(StandardOpenOption.READ);
        if (!readOnly) {
            options.add(StandardOpenOption.WRITE);
        }
        if (exclusive) {
            options.add(StandardOpenOption.CREATE_NEW);
        } else if (create) {
            options.add(StandardOpenOption.CREATE);
        }
        try {
            return Uninterruptible.call(() -> FileChannel.open(file, options));
        } catch (AccessDeniedException e) {
            if (!readOnly && Files.exists(file)) {
                return null;
            }
            throw IoErrors.of(ResultCode.CANTOPEN, "open", file, e);
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            throw IoErrors.of(ResultCode.CANTOPEN, "open", file, e);
        }
    }

    private VfsFile openTemporary(FileKind kind) {
        Path file;
        FileChannel channel;
        try {
            file = Files.createTempFile("turso_", ".tmp");
            channel = Uninterruptible.call(() -> FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE));
        } catch (IOException | SecurityException e) {
            throw IoErrors.of(ResultCode.CANTOPEN_NOTEMPDIR, "create temporary file", System.getProperty("java.io.tmpdir"), e);
        }
        Path deleteOnClose = null;
        try {
            Files.delete(file);
        } catch (IOException e) {
            deleteOnClose = file;
        }
        InodeFile inode = new InodeFile(file, channel);
        inode.retain();
        return new NioFile(this, inode, kind, false, deleteOnClose);
    }

    void release(InodeFile inode) {
        synchronized (OPEN_FILES) {
            if (inode.release()) {
                if (inode.identity() != null) {
                    OPEN_FILES.remove(inode.identity());
                }
                inode.closeChannels();
            }
        }
    }

    ShmNode joinShm(InodeFile inode) {
        synchronized (OPEN_FILES) {
            return inode.joinShm();
        }
    }

    void leaveShm(InodeFile inode, boolean delete) {
        synchronized (OPEN_FILES) {
            inode.leaveShm(delete);
        }
    }

    @Override
    public void delete(String path, boolean syncDirectory) {
        Path file = toPath(path, ResultCode.IOERR_DELETE);
        try {
            Files.delete(file);
        } catch (NoSuchFileException e) {
            throw IoErrors.of(ResultCode.IOERR_DELETE_NOENT, "delete", file, e);
        } catch (IOException | SecurityException e) {
            throw IoErrors.of(ResultCode.IOERR_DELETE, "delete", file, e);
        }
        if (syncDirectory) {
            syncDirectory(file.getParent());
        }
    }

    /** Makes a file's creation or deletion durable; skipped where directories cannot be opened (Windows). */
    private static void syncDirectory(Path directory) {
        if (directory == null) {
            return;
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(directory, StandardOpenOption.READ);
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return;
        }
        try (channel) {
            Uninterruptible.call(() -> {
                channel.force(true);
                return null;
            });
        } catch (IOException e) {
            throw IoErrors.of(ResultCode.IOERR_DIR_FSYNC, "fsync directory", directory, e);
        }
    }

    @Override
    public boolean access(String path, Access mode) {
        Path file = toPath(path, ResultCode.IOERR_ACCESS);
        try {
            return switch (mode) {
                // An empty file does not count, as in SQLite: a zero-length journal is not a hot journal.
                case EXISTS -> Files.exists(file)
                        && (!Files.isRegularFile(file) || Files.size(file) > 0);
                case READ -> Files.isReadable(file);
                case READ_WRITE -> Files.isReadable(file) && Files.isWritable(file);
            };
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException | SecurityException e) {
            throw IoErrors.of(ResultCode.IOERR_ACCESS, "access", file, e);
        }
    }

    @Override
    public String fullPath(String path) {
        Path file = toPath(path, ResultCode.CANTOPEN_FULLPATH);
        try {
            if (Files.exists(file)) {
                return file.toRealPath().toString();
            }
            Path parent = file.getParent();
            if (parent != null && Files.exists(parent)) {
                return parent.toRealPath().resolve(file.getFileName()).toString();
            }
            return file.toString();
        } catch (IOException | SecurityException e) {
            throw IoErrors.of(ResultCode.CANTOPEN_FULLPATH, "resolve", file, e);
        }
    }

    private static Path toPath(String path, ResultCode onError) {
        try {
            return Path.of(path).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw IoErrors.of(onError, "path", path, e);
        }
    }

    private static Object identityIfExists(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            Object key = attributes.fileKey();
            return key != null ? key : file.toRealPath().toString();
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    private static Object identityOf(Path file, FileChannel channel) {
        Object identity = identityIfExists(file);
        if (identity == null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // The file vanished under us; the CANTOPEN below says so.
            }
            throw new TursoException(ResultCode.CANTOPEN, ResultCode.CANTOPEN.defaultMessage(),
                    new NoSuchFileException(file.toString()));
        }
        return identity;
    }
}
