/*
 * When and how a WAL write transaction spills its dirty pages (SQLite's
 * cache_spill): once they fill the page cache, they are written to the WAL
 * as frames that commit nothing and become clean, so that the cache can
 * evict them; a page read again comes back from its frame. Without it a
 * transaction's changes all stay in memory until commit: loading 10 million
 * rows in one transaction held the whole new table off-heap.
 */
package turso.btree;

import java.util.List;

final class CacheSpill {

    private CacheSpill() {
    }

    /**
     * Whether the cache is over its capacity although it evicted what it
     * could, with dirty pages making up at least half of it (pages pinned
     * by cursors alone never cause a spill).
     */
    static boolean due(PageCache cache) {
        return cache.size() > cache.capacity() && cache.dirtyCount() > cache.capacity() / 2;
    }

    /**
     * Writes every dirty page within the database's {@code dbSize} pages to
     * the WAL and marks it clean; returns whether page 1 was among them.
     */
    static boolean spill(PageCache cache, Wal wal, int dbSize, SyncMode sync) {
        List<Page> dirty = cache.dirtyPages();
        List<Page> frames = dirty.stream().filter(p -> p.pgno <= dbSize).toList();
        if (frames.isEmpty()) {
            return false;
        }
        wal.spill(frames, sync);
        boolean one = false;
        for (Page p : frames) {
            p.dirty = false;
            one |= p.pgno == 1;
        }
        cache.dirtyPages();
        cache.generation++;
        return one;
    }
}
