/*
 * SQLite's five lock levels on one database file (lockingv3.html), shared by
 * every connection of this JVM to that file, as SQLite's unixInodeInfo is
 * shared by the connections of one process.
 *
 * Across processes the levels are byte-range locks at SQLite's offsets: a
 * read lock on PENDING_BYTE while SHARED is being taken, then a read lock on
 * the 510-byte SHARED range; RESERVED is a write lock on RESERVED_BYTE;
 * PENDING a write lock on PENDING_BYTE; EXCLUSIVE a write lock on the SHARED
 * range. Inside the JVM, where OS record locks cannot tell connections apart,
 * the connections holding SHARED are counted and the strongest level held is
 * remembered: the OS locks are those of that strongest holder.
 */
package turso.vfs.nio;

import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.VfsFile.LockLevel;

final class DatabaseLocks {

    static final long PENDING_BYTE = 0x40000000L;
    static final long RESERVED_BYTE = PENDING_BYTE + 1;
    static final long SHARED_FIRST = PENDING_BYTE + 2;
    static final long SHARED_SIZE = 510;

    /** One connection's lock level on the file. */
    static final class Owner {
        private LockLevel level = LockLevel.NONE;

        LockLevel level() {
            return level;
        }
    }

    private final RangeLocks os;
    private LockLevel strongest = LockLevel.NONE;
    private int sharedHolders;

    DatabaseLocks(RangeLocks os) {
        this.os = os;
    }

    /**
     * Takes {@code requested} for {@code owner}. A level already held is
     * answered without the monitor: an owner's level changes only through
     * its own connection's calls, and a connection in WAL mode asks for the
     * SHARED it keeps at every read transaction, from threads that would
     * otherwise all queue on this one monitor.
     */
    boolean lock(Owner owner, LockLevel requested) {
        if (owner.level.compareTo(requested) >= 0) {
            return true;
        }
        return change(owner, requested);
    }

    private synchronized boolean change(Owner owner, LockLevel requested) {
        if (owner.level.compareTo(requested) >= 0) {
            return true;
        }
        if (requested == LockLevel.NONE || (owner.level == LockLevel.NONE && requested != LockLevel.SHARED)) {
            throw IoErrors.misuse("cannot take lock " + requested + " while holding " + owner.level);
        }
        if (strongest != owner.level
                && (strongest.compareTo(LockLevel.PENDING) >= 0 || requested.compareTo(LockLevel.SHARED) > 0)) {
            return false;
        }
        if (requested == LockLevel.SHARED) {
            return lockShared(owner);
        }
        if (requested == LockLevel.RESERVED) {
            if (!os.tryLock(RESERVED_BYTE, 1, false)) {
                return false;
            }
            owner.level = strongest = LockLevel.RESERVED;
            return true;
        }
        if (owner.level.compareTo(LockLevel.PENDING) < 0) {
            if (!os.tryLock(PENDING_BYTE, 1, false)) {
                return false;
            }
            owner.level = strongest = LockLevel.PENDING;
        }
        if (requested == LockLevel.PENDING || sharedHolders > 1) {
            return requested == LockLevel.PENDING;
        }
        // A read lock cannot become a write lock in place. Letting go of it is
        // safe: while PENDING is write-locked no other process can start a
        // SHARED lock or take EXCLUSIVE, so nobody can take the range meanwhile.
        os.unlock(SHARED_FIRST);
        if (os.tryLock(SHARED_FIRST, SHARED_SIZE, false)) {
            owner.level = strongest = LockLevel.EXCLUSIVE;
            return true;
        }
        if (!os.tryLock(SHARED_FIRST, SHARED_SIZE, true)) {
            dropAll(owner);
            throw new TursoException(ResultCode.IOERR_RDLOCK);
        }
        return false;
    }

    private boolean lockShared(Owner owner) {
        if (strongest == LockLevel.SHARED || strongest == LockLevel.RESERVED) {
            owner.level = LockLevel.SHARED;
            sharedHolders++;
            return true;
        }
        if (!os.tryLock(PENDING_BYTE, 1, true)) {
            return false;
        }
        boolean got;
        try {
            got = os.tryLock(SHARED_FIRST, SHARED_SIZE, true);
        } finally {
            os.unlock(PENDING_BYTE);
        }
        if (!got) {
            return false;
        }
        owner.level = strongest = LockLevel.SHARED;
        sharedHolders++;
        return true;
    }

    synchronized void unlock(Owner owner, LockLevel target) {
        if (target != LockLevel.NONE && target != LockLevel.SHARED) {
            throw IoErrors.misuse("cannot unlock to " + target);
        }
        if (owner.level.compareTo(target) <= 0) {
            return;
        }
        if (owner.level.compareTo(LockLevel.SHARED) > 0) {
            if (owner.level == LockLevel.EXCLUSIVE) {
                os.unlock(SHARED_FIRST);
                if (target == LockLevel.SHARED && !os.tryLock(SHARED_FIRST, SHARED_SIZE, true)) {
                    dropAll(owner);
                    throw new TursoException(ResultCode.IOERR_RDLOCK);
                }
            }
            os.unlock(PENDING_BYTE);
            os.unlock(RESERVED_BYTE);
            owner.level = strongest = LockLevel.SHARED;
        }
        if (target == LockLevel.NONE) {
            owner.level = LockLevel.NONE;
            sharedHolders--;
            if (sharedHolders == 0) {
                os.unlock(SHARED_FIRST);
                strongest = LockLevel.NONE;
            }
        }
    }

    /** Whether some connection, here or in another process, holds RESERVED or more. */
    synchronized boolean checkReserved() {
        if (strongest.compareTo(LockLevel.SHARED) > 0) {
            return true;
        }
        return os.isWriteLockedElsewhere(RESERVED_BYTE, 1);
    }

    /** Whether any connection of this JVM holds a lock. */
    synchronized boolean anyHeld() {
        return sharedHolders > 0;
    }

    private void dropAll(Owner owner) {
        os.unlock(PENDING_BYTE);
        os.unlock(RESERVED_BYTE);
        owner.level = LockLevel.NONE;
        sharedHolders--;
        if (sharedHolders == 0) {
            os.unlock(SHARED_FIRST);
            strongest = LockLevel.NONE;
        } else {
            strongest = LockLevel.SHARED;
        }
    }
}
