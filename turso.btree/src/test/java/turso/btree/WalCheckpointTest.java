/*
 * Checkpoints against SQLite's own numbers. Two identical copies of a WAL
 * database (frames written here) go through the same sequence: a sqlite3
 * reader holds an old snapshot while a sqlite3 writer commits, and a
 * checkpoint in each mode runs before and after the reader lets go and
 * after another commit. On one copy a sqlite3 process checkpoints, on the
 * other this module does; since everything else is the same real SQLite,
 * the rows PRAGMA wal_checkpoint returns (busy, log frames, checkpointed
 * frames) must be equal, as must the data, and both files pass
 * integrity_check.
 */
package turso.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.Vfs;

class WalCheckpointTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void needsSqlite3() {
        assumeTrue(SqliteProcess.available(), "the sqlite3 CLI is not installed");
    }

    /** Runs checkpoints on one copy: sqlite3's or ours. */
    private interface Checkpointer extends AutoCloseable {
        String checkpoint(CheckpointMode mode) throws Exception;

        @Override
        void close() throws java.io.IOException;
    }

    private String base(Vfs vfs) throws Exception {
        String path = dir.resolve("base.db").toString();
        try (Storage s = Storage.open(vfs, path, StorageOptions.DEFAULT.withJournalMode(JournalMode.WAL))) {
            s.setAutoCheckpoint(0);
            WalTestSupport.createTable(s);
            WalTestSupport.insert(s, 1, 300);
            WalTestSupport.insert(s, 301, 600);
            for (String copy : new String[] {"sqlite.db", "ours.db"}) {
                Files.copy(Path.of(path), dir.resolve(copy));
                Files.copy(Path.of(path + "-wal"), dir.resolve(copy + "-wal"));
            }
        }
        return path;
    }

    private static List<String> sequence(String path, Checkpointer cp, CheckpointMode mode) throws Exception {
        List<String> out = new ArrayList<>();
        try (SqliteProcess reader = new SqliteProcess(path); SqliteProcess writer = new SqliteProcess(path); cp) {
            out.add(writer.send("PRAGMA wal_autocheckpoint=0; SELECT count(*) FROM t;"));
            out.add(reader.send("BEGIN; SELECT count(*) FROM t;"));
            writer.send("INSERT INTO t(rowid, a, b) SELECT value, 'v' || value, zeroblob(100) FROM generate_series(601, 700);");
            out.add(cp.checkpoint(mode));
            out.add(reader.send("SELECT count(*) FROM t; COMMIT;"));
            out.add(cp.checkpoint(mode));
            writer.send("INSERT INTO t(rowid, a, b) SELECT value, 'v' || value, zeroblob(3000) FROM generate_series(701, 720);");
            out.add(cp.checkpoint(mode));
            out.add(reader.send("BEGIN; SELECT count(*) FROM t;"));
            writer.send("UPDATE t SET a = 'w' || rowid WHERE rowid % 7 = 0;");
            out.add(cp.checkpoint(mode));
            out.add(reader.send("COMMIT;"));
            out.add(cp.checkpoint(mode));
            out.add(reader.send("SELECT count(*), sum(a LIKE 'w%') FROM t;"));
        }
        out.add(SqliteProcess.runOnce(path, "PRAGMA integrity_check;"));
        return out;
    }

    @ParameterizedTest
    @EnumSource(CheckpointMode.class)
    void checkpointRowsMatchSqlite(CheckpointMode mode) throws Exception {
        Vfs vfs = WalTestSupport.nio();
        base(vfs);
        String theirs = dir.resolve("sqlite.db").toString();
        String ours = dir.resolve("ours.db").toString();
        SqliteProcess sqlite = new SqliteProcess(theirs);
        List<String> expected = sequence(theirs, new Checkpointer() {
            @Override
            public String checkpoint(CheckpointMode m) throws Exception {
                return sqlite.send("PRAGMA wal_checkpoint(" + m + ");");
            }

            @Override
            public void close() throws java.io.IOException {
                sqlite.close();
            }
        }, mode);
        Storage storage = Storage.open(vfs, ours, StorageOptions.DEFAULT);
        List<String> actual = sequence(ours, new Checkpointer() {
            @Override
            public String checkpoint(CheckpointMode m) {
                CheckpointResult r = storage.checkpoint(m);
                return r.busy() + "|" + r.logFrames() + "|" + r.checkpointedFrames();
            }

            @Override
            public void close() {
                storage.close();
            }
        }, mode);
        assertEquals(expected, actual);
        assertEquals("ok", actual.getLast());
        assertTrue(actual.contains("720|102"), actual.toString());
    }

    @Test
    void checkpointInsideATransactionIsLockedAndNonWalGivesMinusOnes() throws Exception {
        Vfs vfs = WalTestSupport.nio();
        String path = dir.resolve("r.db").toString();
        try (Storage s = Storage.open(vfs, path, StorageOptions.DEFAULT)) {
            WalTestSupport.createTable(s);
            assertEquals(new CheckpointResult(0, -1, -1), s.checkpoint(CheckpointMode.PASSIVE));
            assertEquals("0|-1|-1", SqliteProcess.runOnce(path, "PRAGMA wal_checkpoint;"));
            s.setJournalMode(JournalMode.WAL);
            WalTestSupport.insert(s, 1, 10);
            s.beginRead();
            TursoException e = assertThrows(TursoException.class, () -> s.checkpoint(CheckpointMode.PASSIVE));
            assertEquals(ResultCode.LOCKED, e.resultCode());
            s.commit();
            CheckpointResult r = s.checkpoint(CheckpointMode.TRUNCATE);
            assertEquals(new CheckpointResult(0, 0, 0), r);
            assertEquals(0, Files.size(Path.of(path + "-wal")));
        }
    }

    private static <T extends Throwable> T assertThrows(Class<T> type, org.junit.jupiter.api.function.Executable e) {
        return org.junit.jupiter.api.Assertions.assertThrows(type, e);
    }

    @Test
    void busyHandlerWaitsForTheReaderAsSqliteBusyTimeoutDoes() throws Exception {
        Vfs vfs = WalTestSupport.nio();
        String path = dir.resolve("h.db").toString();
        try (Storage s = Storage.open(vfs, path, StorageOptions.DEFAULT.withJournalMode(JournalMode.WAL));
             SqliteProcess reader = new SqliteProcess(path)) {
            s.setAutoCheckpoint(0);
            WalTestSupport.createTable(s);
            WalTestSupport.insert(s, 1, 100);
            assertEquals("100", reader.send("BEGIN; SELECT count(*) FROM t;"));
            WalTestSupport.insert(s, 101, 200);
            CheckpointResult blocked = s.checkpoint(CheckpointMode.FULL);
            assertEquals(1, blocked.busy());
            assertTrue(blocked.checkpointedFrames() < blocked.logFrames(), blocked.toString());
            java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
            CheckpointResult gaveUp = s.checkpoint(CheckpointMode.FULL, tries -> asked.incrementAndGet() < 5);
            assertEquals(blocked, gaveUp, "a handler that gives up leaves the reader's frames");
            assertTrue(asked.get() >= 5);
            Thread release = Thread.ofPlatform().start(() -> {
                try {
                    Thread.sleep(300);
                    reader.send("COMMIT;");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long start = System.nanoTime();
            CheckpointResult waited = s.checkpoint(CheckpointMode.FULL, tries -> {
                java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
                return System.nanoTime() - start < 20_000_000_000L;
            });
            release.join();
            assertEquals(new CheckpointResult(0, blocked.logFrames(), blocked.logFrames()), waited);
            assertTrue(System.nanoTime() - start >= 250_000_000L, "it waited for the reader");
            CheckpointResult passive = s.checkpoint(CheckpointMode.PASSIVE, tries -> {
                throw new AssertionError("PASSIVE never calls the busy handler");
            });
            assertEquals(0, passive.busy());
        }
    }

    @Test
    void automaticCheckpointKeepsTheWalSmall() throws Exception {
        Vfs vfs = WalTestSupport.nio();
        String path = dir.resolve("a.db").toString();
        try (Storage s = Storage.open(vfs, path, StorageOptions.DEFAULT.withJournalMode(JournalMode.WAL))) {
            assertEquals(1000, s.autoCheckpoint());
            s.setAutoCheckpoint(100);
            WalTestSupport.createTable(s);
            for (int i = 0; i < 300; i++) {
                WalTestSupport.insert(s, i * 10L + 1, i * 10L + 10);
            }
            long walBytes = Files.size(Path.of(path + "-wal"));
            assertTrue(walBytes < 200L * (4096 + 24), "the WAL restarted after checkpoints: " + walBytes);
            assertEquals(WalTestSupport.expected(1, 3000), WalTestSupport.rows(s));
        }
        assertEquals("ok\n3000", SqliteProcess.runOnce(path, "PRAGMA integrity_check; SELECT count(*) FROM t;"));
    }
}
