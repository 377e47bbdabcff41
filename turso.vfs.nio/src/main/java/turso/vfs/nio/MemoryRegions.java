/*
 * Wal-index regions of an in-memory database: zero-filled native memory
 * shared by the connections of this JVM, freed when the last one unmaps.
 */
package turso.vfs.nio;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.Map;

final class MemoryRegions implements RegionSource {

    private final Arena arena = Arena.ofShared();
    private final Map<Integer, MemorySegment> regions = new HashMap<>();

    @Override
    public MemorySegment map(int index, int size, boolean extend) {
        MemorySegment region = regions.get(index);
        if (region != null) {
            return region;
        }
        if (!extend) {
            return MemorySegment.NULL;
        }
        for (int i = 0; i <= index; i++) {
            regions.computeIfAbsent(i, k -> arena.allocate(size, 8));
        }
        return regions.get(index);
    }

    @Override
    public void delete() {
        regions.clear();
    }

    @Override
    public void close() {
        regions.clear();
        arena.close();
    }
}
