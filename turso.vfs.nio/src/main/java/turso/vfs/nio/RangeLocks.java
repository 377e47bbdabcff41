/*
 * Byte-range locks on one file, the primitive under SQLite's lock levels and
 * shm slots: on disk files they are the OS's POSIX record locks (what other
 * processes, sqlite3 among them, see); for in-memory files nothing outside the
 * JVM can conflict, so every request succeeds and only the in-JVM counting of
 * DatabaseLocks and ShmNode decides.
 */
package turso.vfs.nio;

interface RangeLocks {

    /** Takes a lock on {@code [position, position + size)} without waiting; false if another process holds a conflicting one. */
    boolean tryLock(long position, long size, boolean shared);

    /** Releases the lock taken at {@code position}, if one is held there. */
    void unlock(long position);

    /** Whether another process holds a write lock over {@code [position, position + size)}. */
    boolean isWriteLockedElsewhere(long position, long size);

    /** Locks that never conflict: the in-memory VFS, and private temporary files. */
    RangeLocks NONE = new RangeLocks() {
        @Override
        public boolean tryLock(long position, long size, boolean shared) {
            return true;
        }

        @Override
        public void unlock(long position) {
        }

        @Override
        public boolean isWriteLockedElsewhere(long position, long size) {
            return false;
        }
    };
}
