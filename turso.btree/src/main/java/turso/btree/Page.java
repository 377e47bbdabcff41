/*
 * One page of the database in the page cache: its number, its bytes (a
 * page-sized off-heap segment from the pager's pool), whether it differs
 * from the file, its links in the cache's LRU list, and the read-ahead still
 * filling it, if any.
 */
package turso.btree;

import java.lang.foreign.MemorySegment;

final class Page {

    final int pgno;
    final MemorySegment data;
    boolean dirty;
    int pins;
    /** The read-ahead whose read of this page may still be in flight, or null: settle it before using the bytes. */
    ReadWindow loading;
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
