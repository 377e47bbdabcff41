/*
 * One writer and many readers across processes: this module and a sqlite3
 * CLI process with the same WAL database open at the same time. Each sees
 * the other's commits, readers keep their snapshot while the other side
 * commits, a second writer gets BUSY (5), a write on a stale snapshot gets
 * BUSY_SNAPSHOT (517), and the last connection to close removes the WAL.
 * Connections of this JVM (several Storages on one file) are checked the
 * same way, from two threads.
 */
package turso.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.Value;
import turso.api.spi.Vfs;

class WalConcurrencyTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void needsSqlite3() {
        assumeTrue(SqliteProcess.available(), "the sqlite3 CLI is not installed");
    }

    private Storage openWal(Vfs vfs, String path) {
        Storage s = Storage.open(vfs, path, StorageOptions.DEFAULT.withJournalMode(JournalMode.WAL));
        s.setAutoCheckpoint(0);
        return s;
    }

    private static int count(Storage s) {
        try (BTreeCursor c = s.openTableCursor(2)) {
            return (int) c.count();
        }
    }

    /** Inserts rows as WalTestSupport.insert, retrying on BUSY as a busy handler would; returns the retries. */
    private static int insertRetrying(Storage s, long from, long to) throws InterruptedException {
        for (int busy = 0; ; busy++) {
            try {
                WalTestSupport.insert(s, from, to);
                return busy;
            } catch (TursoException e) {
                assertEquals(ResultCode.BUSY, e.primaryResultCode(), e.toString());
                if (s.inTransaction()) {
                    s.rollback();
                }
                Thread.sleep(1);
            }
        }
    }

    @Test
    void eachSideSeesTheOthersCommitsAndKeepsItsSnapshot() throws Exception {
        Vfs vfs = WalTestSupport.nio();
        String path = dir.resolve("c.db").toString();
        try (Storage s = openWal(vfs, path)) {
            WalTestSupport.createTable(s);
            WalTestSupport.insert(s, 1, 100);
            try (SqliteProcess sql = new SqliteProcess(path)) {
                assertEquals("wal", sql.send("PRAGMA journal_mode;"));
                sql.send("PRAGMA wal_autocheckpoint=0;");
                assertEquals("100|v100", sql.send("SELECT count(*), (SELECT a FROM t WHERE rowid = 100) FROM t;"));
                assertEquals("ok", sql.send("PRAGMA integrity_check;"));
                sql.send("INSERT INTO t(rowid, a, b) SELECT value, 'v' || value, zeroblob(10) FROM generate_series(101, 150);");
                assertEquals(WalTestSupport.expected(1, 150), WalTestSupport.rows(s));

                s.beginRead();
                assertEquals(150, count(s));
                sql.send("INSERT INTO t(rowid, a, b) VALUES (151, 'v151', x'00');");
                assertEquals(150, count(s), "our snapshot is unchanged by sqlite3's commit");
                s.commit();
                s.beginRead();
                assertEquals(151, count(s));
                s.commit();

                assertEquals("151", sql.send("BEGIN; SELECT count(*) FROM t;"));
                WalTestSupport.insert(s, 152, 400);
                assertEquals("151", sql.send("SELECT count(*) FROM t;"), "sqlite3's snapshot is unchanged by our commit");
                assertEquals("400", sql.send("COMMIT; SELECT count(*) FROM t;"));
                assertEquals("ok", sql.send("PRAGMA integrity_check;"));
                assertEquals(WalTestSupport.expected(1, 400), WalTestSupport.rows(s));
            }
            assertTrue(Files.exists(Path.of(path + "-wal")), "sqlite3 was not the last to close");
            WalTestSupport.insert(s, 401, 410);
        }
        assertFalse(Files.exists(Path.of(path + "-wal")), "we were the last to close");
        assertEquals("ok\n410", SqliteProcess.runOnce(path, "PRAGMA integrity_check; SELECT count(*) FROM t;"));
    }

    @Test
    void secondWriterIsBusyAndStaleSnapshotIsBusySnapshot() throws Exception {
        Vfs vfs = WalTestSupport.nio();
        String path = dir.resolve("b.db").toString();
        try (Storage s = openWal(vfs, path); SqliteProcess sql = new SqliteProcess(path)) {
            WalTestSupport.createTable(s);
            WalTestSupport.insert(s, 1, 10);
            sql.send("PRAGMA wal_autocheckpoint=0;");
            sql.send("BEGIN IMMEDIATE;");
            TursoException busy = assertThrows(TursoException.class, s::beginWrite);
            assertEquals(ResultCode.BUSY, busy.resultCode());
            assertEquals(5, busy.resultCode().code());
            assertFalse(s.inTransaction());
            sql.send("INSERT INTO t(rowid, a, b) VALUES (11, 'v11', x'');");
            sql.send("COMMIT;");

            s.beginWrite();
            String locked = sql.send("INSERT INTO t(rowid, a, b) VALUES (12, 'v12', x'');");
            assertTrue(locked.contains("database is locked"), locked);
            try (BTreeCursor c = s.openTableCursor(2)) {
                c.insert(12, Rows.record(new Value.Text("v12"), new Value.Blob(new byte[0])));
            }
            s.rollback();
            assertEquals("11", sql.send("SELECT count(*) FROM t;"), "our rolled-back frames are invisible");

            s.beginRead();
            assertEquals(11, count(s));
            sql.send("INSERT INTO t(rowid, a, b) VALUES (12, 'v12', x'');");
            TursoException stale = assertThrows(TursoException.class, s::beginWrite);
            assertEquals(ResultCode.BUSY_SNAPSHOT, stale.resultCode());
            assertEquals(517, stale.resultCode().code());
            s.commit();
            WalTestSupport.insert(s, 13, 13);
            assertEquals(WalTestSupport.expected(1, 13), WalTestSupport.rows(s));

            s.beginWrite();
            sql.send("BEGIN;");
            assertEquals("13", sql.send("SELECT count(*) FROM t;"));
            try (BTreeCursor c = s.openTableCursor(2)) {
                c.insert(14, Rows.record(new Value.Text("v14"), new Value.Blob(new byte[0])));
            }
            s.commit();
            String upgrade = sql.send("INSERT INTO t(rowid, a, b) VALUES (15, 'v15', x'');");
            assertTrue(upgrade.contains("database is locked"), "sqlite3 gets BUSY_SNAPSHOT: " + upgrade);
            sql.send("ROLLBACK;");
            assertEquals("14", sql.send("SELECT count(*) FROM t;"));
        }
    }

    @Test
    void recoversTheWalOfAKilledSqlite3() throws Exception {
        Vfs vfs = WalTestSupport.nio();
        String path = dir.resolve("killed.db").toString();
        SqliteProcess sql = new SqliteProcess(path);
        sql.send("PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0; PRAGMA cache_size=20; CREATE TABLE t(a, b);");
        sql.send("INSERT INTO t(rowid, a, b) SELECT value, 'v' || value, zeroblob(value % 50 * 40) FROM generate_series(1, 2000);");
        sql.send("BEGIN; INSERT INTO t(rowid, a, b) SELECT value, 'x', zeroblob(900) FROM generate_series(2001, 12000);");
        long walBytes = Files.size(Path.of(path + "-wal"));
        sql.kill();
        assertTrue(Files.size(Path.of(path + "-wal")) >= walBytes && walBytes > 2000L * 1024,
                "the uncommitted transaction spilled frames into the WAL: " + walBytes);
        assertTrue(Files.exists(Path.of(path + "-shm")));
        try (Storage s = Storage.open(vfs, path, StorageOptions.DEFAULT)) {
            assertEquals(JournalMode.WAL, s.journalMode());
            assertEquals(WalTestSupport.expected(1, 2000), WalTestSupport.rows(s));
            s.beginRead();
            assertEquals(java.util.List.of("ok"), s.integrityCheck(new int[] {2}, 10));
            s.commit();
            WalTestSupport.insert(s, 2001, 2100);
            try (SqliteProcess again = new SqliteProcess(path)) {
                assertEquals("2100|ok", again.send("SELECT count(*), (SELECT integrity_check FROM pragma_integrity_check) FROM t;"));
            }
        }
        assertEquals("ok\n2100", SqliteProcess.runOnce(path, "PRAGMA integrity_check; SELECT count(*) FROM t;"));
    }

    @Test
    void largeWalSpansSeveralHashTablesBothWays() throws Exception {
        Vfs vfs = WalTestSupport.nio();
        String path = dir.resolve("big.db").toString();
        try (Storage s = Storage.open(vfs, path, StorageOptions.DEFAULT.withPageSize(1024).withJournalMode(JournalMode.WAL));
             SqliteProcess sql = new SqliteProcess(path)) {
            s.setAutoCheckpoint(0);
            WalTestSupport.createTable(s);
            for (int i = 0; i < 6; i++) {
                WalTestSupport.insert(s, i * 1500L + 1, i * 1500L + 1500);
            }
            assertTrue(Files.size(Path.of(path + "-wal")) > 9000L * 1048, "more than two hash tables of frames");
            sql.send("PRAGMA wal_autocheckpoint=0;");
            assertEquals("9000|v4321|ok", sql.send("SELECT count(*), (SELECT a FROM t WHERE rowid = 4321), "
                    + "(SELECT integrity_check FROM pragma_integrity_check) FROM t;"));
            sql.send("INSERT INTO t(rowid, a, b) SELECT value, 'v' || value, zeroblob(value % 50 * 40) FROM generate_series(9001, 15000);");
            sql.send("UPDATE t SET a = 'v' || rowid WHERE rowid % 2 = 0;");
            assertEquals(WalTestSupport.expected(1, 15000), WalTestSupport.rows(s));
            WalTestSupport.insert(s, 15001, 15010);
            assertEquals("15010|ok", sql.send("SELECT count(*), (SELECT integrity_check FROM pragma_integrity_check) FROM t;"));
            CheckpointResult r = s.checkpoint(CheckpointMode.RESTART);
            assertEquals(0, r.busy());
            assertEquals(r.logFrames(), r.checkpointedFrames());
            assertTrue(r.logFrames() > 12000, r.toString());
            WalTestSupport.insert(s, 15011, 15020);
            assertEquals("15020|ok", sql.send("SELECT count(*), (SELECT integrity_check FROM pragma_integrity_check) FROM t;"));
        }
        assertEquals("ok\n15020", SqliteProcess.runOnce(path, "PRAGMA integrity_check; SELECT count(*) FROM t;"));
    }

    @Test
    void writersInTwoProcessesRaceWithCheckpointsAndReaders() throws Exception {
        Vfs vfs = WalTestSupport.nio();
        String path = dir.resolve("race.db").toString();
        int n = Boolean.getBoolean("turso.long") ? 2000 : 300;
        try (Storage w = Storage.open(vfs, path, StorageOptions.DEFAULT.withJournalMode(JournalMode.WAL));
             Storage r = Storage.open(vfs, path, StorageOptions.DEFAULT);
             SqliteProcess sql = new SqliteProcess(path)) {
            w.setAutoCheckpoint(50);
            WalTestSupport.createTable(w);
            sql.send(".timeout 5000\nPRAGMA wal_autocheckpoint=70;");
            StringBuilder script = new StringBuilder();
            for (int i = 1; i <= n; i++) {
                script.append("INSERT INTO t(rowid, a, b) VALUES (").append(100_000 + i).append(", 'v")
                        .append(100_000 + i).append("', zeroblob(").append(i % 7 * 300).append("));\n");
                if (i % 40 == 0) {
                    script.append("PRAGMA wal_checkpoint(PASSIVE);\n");
                }
            }
            AtomicReference<String> theirOutput = new AtomicReference<>();
            Thread theirs = Thread.ofPlatform().start(() -> {
                try {
                    theirOutput.set(sql.send(script.toString()));
                } catch (Exception e) {
                    theirOutput.set(e.toString());
                }
            });
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicBoolean done = new AtomicBoolean();
            Thread reader = Thread.ofPlatform().start(() -> {
                try {
                    int last = 0;
                    while (!done.get()) {
                        try {
                            r.beginRead();
                        } catch (TursoException e) {
                            assertEquals(ResultCode.BUSY, e.primaryResultCode(), e.toString());
                            continue;
                        }
                        int c1 = count(r);
                        int c2 = count(r);
                        r.commit();
                        assertEquals(c1, c2);
                        assertTrue(c1 >= last);
                        last = c1;
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            int busy = 0;
            for (int i = 1; i <= n; i++) {
                busy += insertRetrying(w, i, i);
            }
            theirs.join();
            done.set(true);
            reader.join();
            if (failure.get() != null) {
                throw new AssertionError(failure.get());
            }
            assertFalse(theirOutput.get().contains("Error"), theirOutput.get());
            java.util.TreeMap<Long, String> want = WalTestSupport.expected(1, n);
            want.putAll(WalTestSupport.expected(100_001, 100_000 + n));
            assertEquals(want, WalTestSupport.rows(r));
            assertEquals(2 * n + "|ok", sql.send("SELECT count(*), (SELECT integrity_check FROM pragma_integrity_check) FROM t;"));
            System.out.println("WalConcurrencyTest: " + n + " + " + n + " commits from two processes, " + busy + " BUSY retries here");
        }
        assertEquals("ok\n" + 2 * n, SqliteProcess.runOnce(path, "PRAGMA integrity_check; SELECT count(*) FROM t;"));
    }

    @Test
    void connectionsInThisJvmShareTheWal() throws Exception {
        Vfs vfs = WalTestSupport.nio();
        String path = dir.resolve("j.db").toString();
        try (Storage a = openWal(vfs, path); Storage b = openWal(vfs, path)) {
            WalTestSupport.createTable(a);
            a.beginRead();
            assertEquals(0, count(a));
            b.beginWrite();
            TursoException busy = assertThrows(TursoException.class, a::beginWrite);
            assertEquals(ResultCode.BUSY, busy.resultCode());
            assertTrue(a.inTransaction(), "a keeps its read transaction");
            try (BTreeCursor c = b.openTableCursor(2)) {
                c.insert(1, Rows.record(new Value.Text("v1"), new Value.Blob(new byte[0])));
            }
            b.commit();
            TursoException stale = assertThrows(TursoException.class, a::beginWrite);
            assertEquals(ResultCode.BUSY_SNAPSHOT, stale.resultCode());
            assertEquals(0, count(a));
            a.commit();
            a.beginWrite();
            try (BTreeCursor c = a.openTableCursor(2)) {
                assertTrue(c.seek(1, SeekOp.EQ));
                c.delete();
            }
            a.commit();

            int rounds = 200;
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Integer> seen = new ArrayList<>();
            Thread reader = Thread.ofPlatform().start(() -> {
                try {
                    int last = 0;
                    while (last < rounds * 5) {
                        b.beginRead();
                        int n1 = count(b);
                        Thread.onSpinWait();
                        int n2 = count(b);
                        b.commit();
                        assertEquals(n1, n2, "a snapshot does not move");
                        assertTrue(n1 % 5 == 0 && n1 >= last, "whole transactions, in order: " + n1);
                        last = n1;
                        seen.add(n1);
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            for (int i = 0; i < rounds && failure.get() == null; i++) {
                insertRetrying(a, i * 5L + 1, i * 5L + 5);
                if (i % 50 == 49) {
                    a.checkpoint(CheckpointMode.PASSIVE);
                }
            }
            reader.join();
            if (failure.get() != null) {
                throw new AssertionError(failure.get());
            }
            assertTrue(seen.size() > 1);
            assertEquals(WalTestSupport.expected(1, rounds * 5L), WalTestSupport.rows(b));
        }
        assertFalse(Files.exists(Path.of(path + "-wal")));
        assertEquals("ok\n1000", SqliteProcess.runOnce(path, "PRAGMA integrity_check; SELECT count(*) FROM t;"));
    }
}
