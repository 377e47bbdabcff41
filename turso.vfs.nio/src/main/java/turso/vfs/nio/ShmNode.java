/*
 * The wal-index of one database as shared by every connection of this JVM
 * (SQLite's unixShmNode): the regions, mapped once and handed to every
 * connection, and the eight lock slots. Slot i is a byte-range lock at
 * offset 120 + i of the -shm file, so sqlite3 processes see our locks; inside
 * the JVM a slot counts its shared holders (or is marked exclusive), and the
 * OS lock is taken on the first holder and released with the last.
 */
package turso.vfs.nio;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import turso.api.spi.SharedMemory;

final class ShmNode {

    static final long LOCK_BASE = 120;
    static final long DEAD_MAN_SWITCH = LOCK_BASE + SharedMemory.LOCK_SLOTS;

    private static final int EXCLUSIVE = -1;

    private final RangeLocks os;
    private final RegionSource source;
    private final int[] holders = new int[SharedMemory.LOCK_SLOTS];
    private final List<MemorySegment> regions = new ArrayList<>();
    private int regionSize;
    private int references;

    ShmNode(RangeLocks os, RegionSource source) {
        this.os = os;
        this.source = source;
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
            if (holders[i] == 0 && !os.tryLock(LOCK_BASE + i, 1, true)) {
                // Give back only what this call took: slots held before it stay held.
                for (int j = slot; j < i; j++) {
                    if ((added & (1 << j)) != 0) {
                        unlock(mine, j, 1, false);
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
                    os.unlock(LOCK_BASE + i);
                }
            }
        }
    }

    private static void checkRange(int slot, int count) {
        if (slot < 0 || count < 1 || slot + count > SharedMemory.LOCK_SLOTS) {
            throw IoErrors.misuse("bad shared-memory lock slots " + slot + ".." + (slot + count - 1));
        }
    }
}
