/*
 * Cache spilling in WAL mode: a write transaction that dirties more pages
 * than the cache holds writes them to the WAL as frames that commit nothing.
 * Checked: the spill happens (the -wal grows before the commit, the cache
 * stays near its size), another connection keeps reading the last commit
 * meanwhile, the commit, a rollback and a ROLLBACK TO across a spill leave
 * exactly the expected rows, files copied mid-transaction (what a crash
 * leaves) open in real SQLite with only the committed rows, and committed
 * files pass real SQLite's integrity_check.
 */
package turso.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheSpillTest {

    private static final int CACHE = 20;

    @TempDir
    Path dir;

    private TreeMap<Long, String> sqliteRows(String name) throws Exception {
        return WalTestSupport.sqliteRows(dir.resolve(name));
    }

    private Storage open(String name) {
        Storage s = Storage.open(WalTestSupport.nio(), dir.resolve(name).toString(),
                StorageOptions.DEFAULT.withJournalMode(JournalMode.WAL));
        s.setAutoCheckpoint(0);
        s.setCacheSize(CACHE);
        return s;
    }



    private long walSize(String name) throws Exception {
        return SpillRows.size(dir.resolve(name + "-wal"));
    }


    @Test
    void bigTransactionSpillsAndCommits() throws Exception {
        try (Storage s = open("c.db"); Storage other = open("c.db")) {
            WalTestSupport.createTable(s);
            s.beginWrite();
            SpillRows.put(s, 1, 100, "a");
            s.commit();
            long committedWal = walSize("c.db");

            s.beginWrite();
            SpillRows.put(s, 101, 3000, "b");
            assertTrue(walSize("c.db") > committedWal + 100L * 4096, "dirty pages were spilled to the WAL before the commit");
            assertEquals(SpillRows.expected(1, 100, "a"), WalTestSupport.rows(other), "another connection reads the last commit");

            // Files as a crash now would leave them: real SQLite recovers the committed rows only.
            Files.copy(dir.resolve("c.db"), dir.resolve("crash.db"));
            Files.copy(dir.resolve("c.db-wal"), dir.resolve("crash.db-wal"));
            assertEquals(SpillRows.expected(1, 100, "a"), sqliteRows("crash.db"));

            TreeMap<Long, String> inside = WalTestSupport.rows(s);
            assertEquals(3000, inside.size(), "the writer reads its spilled pages back");
            s.commit();
            TreeMap<Long, String> all = SpillRows.expected(1, 100, "a");
            all.putAll(SpillRows.expected(101, 3000, "b"));
            assertEquals(all, WalTestSupport.rows(s));
            assertEquals(all, WalTestSupport.rows(other));
        }
        TreeMap<Long, String> all = SpillRows.expected(1, 100, "a");
        all.putAll(SpillRows.expected(101, 3000, "b"));
        assertEquals(all, sqliteRows("c.db"));
    }

    @Test
    void rollbackAfterSpillLeavesTheLastCommit() throws Exception {
        try (Storage s = open("r.db"); Storage other = open("r.db")) {
            WalTestSupport.createTable(s);
            s.beginWrite();
            SpillRows.put(s, 1, 500, "a");
            s.commit();

            s.beginWrite();
            SpillRows.put(s, 1, 3000, "b");
            s.rollback();
            assertEquals(SpillRows.expected(1, 500, "a"), WalTestSupport.rows(s));
            assertEquals(SpillRows.expected(1, 500, "a"), WalTestSupport.rows(other));

            other.beginWrite();
            SpillRows.put(other, 501, 510, "c");
            other.commit();
            TreeMap<Long, String> want = SpillRows.expected(1, 500, "a");
            want.putAll(SpillRows.expected(501, 510, "c"));
            assertEquals(want, WalTestSupport.rows(s));
        }
        TreeMap<Long, String> want = SpillRows.expected(1, 500, "a");
        want.putAll(SpillRows.expected(501, 510, "c"));
        assertEquals(want, sqliteRows("r.db"));
    }

    @Test
    void rollbackToSavepointAcrossASpill() throws Exception {
        TreeMap<Long, String> want;
        try (Storage s = open("s.db")) {
            want = SpillRows.commitAroundARolledBackSpill(s);
        }
        assertEquals(want, sqliteRows("s.db"));
    }

    @Test
    void withCacheSpillOffNothingReachesTheWalBeforeCommit() throws Exception {
        try (Storage s = open("o.db")) {
            s.setCacheSpill(false);
            WalTestSupport.createTable(s);
            long before = walSize("o.db");
            s.beginWrite();
            SpillRows.put(s, 1, 2000, "a");
            assertEquals(before, walSize("o.db"));
            s.commit();
            assertEquals(SpillRows.expected(1, 2000, "a"), WalTestSupport.rows(s));
        }
        assertEquals(SpillRows.expected(1, 2000, "a"), sqliteRows("o.db"));
    }
}
