/*
 * One page of the database in the page cache: its number, its bytes (a
 * page-sized off-heap segment from the pager's pool), whether it differs
 * from the file, and its links in the cache's LRU list.
 */
package turso.btree;

import java.lang.foreign.MemorySegment;

final class Page {

    final int pgno;
    final MemorySegment data;
    boolean dirty;
    int pins;
    Page newer;
    Page older;

    Page(int pgno, MemorySegment data) {
        this.pgno = pgno;
        this.data = data;
    }

    /** Offset of the B-tree page header: page 1 starts after the 100-byte database header. */
    int headerOffset() {
        return pgno == 1 ? DatabaseHeader.SIZE : 0;
    }
}
