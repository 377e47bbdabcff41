package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import turso.api.Connection;
import turso.api.Database;
import turso.api.ResultCode;
import turso.api.Statement;
import turso.api.TursoException;

/** Connection.interrupt() from another thread stops a long statement with SQLITE_INTERRUPT ("interrupted"). */
class InterruptTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aLongJoinThatReturnsNothingStopsPromptly() {
        ScheduledExecutorService other = Executors.newSingleThreadScheduledExecutor();
        try (Database db = Database.open(Database.MEMORY); Connection c = db.connect()) {
            c.execute("CREATE TABLE t(x)");
            c.execute("INSERT INTO t SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4");
            for (int i = 0; i < 9; i++) {
                c.execute("INSERT INTO t SELECT x + (SELECT max(x) FROM t) FROM t");
            }
            // 2048 rows: a four-way join has 1.7e13 combinations and never finds x < 0
            try (Statement st = c.prepare("SELECT count(*) FROM t a, t b, t c, t d WHERE a.x + b.x + c.x + d.x < 0")) {
                long started = System.nanoTime();
                other.schedule(c::interrupt, 300, TimeUnit.MILLISECONDS);
                TursoException e = assertThrows(TursoException.class, st::step);
                assertEquals(ResultCode.INTERRUPT, e.resultCode());
                assertEquals("interrupted", e.getMessage());
                assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(30), "stopped promptly");
            }
            try (Statement st = c.prepare("SELECT count(*) FROM t")) {
                assertTrue(st.step(), "the connection works again after the interrupted statement");
                assertEquals(2048, st.columnLong(0));
            }
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void anEndlessRecursiveWithStopsPromptly() {
        ScheduledExecutorService other = Executors.newSingleThreadScheduledExecutor();
        try (Database db = Database.open(Database.MEMORY); Connection c = db.connect()) {
            // no WHERE and no LIMIT: the recursion never ends and no row is returned before it does
            try (Statement st = c.prepare(
                    "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) SELECT count(*) FROM r")) {
                long started = System.nanoTime();
                other.schedule(c::interrupt, 300, TimeUnit.MILLISECONDS);
                TursoException e = assertThrows(TursoException.class, st::step);
                assertEquals(ResultCode.INTERRUPT, e.resultCode());
                assertEquals("interrupted", e.getMessage());
                assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(30), "stopped promptly");
            }
            try (Statement st = c.prepare(
                    "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r WHERE x < 100) SELECT sum(x) FROM r")) {
                assertTrue(st.step(), "the connection works again after the interrupted statement");
                assertEquals(5050, st.columnLong(0));
            }
        } finally {
            other.shutdownNow();
        }
    }
}
