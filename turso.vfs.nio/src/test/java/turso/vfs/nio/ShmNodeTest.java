/*
 * ShmNode's lock slots when another process holds a conflicting OS lock:
 * a shared request that the OS refuses returns false (SQLITE_BUSY), even on
 * its first slot, and gives back only the slots that request took. And the
 * lingering of read locks: a shared slot released by its last holder keeps
 * its OS lock a moment, taken back without asking the OS again, given up
 * before an exclusive request, and released once unused for the delay even
 * while another slot stays in constant use. And threads taking and dropping
 * the same slots at once (the slots have no monitor): never a shared and an
 * exclusive holder together, never an OS lock asked for twice.
 */
package turso.vfs.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ShmNodeTest {

    /** OS locks where another process write-locks the bytes in {@code foreign}; records what we hold. */
    private static final class FakeLocks implements RangeLocks {
        final Set<Long> foreign = new HashSet<>();
        final Set<Long> held = new HashSet<>();
        final Map<Long, Boolean> sharedAt = new HashMap<>();
        int requests;

        @Override
        public boolean tryLock(long position, long size, boolean shared) {
            synchronized (this) {
                requests++;
                if (held.contains(position)) {
                    throw new IllegalStateException("lock at " + position + " already held");
                }
                if (foreign.contains(position)) {
                    return false;
                }
                held.add(position);
                sharedAt.put(position, shared);
                return true;
            }
        }

        @Override
        public synchronized void unlock(long position) {
            held.remove(position);
            sharedAt.remove(position);
        }

        synchronized boolean holds(long position) {
            return held.contains(position);
        }

        @Override
        public boolean isWriteLockedElsewhere(long position, long size) {
            return foreign.contains(position);
        }
    }

    private static ShmNode node(FakeLocks locks) {
        return node(locks, TimeUnit.SECONDS.toNanos(1), 0);
    }

    private static ShmNode node(FakeLocks locks, long lingerNanos, long hotNanos) {
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
        }, lingerNanos, hotNanos);
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

    @Test
    void aReleasedReadLockLingersThenGoes() throws Exception {
        FakeLocks locks = new FakeLocks();
        ShmNode node = node(locks, TimeUnit.MILLISECONDS.toNanos(300), TimeUnit.SECONDS.toNanos(100));
        node.retain();
        ShmHoldings a = new ShmHoldings();
        ShmHoldings b = new ShmHoldings();
        long slot3 = ShmNode.LOCK_BASE + 3;

        assertTrue(node.lock(a, 3, 1, false));
        node.unlock(a, 3, 1, false);
        assertTrue(node.lock(a, 3, 1, false), "taken again soon after: statements in a loop");
        node.unlock(a, 3, 1, false);
        assertTrue(locks.holds(slot3), "the OS lock outlives its last holder for a moment");
        int asked = locks.requests;
        assertTrue(node.lock(b, 3, 1, false));
        assertEquals(asked, locks.requests, "taken back without asking the OS");
        node.unlock(b, 3, 1, false);

        assertTrue(node.lock(a, 3, 1, true), "an exclusive request is not refused by a lingering read lock");
        assertEquals(Boolean.FALSE, locks.sharedAt.get(slot3), "the OS lock is now a write lock");
        node.unlock(a, 3, 1, true);
        assertFalse(locks.holds(slot3), "an exclusive lock is released at once");

        assertTrue(node.lock(a, 3, 1, false));
        node.unlock(a, 3, 1, false);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (locks.holds(slot3) && System.nanoTime() < end) {
            assertTrue(node.lock(b, 4, 1, false), "slot 4 in constant use");
            node.unlock(b, 4, 1, false);
            Thread.sleep(0, 200_000);
        }
        assertFalse(locks.holds(slot3), "released once unused for the delay, whatever slot 4 does");
        assertTrue(node.release(false));
        assertFalse(locks.holds(ShmNode.LOCK_BASE + 4), "closing the node releases what lingers");
    }

    @Test
    void aReadLockUsedNowAndThenIsReleasedAtOnce() {
        FakeLocks locks = new FakeLocks();
        ShmNode node = node(locks, TimeUnit.SECONDS.toNanos(100), 0);
        ShmHoldings a = new ShmHoldings();
        for (int i = 0; i < 3; i++) {
            assertTrue(node.lock(a, 3, 1, false));
            node.unlock(a, 3, 1, false);
            assertFalse(locks.holds(ShmNode.LOCK_BASE + 3), "another process sees the reader gone, as with SQLite");
        }
    }

    @Test
    void threadsSharingSlotsNeverConflict() throws Exception {
        FakeLocks locks = new FakeLocks();
        ShmNode node = node(locks, TimeUnit.MICROSECONDS.toNanos(300), TimeUnit.SECONDS.toNanos(100));
        node.retain();
        int exclusiveMark = -1_000_000;
        AtomicIntegerArray inUse = new AtomicIntegerArray(8);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        int[] granted = new int[2];
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                ShmHoldings mine = new ShmHoldings();
                ThreadLocalRandom random = ThreadLocalRandom.current();
                int shared = 0;
                int exclusive = 0;
                try {
                    for (int i = 0; i < 20_000; i++) {
                        int slot = 3 + random.nextInt(3);
                        if (random.nextInt(5) == 0) {
                            if (node.lock(mine, slot, 1, true)) {
                                exclusive++;
                                if (!inUse.compareAndSet(slot, 0, exclusiveMark)) {
                                    throw new AssertionError("exclusive granted while slot " + slot + " is in use");
                                }
                                inUse.set(slot, 0);
                                node.unlock(mine, slot, 1, true);
                            }
                        } else if (node.lock(mine, slot, 1, false)) {
                            shared++;
                            if (inUse.incrementAndGet(slot) <= 0) {
                                throw new AssertionError("shared granted while slot " + slot + " is held exclusively");
                            }
                            Thread.onSpinWait();
                            inUse.decrementAndGet(slot);
                            node.unlock(mine, slot, 1, false);
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
                synchronized (granted) {
                    granted[0] += shared;
                    granted[1] += exclusive;
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        assertTrue(granted[0] > 0 && granted[1] > 0, "both kinds were granted: " + granted[0] + ", " + granted[1]);
        assertTrue(node.release(false));
        for (int slot = 3; slot < 6; slot++) {
            assertFalse(locks.holds(ShmNode.LOCK_BASE + slot), "nothing is left held or lingering");
        }
    }
}
