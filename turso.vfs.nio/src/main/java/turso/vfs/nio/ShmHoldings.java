/* Which shm lock slots one connection holds, shared or exclusive (SQLite's sharedMask / exclMask). */
package turso.vfs.nio;

final class ShmHoldings {
    private int sharedMask;
    private int exclusiveMask;

    boolean shared(int slot) {
        return (sharedMask & (1 << slot)) != 0;
    }

    boolean exclusive(int slot) {
        return (exclusiveMask & (1 << slot)) != 0;
    }

    void setShared(int slot, boolean held) {
        sharedMask = held ? sharedMask | (1 << slot) : sharedMask & ~(1 << slot);
    }

    void setExclusive(int slot, boolean held) {
        exclusiveMask = held ? exclusiveMask | (1 << slot) : exclusiveMask & ~(1 << slot);
    }
}
