package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import turso.api.Connection;
import turso.api.Database;
import turso.api.ResultCode;
import turso.api.Statement;
import turso.api.TursoException;

/**
 * The VM's compiler of programs to JVM bytecode (turso.jit) forced on for
 * every statement this test prepares (threshold 0: compiled at its first
 * step): the queries of workloads 6-9 (scan with SUM/COUNT and a WHERE,
 * GROUP BY, a join through an index, ORDER BY ... LIMIT) and the NULL,
 * affinity, overflow, error, LIMIT/OFFSET and outer-join cases around them
 * give the rows and errors real SQLite (sqlite-jdbc) gives; a statement
 * re-run with other bindings, or reset halfway through its rows, starts
 * afresh; the progress handler is called from compiled code (seen on the
 * stack) and stops it with SQLITE_INTERRUPT. The properties are read when a
 * program is made, so only this test's statements are compiled.
 */
@ExtendWith(ForcedJit.class)
class JitDifferentialTest {

    private static final String SETUP = """
            CREATE TABLE items(id INTEGER PRIMARY KEY, code INTEGER, name TEXT, grp INTEGER, amount REAL, dept_id INTEGER, x);
            CREATE INDEX items_code ON items(code);
            CREATE INDEX items_dept ON items(dept_id);
            CREATE TABLE depts(id INTEGER PRIMARY KEY, name TEXT);
            WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 3000)
                INSERT INTO items SELECT i, i * 7 % 101, 'n' || (i % 37), CASE WHEN i % 13 = 0 THEN NULL ELSE i % 50 END,
                    CASE WHEN i % 17 = 0 THEN NULL ELSE i * 0.25 END, i % 40,
                    CASE i % 5 WHEN 0 THEN NULL WHEN 1 THEN i WHEN 2 THEN 'x' || i WHEN 3 THEN i * 1.5 ELSE CAST(i AS TEXT) END
                FROM c;
            WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 30)
                INSERT INTO depts SELECT i, 'd' || i FROM c;
            CREATE TABLE big(v INTEGER);
            INSERT INTO big VALUES (9223372036854775800), (100), (-5);
            CREATE TABLE words(w TEXT COLLATE NOCASE, n);
            INSERT INTO words VALUES ('b', 1), ('A', 2), ('a', 3), (NULL, 4), ('B', NULL), ('10', '10'), ('9', 9)""";

    private static final List<String> QUERIES = List.of(
            "SELECT count(*), sum(amount), sum(code) FROM items WHERE grp BETWEEN 10 AND 20",
            "SELECT count(*), sum(amount), total(amount), avg(amount), min(amount), max(amount) FROM items WHERE amount >= 100",
            "SELECT grp, count(*), sum(amount) FROM items GROUP BY grp",
            "SELECT grp, count(x), group_concat(name, ',') FROM items WHERE id < 200 GROUP BY grp ORDER BY 2 DESC, 1",
            "SELECT d.id, d.name, i.id, i.amount FROM depts d JOIN items i ON i.dept_id = d.id WHERE d.id BETWEEN 3 AND 6",
            "SELECT count(*), sum(d.id) FROM items i JOIN depts d ON d.id = i.dept_id",
            "SELECT d.id, i.id FROM depts d LEFT JOIN items i ON i.dept_id = d.id AND i.id < 50 ORDER BY 1, 2",
            "SELECT id, name, amount FROM items ORDER BY amount DESC LIMIT 10",
            "SELECT id, name, amount FROM items ORDER BY amount LIMIT 7 OFFSET 20",
            "SELECT id, x FROM items ORDER BY x DESC, id LIMIT 12",
            "SELECT id FROM items WHERE id > 2990",
            "SELECT id, code FROM items WHERE code = 50 ORDER BY id",
            "SELECT id, code FROM items WHERE code BETWEEN 10 AND 12 ORDER BY code DESC, id",
            "SELECT x, x + 1, x * 2, x - 0.5, x / 3, x % 4, -x, x || '!', x < 100, x = '5', x IS NULL FROM items WHERE id < 30",
            "SELECT x > 10 AND x < 20, x > 10 OR x IS NULL, NOT x, ~id, id & 3, id | 8, id << 2, id >> 1 FROM items WHERE id < 25",
            "SELECT CAST(x AS INTEGER), CAST(amount AS TEXT), typeof(x), abs(code - 50), length(name) FROM items WHERE id < 25",
            "SELECT v + 10, v * 2, sum(v) FROM big",
            "SELECT sum(v) FROM big",
            "SELECT total(v), max(v) + 100 FROM big",
            "SELECT abs(v - 9223372036854775807 - 1) FROM big",
            "SELECT 1 / 0, 5 % 0, 9223372036854775807 + 1, -9223372036854775808 - 1",
            "SELECT w, n FROM words WHERE w = 'a' ORDER BY n",
            "SELECT w, n, w < 'b', n > 5, n = '10' FROM words ORDER BY w, n",
            "SELECT count(DISTINCT w) FROM words",
            "SELECT id FROM items WHERE id IN (SELECT dept_id FROM items WHERE code = 3) ORDER BY 1",
            "SELECT id FROM items WHERE id < 10 LIMIT 'x'",
            "SELECT id FROM items WHERE id < 10 LIMIT 3 OFFSET 2",
            "SELECT (SELECT max(id) FROM items WHERE grp = d.id), d.name FROM depts d WHERE d.id < 5");

    private static void setUp(Connection turso, java.sql.Connection sqlite) throws SQLException {
        for (String sql : SETUP.split(";\n")) {
            turso.execute(sql);
            try (var st = sqlite.createStatement()) {
                st.execute(sql);
            }
        }
    }

    @Test
    void workloadQueriesAndTheirEdgesGiveSqlitesRowsAndErrors() throws SQLException {
        try (Database db = Database.open(Database.MEMORY); Connection turso = db.connect();
                java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            setUp(turso, sqlite);
            for (String sql : QUERIES) {
                // twice: the second run reuses the compiled program of the cached statement
                assertEquals(Differential.sqlite(sqlite, sql), Differential.turso(turso, sql), sql);
                assertEquals(Differential.sqlite(sqlite, sql), Differential.turso(turso, sql), sql);
            }
        }
    }

    @Test
    void reRunWithOtherBindingsAndResetHalfwayStartAfresh() throws SQLException {
        String sql = "SELECT id, amount FROM items WHERE grp = ? ORDER BY amount DESC LIMIT 5";
        try (Database db = Database.open(Database.MEMORY); Connection turso = db.connect();
                java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            setUp(turso, sqlite);
            try (Statement st = turso.prepare(sql); PreparedStatement ps = sqlite.prepareStatement(sql)) {
                for (int grp : new int[] {3, 7, 3, 49, 50}) {
                    st.bindLong(1, grp);
                    ps.setInt(1, grp);
                    assertTrue(st.step() || grp == 50);
                    st.reset();
                    List<String> ours = new ArrayList<>();
                    while (st.step()) {
                        ours.add(st.columnLong(0) + ":" + st.columnText(1));
                    }
                    st.reset();
                    List<String> theirs = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            theirs.add(rs.getLong(1) + ":" + rs.getString(2));
                        }
                    }
                    assertEquals(theirs, ours, "grp " + grp);
                }
            }
        }
    }

    @Test
    void theProgressHandlerRunsFromCompiledCodeAndCanInterruptIt() throws SQLException {
        try (Database db = Database.open(Database.MEMORY); Connection turso = db.connect();
                java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            setUp(turso, sqlite);
            AtomicBoolean compiledOnStack = new AtomicBoolean();
            turso.progressHandler(100, steps -> {
                compiledOnStack.compareAndSet(false, StackWalker.getInstance(StackWalker.Option.SHOW_HIDDEN_FRAMES).walk(frames -> frames.anyMatch(
                        f -> f.getClassName().startsWith("turso.vm.CompiledProgram$Statement"))));
                return false;
            });
            String scan = "SELECT count(*), sum(amount) FROM items WHERE grp > 5";
            assertEquals(Differential.sqlite(sqlite, scan), Differential.turso(turso, scan));
            assertTrue(compiledOnStack.get(), "the scan ran as compiled code");

            // SQLite answers SQLITE_INTERRUPT "interrupted" here (ProgressHandlerTest checks it with sqlite-jdbc)
            turso.progressHandler(1000, steps -> true);
            try (Statement st = turso.prepare("SELECT count(*) FROM items a, items b WHERE a.id + b.id < 0")) {
                TursoException e = assertThrows(TursoException.class, st::step);
                assertEquals(ResultCode.INTERRUPT, e.resultCode());
                assertEquals("interrupted", e.getMessage());
            }
            turso.progressHandler(0, null);
            assertEquals(Differential.sqlite(sqlite, scan), Differential.turso(turso, scan), "works again");
        }
    }
}
