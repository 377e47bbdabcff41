/*
 * WAL writes checked against real SQLite: a file this module writes in WAL
 * mode (frames not yet checkpointed, then checkpointed on close) is read by
 * sqlite-jdbc with integrity_check ok and the same rows; a WAL file SQLite
 * left with uncheckpointed frames is read here, written more, and SQLite
 * reads the result. sqlite-jdbc runs in this JVM, where POSIX locks do not
 * separate it from us, so it only opens a file while no Storage has it open.
 */
package turso.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import turso.api.spi.Vfs;

class WalWriteTest {

    @TempDir
    Path dir;

    private static TreeMap<Long, String> sqliteRows(String path) throws Exception {
        return WalTestSupport.sqliteRows(Path.of(path));
    }

    @Test
    void sqliteReadsWhatWeWroteInWalMode() throws Exception {
        Vfs vfs = WalTestSupport.nio();
        String path = dir.resolve("w.db").toString();
        Path wal = Path.of(path + "-wal");
        try (Storage s = Storage.open(vfs, path, StorageOptions.DEFAULT)) {
            assertEquals(JournalMode.WAL, s.setJournalMode(JournalMode.WAL));
            assertEquals(JournalMode.WAL, s.journalMode());
            s.setAutoCheckpoint(0);
            WalTestSupport.createTable(s);
            for (int i = 0; i < 20; i++) {
                WalTestSupport.insert(s, i * 100L + 1, i * 100L + 100);
            }
            assertTrue(Files.size(wal) > 0, "commits went to the WAL");
            assertEquals(WalTestSupport.expected(1, 2000), WalTestSupport.rows(s));
        }
        assertFalse(Files.exists(wal), "the last close checkpoints and removes the WAL");
        assertFalse(Files.exists(Path.of(path + "-shm")));
        assertEquals(WalTestSupport.expected(1, 2000), sqliteRows(path));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + path); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
            assertEquals("wal", rs.getString(1));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 65536})
    void extremePageSizesWithSqliteAlongside(int pageSize) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(SqliteProcess.available(), "the sqlite3 CLI is not installed");
        Vfs vfs = WalTestSupport.nio();
        String path = dir.resolve("p" + pageSize + ".db").toString();
        try (Storage s = Storage.open(vfs, path, StorageOptions.DEFAULT.withPageSize(pageSize).withJournalMode(JournalMode.WAL));
             SqliteProcess sql = new SqliteProcess(path)) {
            s.setAutoCheckpoint(0);
            WalTestSupport.createTable(s);
            WalTestSupport.insert(s, 1, 700);
            assertEquals(pageSize + "|700|ok", sql.send("PRAGMA wal_autocheckpoint=0; SELECT (SELECT page_size FROM pragma_page_size),"
                    + " count(*), (SELECT integrity_check FROM pragma_integrity_check) FROM t;").lines().skip(1).findFirst().orElseThrow());
            sql.send("INSERT INTO t(rowid, a, b) SELECT value, 'v' || value, zeroblob(value % 50 * 40) FROM generate_series(701, 900);");
            assertEquals(WalTestSupport.expected(1, 900), WalTestSupport.rows(s));
            assertEquals(0, s.checkpoint(CheckpointMode.TRUNCATE).busy());
            WalTestSupport.insert(s, 901, 950);
            assertEquals("950|ok", sql.send("SELECT count(*), (SELECT integrity_check FROM pragma_integrity_check) FROM t;"));
        }
    }

    @Test
    void readOnlyConnectionReadsSqliteFrames() throws Exception {
        Vfs vfs = WalTestSupport.nio();
        String path = dir.resolve("ro.db").toString();
        String copy = dir.resolve("ro2.db").toString();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + path); Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("PRAGMA wal_autocheckpoint=0");
            st.execute("CREATE TABLE t(a, b)");
            st.execute("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 400)"
                    + " INSERT INTO t(rowid, a, b) SELECT x, 'v' || x, zeroblob(x) FROM n");
            Files.copy(Path.of(path), Path.of(copy));
            Files.copy(Path.of(path + "-wal"), Path.of(copy + "-wal"));
        }
        try (Storage s = Storage.open(vfs, copy, StorageOptions.DEFAULT.withReadOnly(true))) {
            assertEquals(JournalMode.WAL, s.journalMode());
            assertEquals(WalTestSupport.expected(1, 400), WalTestSupport.rows(s));
            assertEquals(turso.api.ResultCode.READONLY,
                    org.junit.jupiter.api.Assertions.assertThrows(turso.api.TursoException.class, s::beginWrite).resultCode());
        }
        assertTrue(Files.exists(Path.of(copy + "-wal")), "a read-only connection does not checkpoint or remove the WAL");
        assertEquals(WalTestSupport.expected(1, 400), sqliteRows(copy));
    }

    @Test
    void uncheckpointedFramesOfOursAreReadBySqlite() throws Exception {
        Vfs vfs = WalTestSupport.nio();
        String path = dir.resolve("u.db").toString();
        String copy = dir.resolve("copy.db").toString();
        try (Storage s = Storage.open(vfs, path, StorageOptions.DEFAULT.withJournalMode(JournalMode.WAL))) {
            s.setAutoCheckpoint(0);
            WalTestSupport.createTable(s);
            WalTestSupport.insert(s, 1, 500);
            WalTestSupport.insert(s, 501, 900);
            s.beginWrite();
            try (BTreeCursor c = s.openTableCursor(2)) {
                for (long id = 2; id <= 900; id += 3) {
                    assertTrue(c.seek(id, SeekOp.EQ));
                    c.delete();
                }
            }
            s.commit();
            Files.copy(Path.of(path), Path.of(copy));
            Files.copy(Path.of(path + "-wal"), Path.of(copy + "-wal"));
        }
        TreeMap<Long, String> want = WalTestSupport.expected(1, 900);
        want.keySet().removeIf(id -> id % 3 == 2);
        assertEquals(want, sqliteRows(copy));
        assertEquals(want, sqliteRows(path));
    }

    @Test
    void sqliteWalFramesAreReadAndExtendedHere() throws Exception {
        Vfs vfs = WalTestSupport.nio();
        String path = dir.resolve("s.db").toString();
        String copy = dir.resolve("s2.db").toString();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + path); Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("PRAGMA wal_autocheckpoint=0");
            st.execute("CREATE TABLE t(a, b)");
            st.execute("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 1500)"
                    + " INSERT INTO t(rowid, a, b) SELECT x, 'v' || x, zeroblob(x % 50 * 40) FROM n");
            st.execute("DELETE FROM t WHERE rowid > 1000");
            Files.copy(Path.of(path), Path.of(copy));
            Files.copy(Path.of(path + "-wal"), Path.of(copy + "-wal"));
        }
        try (Storage s = Storage.open(vfs, copy, StorageOptions.DEFAULT)) {
            assertEquals(JournalMode.WAL, s.journalMode());
            assertEquals(WalTestSupport.expected(1, 1000), WalTestSupport.rows(s));
            WalTestSupport.insert(s, 1001, 1200);
            assertEquals(WalTestSupport.expected(1, 1200), WalTestSupport.rows(s));
            Files.copy(Path.of(copy), dir.resolve("s3.db"));
            Files.copy(Path.of(copy + "-wal"), dir.resolve("s3.db-wal"));
        }
        assertEquals(WalTestSupport.expected(1, 1200), sqliteRows(dir.resolve("s3.db").toString()));
        assertEquals(WalTestSupport.expected(1, 1200), sqliteRows(copy));
    }
}
