/*
 * The bounded page cache: a primitive int-keyed map from page number to
 * page, an LRU list, and a pool of page-sized off-heap buffers (aligned for
 * direct I/O) that evicted pages return to. Only clean pages are evicted,
 * not pinned by a cursor, and only when the pager says it is safe (between
 * cursor operations), so a page reference is valid for a whole operation.
 * The generation counts every event that can invalidate a Node a cursor
 * keeps across operations: a page leaving the cache (its buffer goes back to
 * the pool) or, counted by the pager, a page about to change. Pages made
 * dirty are also listed, so a commit does not walk the whole cache to find
 * the few a small transaction changed. Pages a read-ahead is still filling
 * (ReadWindow) are settled before anyone gets, removes or drops them.
 */
package turso.btree;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.collections.impl.map.mutable.primitive.IntObjectHashMap;

final class PageCache implements AutoCloseable {

    private final Arena arena = Arena.ofShared();
    private final int pageSize;
    private final IntObjectHashMap<Page> pages = new IntObjectHashMap<>();
    private final ArrayDeque<MemorySegment> pool = new ArrayDeque<>();
    private final ArrayList<Page> dirty = new ArrayList<>();
    /** Read-ahead batches not yet settled, oldest first (settled ones are dropped as new ones come). */
    private final ArrayDeque<ReadWindow> reading = new ArrayDeque<>();
    private Page newest;
    private Page oldest;
    private int capacity;
    /** The size the cache must reach before shrink walks it again, after a walk that could not evict enough. */
    private int retryAt;
    long generation;

    PageCache(int pageSize, int capacity, long generation) {
        this.pageSize = pageSize;
        this.capacity = Math.max(capacity, 10);
        this.generation = generation;
    }

    int capacity() {
        return capacity;
    }

    int size() {
        return pages.size();
    }

    /** The dirty pages listed (an upper bound: pages cleaned since stay listed until dirtyPages()). */
    int dirtyCount() {
        return dirty.size();
    }

    void setCapacity(int capacity) {
        this.capacity = Math.max(capacity, 10);
        retryAt = 0;
    }

    Page get(int pgno) {
        Page p = pages.get(pgno);
        if (p != null && p.loading != null) {
            p.loading.settle(this);
            p = pages.get(pgno);
        }
        if (p != null && p != newest) {
            unlink(p);
            linkNewest(p);
        }
        return p;
    }

    /** Whether {@code pgno} is cached or being read ahead, without waiting for it or touching the LRU order. */
    boolean contains(int pgno) {
        return pages.containsKey(pgno);
    }

    /** Remembers a read-ahead batch in flight, so that clearing the cache waits for it. */
    void track(ReadWindow window) {
        while (!reading.isEmpty() && reading.peekFirst().settled()) {
            reading.pollFirst();
        }
        reading.addLast(window);
    }

    /** Waits for every read-ahead still in flight. */
    void settleReads() {
        while (!reading.isEmpty()) {
            reading.pollFirst().settle(this);
        }
    }

    /** A new cached page (contents unspecified) for {@code pgno}. */
    Page create(int pgno) {
        MemorySegment buf = pool.pollFirst();
        if (buf == null) {
            buf = arena.allocate(pageSize, Math.min(pageSize, 4096));
        }
        Page p = new Page(pgno, buf);
        pages.put(pgno, p);
        linkNewest(p);
        return p;
    }

    /** Removes page {@code pgno} if it is cached. */
    void drop(int pgno) {
        Page p = pages.get(pgno);
        if (p != null) {
            remove(p);
        }
    }

    void remove(Page p) {
        if (p.loading != null) {
            p.loading.settle(this);
        }
        if (pages.remove(p.pgno) != null) {
            generation++;
            p.dirty = false;
            unlink(p);
            pool.addFirst(p.data);
        }
    }

    /**
     * Evicts clean least-recently-used pages until the cache is within its
     * capacity. When a transaction has dirtied more pages than that, none
     * of them can go: the walk is then skipped until the cache has grown by
     * an eighth more, or a commit or rollback may have cleaned them, so
     * that a large transaction does not walk its dirty pages at every
     * cursor operation.
     */
    void shrink() {
        if (pages.size() <= capacity || pages.size() < retryAt) {
            return;
        }
        Page p = oldest;
        while (pages.size() > capacity && p != null) {
            Page next = p.newer;
            if (!p.dirty && p.pins == 0) {
                remove(p);
            }
            p = next;
        }
        retryAt = pages.size() > capacity ? pages.size() + Math.max(64, pages.size() / 8) : 0;
    }

    /** Marks {@code p} (a page of this cache) as differing from the file. */
    void markDirty(Page p) {
        if (!p.dirty) {
            p.dirty = true;
            dirty.add(p);
        }
    }

    /**
     * The dirty pages in page-number order. The list forgets pages cleaned
     * or removed since, and lists once a page cleaned and made dirty again.
     */
    List<Page> dirtyPages() {
        retryAt = 0;
        dirty.removeIf(p -> !p.dirty || pages.get(p.pgno) != p);
        dirty.sort((a, b) -> Integer.compare(a.pgno, b.pgno));
        List<Page> out = new ArrayList<>(dirty.size());
        for (Page p : dirty) {
            if (out.isEmpty() || out.getLast() != p) {
                out.add(p);
            }
        }
        dirty.clear();
        dirty.addAll(out);
        return out;
    }

    void clear() {
        settleReads();
        for (Page p : new ArrayList<>(pages.values())) {
            remove(p);
        }
        retryAt = 0;
        dirty.clear();
    }

    private void linkNewest(Page p) {
        p.older = newest;
        p.newer = null;
        if (newest != null) {
            newest.newer = p;
        }
        newest = p;
        if (oldest == null) {
            oldest = p;
        }
    }

    private void unlink(Page p) {
        if (p.older != null) {
            p.older.newer = p.newer;
        } else {
            oldest = p.newer;
        }
        if (p.newer != null) {
            p.newer.older = p.older;
        } else {
            newest = p.older;
        }
        p.newer = null;
        p.older = null;
    }

    @Override
    public void close() {
        settleReads();
        pages.clear();
        dirty.clear();
        pool.clear();
        newest = null;
        oldest = null;
        arena.close();
    }
}
