/*
 * Where the wal-index regions of a ShmNode live: pages of the mapped -shm
 * file for NIO, plain shared memory for the in-memory VFS.
 */
package turso.vfs.nio;

import java.lang.foreign.MemorySegment;

interface RegionSource {

    /**
     * Region {@code index} of {@code size} bytes; if the backing store is too
     * short, grown with zeros when {@code extend}, otherwise
     * {@link MemorySegment#NULL}.
     */
    MemorySegment map(int index, int size, boolean extend);

    /** Removes the backing store (the -shm file); the regions stay usable until {@link #close()}. */
    void delete();

    /** Releases every region: they become inaccessible. */
    void close();
}
