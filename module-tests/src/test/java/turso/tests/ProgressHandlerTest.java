package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import turso.api.Connection;
import turso.api.Database;
import turso.api.ResultCode;
import turso.api.Statement;
import turso.api.TursoException;

/**
 * Connection.progressHandler, sqlite3_progress_handler's counterpart: called
 * every N steps (rows a loop moves to) with the steps so far, through an
 * index build too; a handler that returns true stops the statement with
 * SQLITE_INTERRUPT, as in SQLite (checked with sqlite-jdbc's handler); a
 * removed handler is not called, and the next statement counts from zero.
 */
class ProgressHandlerTest {

    private static void fill(Connection c, int rows) {
        c.execute("CREATE TABLE t(x)");
        c.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + rows
                + ") INSERT INTO t SELECT i FROM n");
    }

    @Test
    void calledEveryPeriodStepsWithTheStepsSoFar() {
        try (Database db = Database.open(Database.MEMORY); Connection c = db.connect()) {
            fill(c, 1000);
            List<Long> calls = new ArrayList<>();
            c.progressHandler(100, steps -> {
                calls.add(steps);
                return false;
            });
            try (Statement st = c.prepare("SELECT count(*) FROM t WHERE x > 0")) {
                assertTrue(st.step());
                assertEquals(1000, st.columnLong(0));
            }
            assertTrue(calls.size() >= 10, "calls: " + calls);
            for (int i = 0; i < calls.size(); i++) {
                assertEquals(100L * (i + 1), calls.get(i), "steps at call " + i);
            }
            calls.clear();
            c.execute("CREATE INDEX tx ON t(x)");
            assertTrue(calls.size() >= 9 && calls.getFirst() == 100, "an index build reports its 1000 rows: " + calls);
            calls.clear();
            c.progressHandler(0, null);
            c.execute("SELECT count(*) FROM t WHERE x > 0");
            assertEquals(List.of(), calls, "a removed handler is not called");
        }
    }

    @Test
    void aHandlerThatSaysStopInterruptsTheStatementAsInSqlite() throws SQLException {
        String query = "SELECT count(*) FROM t a, t b WHERE a.x + b.x < 0";
        try (var jdbc = DriverManager.getConnection("jdbc:sqlite::memory:"); var s = jdbc.createStatement()) {
            s.execute("CREATE TABLE t(x)");
            s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)"
                    + " INSERT INTO t SELECT i FROM n");
            org.sqlite.ProgressHandler.setHandler(jdbc, 1000, new org.sqlite.ProgressHandler() {
                @Override
                protected int progress() {
                    return 1;
                }
            });
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery(query).next());
            assertEquals(9, e.getErrorCode(), e.getMessage());
            assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
            org.sqlite.ProgressHandler.clearHandler(jdbc);
        }
        try (Database db = Database.open(Database.MEMORY); Connection c = db.connect()) {
            fill(c, 1000);
            c.progressHandler(1000, steps -> true);
            try (Statement st = c.prepare(query)) {
                TursoException e = assertThrows(TursoException.class, st::step);
                assertEquals(ResultCode.INTERRUPT, e.resultCode());
                assertEquals("interrupted", e.getMessage());
            }
            c.progressHandler(0, null);
            try (Statement st = c.prepare("SELECT count(*) FROM t")) {
                assertTrue(st.step(), "the connection works again");
                assertEquals(1000, st.columnLong(0));
            }
        }
    }

    /**
     * VACUUM counts one step per entry it copies (a table's rows and each
     * index's entries), so a handler sees it move and may stop it: the
     * database is then as it was.
     */
    @Test
    void vacuumReportsEachEntryCopiedAndCanBeStopped(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        try (Database db = Database.open(dir.resolve("v.db").toString()); Connection c = db.connect()) {
            fill(c, 5000);
            c.execute("CREATE INDEX tx ON t(x)");
            List<Long> seen = new ArrayList<>();
            c.progressHandler(100, steps -> {
                seen.add(steps);
                return false;
            });
            c.execute("VACUUM");
            assertTrue(seen.size() >= 50, "about one call per 100 of the 10,000 entries: " + seen.size());
            for (int i = 1; i < seen.size(); i++) {
                assertTrue(seen.get(i) > seen.get(i - 1), "steps only grow");
            }
            assertTrue(seen.getLast() >= 10_000, "every entry counted: " + seen.getLast());
            c.progressHandler(100, steps -> steps > 3000);
            TursoException e = assertThrows(TursoException.class, () -> c.execute("VACUUM"));
            assertEquals(ResultCode.INTERRUPT, e.resultCode());
            c.progressHandler(0, null);
            try (Statement st = c.prepare("SELECT count(*), sum(x) FROM t")) {
                assertTrue(st.step());
                assertEquals(5000, st.columnLong(0));
                assertEquals(5000L * 5001 / 2, st.columnLong(1));
            }
            try (Statement st = c.prepare("PRAGMA integrity_check")) {
                assertTrue(st.step());
                assertEquals("ok", st.columnText(0));
            }
        }
    }
}
