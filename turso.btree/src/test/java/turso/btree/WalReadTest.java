/*
 * A WAL-mode database written by real SQLite whose WAL still holds
 * uncheckpointed transactions (automatic checkpoints off) is read here
 * with every value equal to what SQLite reads; a torn last transaction
 * (WAL truncated mid-frame) is ignored as SQLite's recovery ignores it.
 * The VFS here has no shared memory, so the WAL is used as SQLite's
 * exclusive locking mode does (private wal-index, EXCLUSIVE file lock), and
 * closing checkpoints it into the file, which SQLite then reads the same.
 */
package turso.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalReadTest {

    @TempDir
    Path dir;

    private static TreeMap<Long, String> sqliteRows(Path db) throws Exception {
        TreeMap<Long, String> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT rowid, a || ':' || length(b) FROM t")) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getString(2));
            }
        }
        return out;
    }

    private static TreeMap<Long, String> ourRows(Path db) {
        TreeMap<Long, String> out = new TreeMap<>();
        try (Storage s = Storage.open(new TestVfs(), db.toString(), StorageOptions.DEFAULT)) {
            s.beginRead();
            int root = 0;
            try (BTreeCursor schema = s.openTableCursor(Storage.SCHEMA_ROOT)) {
                for (boolean ok = schema.first(); ok; ok = schema.next()) {
                    if ("t".equals(schema.record().getString(1))) {
                        root = (int) schema.record().getLong(3);
                    }
                }
            }
            try (BTreeCursor c = s.openTableCursor(root)) {
                for (boolean ok = c.first(); ok; ok = c.next()) {
                    Record r = c.record();
                    out.put(c.rowid(), r.getString(0) + ":" + r.getBytes(1).length);
                }
            }
            s.commit();
            assertEquals(JournalMode.WAL, s.journalMode());
        }
        assertFalse(Files.exists(Path.of(db + "-wal")), "closing checkpointed and removed the WAL");
        return out;
    }

    @Test
    void readsUncheckpointedWalFrames() throws Exception {
        Path db = dir.resolve("w.db");
        Path copy = dir.resolve("copy.db");
        Path torn = dir.resolve("torn.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("PRAGMA wal_autocheckpoint=0");
            st.execute("CREATE TABLE t(a, b)");
            st.execute("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 3000)"
                    + " INSERT INTO t SELECT 'first' || x, randomblob(x % 40 * 20) FROM n");
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            st.execute("UPDATE t SET a = 'second' || rowid WHERE rowid % 3 = 0");
            st.execute("DELETE FROM t WHERE rowid % 5 = 0");
            st.execute("INSERT INTO t SELECT 'third', randomblob(5000) FROM t WHERE rowid < 50");
            assertTrue(Files.size(Path.of(db + "-wal")) > 0, "the WAL holds frames");
            Files.copy(db, copy);
            Files.copy(Path.of(db + "-wal"), Path.of(copy + "-wal"));
            Files.copy(db, torn);
            st.execute("UPDATE t SET a = 'fourth' WHERE rowid < 100");
            Files.copy(Path.of(db + "-wal"), Path.of(torn + "-wal"), StandardCopyOption.REPLACE_EXISTING);
            assertTrue(Files.size(Path.of(copy + "-wal")) > 0);
            TreeMap<Long, String> ours = ourRows(copy);
            TreeMap<Long, String> expected = sqliteRows(copy);
            assertEquals(expected, ours);
            assertTrue(expected.containsValue("third:5000"));
            long full = Files.size(Path.of(torn + "-wal"));
            try (var ch = java.nio.channels.FileChannel.open(Path.of(torn + "-wal"), java.nio.file.StandardOpenOption.WRITE)) {
                ch.truncate(full - 100);
            }
            assertTrue(Files.size(Path.of(torn + "-wal")) > 0);
            assertEquals(expected, ourRows(torn));
            assertEquals(expected, sqliteRows(torn));
        }
    }
}
