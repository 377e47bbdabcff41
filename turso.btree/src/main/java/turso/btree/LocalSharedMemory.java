/*
 * A wal-index in this connection's own memory, for a VFS without shared
 * memory. As in SQLite's exclusive locking mode it is only sound while the
 * connection holds an EXCLUSIVE lock on the database file for as long as
 * the WAL is open, which Pager does; the lock slots then never conflict.
 */
package turso.btree;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import turso.api.spi.SharedMemory;

final class LocalSharedMemory implements SharedMemory {

    private final Arena arena = Arena.ofShared();
    private final List<MemorySegment> regions = new ArrayList<>();

    @Override
    public MemorySegment region(int index, int regionSize, boolean extend) {
        while (regions.size() <= index) {
            if (!extend) {
                return MemorySegment.NULL;
            }
            regions.add(arena.allocate(regionSize, 8).fill((byte) 0));
        }
        return regions.get(index);
    }

    @Override
    public boolean lock(int slot, int count, boolean exclusive) {
        return true;
    }

    @Override
    public void unlock(int slot, int count, boolean exclusive) {
    }

    @Override
    public void barrier() {
        VarHandle.fullFence();
    }

    @Override
    public void unmap(boolean delete) {
        if (arena.scope().isAlive()) {
            regions.clear();
            arena.close();
        }
    }
}
