/*
 * A file opened through NioVfs: one connection's handle on an InodeFile. I/O
 * goes through the inode's shared FileChannel; the lock level is this
 * handle's own, kept consistent with every other handle of the JVM by the
 * inode's DatabaseLocks. Closing releases the handle's locks and wal-index.
 */
package turso.vfs.nio;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.SharedMemory;
import turso.api.spi.Vfs;
import turso.api.spi.VfsFile;

final class NioFile implements VfsFile {

    private final NioVfs vfs;
    private final InodeFile inode;
    private final Vfs.FileKind kind;
    private final boolean readOnly;
    private final Path deleteOnClose;
    private final DatabaseLocks.Owner owner = new DatabaseLocks.Owner();
    private ShmConnection shm;
    private boolean closed;

    NioFile(NioVfs vfs, InodeFile inode, Vfs.FileKind kind, boolean readOnly, Path deleteOnClose) {
        this.vfs = vfs;
        this.inode = inode;
        this.kind = kind;
        this.readOnly = readOnly;
        this.deleteOnClose = deleteOnClose;
    }

    @Override
    public int read(MemorySegment dst, long offset) {
        checkOpen();
        checkOffset(offset);
        try {
            return (int) SegmentIo.read(inode.channel(), dst, offset);
        } catch (IOException e) {
            throw IoErrors.of(ResultCode.IOERR_READ, "read", inode.path(), e);
        }
    }

    @Override
    public void write(MemorySegment src, long offset) {
        checkWritable();
        checkOffset(offset);
        try {
            SegmentIo.write(inode.channel(), src, offset);
        } catch (IOException e) {
            throw IoErrors.of(ResultCode.IOERR_WRITE, "write", inode.path(), e);
        }
    }

    @Override
    public void truncate(long size) {
        checkWritable();
        checkOffset(size);
        try {
            long current = Uninterruptible.call(() -> inode.channel().size());
            if (size < current) {
                Uninterruptible.call(() -> inode.channel().truncate(size));
            } else if (size > current) {
                // FileChannel.truncate never grows a file; ftruncate does, with zeros.
                Uninterruptible.call(() -> inode.channel().write(ByteBuffer.allocate(1), size - 1));
            }
        } catch (IOException e) {
            throw IoErrors.of(ResultCode.IOERR_TRUNCATE, "truncate", inode.path(), e);
        }
    }

    @Override
    public void sync(SyncType type) {
        checkOpen();
        if (readOnly) {
            return;
        }
        try {
            Uninterruptible.call(() -> {
                inode.channel().force(type != SyncType.DATA_ONLY);
                return null;
            });
        } catch (IOException e) {
            throw IoErrors.of(ResultCode.IOERR_FSYNC, "fsync", inode.path(), e);
        }
    }

    @Override
    public long size() {
        checkOpen();
        try {
            return Uninterruptible.call(() -> inode.channel().size());
        } catch (IOException e) {
            throw IoErrors.of(ResultCode.IOERR_FSTAT, "size", inode.path(), e);
        }
    }

    @Override
    public boolean lock(LockLevel level) {
        checkOpen();
        return inode.locks().lock(owner, level);
    }

    @Override
    public void unlock(LockLevel level) {
        checkOpen();
        inode.locks().unlock(owner, level);
    }

    @Override
    public boolean checkReservedLock() {
        checkOpen();
        return inode.locks().checkReserved();
    }

    @Override
    public LockLevel lockLevel() {
        return owner.level();
    }

    @Override
    public Set<DeviceCharacteristic> deviceCharacteristics() {
        return Set.of(DeviceCharacteristic.POWERSAFE_OVERWRITE);
    }

    @Override
    public synchronized Optional<SharedMemory> sharedMemory() {
        checkOpen();
        if (kind != Vfs.FileKind.MAIN_DB || inode.identity() == null) {
            return Optional.empty();
        }
        if (shm == null || shm.isUnmapped()) {
            ShmNode node = vfs.joinShm(inode);
            shm = new ShmConnection(node, delete -> vfs.leaveShm(inode, delete));
        }
        return Optional.of(shm);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (shm != null) {
                shm.unmap(false);
            }
            inode.locks().unlock(owner, LockLevel.NONE);
        } finally {
            vfs.release(inode);
            if (deleteOnClose != null) {
                try {
                    Files.deleteIfExists(deleteOnClose);
                } catch (IOException e) {
                    throw IoErrors.of(ResultCode.IOERR_DELETE, "delete", deleteOnClose, e);
                }
            }
        }
    }

    private void checkOpen() {
        if (closed) {
            throw IoErrors.misuse("file used after close: " + inode.path());
        }
    }

    private void checkWritable() {
        checkOpen();
        if (readOnly) {
            throw new TursoException(ResultCode.READONLY);
        }
    }

    private static void checkOffset(long offset) {
        if (offset < 0) {
            throw IoErrors.misuse("negative file offset " + offset);
        }
    }
}
