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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import turso.api.Value;

class CacheSpillTest {

    private static final int CACHE = 20;

    @TempDir
    Path dir;

    private Storage open(String name) {
        Storage s = Storage.open(WalTestSupport.nio(), dir.resolve(name).toString(),
                StorageOptions.DEFAULT.withJournalMode(JournalMode.WAL));
        s.setAutoCheckpoint(0);
        s.setCacheSize(CACHE);
        return s;
    }

    /** Inserts rows {@code from..to} with 300-byte blobs inside the open write transaction. */
    private static void put(Storage s, long from, long to, String tag) {
        try (BTreeCursor c = s.openTableCursor(2)) {
            for (long id = from; id <= to; id++) {
                c.insert(id, Rows.record(new Value.Text(tag + id), new Value.Blob(new byte[300])));
            }
        }
    }

    private static TreeMap<Long, String> expected(long from, long to, String tag) {
        TreeMap<Long, String> out = new TreeMap<>();
        for (long id = from; id <= to; id++) {
            out.put(id, tag + id);
        }
        return out;
    }

    private long walSize(String name) throws Exception {
        Path wal = dir.resolve(name + "-wal");
        return Files.exists(wal) ? Files.size(wal) : 0;
    }

    /** Runs real SQLite on {@code name} (or a copy of it and its WAL): integrity_check, then rowid -> a of t. */
    private TreeMap<Long, String> sqliteRows(String name) throws Exception {
        TreeMap<Long, String> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(name));
                Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                assertEquals("ok", rs.getString(1));
            }
            try (ResultSet rs = st.executeQuery("SELECT rowid, a FROM t")) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    @Test
    void bigTransactionSpillsAndCommits() throws Exception {
        try (Storage s = open("c.db"); Storage other = open("c.db")) {
            WalTestSupport.createTable(s);
            s.beginWrite();
            put(s, 1, 100, "a");
            s.commit();
            long committedWal = walSize("c.db");

            s.beginWrite();
            put(s, 101, 3000, "b");
            assertTrue(walSize("c.db") > committedWal + 100L * 4096, "dirty pages were spilled to the WAL before the commit");
            assertEquals(expected(1, 100, "a"), WalTestSupport.rows(other), "another connection reads the last commit");

            // Files as a crash now would leave them: real SQLite recovers the committed rows only.
            Files.copy(dir.resolve("c.db"), dir.resolve("crash.db"));
            Files.copy(dir.resolve("c.db-wal"), dir.resolve("crash.db-wal"));
            assertEquals(expected(1, 100, "a"), sqliteRows("crash.db"));

            TreeMap<Long, String> inside = WalTestSupport.rows(s);
            assertEquals(3000, inside.size(), "the writer reads its spilled pages back");
            s.commit();
            TreeMap<Long, String> all = expected(1, 100, "a");
            all.putAll(expected(101, 3000, "b"));
            assertEquals(all, WalTestSupport.rows(s));
            assertEquals(all, WalTestSupport.rows(other));
        }
        TreeMap<Long, String> all = expected(1, 100, "a");
        all.putAll(expected(101, 3000, "b"));
        assertEquals(all, sqliteRows("c.db"));
    }

    @Test
    void rollbackAfterSpillLeavesTheLastCommit() throws Exception {
        try (Storage s = open("r.db"); Storage other = open("r.db")) {
            WalTestSupport.createTable(s);
            s.beginWrite();
            put(s, 1, 500, "a");
            s.commit();

            s.beginWrite();
            put(s, 1, 3000, "b");
            s.rollback();
            assertEquals(expected(1, 500, "a"), WalTestSupport.rows(s));
            assertEquals(expected(1, 500, "a"), WalTestSupport.rows(other));

            other.beginWrite();
            put(other, 501, 510, "c");
            other.commit();
            TreeMap<Long, String> want = expected(1, 500, "a");
            want.putAll(expected(501, 510, "c"));
            assertEquals(want, WalTestSupport.rows(s));
        }
        TreeMap<Long, String> want = expected(1, 500, "a");
        want.putAll(expected(501, 510, "c"));
        assertEquals(want, sqliteRows("r.db"));
    }

    @Test
    void rollbackToSavepointAcrossASpill() throws Exception {
        try (Storage s = open("s.db")) {
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
        }
        TreeMap<Long, String> want = expected(1, 1000, "a");
        want.putAll(expected(1001, 1200, "c"));
        assertEquals(want, sqliteRows("s.db"));
    }

    @Test
    void withCacheSpillOffNothingReachesTheWalBeforeCommit() throws Exception {
        try (Storage s = open("o.db")) {
            s.setCacheSpill(false);
            WalTestSupport.createTable(s);
            long before = walSize("o.db");
            s.beginWrite();
            put(s, 1, 2000, "a");
            assertEquals(before, walSize("o.db"));
            s.commit();
            assertEquals(expected(1, 2000, "a"), WalTestSupport.rows(s));
        }
        assertEquals(expected(1, 2000, "a"), sqliteRows("o.db"));
    }
}
