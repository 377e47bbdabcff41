package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The statements the VM's compiler of programs to JVM bytecode (turso.jit,
 * forced on here: every program compiled at its first step) covers since
 * session 6: hash aggregates (GROUP BY on one INTEGER key; keys of other
 * types arriving after integers, which move the groups out of the integer
 * table; bare columns and DISTINCT aggregates, whose registers and sets are
 * swapped per group) and the write paths (INSERT into tables with secondary
 * and unique indexes, conflicts under ABORT, OR IGNORE and OR REPLACE,
 * UPDATE and DELETE by key and by scan). Each gives the rows, errors and
 * table contents real SQLite (sqlite-jdbc) gives, and the file written passes
 * SQLite's integrity check; the GROUP BY, INSERT ... SELECT, UPDATE and
 * DELETE loops are seen running as compiled code (the progress handler finds
 * the compiled class on the stack). The GROUP BY queries also run
 * interpreted, for the hash aggregate's table of INTEGER keys.
 */
@ExtendWith(ForcedJit.class)
class JitCoverageDifferentialTest {

    @TempDir
    Path dir;

    private static final String SETUP = """
            CREATE TABLE items(id INTEGER PRIMARY KEY, code INTEGER, name TEXT, grp INTEGER, amount REAL, x);
            CREATE INDEX items_code ON items(code);
            WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 2000)
                INSERT INTO items SELECT i, i * 7 % 101, 'n' || (i % 37), i * 7919 % 300,
                    CASE WHEN i % 17 = 0 THEN NULL ELSE i * 0.25 END,
                    CASE i % 6 WHEN 0 THEN NULL WHEN 1 THEN i % 40 WHEN 2 THEN 'x' || (i % 9) WHEN 3 THEN (i % 40) * 1.0
                        WHEN 4 THEN (i % 40) + 0.5 ELSE CAST(i % 40 AS TEXT) END
                FROM c;
            CREATE TABLE late(k, v);
            WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 500)
                INSERT INTO late SELECT CASE WHEN i < 400 THEN i % 60 WHEN i < 430 THEN (i % 60) * 1.0
                    WHEN i < 450 THEN NULL WHEN i < 470 THEN CAST(i % 60 AS TEXT) ELSE (i % 60) + 0.5 END, i FROM c""";

    private static final List<String> GROUP_QUERIES = List.of(
            "SELECT grp, count(*), sum(amount) FROM items GROUP BY grp",
            "SELECT grp % 7, count(*), min(name), max(amount), avg(code) FROM items GROUP BY grp % 7",
            "SELECT x, count(*), sum(id) FROM items GROUP BY x",
            "SELECT k, count(*), sum(v), typeof(k) FROM late GROUP BY k",
            "SELECT k, count(*) FROM late WHERE v > 380 GROUP BY k ORDER BY 2 DESC, 1",
            "SELECT grp, name, max(amount) FROM items GROUP BY grp HAVING count(*) > 6",
            "SELECT grp, count(DISTINCT code), count(DISTINCT name), group_concat(DISTINCT id % 3) FROM items"
                    + " WHERE id < 900 GROUP BY grp",
            "SELECT code, grp, count(*) FROM items GROUP BY code, grp HAVING count(*) > 1",
            "SELECT grp, count(*) FROM items WHERE id > 5000 GROUP BY grp",
            "SELECT grp, sum(amount) FROM items GROUP BY grp ORDER BY 2 DESC LIMIT 5");

    private static final String WRITES = """
            CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, qty INTEGER, price REAL);
            CREATE INDEX t_name ON t(name);
            CREATE INDEX t_qty ON t(qty);
            CREATE TABLE u(a INTEGER PRIMARY KEY, b TEXT UNIQUE, c);
            INSERT INTO t VALUES (1, 'one', 10, 1.5);
            INSERT INTO t VALUES (2, 'two', 20, 2.5), (3, 'three', 30, NULL);
            INSERT INTO t VALUES (2, 'again', 0, 0);
            INSERT INTO t(name, qty) VALUES ('auto', 7);
            INSERT INTO t VALUES ('5', 'text key', '40', '1e1');
            INSERT INTO t VALUES ('x', 'bad key', 1, 1);
            INSERT INTO t SELECT id + 100, name || '!', code, amount FROM items WHERE id < 300;
            INSERT OR IGNORE INTO t VALUES (1, 'ignored', 1, 1), (500, 'kept', 1, 1);
            INSERT OR REPLACE INTO t VALUES (1, 'replaced', 11, 1.25);
            INSERT INTO u VALUES (1, 'a', 1), (2, 'b', 2);
            INSERT INTO u VALUES (3, 'a', 3);
            INSERT OR REPLACE INTO u VALUES (3, 'a', 3);
            INSERT OR IGNORE INTO u VALUES (4, 'b', 4), (5, 'c', 5);
            UPDATE t SET price = price + 1 WHERE id = 2;
            UPDATE t SET price = price + 1 WHERE id = 999;
            UPDATE t SET qty = qty * 2, name = upper(name) WHERE id BETWEEN 100 AND 180;
            UPDATE t SET id = id + 1000 WHERE id BETWEEN 250 AND 260;
            UPDATE u SET b = 'c' WHERE a = 1;
            UPDATE OR REPLACE u SET b = 'c' WHERE a = 1;
            DELETE FROM t WHERE id = 3;
            DELETE FROM t WHERE qty % 3 = 0;
            DELETE FROM u WHERE b > 'b';
            SELECT * FROM t ORDER BY id;
            SELECT * FROM t WHERE name BETWEEN 'N' AND 'n3' ORDER BY name, id;
            SELECT * FROM t WHERE qty BETWEEN 10 AND 60 ORDER BY qty, id;
            SELECT * FROM u ORDER BY a;
            SELECT count(*), sum(qty), sum(price) FROM t""";

    @Test
    void hashAggregatesGiveSqlitesGroups() throws SQLException {
        try (var engines = Differential.Engines.open(dir.resolve("groups.db"))) {
            engines.assertSameScript(SETUP);
            for (String sql : GROUP_QUERIES) {
                // twice: the second run reuses the compiled program of the cached statement
                engines.assertSame(sql);
                engines.assertSame(sql);
            }
        }
    }

    @Test
    void hashAggregatesGiveSqlitesGroupsInterpretedToo() throws SQLException {
        System.setProperty("turso.jit", "false");
        try (var engines = Differential.Engines.open(dir.resolve("interpreted.db"))) {
            engines.assertSameScript(SETUP);
            for (String sql : GROUP_QUERIES) {
                engines.assertSame(sql);
            }
        } finally {
            System.setProperty("turso.jit", "true");
        }
    }

    @Test
    void writesGiveSqlitesRowsErrorsAndFile() throws SQLException {
        Path file = dir.resolve("writes.db");
        try (var engines = Differential.Engines.open(file)) {
            engines.assertSameScript(SETUP);
            engines.assertSameScript(WRITES);
        }
        Differential.assertIntegrity(file);
    }

    @Test
    void groupByAndWriteLoopsRunAsCompiledCode() throws SQLException {
        try (var engines = Differential.Engines.open(dir.resolve("stack.db"))) {
            engines.assertSameScript(SETUP);
            engines.assertSameScript("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, qty INTEGER, price REAL);\n"
                    + "CREATE INDEX t_name ON t(name);\nCREATE INDEX t_qty ON t(qty)");
            for (String sql : List.of(
                    "SELECT grp, count(*), sum(amount) FROM items GROUP BY grp",
                    "INSERT INTO t SELECT id, name, code, amount FROM items",
                    "UPDATE t SET price = price + 1 WHERE id BETWEEN 10 AND 500",
                    "DELETE FROM t WHERE qty > 50",
                    "SELECT count(*), sum(qty), sum(price) FROM t")) {
                AtomicBoolean compiled = new AtomicBoolean();
                engines.turso().progressHandler(1, steps -> {
                    compiled.compareAndSet(false, StackWalker.getInstance(StackWalker.Option.SHOW_HIDDEN_FRAMES)
                            .walk(frames -> frames.anyMatch(
                                    f -> f.getClassName().startsWith("turso.vm.CompiledProgram$Statement"))));
                    return false;
                });
                engines.assertSame(sql);
                engines.turso().progressHandler(0, null);
                assertTrue(compiled.get(), "runs as compiled code: " + sql);
            }
            assertEquals(Differential.sqlite(engines.sqlite(), "SELECT * FROM t ORDER BY id"),
                    Differential.turso(engines.turso(), "SELECT * FROM t ORDER BY id"));
        }
    }
}
