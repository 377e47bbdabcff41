/*
 * The wal-index of one database as shared by every connection of this JVM
 * (SQLite's unixShmNode): the regions, mapped once and handed to every
 * connection, and the eight lock slots. Slot i is a byte-range lock at
 * offset 120 + i of the -shm file, so sqlite3 processes see our locks; inside
 * the JVM a slot counts its shared holders (or is marked exclusive), and the
 * OS lock is taken on the first holder and released with the last.
 *
 * One exception, for speed: a read lock taken again within 200 µs of its
 * release (statements run back to back: a WAL read transaction per
 * statement) keeps its OS lock after its last holder lets go, for a couple
 * of milliseconds (LockLinger): the next statement then takes it back
 * without a system call (two fcntl calls per statement otherwise, about
 * 2 µs here). To another process that is a reader that kept reading a
 * moment longer, which SQLite's protocol allows; an exclusive request from
 * this JVM drops the lingering lock first, and a lock used only now and then
 * never lingers, so such a process sees exactly SQLite's timing.
 */
package turso.vfs.nio;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import turso.api.spi.SharedMemory;

final class ShmNode {

    static final long LOCK_BASE = 120;
    static final long DEAD_MAN_SWITCH = LOCK_BASE + SharedMemory.LOCK_SLOTS;

    private static final int EXCLUSIVE = -1;
    /** A read lock taken again this soon after its release is in a loop of statements, and may linger. */
    static final long HOT_NANOS = 200_000;

    private final RangeLocks os;
    private final RegionSource source;
    private final int[] holders = new int[SharedMemory.LOCK_SLOTS];
    private final List<MemorySegment> regions = new ArrayList<>();
    private int regionSize;
    private int references;
    /** Slots whose OS read lock is kept with no holder in this JVM, one bit per slot. */
    private int lingering;
    /** When each slot last started lingering (System.nanoTime). */
    private final long[] lingerSince = new long[SharedMemory.LOCK_SLOTS];
    /** When each slot's last holder in this JVM released it (System.nanoTime). */
    private final long[] releasedAt = new long[SharedMemory.LOCK_SLOTS];
    /** Slots taken again within HOT_NANOS of their release, one bit per slot. */
    private int hot;
    private boolean reaperScheduled;

    private final long lingerNanos;
    private final long hotNanos;

    ShmNode(RangeLocks os, RegionSource source) {
        this(os, source, LockLinger.LINGER_NANOS, HOT_NANOS);
    }

    /** With read locks taken again within {@code hotNanos} lingering {@code lingerNanos} after their last holder. */
    ShmNode(RangeLocks os, RegionSource source, long lingerNanos, long hotNanos) {
        this.os = os;
        this.source = source;
        this.lingerNanos = lingerNanos;
        this.hotNanos = hotNanos;
        Arrays.fill(releasedAt, System.nanoTime() - 2 * Math.max(hotNanos, 0));
    }

    synchronized void retain() {
        references++;
    }

    /** Drops one connection; returns true if it was the last and the node is now closed. */
    synchronized boolean release(boolean delete) {
        if (--references > 0) {
            return false;
        }
        regions.clear();
        dropLingering();
        try {
            if (delete) {
                source.delete();
            }
            os.unlock(DEAD_MAN_SWITCH);
        } finally {
            source.close();
        }
        return true;
    }

    synchronized MemorySegment region(int index, int size, boolean extend) {
        if (index < 0 || size <= 0) {
            throw IoErrors.misuse("bad shared-memory region " + index + " of " + size + " bytes");
        }
        if (regionSize == 0) {
            regionSize = size;
        } else if (regionSize != size) {
            throw IoErrors.misuse("shared-memory regions are " + regionSize + " bytes, not " + size);
        }
        if (index < regions.size() && regions.get(index) != null) {
            return regions.get(index);
        }
        MemorySegment region = source.map(index, size, extend);
        if (region.equals(MemorySegment.NULL)) {
            return region;
        }
        while (regions.size() <= index) {
            regions.add(null);
        }
        regions.set(index, region);
        return region;
    }

    /** Takes the slots for a connection whose own holdings are {@code mine}; updates it on success. */
    synchronized boolean lock(ShmHoldings mine, int slot, int count, boolean exclusive) {
        checkRange(slot, count);
        if (exclusive) {
            for (int i = slot; i < slot + count; i++) {
                if (!mine.exclusive(i) && holders[i] != 0) {
                    return false;
                }
            }
            int taken = slot;
            for (; taken < slot + count; taken++) {
                if (mine.exclusive(taken)) {
                    continue;
                }
                if ((lingering & (1 << taken)) != 0) {
                    lingering &= ~(1 << taken);
                    os.unlock(LOCK_BASE + taken);
                }
                if (!os.tryLock(LOCK_BASE + taken, 1, false)) {
                    break;
                }
                holders[taken] = EXCLUSIVE;
                mine.setExclusive(taken, true);
            }
            if (taken == slot + count) {
                return true;
            }
            for (int i = slot; i < taken; i++) {
                if (holders[i] == EXCLUSIVE && mine.exclusive(i)) {
                    os.unlock(LOCK_BASE + i);
                    holders[i] = 0;
                    mine.setExclusive(i, false);
                }
            }
            return false;
        }
        for (int i = slot; i < slot + count; i++) {
            if (holders[i] == EXCLUSIVE && !mine.exclusive(i)) {
                return false;
            }
        }
        int added = 0;
        for (int i = slot; i < slot + count; i++) {
            if (mine.shared(i) || mine.exclusive(i)) {
                continue;
            }
            if (holders[i] == 0 && !takeShared(i)) {
                // Give back only what this call took: slots held before it stay held.
                for (int j = slot; j < i; j++) {
                    if ((added & (1 << j)) != 0) {
                        mine.setShared(j, false);
                        if (--holders[j] == 0) {
                            os.unlock(LOCK_BASE + j);
                        }
                    }
                }
                return false;
            }
            holders[i]++;
            mine.setShared(i, true);
            added |= 1 << i;
        }
        return true;
    }

    synchronized void unlock(ShmHoldings mine, int slot, int count, boolean exclusive) {
        checkRange(slot, count);
        for (int i = slot; i < slot + count; i++) {
            if (exclusive && mine.exclusive(i)) {
                holders[i] = 0;
                mine.setExclusive(i, false);
                os.unlock(LOCK_BASE + i);
            } else if (!exclusive && mine.shared(i)) {
                mine.setShared(i, false);
                if (--holders[i] == 0) {
                    long now = System.nanoTime();
                    releasedAt[i] = now;
                    if ((hot & (1 << i)) != 0) {
                        linger(i, now);
                    } else {
                        os.unlock(LOCK_BASE + i);
                    }
                }
            }
        }
    }

    /** The OS read lock of a slot nobody here holds: kept from before if it lingers, else asked for. */
    private boolean takeShared(int slot) {
        if (System.nanoTime() - releasedAt[slot] < hotNanos) {
            hot |= 1 << slot;
        } else {
            hot &= ~(1 << slot);
        }
        if ((lingering & (1 << slot)) != 0) {
            lingering &= ~(1 << slot);
            return true;
        }
        return os.tryLock(LOCK_BASE + slot, 1, true);
    }

    private void linger(int slot, long now) {
        lingering |= 1 << slot;
        lingerSince[slot] = now;
        if (!reaperScheduled) {
            reaperScheduled = true;
            LockLinger.after(lingerNanos, this::reap);
        }
    }

    /**
     * The timer's visit: releases each lingering lock unused for the whole
     * delay (one slot in constant use does not keep another one held), and
     * comes back when the next one falls due.
     */
    private synchronized void reap() {
        reaperScheduled = false;
        long now = System.nanoTime();
        long next = Long.MAX_VALUE;
        for (int i = 0; i < SharedMemory.LOCK_SLOTS; i++) {
            if ((lingering & (1 << i)) == 0) {
                continue;
            }
            long idle = now - lingerSince[i];
            if (idle >= lingerNanos || references == 0) {
                lingering &= ~(1 << i);
                os.unlock(LOCK_BASE + i);
            } else {
                next = Math.min(next, lingerNanos - idle);
            }
        }
        if (next != Long.MAX_VALUE) {
            reaperScheduled = true;
            LockLinger.after(next, this::reap);
        }
    }

    private void dropLingering() {
        for (int i = 0; i < SharedMemory.LOCK_SLOTS; i++) {
            if ((lingering & (1 << i)) != 0) {
                lingering &= ~(1 << i);
                os.unlock(LOCK_BASE + i);
            }
        }
    }

    private static void checkRange(int slot, int count) {
        if (slot < 0 || count < 1 || slot + count > SharedMemory.LOCK_SLOTS) {
            throw IoErrors.misuse("bad shared-memory lock slots " + slot + ".." + (slot + count - 1));
        }
    }
}
