package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteException;
import turso.api.Connection;
import turso.api.Database;
import turso.api.ResultCode;
import turso.api.TursoException;

/**
 * The WAL's write lock refused and a writer's snapshot overtaken are thrown
 * inside the engine without a stack trace (they are retried there, hundreds
 * of times a second under concurrent writers): one that reaches the caller
 * still has its stack, SQLite's result code and message (checked against
 * sqlite-jdbc on the same transcript), and writers from several threads
 * that keep meeting them lose no update.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BusySignalTest {

    @TempDir
    Path dir;

    /** What SQLite answers: {BUSY's extended result code, its message, BUSY_SNAPSHOT's code, its message}. */
    private List<Object> sqliteAnswers() throws SQLException {
        String url = "jdbc:sqlite:" + dir.resolve("sqlite.db");
        List<Object> out = new ArrayList<>();
        try (java.sql.Connection a = DriverManager.getConnection(url);
                java.sql.Connection b = DriverManager.getConnection(url);
                java.sql.Statement sa = a.createStatement();
                java.sql.Statement sb = b.createStatement()) {
            sa.execute("PRAGMA journal_mode=WAL");
            sa.execute("CREATE TABLE t(x)");
            sa.execute("INSERT INTO t VALUES (1)");
            sb.execute("PRAGMA busy_timeout=0");
            sa.execute("BEGIN IMMEDIATE");
            SQLException busy = assertThrows(SQLException.class, () -> sb.execute("UPDATE t SET x = x + 1"));
            sa.execute("COMMIT");
            sb.execute("BEGIN");
            try (var rs = sb.executeQuery("SELECT x FROM t")) {
                rs.next();
            }
            sa.execute("UPDATE t SET x = 10");
            SQLException stale = assertThrows(SQLException.class, () -> sb.execute("UPDATE t SET x = x + 1"));
            sb.execute("ROLLBACK");
            out.add(((SQLiteException) busy).getResultCode().code);
            out.add(busy.getMessage());
            out.add(((SQLiteException) stale).getResultCode().code);
            out.add(stale.getMessage());
        }
        return out;
    }

    @Test
    void busyAndBusySnapshotReachTheCallerWithAStackTrace() throws Exception {
        List<Object> sqlite = sqliteAnswers();
        String path = dir.resolve("turso.db").toString();
        try (Database da = Database.open(path); Database db = Database.open(path);
                Connection a = da.connect(); Connection b = db.connect()) {
            a.execute("PRAGMA journal_mode=WAL");
            a.execute("CREATE TABLE t(x)");
            a.execute("INSERT INTO t VALUES (1)");
            b.busyTimeout(Duration.ZERO);
            a.execute("BEGIN IMMEDIATE");
            TursoException busy = assertThrows(TursoException.class, () -> b.execute("UPDATE t SET x = x + 1"));
            a.execute("COMMIT");
            b.execute("BEGIN");
            b.execute("SELECT x FROM t");
            a.execute("UPDATE t SET x = 10");
            TursoException stale = assertThrows(TursoException.class, () -> b.execute("UPDATE t SET x = x + 1"));
            b.execute("ROLLBACK");

            assertEquals(ResultCode.BUSY, busy.resultCode());
            assertEquals(ResultCode.BUSY_SNAPSHOT, stale.resultCode());
            assertEquals(sqlite.get(0), busy.resultCode().code());
            assertEquals(sqlite.get(2), stale.resultCode().code());
            assertTrue(((String) sqlite.get(1)).contains(busy.getMessage()), sqlite.get(1) + " / " + busy.getMessage());
            assertTrue(((String) sqlite.get(3)).contains(stale.getMessage()), sqlite.get(3) + " / " + stale.getMessage());
            assertNotEquals(0, busy.getStackTrace().length, "BUSY has its stack");
            assertNotEquals(0, stale.getStackTrace().length, "BUSY_SNAPSHOT has its stack");
        }
    }

    @Test
    void concurrentWritersLoseNoUpdate() throws Exception {
        String path = dir.resolve("w.db").toString();
        int threads = 4;
        int updates = 300;
        try (Database d = Database.open(path); Connection c = d.connect()) {
            c.execute("PRAGMA journal_mode=WAL");
            c.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, n INTEGER)");
            c.execute("INSERT INTO t VALUES (1, 0)");
        }
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < threads; i++) {
            workers.add(Thread.ofPlatform().start(() -> {
                try (Database d = Database.open(path); Connection c = d.connect()) {
                    c.busyTimeout(Duration.ofSeconds(10));
                    for (int k = 0; k < updates; k++) {
                        c.execute("UPDATE t SET n = n + 1 WHERE id = 1");
                        c.execute("SELECT n FROM t WHERE id = 1");
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread t : workers) {
            t.join();
        }
        assertEquals(List.of(), failures);
        try (Database d = Database.open(path); Connection c = d.connect();
                var st = c.prepare("SELECT n FROM t WHERE id = 1")) {
            assertTrue(st.step());
            assertEquals((long) threads * updates, st.columnLong(0));
        }
    }
}
