/*
 * The lock slots of one wal-index inside the JVM, without a monitor: each
 * slot is one atomic word saying who holds it here and whether this JVM
 * holds its OS lock, changed by compare-and-set. Taking a slot another
 * connection of the JVM already reads under, or letting go of one while
 * others still read, is a single compare-and-set with no system call; only
 * the first holder and the last one (and every exclusive request) change
 * the OS lock, and while one thread does, the slot is CHANGING: the others
 * wait for that one fcntl call to end (it never waits on anything else), so
 * they see the slot as they would have after it under one global lock.
 *
 * A slot's word:
 *   FREE       nobody here holds it, no OS lock;
 *   n > 0      n shared holders here, OS read lock held;
 *   LINGERING  no holder, OS read lock kept for a moment (see ShmNode);
 *   EXCLUSIVE  one connection here holds it, OS write lock held;
 *   CHANGING   a thread is taking or dropping the OS lock.
 *
 * When a slot was last released and whether it is hot (taken again soon
 * after) are hints that decide only whether a read lock lingers: they are
 * plain fields, and a race on them at worst releases a lock a little
 * earlier or later.
 */
package turso.vfs.nio;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicIntegerArray;

final class ShmSlots {

    private static final int FREE = 0;
    private static final int LINGERING = 1 << 30;
    private static final int EXCLUSIVE = -1;
    private static final int CHANGING = -2;

    /** Spins before a waiter for a CHANGING slot yields its core: one fcntl call is a microsecond or two. */
    private static final int SPINS = 64;

    private final AtomicIntegerArray state;
    private final long hotNanos;
    /** When each slot's last holder here released it, or started lingering (System.nanoTime). */
    private final long[] releasedAt;
    /** Whether each slot was taken again within hotNanos of its release. */
    private final boolean[] hot;

    ShmSlots(int count, long hotNanos) {
        this.state = new AtomicIntegerArray(count);
        this.hotNanos = hotNanos;
        this.releasedAt = new long[count];
        this.hot = new boolean[count];
        Arrays.fill(releasedAt, System.nanoTime() - 2 * Math.max(hotNanos, 0));
    }

    /** One more shared holder of {@code slot}; false if it is held exclusively or the OS refuses (another process). */
    boolean takeShared(int slot, RangeLocks os, long position) {
        for (int waited = 0; ; ) {
            int s = state.get(slot);
            if (s == EXCLUSIVE) {
                return false;
            }
            if (s == CHANGING) {
                waited = pause(waited);
            } else if (s == LINGERING) {
                if (state.compareAndSet(slot, LINGERING, 1)) {
                    noteTaken(slot);
                    return true;
                }
            } else if (s > 0) {
                if (state.compareAndSet(slot, s, s + 1)) {
                    return true;
                }
            } else if (state.compareAndSet(slot, FREE, CHANGING)) {
                noteTaken(slot);
                return settle(slot, lockOs(slot, os, position, true), 1);
            }
        }
    }

    /**
     * Drops one shared holder of {@code slot} (the caller holds it); the
     * last one releases the OS lock, or keeps it lingering when the slot is
     * hot. Returns true when it started lingering (a timer must come by).
     */
    boolean releaseShared(int slot, RangeLocks os, long position) {
        for (;;) {
            int s = state.get(slot);
            if (s < 1 || s == LINGERING) {
                throw IoErrors.misuse("shared-memory lock slot " + slot + " released but not held");
            }
            if (s > 1) {
                if (state.compareAndSet(slot, s, s - 1)) {
                    return false;
                }
                continue;
            }
            long now = System.nanoTime();
            if (hot[slot]) {
                releasedAt[slot] = now;
                if (state.compareAndSet(slot, 1, LINGERING)) {
                    return true;
                }
            } else if (state.compareAndSet(slot, 1, CHANGING)) {
                releasedAt[slot] = now;
                unlockOs(slot, os, position);
                return false;
            }
        }
    }

    /** Takes {@code slot} exclusively; false if anyone here holds it or the OS refuses. A lingering read lock gives way. */
    boolean takeExclusive(int slot, RangeLocks os, long position) {
        for (int waited = 0; ; ) {
            int s = state.get(slot);
            if (s == CHANGING) {
                waited = pause(waited);
                continue;
            }
            if (s != FREE && s != LINGERING) {
                return false;
            }
            if (state.compareAndSet(slot, s, CHANGING)) {
                if (s == LINGERING) {
                    try {
                        os.unlock(position);
                    } catch (RuntimeException e) {
                        state.set(slot, FREE);
                        throw e;
                    }
                }
                return settle(slot, lockOs(slot, os, position, false), EXCLUSIVE);
            }
        }
    }

    /** Releases {@code slot}, held exclusively by the caller. */
    void releaseExclusive(int slot, RangeLocks os, long position) {
        state.set(slot, CHANGING);
        unlockOs(slot, os, position);
    }

    /** How long {@code slot} has lingered unused, or -1 if it does not linger. */
    long lingeringFor(int slot, long now) {
        return state.get(slot) == LINGERING ? now - releasedAt[slot] : -1;
    }

    /** Releases the OS lock of {@code slot} if it lingers (waiting out a change in progress). */
    void dropLingering(int slot, RangeLocks os, long position) {
        for (int waited = 0; ; ) {
            int s = state.get(slot);
            if (s == CHANGING) {
                waited = pause(waited);
            } else if (s != LINGERING) {
                return;
            } else if (state.compareAndSet(slot, LINGERING, CHANGING)) {
                unlockOs(slot, os, position);
                return;
            }
        }
    }

    private void noteTaken(int slot) {
        hot[slot] = System.nanoTime() - releasedAt[slot] < hotNanos;
    }

    /** Asks the OS for the lock of a CHANGING slot; on failure the slot is FREE again. */
    private boolean lockOs(int slot, RangeLocks os, long position, boolean shared) {
        try {
            return os.tryLock(position, 1, shared);
        } catch (RuntimeException e) {
            state.set(slot, FREE);
            throw e;
        }
    }

    private boolean settle(int slot, boolean locked, int held) {
        state.set(slot, locked ? held : FREE);
        return locked;
    }

    /** Releases the OS lock of a CHANGING slot, which is FREE afterwards whatever happens. */
    private void unlockOs(int slot, RangeLocks os, long position) {
        try {
            os.unlock(position);
        } finally {
            state.set(slot, FREE);
        }
    }

    private static int pause(int waited) {
        if (waited < SPINS) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
        return waited + 1;
    }
}
