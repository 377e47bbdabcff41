/*
 * Cache spilling in rollback-journal mode (DELETE, TRUNCATE, PERSIST): a
 * write transaction that dirties more pages than the cache holds journals
 * the originals (a journal segment per spill), syncs, and writes the dirty
 * pages to the database file before its commit. Checked: the spill happens
 * (the file grows and the journal exists before the commit), the commit, a
 * rollback and a ROLLBACK TO across spills leave exactly the expected rows,
 * files copied mid-transaction (what a crash leaves: database and hot
 * journal) are rolled back by real SQLite to the last commit, a reader
 * keeps the spill out (the pages stay in memory) and committed files pass
 * real SQLite's integrity_check.
 */
package turso.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JournalSpillTest {

    private static final int CACHE = 20;

    @TempDir
    Path dir;

    private TreeMap<Long, String> sqliteRows(String name) throws Exception {
        return WalTestSupport.sqliteRows(dir.resolve(name));
    }

    private Storage open(String name, JournalMode mode) {
        Storage s = Storage.open(WalTestSupport.nio(), dir.resolve(name).toString(),
                StorageOptions.DEFAULT.withJournalMode(mode));
        s.setCacheSize(CACHE);
        return s;
    }



    private long size(String name) throws Exception {
        return SpillRows.size(dir.resolve(name));
    }


    @ParameterizedTest
    @EnumSource(value = JournalMode.class, names = {"DELETE", "TRUNCATE", "PERSIST"})
    void bigTransactionSpillsAndCommits(JournalMode mode) throws Exception {
        try (Storage s = open("c.db", mode)) {
            WalTestSupport.createTable(s);
            s.beginWrite();
            SpillRows.put(s, 1, 100, "a");
            s.commit();
            long committed = size("c.db");

            s.beginWrite();
            SpillRows.put(s, 1, 50, "x");
            SpillRows.put(s, 101, 3000, "b");
            assertTrue(size("c.db") > committed + 100L * 4096, "dirty pages were written to the file before the commit");
            long firstSegments = size("c.db-journal");
            assertTrue(firstSegments > 0, "the originals were journaled first");
            // pages of the last commit changed after the spills: their originals go to a later segment
            SpillRows.put(s, 51, 100, "z");
            SpillRows.put(s, 3001, 4000, "b");
            assertTrue(size("c.db-journal") > firstSegments, "a later spill journaled more originals");

            // Files as a crash now would leave them: real SQLite rolls the hot journal back.
            Files.copy(dir.resolve("c.db"), dir.resolve("crash.db"));
            Files.copy(dir.resolve("c.db-journal"), dir.resolve("crash.db-journal"));
            assertEquals(SpillRows.expected(1, 100, "a"), sqliteRows("crash.db"));

            TreeMap<Long, String> inside = WalTestSupport.rows(s);
            assertEquals(4000, inside.size(), "the writer reads its spilled pages back");
            SpillRows.put(s, 60, 70, "y");
            s.commit();
            assertEquals(committedRows(), WalTestSupport.rows(s));
            assertEquals(mode == JournalMode.DELETE, !Files.exists(dir.resolve("c.db-journal")));
        }
        assertEquals(committedRows(), sqliteRows("c.db"));
    }

    /** What bigTransactionSpillsAndCommits commits. */
    private static TreeMap<Long, String> committedRows() {
        TreeMap<Long, String> all = SpillRows.expected(1, 50, "x");
        all.putAll(SpillRows.expected(51, 100, "z"));
        all.putAll(SpillRows.expected(60, 70, "y"));
        all.putAll(SpillRows.expected(101, 4000, "b"));
        return all;
    }

    @Test
    void rollbackAfterSpillsLeavesTheLastCommit() throws Exception {
        try (Storage s = open("r.db", JournalMode.DELETE)) {
            WalTestSupport.createTable(s);
            s.beginWrite();
            SpillRows.put(s, 1, 500, "a");
            s.commit();

            s.beginWrite();
            SpillRows.put(s, 1, 3000, "b");
            assertTrue(Files.exists(dir.resolve("r.db-journal")));
            s.rollback();
            assertFalse(Files.exists(dir.resolve("r.db-journal")));
            assertEquals(SpillRows.expected(1, 500, "a"), WalTestSupport.rows(s));

            s.beginWrite();
            SpillRows.put(s, 501, 510, "c");
            s.commit();
        }
        TreeMap<Long, String> want = SpillRows.expected(1, 500, "a");
        want.putAll(SpillRows.expected(501, 510, "c"));
        assertEquals(want, sqliteRows("r.db"));
    }

    @Test
    void rollbackToSavepointAcrossASpill() throws Exception {
        TreeMap<Long, String> want;
        try (Storage s = open("s.db", JournalMode.DELETE)) {
            want = SpillRows.commitAroundARolledBackSpill(s);
        }
        assertEquals(want, sqliteRows("s.db"));
    }

    @Test
    void aReaderKeepsTheSpillOut() throws Exception {
        try (Storage s = open("k.db", JournalMode.DELETE); Storage other = open("k.db", JournalMode.DELETE)) {
            WalTestSupport.createTable(s);
            s.beginWrite();
            SpillRows.put(s, 1, 100, "a");
            s.commit();
            long committed = size("k.db");
            other.beginRead();
            assertEquals(SpillRows.expected(1, 100, "a"), WalTestSupport.rows(other));
            s.beginWrite();
            SpillRows.put(s, 101, 2000, "b");
            assertEquals(committed, size("k.db"), "nothing written while another connection reads");
            assertEquals(SpillRows.expected(1, 100, "a"), WalTestSupport.rows(other));
            other.commit();
            SpillRows.put(s, 2001, 2100, "b");
            s.commit();
            assertEquals(SpillRows.expected(1, 100, "a").size() + 2000, WalTestSupport.rows(other).size());
        }
        TreeMap<Long, String> want = SpillRows.expected(1, 100, "a");
        want.putAll(SpillRows.expected(101, 2100, "b"));
        assertEquals(want, sqliteRows("k.db"));
    }

    @Test
    void withCacheSpillOffNothingReachesTheFileBeforeCommit() throws Exception {
        try (Storage s = open("o.db", JournalMode.DELETE)) {
            s.setCacheSpill(false);
            WalTestSupport.createTable(s);
            long before = size("o.db");
            s.beginWrite();
            SpillRows.put(s, 1, 2000, "a");
            assertEquals(before, size("o.db"));
            s.commit();
            assertEquals(SpillRows.expected(1, 2000, "a"), WalTestSupport.rows(s));
        }
        assertEquals(SpillRows.expected(1, 2000, "a"), sqliteRows("o.db"));
    }
}
