/*
 * The wal-index of one database as shared by every connection of this JVM
 * (SQLite's unixShmNode): the regions, mapped once and handed to every
 * connection, and the eight lock slots. Slot i is a byte-range lock at
 * offset 120 + i of the -shm file, so sqlite3 processes see our locks; inside
 * the JVM a slot counts its shared holders (or is marked exclusive), and the
 * OS lock is taken on the first holder and released with the last.
 *
 * Every read transaction takes and drops a read-mark slot, and every commit
 * the WRITE slot, from whichever threads use the database: so each slot is
 * one atomic state word (ShmSlots), changed by compare-and-set, and no Java
 * monitor is held around the fcntl calls. A thread that must change a
 * slot's OS lock first marks the slot as changing; others wait for that one
 * system call to end, as they would have waited for the monitor, and the
 * answer another process sees is the same as when the calls were made under
 * one lock.
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
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import turso.api.spi.SharedMemory;

final class ShmNode {

    static final long LOCK_BASE = 120;
    static final long DEAD_MAN_SWITCH = LOCK_BASE + SharedMemory.LOCK_SLOTS;

    /** A read lock taken again this soon after its release is in a loop of statements, and may linger. */
    static final long HOT_NANOS = 200_000;

    private final RangeLocks os;
    private final RegionSource source;
    private final ShmSlots slots;
    private final List<MemorySegment> regions = new ArrayList<>();
    private int regionSize;
    private volatile int references;
    private final AtomicBoolean reaperScheduled = new AtomicBoolean();

    private final long lingerNanos;

    ShmNode(RangeLocks os, RegionSource source) {
        this(os, source, LockLinger.LINGER_NANOS, HOT_NANOS);
    }

    /** With read locks taken again within {@code hotNanos} lingering {@code lingerNanos} after their last holder. */
    ShmNode(RangeLocks os, RegionSource source, long lingerNanos, long hotNanos) {
        this.os = os;
        this.source = source;
        this.lingerNanos = lingerNanos;
        this.slots = new ShmSlots(SharedMemory.LOCK_SLOTS, hotNanos);
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
    boolean lock(ShmHoldings mine, int slot, int count, boolean exclusive) {
        checkRange(slot, count);
        int taken = 0;
        for (int i = slot; i < slot + count; i++) {
            if (mine.exclusive(i) || !exclusive && mine.shared(i)) {
                continue;
            }
            boolean ok = exclusive ? slots.takeExclusive(i, os, LOCK_BASE + i) : slots.takeShared(i, os, LOCK_BASE + i);
            if (!ok) {
                // Give back only what this call took: slots held before it stay held.
                for (int j = slot; j < i; j++) {
                    if ((taken & (1 << j)) != 0) {
                        giveBack(mine, j, exclusive);
                    }
                }
                return false;
            }
            if (exclusive) {
                mine.setExclusive(i, true);
            } else {
                mine.setShared(i, true);
            }
            taken |= 1 << i;
        }
        return true;
    }

    void unlock(ShmHoldings mine, int slot, int count, boolean exclusive) {
        checkRange(slot, count);
        for (int i = slot; i < slot + count; i++) {
            if (exclusive ? mine.exclusive(i) : mine.shared(i)) {
                giveBack(mine, i, exclusive);
            }
        }
    }

    private void giveBack(ShmHoldings mine, int slot, boolean exclusive) {
        if (exclusive) {
            mine.setExclusive(slot, false);
            slots.releaseExclusive(slot, os, LOCK_BASE + slot);
        } else {
            mine.setShared(slot, false);
            if (slots.releaseShared(slot, os, LOCK_BASE + slot)) {
                scheduleReaper();
            }
        }
    }

    private void scheduleReaper() {
        if (reaperScheduled.compareAndSet(false, true)) {
            LockLinger.after(lingerNanos, this::reap);
        }
    }

    /**
     * The timer's visit: releases each lingering lock unused for the whole
     * delay (one slot in constant use does not keep another one held), and
     * comes back when the next one falls due.
     */
    private void reap() {
        reaperScheduled.set(false);
        long now = System.nanoTime();
        long next = Long.MAX_VALUE;
        boolean closing = references == 0;
        for (int i = 0; i < SharedMemory.LOCK_SLOTS; i++) {
            long idle = slots.lingeringFor(i, now);
            if (idle < 0) {
                continue;
            }
            if (idle >= lingerNanos || closing) {
                slots.dropLingering(i, os, LOCK_BASE + i);
            } else {
                next = Math.min(next, lingerNanos - idle);
            }
        }
        if (next != Long.MAX_VALUE && reaperScheduled.compareAndSet(false, true)) {
            LockLinger.after(next, this::reap);
        }
    }

    private void dropLingering() {
        for (int i = 0; i < SharedMemory.LOCK_SLOTS; i++) {
            slots.dropLingering(i, os, LOCK_BASE + i);
        }
    }

    private static void checkRange(int slot, int count) {
        if (slot < 0 || count < 1 || slot + count > SharedMemory.LOCK_SLOTS) {
            throw IoErrors.misuse("bad shared-memory lock slots " + slot + ".." + (slot + count - 1));
        }
    }
}
