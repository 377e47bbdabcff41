/*
 * An open file of a VFS (SQLite's sqlite3_file): positional reads and writes
 * of MemorySegments, sync, truncate, SQLite's five lock levels, and for the
 * main database in WAL mode the shared-memory wal-index. Batched I/O goes
 * through batch(): a backend that can have many requests in flight (io_uring)
 * overrides it; others inherit a sequential loop.
 *
 * A VfsFile is used by one thread at a time; the pager serialises access.
 */
package turso.api.spi;

import java.lang.foreign.MemorySegment;
import java.util.Optional;
import java.util.Set;

public interface VfsFile extends AutoCloseable {

    /** SQLite's lock levels on the database file, in increasing strength. */
    enum LockLevel { NONE, SHARED, RESERVED, PENDING, EXCLUSIVE }

    /** How durable a sync must be: NORMAL is fsync, FULL also flushes the device cache where the OS allows. */
    enum SyncType { NORMAL, FULL, DATA_ONLY }

    /** Promises about the device the file lives on (SQLite's SQLITE_IOCAP_*) that let the pager skip work. */
    enum DeviceCharacteristic { ATOMIC_WRITE, SAFE_APPEND, SEQUENTIAL, POWERSAFE_OVERWRITE, UNDELETABLE_WHEN_OPEN, BATCH_ATOMIC }

    /**
     * Reads {@code dst.byteSize()} bytes starting at {@code offset}.
     *
     * @return the number of bytes that existed in the file; past the end of
     *         the file {@code dst} is filled with zeros (a short read, as in SQLite)
     */
    int read(MemorySegment dst, long offset);

    /** Writes all of {@code src} at {@code offset}, growing the file if needed. */
    void write(MemorySegment src, long offset);

    void truncate(long size);

    void sync(SyncType type);

    long size();

    /**
     * Raises the lock to {@code level}.
     *
     * @return false if another connection or process holds a conflicting lock (SQLITE_BUSY)
     */
    boolean lock(LockLevel level);

    /** Lowers the lock to {@code level} (SHARED or NONE). */
    void unlock(LockLevel level);

    /** Whether any connection holds RESERVED or stronger on this file. */
    boolean checkReservedLock();

    LockLevel lockLevel();

    /** The smallest unit the device writes atomically, in bytes. */
    default int sectorSize() {
        return 4096;
    }

    default Set<DeviceCharacteristic> deviceCharacteristics() {
        return Set.of();
    }

    /** A new batch of requests on this file; the default runs them one after the other on submit. */
    default IoBatch batch() {
        return new SequentialIoBatch(this);
    }

    /**
     * A new batch for writes that will not be read back soon (a checkpoint's
     * copy into the database file), which a VFS may send past the OS cache
     * (io_uring: O_DIRECT for writes aligned to 4 KiB). Reads of the file
     * must still see them; syncs and the batch contract are as for
     * {@link #batch()}, which is the default.
     */
    default IoBatch uncachedBatch() {
        return batch();
    }

    /**
     * The wal-index shared by every connection to this database, in every
     * process (SQLite's -shm file), if this VFS supports shared memory.
     * Without it WAL mode needs exclusive locking, as in SQLite.
     */
    default Optional<SharedMemory> sharedMemory() {
        return Optional.empty();
    }

    @Override
    void close();
}
