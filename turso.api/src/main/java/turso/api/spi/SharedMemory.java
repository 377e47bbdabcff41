/*
 * The wal-index shared by all connections to a WAL database, in every process
 * (SQLite's xShmMap / xShmLock / xShmBarrier / xShmUnmap). It must be
 * byte-compatible with SQLite's -shm file and its locks so that a sqlite3
 * process and this engine can share a database.
 */
package turso.api.spi;

import java.lang.foreign.MemorySegment;

public interface SharedMemory extends AutoCloseable {

    /** SQLite's number of shm lock slots: write, checkpoint, recover, and five read marks. */
    int LOCK_SLOTS = 8;

    /**
     * Region {@code index} of {@code regionSize} bytes (32 KiB in SQLite),
     * mapped shared. If it does not exist yet: created zero-filled when
     * {@code extend}, otherwise {@link MemorySegment#NULL}.
     */
    MemorySegment region(int index, int regionSize, boolean extend);

    /**
     * Takes shared or exclusive locks on slots {@code [slot, slot + count)}.
     *
     * @return false if a conflicting lock is held elsewhere (SQLITE_BUSY)
     */
    boolean lock(int slot, int count, boolean exclusive);

    void unlock(int slot, int count, boolean exclusive);

    /** A full memory barrier between this process's accesses to the regions and other processes'. */
    void barrier();

    /** Unmaps every region; deletes the underlying file as well when {@code delete}. */
    void unmap(boolean delete);

    @Override
    default void close() {
        unmap(false);
    }
}
