/*
 * ShmNode's lock slots when another process holds a conflicting OS lock:
 * a shared request that the OS refuses returns false (SQLITE_BUSY), even on
 * its first slot, and gives back only the slots that request took.
 */
package turso.vfs.nio;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShmNodeTest {

    /** OS locks where another process write-locks the bytes in {@code foreign}; records what we hold. */
    private static final class FakeLocks implements RangeLocks {
        final Set<Long> foreign = new HashSet<>();
        final Set<Long> held = new HashSet<>();

        @Override
        public boolean tryLock(long position, long size, boolean shared) {
            if (foreign.contains(position)) {
                return false;
            }
            held.add(position);
            return true;
        }

        @Override
        public void unlock(long position) {
            held.remove(position);
        }

        @Override
        public boolean isWriteLockedElsewhere(long position, long size) {
            return foreign.contains(position);
        }
    }

    private static ShmNode node(FakeLocks locks) {
        return new ShmNode(locks, new RegionSource() {
            @Override
            public MemorySegment map(int index, int size, boolean extend) {
                return MemorySegment.NULL;
            }

            @Override
            public void delete() {
            }

            @Override
            public void close() {
            }
        });
    }

    @Test
    void refusedSharedLockIsBusyAndKeepsEarlierHoldings() {
        FakeLocks locks = new FakeLocks();
        ShmNode node = node(locks);
        ShmHoldings mine = new ShmHoldings();
        locks.foreign.add(ShmNode.LOCK_BASE + 3);
        assertFalse(node.lock(mine, 3, 1, false), "the first and only slot is refused");
        assertFalse(mine.shared(3));

        assertTrue(node.lock(mine, 5, 1, false));
        locks.foreign.add(ShmNode.LOCK_BASE + 6);
        assertFalse(node.lock(mine, 4, 3, false), "slot 6 is refused after 4 was taken and 5 was already held");
        assertFalse(mine.shared(4), "what this request took is given back");
        assertFalse(locks.held.contains(ShmNode.LOCK_BASE + 4));
        assertTrue(mine.shared(5), "what was held before stays held");
        assertTrue(locks.held.contains(ShmNode.LOCK_BASE + 5));
    }
}
