/*
 * Switching journal modes and transactions inside WAL mode: PRAGMA
 * journal_mode=WAL sets the header's version bytes to 2 as SQLite does
 * (sqlite3 then reports "wal"); going back to DELETE checkpoints, removes
 * the -wal and sets them to 1, and is refused with BUSY while another
 * connection has the database open; an in-memory database stays "memory".
 * A rolled-back WAL transaction leaves the database file and the visible
 * data untouched; savepoints work as in rollback mode.
 */
package turso.btree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.Value;
import turso.api.spi.Vfs;

class WalModeTest {

    @TempDir
    Path dir;

    private static String sqliteJournalMode(String path) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + path); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
            return rs.getString(1);
        }
    }

    private static byte[] versionBytes(String path) throws Exception {
        byte[] head = new byte[20];
        try (var in = Files.newInputStream(Path.of(path))) {
            assertEquals(20, in.readNBytes(head, 0, 20));
        }
        return new byte[] {head[18], head[19]};
    }

    @Test
    void switchesIntoAndOutOfWalLikeSqlite() throws Exception {
        Vfs vfs = WalTestSupport.nio();
        String path = dir.resolve("m.db").toString();
        try (Storage s = Storage.open(vfs, path, StorageOptions.DEFAULT)) {
            assertEquals(JournalMode.DELETE, s.journalMode());
            WalTestSupport.createTable(s);
            WalTestSupport.insert(s, 1, 100);
            assertEquals(JournalMode.WAL, s.setJournalMode(JournalMode.WAL));
            assertArrayEquals(new byte[] {2, 2}, versionBytes(path));
            WalTestSupport.insert(s, 101, 200);
            assertTrue(Files.size(Path.of(path + "-wal")) > 0);
            try (Storage other = Storage.open(vfs, path, StorageOptions.DEFAULT)) {
                assertEquals(JournalMode.WAL, other.journalMode());
                assertEquals(WalTestSupport.expected(1, 200), WalTestSupport.rows(other));
                TursoException busy = assertThrows(TursoException.class, () -> s.setJournalMode(JournalMode.DELETE));
                assertEquals(ResultCode.BUSY, busy.resultCode());
                assertEquals(JournalMode.WAL, s.journalMode());
                WalTestSupport.insert(s, 201, 210);
                assertEquals(WalTestSupport.expected(1, 210), WalTestSupport.rows(other));
            }
            assertEquals(JournalMode.DELETE, s.setJournalMode(JournalMode.DELETE));
            assertEquals(JournalMode.DELETE, s.journalMode());
            assertFalse(Files.exists(Path.of(path + "-wal")));
            assertArrayEquals(new byte[] {1, 1}, versionBytes(path));
            WalTestSupport.insert(s, 211, 220);
            assertFalse(Files.exists(Path.of(path + "-wal")), "rollback-journal commits again");
        }
        assertEquals("delete", sqliteJournalMode(path));
        try (Storage s = Storage.open(vfs, path, StorageOptions.DEFAULT)) {
            assertEquals(WalTestSupport.expected(1, 220), WalTestSupport.rows(s));
            assertEquals(JournalMode.WAL, s.setJournalMode(JournalMode.WAL));
        }
        assertEquals("wal", sqliteJournalMode(path));
    }

    @Test
    void newEmptyDatabaseAndMemory() throws Exception {
        Vfs vfs = WalTestSupport.nio();
        String path = dir.resolve("new.db").toString();
        try (Storage s = Storage.open(vfs, path, StorageOptions.DEFAULT)) {
            assertEquals(JournalMode.WAL, s.setJournalMode(JournalMode.WAL));
        }
        assertEquals("wal", sqliteJournalMode(path));
        assertEquals(4096, Files.size(Path.of(path)));
        try (Storage m = Storage.openMemory(StorageOptions.DEFAULT)) {
            assertEquals(JournalMode.MEMORY, m.setJournalMode(JournalMode.WAL));
            assertEquals(JournalMode.MEMORY, m.journalMode());
        }
    }

    @Test
    void walOnTheInMemoryVfs() {
        Vfs vfs = turso.api.spi.NamedServices.load(Vfs.class, "VFS").lookup("memory");
        String path = "wal-test-" + System.nanoTime() + ".db";
        try (Storage a = Storage.open(vfs, path, StorageOptions.DEFAULT.withJournalMode(JournalMode.WAL));
             Storage b = Storage.open(vfs, path, StorageOptions.DEFAULT)) {
            assertEquals(JournalMode.WAL, a.journalMode());
            a.setAutoCheckpoint(10);
            WalTestSupport.createTable(a);
            for (int i = 0; i < 20; i++) {
                WalTestSupport.insert(a, i * 50L + 1, i * 50L + 50);
            }
            assertEquals(JournalMode.WAL, b.journalMode());
            assertEquals(WalTestSupport.expected(1, 1000), WalTestSupport.rows(b));
            WalTestSupport.insert(b, 1001, 1001);
            assertEquals(WalTestSupport.expected(1, 1001), WalTestSupport.rows(a));
            a.beginRead();
            assertEquals(java.util.List.of("ok"), a.integrityCheck(new int[] {2}, 10));
            a.commit();
        }
    }

    @Test
    void rollbackAndSavepointsInWalMode() throws Exception {
        Vfs vfs = WalTestSupport.nio();
        String path = dir.resolve("r.db").toString();
        try (Storage s = Storage.open(vfs, path, StorageOptions.DEFAULT.withJournalMode(JournalMode.WAL))) {
            s.setAutoCheckpoint(0);
            WalTestSupport.createTable(s);
            WalTestSupport.insert(s, 1, 300);
            s.checkpoint(CheckpointMode.TRUNCATE);
            byte[] file = Files.readAllBytes(Path.of(path));

            s.beginWrite();
            try (BTreeCursor c = s.openTableCursor(2)) {
                for (long id = 301; id <= 2000; id++) {
                    c.insert(id, Rows.record(new Value.Text("x"), new Value.Blob(new byte[500])));
                }
            }
            s.rollback();
            assertArrayEquals(file, Files.readAllBytes(Path.of(path)), "a rollback never touches the database file");
            assertEquals(WalTestSupport.expected(1, 300), WalTestSupport.rows(s));

            s.beginWrite();
            try (BTreeCursor c = s.openTableCursor(2)) {
                c.insert(301, Rows.record(new Value.Text("v301"), new Value.Blob(new byte[0])));
            }
            int sp = s.savepoint();
            try (BTreeCursor c = s.openTableCursor(2)) {
                for (long id = 302; id <= 900; id++) {
                    c.insert(id, Rows.record(new Value.Text("gone"), new Value.Blob(new byte[300])));
                }
            }
            s.rollbackToSavepoint(sp);
            try (BTreeCursor c = s.openTableCursor(2)) {
                c.insert(302, Rows.record(new Value.Text("v302"), new Value.Blob(new byte[0])));
            }
            s.releaseSavepoint(sp);
            s.commit();
            assertEquals(WalTestSupport.expected(1, 302), WalTestSupport.rows(s));
        }
        TreeMap<Long, String> sqlite = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + path); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                assertEquals("ok", rs.getString(1));
            }
            try (ResultSet rs = st.executeQuery("SELECT rowid, a FROM t")) {
                while (rs.next()) {
                    sqlite.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        assertEquals(WalTestSupport.expected(1, 302), sqlite);
    }
}
