/*
 * One connection's handle on a database's wal-index (SQLite's unixShm): it
 * remembers which lock slots it holds so that they are released when it
 * unmaps, and forwards everything else to the ShmNode shared in the JVM.
 */
package turso.vfs.nio;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import turso.api.spi.SharedMemory;

final class ShmConnection implements SharedMemory {

    /** Called once, when the connection unmaps, to release its share of the node. */
    @FunctionalInterface
    interface Release {
        void release(boolean delete);
    }

    private final ShmNode node;
    private final Release release;
    private final ShmHoldings holdings = new ShmHoldings();
    private boolean unmapped;

    ShmConnection(ShmNode node, Release release) {
        this.node = node;
        this.release = release;
    }

    @Override
    public MemorySegment region(int index, int regionSize, boolean extend) {
        checkOpen();
        return node.region(index, regionSize, extend);
    }

    @Override
    public boolean lock(int slot, int count, boolean exclusive) {
        checkOpen();
        return node.lock(holdings, slot, count, exclusive);
    }

    @Override
    public void unlock(int slot, int count, boolean exclusive) {
        checkOpen();
        node.unlock(holdings, slot, count, exclusive);
    }

    @Override
    public void barrier() {
        VarHandle.fullFence();
    }

    @Override
    public synchronized void unmap(boolean delete) {
        if (unmapped) {
            return;
        }
        unmapped = true;
        try {
            node.unlock(holdings, 0, LOCK_SLOTS, true);
            node.unlock(holdings, 0, LOCK_SLOTS, false);
        } finally {
            release.release(delete);
        }
    }

    boolean isUnmapped() {
        return unmapped;
    }

    private void checkOpen() {
        if (unmapped) {
            throw IoErrors.misuse("shared memory used after unmap");
        }
    }
}
