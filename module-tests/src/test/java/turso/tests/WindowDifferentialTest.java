package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import turso.api.Connection;
import turso.api.Database;
import turso.api.Statement;

/**
 * Window functions: the built-in window functions and aggregates over
 * windows (PARTITION BY, ORDER BY, default and explicit frames, EXCLUDE,
 * FILTER, named windows), after grouping too, and SQLite's errors for their
 * misuse. Each script runs statement by statement here and on real SQLite
 * (sqlite-jdbc): same rows (typeof() shows the types) or same error;
 * without ORDER BY, in the same order too (that of the first window).
 */
class WindowDifferentialTest {

    private static final String SETUP = """
            CREATE TABLE t(id INTEGER PRIMARY KEY, g TEXT, a INT, b REAL, s TEXT COLLATE NOCASE);
            INSERT INTO t(g, a, b, s) VALUES ('x', 1, 1.5, 'p'), ('x', 2, NULL, 'Q'), ('y', 3, 2.0, 'r'),
                ('x', 2, 4.25, 'q'), (NULL, 5, -1.0, 's'), ('y', NULL, 3.0, 'P'), ('y', 3, 0.5, 't'),
                ('z', 7, 7.0, NULL), ('x', NULL, 1.0, 'u'), ('y', 1, 2.5, 'R')""";

    static Stream<String> scripts() {
        return Stream.of(
                """
                SELECT id, row_number() OVER (ORDER BY id) FROM t ORDER BY id;
                SELECT id, row_number() OVER (PARTITION BY g ORDER BY a, id) FROM t ORDER BY id;
                SELECT id, g, a, rank() OVER (PARTITION BY g ORDER BY a), dense_rank() OVER (PARTITION BY g ORDER BY a)
                    FROM t ORDER BY id;
                SELECT id, percent_rank() OVER (ORDER BY a), cume_dist() OVER (ORDER BY a),
                    typeof(percent_rank() OVER (ORDER BY a)) FROM t ORDER BY id;
                SELECT id, percent_rank() OVER (PARTITION BY g ORDER BY a DESC), cume_dist() OVER (PARTITION BY g)
                    FROM t ORDER BY id;
                SELECT id, ntile(3) OVER (ORDER BY id), ntile(4) OVER (PARTITION BY g ORDER BY id),
                    ntile(20) OVER (ORDER BY id) FROM t ORDER BY id;
                SELECT id, lag(a) OVER (ORDER BY id), lead(a) OVER (ORDER BY id), lag(a, 2, -1) OVER (ORDER BY id),
                    lead(s, 3, 'none') OVER (PARTITION BY g ORDER BY id), lag(a, 0) OVER (ORDER BY id) FROM t ORDER BY id;
                SELECT id, first_value(a) OVER (PARTITION BY g ORDER BY id), last_value(a) OVER (PARTITION BY g ORDER BY id),
                    nth_value(a, 2) OVER (PARTITION BY g ORDER BY id) FROM t ORDER BY id;
                SELECT id, last_value(id) OVER (ORDER BY a), first_value(id) OVER (ORDER BY a DESC NULLS FIRST)
                    FROM t ORDER BY id;
                SELECT id, row_number() OVER (ORDER BY s), rank() OVER (ORDER BY s) FROM t ORDER BY id;
                SELECT id, row_number() OVER (ORDER BY s COLLATE BINARY) FROM t ORDER BY id
                """,
                """
                SELECT id, count(*) OVER (), count(a) OVER (PARTITION BY g), sum(a) OVER (ORDER BY id) FROM t ORDER BY id;
                SELECT id, sum(a) OVER (PARTITION BY g ORDER BY a), total(a) OVER (PARTITION BY g ORDER BY a),
                    avg(b) OVER (PARTITION BY g ORDER BY a) FROM t ORDER BY id;
                SELECT id, min(b) OVER (ORDER BY id), max(b) OVER (ORDER BY id DESC), min(g) OVER (PARTITION BY a)
                    FROM t ORDER BY id;
                SELECT id, group_concat(s) OVER (ORDER BY id), group_concat(a, '-') OVER (PARTITION BY g ORDER BY id)
                    FROM t ORDER BY id;
                SELECT id, sum(a) OVER () FROM t ORDER BY id;
                SELECT id, typeof(sum(a) OVER ()), typeof(avg(a) OVER ()), typeof(count(*) OVER ()) FROM t ORDER BY id;
                SELECT id, a + row_number() OVER (ORDER BY id) * 10, coalesce(lag(a) OVER (ORDER BY id), 'none') AS l
                    FROM t ORDER BY id;
                SELECT id, CASE WHEN rank() OVER (ORDER BY a) > 3 THEN 'late' ELSE 'early' END FROM t ORDER BY id;
                SELECT id, row_number() OVER (ORDER BY id DESC) AS rn FROM t ORDER BY rn LIMIT 4;
                SELECT id, row_number() OVER (ORDER BY id DESC) AS rn FROM t ORDER BY rn + 0 DESC LIMIT 3 OFFSET 2;
                SELECT DISTINCT g, count(*) OVER (PARTITION BY g) FROM t ORDER BY 1;
                SELECT g, a, rank() OVER (PARTITION BY g ORDER BY a) FROM t WHERE a > 1 ORDER BY 3 DESC, 1, 2;
                SELECT *, row_number() OVER (ORDER BY id DESC) FROM t ORDER BY id;
                SELECT t.*, sum(a) OVER (PARTITION BY g) FROM t ORDER BY id;
                SELECT rank() OVER (ORDER BY a), *, id * 2 FROM t ORDER BY id;
                SELECT x.*, y.*, row_number() OVER (ORDER BY x.id, y.id) FROM t x JOIN t y ON x.id = y.a ORDER BY 1;
                SELECT row_number() OVER () FROM t WHERE id < 4 ORDER BY 1;
                SELECT id, sum(id) OVER (ORDER BY id) FROM t WHERE id > 100;
                SELECT (SELECT max(x) FROM (SELECT row_number() OVER (ORDER BY id) AS x FROM t WHERE t.g = o.g))
                    FROM t o ORDER BY id
                """,
                """
                SELECT g, count(*), sum(a), rank() OVER (ORDER BY count(*) DESC), sum(sum(a)) OVER (ORDER BY g)
                    FROM t GROUP BY g ORDER BY g;
                SELECT g, max(a) AS m, row_number() OVER (ORDER BY max(a)) FROM t GROUP BY 1 ORDER BY m;
                SELECT g, count(*) AS c, lag(count(*)) OVER (ORDER BY g) FROM t GROUP BY g HAVING count(*) > 1 ORDER BY g;
                SELECT a % 2, sum(a), avg(sum(a)) OVER () FROM t GROUP BY a % 2 ORDER BY 1;
                SELECT count(*) OVER (), count(*) FROM t
                """,
                """
                SELECT id, sum(a) OVER w, count(*) OVER w FROM t WINDOW w AS (PARTITION BY g ORDER BY id) ORDER BY id;
                SELECT id, sum(a) OVER (w ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM t
                    WINDOW w AS (ORDER BY id) ORDER BY id;
                SELECT id, rank() OVER (w ORDER BY a) FROM t WINDOW w AS (PARTITION BY g) ORDER BY id;
                SELECT id, sum(a) OVER w2 FROM t WINDOW w1 AS (PARTITION BY g), w2 AS (w1 ORDER BY id) ORDER BY id;
                SELECT id, sum(a) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM t ORDER BY id;
                SELECT id, sum(a) OVER (ORDER BY id ROWS 2 PRECEDING), sum(a) OVER (ORDER BY id ROWS CURRENT ROW)
                    FROM t ORDER BY id;
                SELECT id, sum(a) OVER (ORDER BY id ROWS BETWEEN 3 PRECEDING AND 1 PRECEDING),
                    sum(a) OVER (ORDER BY id ROWS BETWEEN 1 FOLLOWING AND 3 FOLLOWING),
                    sum(a) OVER (ORDER BY id ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) FROM t ORDER BY id;
                SELECT id, a, sum(id) OVER (ORDER BY a RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING),
                    count(*) OVER (ORDER BY a DESC RANGE BETWEEN 2 PRECEDING AND CURRENT ROW) FROM t ORDER BY id;
                SELECT id, b, count(*) OVER (ORDER BY b RANGE BETWEEN 1.5 PRECEDING AND 0.5 FOLLOWING) FROM t ORDER BY id;
                SELECT id, a, group_concat(id, ',') OVER (ORDER BY a GROUPS BETWEEN 1 PRECEDING AND 1 FOLLOWING)
                    FROM t ORDER BY id;
                SELECT id, a, group_concat(id, ',') OVER (ORDER BY a GROUPS BETWEEN 1 FOLLOWING AND 2 FOLLOWING)
                    FROM t ORDER BY id;
                SELECT id, a, group_concat(id, '.') OVER (ORDER BY a ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                    EXCLUDE CURRENT ROW) FROM t ORDER BY id;
                SELECT id, a, group_concat(id, '.') OVER (ORDER BY a RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
                    EXCLUDE GROUP), group_concat(id, '.') OVER (ORDER BY a GROUPS BETWEEN 1 PRECEDING AND 1 FOLLOWING
                    EXCLUDE TIES), sum(a) OVER (ORDER BY a EXCLUDE NO OTHERS) FROM t ORDER BY id;
                SELECT id, first_value(id) OVER (ORDER BY id ROWS BETWEEN 2 PRECEDING AND 2 FOLLOWING EXCLUDE CURRENT ROW),
                    last_value(id) OVER (ORDER BY id ROWS BETWEEN 2 PRECEDING AND 2 FOLLOWING),
                    nth_value(id, 3) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND UNBOUNDED FOLLOWING) FROM t ORDER BY id;
                SELECT id, min(a) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING),
                    max(g) OVER (ORDER BY id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM t ORDER BY id;
                SELECT id, count(*) FILTER (WHERE a > 1) OVER (ORDER BY id), sum(a) FILTER (WHERE g = 'x') OVER (),
                    group_concat(id) FILTER (WHERE id % 2 = 0) OVER (ORDER BY id ROWS 2 PRECEDING) FROM t ORDER BY id;
                SELECT id, avg(a) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING EXCLUDE CURRENT ROW)
                    FROM t ORDER BY id
                """,
                """
                SELECT id FROM t WHERE row_number() OVER () > 1;
                SELECT g FROM t GROUP BY row_number() OVER ();
                SELECT count(*) FROM t HAVING rank() OVER () > 0;
                SELECT sum(a) OVER nosuch FROM t;
                SELECT sum(a) OVER (nosuch ORDER BY id) FROM t;
                SELECT abs(a) OVER () FROM t;
                SELECT nosuchfunc(a) OVER () FROM t;
                SELECT row_number(1) OVER () FROM t;
                SELECT ntile() OVER () FROM t;
                SELECT row_number() FILTER (WHERE a > 1) OVER () FROM t;
                SELECT count(DISTINCT a) OVER () FROM t;
                SELECT ntile(0) OVER (ORDER BY id) FROM t;
                SELECT nth_value(a, 0) OVER (ORDER BY id) FROM t;
                SELECT sum(a) OVER (ORDER BY id ROWS -1 PRECEDING) FROM t;
                SELECT sum(a) OVER (ORDER BY id RANGE 'x' PRECEDING) FROM t;
                SELECT sum(a) OVER (RANGE 1 PRECEDING) FROM t;
                SELECT sum(a) OVER (ORDER BY a, b RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM t;
                SELECT sum(a) OVER (ORDER BY id ROWS BETWEEN 1 FOLLOWING AND CURRENT ROW) FROM t;
                SELECT sum(a) OVER (w PARTITION BY g) FROM t WINDOW w AS (ORDER BY id);
                SELECT sum(a) OVER (w ORDER BY g) FROM t WINDOW w AS (ORDER BY id);
                SELECT sum(a) OVER (w) FROM t WINDOW w AS (ORDER BY id ROWS 1 PRECEDING);
                SELECT sum(row_number() OVER ()) OVER () FROM t;
                UPDATE t SET a = row_number() OVER ()
                """,
                """
                SELECT id, lag(a, -1) OVER (ORDER BY id), lead(a, -2, 'd') OVER (ORDER BY id), lag(a, NULL) OVER (ORDER BY id)
                    FROM t ORDER BY id;
                SELECT g, a, x FROM (SELECT g, a, row_number() OVER (PARTITION BY g ORDER BY a DESC, id) AS x FROM t)
                    WHERE x <= 2 ORDER BY g, x;
                SELECT id, row_number() OVER (ORDER BY id) FROM t WHERE id < 3
                    UNION ALL SELECT id, rank() OVER (ORDER BY g) FROM t WHERE id > 8 ORDER BY 1, 2;
                CREATE VIEW vw AS SELECT id, g, sum(a) OVER (PARTITION BY g) AS total FROM t;
                SELECT * FROM vw WHERE total > 5 ORDER BY id;
                SELECT g, total FROM vw GROUP BY g ORDER BY g;
                SELECT id, s, count(*) OVER (ORDER BY s RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM t ORDER BY id;
                SELECT id, g, count(*) OVER (ORDER BY g RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM t ORDER BY id;
                SELECT id, row_number() OVER (PARTITION BY a % 2, g ORDER BY b DESC) FROM t ORDER BY id;
                SELECT x.id, y.id, row_number() OVER (ORDER BY x.id, y.id) FROM t x JOIN t y ON y.a = x.a
                    WHERE x.id < y.id ORDER BY 3;
                WITH c AS (SELECT id, a FROM t WHERE a IS NOT NULL)
                    SELECT id, dense_rank() OVER (ORDER BY a) AS d FROM c ORDER BY d, id;
                SELECT id, rank() OVER win AS r FROM t WINDOW win AS (ORDER BY b) ORDER BY r DESC, id;
                SELECT sum(a) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) - a FROM t ORDER BY id;
                SELECT id, avg(b) OVER (ORDER BY id ROWS BETWEEN 2 PRECEDING AND 1 PRECEDING) FROM t ORDER BY id;
                INSERT INTO t(g, a, b, s) SELECT g, row_number() OVER (ORDER BY id), b, s FROM t WHERE id < 3;
                SELECT id, a, g FROM t ORDER BY id;
                SELECT id FROM t ORDER BY row_number() OVER (ORDER BY id DESC) LIMIT 3;
                SELECT count(*) OVER (PARTITION BY g), g FROM t GROUP BY g, a ORDER BY g, 1
                """,
                """
                SELECT id, row_number() OVER (ORDER BY b DESC) FROM t;
                SELECT id, row_number() OVER (ORDER BY a) FROM t;
                SELECT id, rank() OVER (ORDER BY b), row_number() OVER (ORDER BY a DESC) FROM t;
                SELECT id, rank() OVER (PARTITION BY g), row_number() OVER (ORDER BY s) FROM t;
                SELECT id, sum(a) OVER (PARTITION BY g ORDER BY id) FROM t
                """);
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void sameAsSqlite(String script, @TempDir Path dir) throws SQLException {
        try (Differential.Engines engines = Differential.Engines.open(dir.resolve("w.db"))) {
            engines.assertSameScript(SETUP + ";\n" + script);
        }
    }

    /** Partitions of thousands of rows (5 000 in all): the same results, in bounded time. */
    @Test
    void largePartitions(@TempDir Path dir) throws SQLException {
        String script = """
                CREATE TABLE n(id INTEGER PRIMARY KEY, k INT, v INT);
                WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 5000)
                    INSERT INTO n SELECT i, i % 3, (i * 7919) % 1000 FROM c;
                SELECT k, sum(r), sum(d), sum(s), sum(m), sum(l) FROM (SELECT k, row_number() OVER w AS r,
                    dense_rank() OVER (PARTITION BY k ORDER BY v) AS d, sum(v) OVER w AS s,
                    max(v) OVER (PARTITION BY k ORDER BY v DESC) AS m, lag(v, 5, 0) OVER w AS l
                    FROM n WINDOW w AS (PARTITION BY k ORDER BY id)) GROUP BY k ORDER BY k;
                SELECT sum(CAST(x * 1000 AS INTEGER)), count(y), sum(length(y)) FROM (SELECT avg(v) OVER (ORDER BY id ROWS BETWEEN 50 PRECEDING AND 50 FOLLOWING)
                    AS x, group_concat(v) OVER (ORDER BY v RANGE BETWEEN 2 PRECEDING AND 2 FOLLOWING) AS y FROM n);
                SELECT k, sum(a), sum(b), sum(c), sum(d), sum(e) FROM (SELECT k, min(v) OVER (ORDER BY id) AS a,
                    max(v) OVER (PARTITION BY k ORDER BY v / 10) AS b,
                    min(v) FILTER (WHERE v % 2 = 0) OVER (ORDER BY v GROUPS BETWEEN UNBOUNDED PRECEDING AND 1 FOLLOWING) AS c,
                    max(v) OVER (ORDER BY id ROWS BETWEEN 3 PRECEDING AND 2 FOLLOWING) AS d,
                    max(k) OVER (ORDER BY v RANGE BETWEEN UNBOUNDED PRECEDING AND 5 PRECEDING) AS e
                    FROM n) GROUP BY k ORDER BY k""";
        try (Database db = Database.open(dir.resolve("l.db").toString()); Connection turso = db.connect();
             java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            for (String sql : script.split(";\n")) {
                Differential.Result expected = Differential.sqlite(sqlite, sql);
                long start = System.nanoTime();
                assertEquals(expected, Differential.turso(turso, sql), sql);
                System.out.printf("WindowDifferentialTest: %.1f s for %s%n", (System.nanoTime() - start) / 1e9,
                        sql.substring(0, Math.min(40, sql.length())));
            }
        }
    }

    /** EXPLAIN lists the Window instruction; EXPLAIN QUERY PLAN describes the query without failing. */
    @Test
    void explain(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("e.db").toString()); Connection turso = db.connect()) {
            Differential.turso(turso, SETUP.split(";\n")[0]);
            String q = "SELECT id, rank() OVER (PARTITION BY g ORDER BY a) FROM t ORDER BY id";
            Differential.Result program = Differential.turso(turso, "EXPLAIN " + q);
            assertEquals(null, program.error());
            assertEquals(1, program.rows().stream().filter(r -> "Window".equals(r.get(1))).count());
            Differential.Result plan = Differential.turso(turso, "EXPLAIN QUERY PLAN " + q);
            assertEquals(null, plan.error());
            assertEquals(false, plan.rows().isEmpty());
        }
    }

    /** The result columns are named as in SQLite: by alias, else by the expression's text or the column's name. */
    @Test
    void columnNames(@TempDir Path dir) throws SQLException {
        List<String> queries = List.of(
                "SELECT id, row_number() OVER (ORDER BY id), a + sum(a) OVER w AS total FROM t WINDOW w AS () ORDER BY id",
                "SELECT t.g, count(*) OVER (PARTITION BY g) FROM t",
                "SELECT *, rank() OVER (ORDER BY a)  FROM t",
                "SELECT g, max(a), lag(g) OVER (ORDER BY g) FROM t GROUP BY g");
        try (Database db = Database.open(dir.resolve("n.db").toString()); Connection turso = db.connect();
             java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            for (String sql : SETUP.split(";\n")) {
                Differential.turso(turso, sql);
                Differential.sqlite(sqlite, sql);
            }
            for (String q : queries) {
                List<String> expected = new ArrayList<>();
                try (var st = sqlite.createStatement(); var rs = st.executeQuery(q)) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        expected.add(rs.getMetaData().getColumnName(i));
                    }
                }
                List<String> actual = new ArrayList<>();
                try (Statement st = turso.prepare(q)) {
                    for (int i = 0; i < st.columnCount(); i++) {
                        actual.add(st.columnName(i));
                    }
                }
                assertEquals(expected, actual, q);
            }
        }
    }
}
