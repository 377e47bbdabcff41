/*
 * The rows the cache-spill tests (CacheSpillTest for WAL, JournalSpillTest
 * for the rollback journal) write into table t of WalTestSupport.createTable,
 * what they expect back, and what real SQLite reads from the file: the
 * transactions are large enough to overflow a small page cache.
 */
package turso.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import turso.api.Value;

final class SpillRows {
    private SpillRows() {
    }

    /** Inserts (or replaces) rows {@code from..to} with 300-byte blobs inside the open write transaction. */
    static void put(Storage s, long from, long to, String tag) {
        try (BTreeCursor c = s.openTableCursor(2)) {
            for (long id = from; id <= to; id++) {
                c.insert(id, Rows.record(new Value.Text(tag + id), new Value.Blob(new byte[300])));
            }
        }
    }

    /** What {@link #put} wrote: rowid -> a. */
    static TreeMap<Long, String> expected(long from, long to, String tag) {
        TreeMap<Long, String> out = new TreeMap<>();
        for (long id = from; id <= to; id++) {
            out.put(id, tag + id);
        }
        return out;
    }

    /**
     * Inside one write transaction on {@code s}: rows 1-1000 "a", a
     * savepoint, rows 1-2500 "b" (enough to spill) rolled back to it, rows
     * 1001-1200 "c", committed. Checks that {@code s} reads the rows that
     * survive, and returns them for the caller to compare with what SQLite
     * reads from the file.
     */
    static TreeMap<Long, String> commitAroundARolledBackSpill(Storage s) {
        WalTestSupport.createTable(s);
        s.beginWrite();
        put(s, 1, 1000, "a");
        int sp = s.savepoint();
        put(s, 1, 2500, "b");
        s.rollbackToSavepoint(sp);
        put(s, 1001, 1200, "c");
        s.releaseSavepoint(sp);
        s.commit();
        TreeMap<Long, String> want = expected(1, 1000, "a");
        want.putAll(expected(1001, 1200, "c"));
        assertEquals(want, WalTestSupport.rows(s));
        return want;
    }

    /** The size of a file, 0 if it does not exist. */
    static long size(Path file) throws Exception {
        return Files.exists(file) ? Files.size(file) : 0;
    }
}
