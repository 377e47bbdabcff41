package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import turso.api.Connection;
import turso.api.Database;
import turso.api.ResultCode;
import turso.api.Statement;
import turso.api.TursoException;

/**
 * A locked database: SQLITE_BUSY at once without a busy timeout, retries
 * until the timeout with one; a COMMIT that fails with BUSY keeps the
 * transaction open for a retry, an autocommit statement that fails so is
 * rolled back. Checked against sqlite-jdbc (two connections, same
 * transcript), with threads (a lock released while the other waits) and
 * against a sqlite3 process holding the write lock.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ConnBusyTest {

    static Stream<String> scripts() {
        return Stream.of(
                """
                CREATE TABLE t(x)
                BEGIN IMMEDIATE
                B: INSERT INTO t VALUES (1)
                B: BEGIN IMMEDIATE
                B: SELECT count(*) FROM t
                B: COMMIT
                INSERT INTO t VALUES (2)
                COMMIT
                B: SELECT count(*) FROM t
                B: BEGIN
                B: SELECT count(*) FROM t
                INSERT INTO t VALUES (3)
                SELECT count(*) FROM t
                BEGIN
                INSERT INTO t VALUES (4)
                COMMIT
                SELECT count(*) FROM t
                B: INSERT INTO t VALUES (5)
                B: COMMIT
                COMMIT
                B: SELECT count(*) FROM t
                """,
                """
                CREATE TABLE t(x)
                B: SAVEPOINT r
                B: SELECT count(*) FROM t
                SAVEPOINT w
                INSERT INTO t VALUES (1)
                RELEASE w
                SELECT count(*) FROM t
                B: RELEASE r
                RELEASE w
                B: SELECT count(*) FROM t
                """);
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void sameTranscriptAsSqlite(String script, @TempDir Path dir) throws Exception {
        Path ours = Files.createDirectories(dir.resolve("turso"));
        Path theirs = Files.createDirectories(dir.resolve("sqlite"));
        assertEquals(String.join("\n", ConnectionScript.sqlite(theirs, script)),
                String.join("\n", ConnectionScript.turso(ours, script)));
    }

    private static String location(Path dir, boolean memory) {
        return memory ? Database.MEMORY : dir.resolve("busy.db").toString();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void noTimeoutFailsAtOnceAndATimeoutWaitsThatLong(boolean memory, @TempDir Path dir) {
        try (Database db = Database.open(location(dir, memory)); Connection a = db.connect(); Connection b = db.connect()) {
            a.execute("CREATE TABLE t(x)");
            a.execute("BEGIN IMMEDIATE");
            long start = System.nanoTime();
            TursoException e = assertThrows(TursoException.class, () -> b.execute("INSERT INTO t VALUES (1)"));
            assertEquals(ResultCode.BUSY, e.primaryResultCode());
            assertEquals("database is locked", e.getMessage());
            assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(250), "no wait without a timeout");

            b.busyTimeout(Duration.ofMillis(300));
            start = System.nanoTime();
            e = assertThrows(TursoException.class, () -> b.execute("INSERT INTO t VALUES (1)"));
            long waited = System.nanoTime() - start;
            assertEquals(ResultCode.BUSY, e.primaryResultCode());
            assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(290), "waited " + waited / 1_000_000 + " ms");
            assertTrue(waited < TimeUnit.SECONDS.toNanos(5), "waited " + waited / 1_000_000 + " ms");
            a.execute("COMMIT");
            b.execute("INSERT INTO t VALUES (1)");
            assertEquals(1, count(a));
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aWaitingStatementGoesOnWhenTheLockIsReleased(boolean memory, @TempDir Path dir) throws Exception {
        ScheduledExecutorService other = Executors.newSingleThreadScheduledExecutor();
        try (Database db = Database.open(location(dir, memory)); Connection a = db.connect(); Connection b = db.connect()) {
            a.execute("CREATE TABLE t(x)");
            a.execute("BEGIN IMMEDIATE");
            a.execute("INSERT INTO t VALUES (1)");
            b.busyTimeout(Duration.ofSeconds(20));
            long start = System.nanoTime();
            var commit = other.schedule(() -> a.execute("COMMIT"), 200, TimeUnit.MILLISECONDS);
            b.execute("INSERT INTO t VALUES (2)");
            long waited = System.nanoTime() - start;
            commit.get();
            assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(150), "waited " + waited / 1_000_000 + " ms");
            assertEquals(2, count(b));
        } finally {
            other.shutdownNow();
        }
    }

    /**
     * The connections of an in-memory database share one pager, which is not
     * thread-safe: a reader on another thread waits (busy timeout) until the
     * first thread's read transaction ends; on the same thread readers share.
     */
    @Test
    void memoryDatabaseReadersOnOtherThreadsTakeTurns() throws Exception {
        ScheduledExecutorService other = Executors.newSingleThreadScheduledExecutor();
        try (Database db = Database.open(Database.MEMORY); Connection a = db.connect(); Connection b = db.connect()) {
            a.execute("CREATE TABLE t(x)");
            a.execute("INSERT INTO t VALUES (1), (2)");
            try (Statement open = a.prepare("SELECT x FROM t")) {
                assertTrue(open.step());
                assertEquals(2, count(b), "same thread: readers share");
                TursoException busy = other.submit(() -> {
                    try {
                        count(b);
                        return null;
                    } catch (TursoException e) {
                        return e;
                    }
                }).get();
                assertEquals(ResultCode.BUSY, busy == null ? null : busy.primaryResultCode(), "another thread, no timeout");
                b.busyTimeout(Duration.ofSeconds(20));
                var later = other.submit(() -> count(b));
                Thread.sleep(100);
                assertFalse(later.isDone(), "waits while the read transaction lasts");
                assertTrue(open.step());
                assertFalse(open.step());
                assertEquals(2, later.get());
            }
        } finally {
            other.shutdownNow();
        }
    }

    /**
     * Writers on four threads, each with its own connection and a busy
     * timeout, increment one counter: every increment lands, as with SQLite
     * (the same workload through sqlite-jdbc gives the same total).
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void concurrentWritersAllCommitWithABusyTimeout(boolean sqlite, @TempDir Path dir) throws Exception {
        int threads = 4;
        int increments = 40;
        var pool = Executors.newFixedThreadPool(threads);
        String file = dir.resolve("counter.db").toString();
        try {
            long total;
            if (sqlite) {
                try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file)) {
                    c.createStatement().execute("CREATE TABLE c(n)");
                    c.createStatement().execute("INSERT INTO c VALUES (0)");
                    var done = new java.util.ArrayList<java.util.concurrent.Future<?>>();
                    for (int t = 0; t < threads; t++) {
                        done.add(pool.submit(() -> {
                            try (java.sql.Connection w = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file)) {
                                w.createStatement().execute("PRAGMA busy_timeout = 20000");
                                for (int i = 0; i < increments; i++) {
                                    w.createStatement().executeUpdate("UPDATE c SET n = n + 1");
                                }
                            }
                            return null;
                        }));
                    }
                    for (var f : done) {
                        f.get();
                    }
                    var rs = c.createStatement().executeQuery("SELECT n FROM c");
                    rs.next();
                    total = rs.getLong(1);
                }
            } else {
                try (Database db = Database.open(file); Connection c = db.connect()) {
                    c.execute("CREATE TABLE c(n)");
                    c.execute("INSERT INTO c VALUES (0)");
                    var done = new java.util.ArrayList<java.util.concurrent.Future<?>>();
                    for (int t = 0; t < threads; t++) {
                        done.add(pool.submit(() -> {
                            try (Connection w = db.connect()) {
                                w.busyTimeout(Duration.ofSeconds(20));
                                for (int i = 0; i < increments; i++) {
                                    w.execute("UPDATE c SET n = n + 1");
                                }
                            }
                            return null;
                        }));
                    }
                    for (var f : done) {
                        f.get();
                    }
                    try (Statement st = c.prepare("SELECT n FROM c")) {
                        assertTrue(st.step());
                        total = st.columnLong(0);
                    }
                }
            }
            assertEquals(threads * increments, total);
        } finally {
            pool.shutdownNow();
        }
    }

    /** COMMIT that cannot get the exclusive lock: BUSY, still in the transaction, and a later COMMIT works. */
    @Test
    void aFailedCommitCanBeRetried(@TempDir Path dir) {
        try (Database db = Database.open(location(dir, false)); Connection a = db.connect(); Connection b = db.connect()) {
            a.execute("CREATE TABLE t(x)");
            b.execute("BEGIN");
            assertEquals(0, count(b));
            a.execute("BEGIN");
            a.execute("INSERT INTO t VALUES (1)");
            TursoException e = assertThrows(TursoException.class, () -> a.execute("COMMIT"));
            assertEquals(ResultCode.BUSY, e.primaryResultCode());
            assertFalse(a.autoCommit());
            assertEquals(1, count(a));
            b.execute("COMMIT");
            a.execute("COMMIT");
            assertTrue(a.autoCommit());
            assertEquals(1, count(b));
        }
    }

    private static long count(Connection c) {
        try (Statement st = c.prepare("SELECT count(*) FROM t")) {
            assertTrue(st.step());
            return st.columnLong(0);
        }
    }

    /** A sqlite3 process holding a write transaction on the file; the test commits it when it likes. */
    private static final class Sqlite3 implements AutoCloseable {
        final Process process;
        final Writer in;
        final BufferedReader out;

        Sqlite3(Path file) throws Exception {
            process = new ProcessBuilder("sqlite3", file.toString()).redirectErrorStream(true).start();
            in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        /** Runs {@code sql} and waits until sqlite3 has done it. */
        String run(String sql) throws Exception {
            in.write(sql + "\nSELECT 'done';\n");
            in.flush();
            StringBuilder got = new StringBuilder();
            for (String line = out.readLine(); line != null && !line.equals("done"); line = out.readLine()) {
                got.append(line).append('\n');
            }
            return got.toString();
        }

        @Override
        public void close() throws Exception {
            in.write(".quit\n");
            in.flush();
            process.waitFor(10, TimeUnit.SECONDS);
            process.destroy();
        }
    }

    private static boolean haveSqlite3() {
        try {
            return new ProcessBuilder("sqlite3", "-version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void anotherProcessHoldingTheWriteLock(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(haveSqlite3(), "the sqlite3 command is not installed");
        Path file = dir.resolve("shared.db");
        ScheduledExecutorService other = Executors.newSingleThreadScheduledExecutor();
        try (Sqlite3 sqlite3 = new Sqlite3(file)) {
            assertEquals("", sqlite3.run("CREATE TABLE t(x); BEGIN IMMEDIATE; INSERT INTO t VALUES (1);"));
            try (Database db = Database.open(file.toString()); Connection c = db.connect()) {
                assertEquals(0, count(c), "readers are not blocked by RESERVED");
                TursoException e = assertThrows(TursoException.class, () -> c.execute("INSERT INTO t VALUES (2)"));
                assertEquals(ResultCode.BUSY, e.primaryResultCode());

                c.busyTimeout(Duration.ofMillis(200));
                long start = System.nanoTime();
                assertThrows(TursoException.class, () -> c.execute("INSERT INTO t VALUES (2)"));
                assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(190));

                c.busyTimeout(Duration.ofSeconds(20));
                // The insert must wait for the other process's COMMIT: it may only return after the
                // COMMIT was sent (comparing to the time it was sent, not to a delay, keeps a loaded
                // machine's scheduling out of the assertion).
                AtomicLong commitSent = new AtomicLong(Long.MAX_VALUE);
                var commit = other.schedule(() -> {
                    commitSent.set(System.nanoTime());
                    return sqlite3.run("COMMIT;");
                }, 300, TimeUnit.MILLISECONDS);
                c.execute("INSERT INTO t VALUES (2)");
                long inserted = System.nanoTime();
                assertTrue(inserted > commitSent.get(), "the insert returned before the other process committed");
                assertEquals("", commit.get());
                assertEquals(2, count(c));

                c.execute("BEGIN");
                assertEquals(2, count(c));
                var blocked = other.submit(() -> sqlite3.run(".timeout 0\nINSERT INTO t VALUES (3);"));
                String result = blocked.get();
                assertTrue(result.contains("database is locked"), result);
                c.execute("COMMIT");
            }
            assertEquals("2\n", sqlite3.run("SELECT count(*) FROM t;"));
        } finally {
            other.shutdownNow();
        }
    }
}
