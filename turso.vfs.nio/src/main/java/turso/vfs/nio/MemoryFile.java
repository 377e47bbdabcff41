/*
 * A file opened through MemoryVfs: one connection's handle on a MemoryStore,
 * with its own lock level among the store's connections. Sync is a no-op:
 * nothing outlives the JVM anyway.
 */
package turso.vfs.nio;

import java.lang.foreign.MemorySegment;
import java.util.Optional;
import java.util.Set;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.SharedMemory;
import turso.api.spi.Vfs;
import turso.api.spi.VfsFile;

final class MemoryFile implements VfsFile {

    private static final Set<DeviceCharacteristic> CHARACTERISTICS = Set.of(DeviceCharacteristic.ATOMIC_WRITE,
            DeviceCharacteristic.SAFE_APPEND, DeviceCharacteristic.SEQUENTIAL, DeviceCharacteristic.POWERSAFE_OVERWRITE);

    private final MemoryStore store;
    private final String name;
    private final Vfs.FileKind kind;
    private final boolean readOnly;
    private final DatabaseLocks.Owner owner = new DatabaseLocks.Owner();
    private ShmConnection shm;
    private volatile boolean closed;

    MemoryFile(MemoryStore store, String name, Vfs.FileKind kind, boolean readOnly) {
        this.store = store;
        this.name = name;
        this.kind = kind;
        this.readOnly = readOnly;
    }

    @Override
    public int read(MemorySegment dst, long offset) {
        checkOpen();
        checkOffset(offset);
        if (offset > Long.MAX_VALUE - dst.byteSize()) {
            dst.fill((byte) 0);
            return 0;
        }
        if (dst.isReadOnly()) {
            throw IoErrors.misuse("read into a read-only segment");
        }
        return (int) store.read(dst, offset);
    }

    @Override
    public void write(MemorySegment src, long offset) {
        checkWritable();
        checkOffset(offset);
        if (offset > Long.MAX_VALUE - src.byteSize()) {
            throw new TursoException(ResultCode.FULL);
        }
        store.write(src, offset);
    }

    @Override
    public void truncate(long size) {
        checkWritable();
        checkOffset(size);
        store.truncate(size);
    }

    @Override
    public void sync(SyncType type) {
        checkOpen();
    }

    @Override
    public long size() {
        checkOpen();
        return store.size();
    }

    @Override
    public boolean lock(LockLevel level) {
        checkOpen();
        return store.locks().lock(owner, level);
    }

    @Override
    public void unlock(LockLevel level) {
        checkOpen();
        store.locks().unlock(owner, level);
    }

    @Override
    public boolean checkReservedLock() {
        checkOpen();
        return store.locks().checkReserved();
    }

    @Override
    public LockLevel lockLevel() {
        return owner.level();
    }

    @Override
    public Set<DeviceCharacteristic> deviceCharacteristics() {
        return CHARACTERISTICS;
    }

    @Override
    public synchronized Optional<SharedMemory> sharedMemory() {
        checkOpen();
        if (kind != Vfs.FileKind.MAIN_DB) {
            return Optional.empty();
        }
        if (shm == null || shm.isUnmapped()) {
            shm = new ShmConnection(store.joinShm(), store::leaveShm);
        }
        return Optional.of(shm);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (shm != null) {
            shm.unmap(false);
        }
        store.locks().unlock(owner, LockLevel.NONE);
    }

    private void checkOpen() {
        if (closed) {
            throw IoErrors.misuse("file used after close: " + name);
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
