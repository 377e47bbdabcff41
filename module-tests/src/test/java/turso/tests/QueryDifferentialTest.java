package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import turso.api.Connection;
import turso.api.Database;

/**
 * Queries the planner answers through indexes, subqueries in FROM, views,
 * WITH (recursive too), VALUES and automatic indexes: the same rows and
 * errors as real SQLite (sqlite-jdbc), statement by statement; and
 * EXPLAIN QUERY PLAN's detail lines as the sqlite3 3.40 CLI prints them
 * (sqlite-jdbc's newer SQLite adds bloom filters to its plans).
 */
class QueryDifferentialTest {

    private static final String SETUP = """
            CREATE TABLE t(id INTEGER PRIMARY KEY, a INT, b TEXT, c);
            INSERT INTO t(a, b, c) VALUES (1, 'x', 1.5), (2, 'y', NULL), (3, 'z', 'q'), (NULL, 'w', 2), (2, 'Y', 3),
                (5, '5', 5), (2, 'a', 1), (NULL, NULL, 0), (4, 'k', NULL), (3, 'b', 7), ('7', '7', 7), ('abc', 'abc', 8);
            CREATE INDEX tab ON t(a, b);
            CREATE INDEX tc ON t(c DESC);
            CREATE TABLE u(x INT, y TEXT COLLATE NOCASE);
            INSERT INTO u VALUES (1, 'p'), (2, 'Q'), (3, 'r'), (NULL, 's'), (2, 'x'), (7, 'Y')""";

    static Stream<String> scripts() {
        return Stream.of(
                """
                SELECT id FROM t WHERE id IN (3, 1, '3', 3.0, NULL, 2.5, 9, 100) ORDER BY 1;
                SELECT id FROM t WHERE id = '3';
                SELECT id FROM t WHERE id > 2.5 AND id < 'a' ORDER BY 1;
                SELECT id, a FROM t WHERE a IN (2, '2', 2.0, 7, 'abc', NULL) ORDER BY id;
                SELECT id, a, b FROM t WHERE a = 2 AND b > 'Y' ORDER BY b DESC;
                SELECT id, a FROM t WHERE a BETWEEN 2 AND 6 ORDER BY id;
                SELECT id, a FROM t WHERE a > 'a' ORDER BY id;
                SELECT id, c FROM t WHERE c < 6 ORDER BY c, id;
                SELECT id, c FROM t WHERE c BETWEEN 1 AND 5 ORDER BY c DESC, id;
                SELECT id, a, b FROM t ORDER BY a DESC, b DESC LIMIT 4;
                SELECT id, a, b FROM t WHERE a > 1 ORDER BY a DESC, b DESC;
                SELECT count(*) FROM t WHERE a >= 2;
                SELECT t1.id, t2.id FROM t t1 LEFT JOIN t t2 ON t2.a = t1.id ORDER BY 1, 2;
                SELECT t.id, u.y FROM t JOIN u ON u.x = t.a ORDER BY 1, 2;
                SELECT t.id, u.y FROM t LEFT JOIN u ON u.y = t.b ORDER BY 1, 2;
                SELECT a.id, (SELECT count(*) FROM u, (SELECT a FROM t WHERE t.id > a.id) d WHERE d.a = u.x)
                    FROM t a ORDER BY 1;
                CREATE TABLE w(k INT, n INT);
                INSERT INTO w VALUES (1, 0), (2, 0), (2, 0), (3, 0);
                UPDATE w SET k = k + 1, n = (SELECT count(*) FROM u, w w2 WHERE w2.k = u.x);
                SELECT * FROM w ORDER BY k, n
                """,
                """
                SELECT * FROM (SELECT a, b FROM t WHERE a > 1) ORDER BY 1, 2;
                SELECT s.a, count(*) FROM (SELECT a FROM t) s GROUP BY s.a ORDER BY 1;
                SELECT * FROM (SELECT a, a, b AS a FROM t) ORDER BY 1, 2, 3 LIMIT 3;
                SELECT * FROM t WHERE a IN (SELECT x FROM u WHERE y > 'p') ORDER BY id;
                SELECT (SELECT count(*) FROM (SELECT * FROM t t2 WHERE t2.a = t.a)) FROM t ORDER BY 1;
                CREATE VIEW v AS SELECT a, b FROM t WHERE a >= 2;
                CREATE VIEW v2(p, q) AS SELECT a * 10, upper(b) FROM t;
                SELECT * FROM v ORDER BY 1, 2;
                SELECT v.a, v2.q FROM v, v2 WHERE v.a * 10 = v2.p ORDER BY 1, 2;
                CREATE VIEW bad(x) AS SELECT a, b FROM t;
                SELECT * FROM bad;
                INSERT INTO v VALUES (1, 2);
                DROP VIEW t;
                DROP TABLE v;
                DROP VIEW nosuch;
                DROP VIEW v;
                SELECT * FROM v;
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5)
                    INSERT INTO u SELECT i * 100, 'n' || i FROM n;
                WITH big AS (SELECT x FROM u WHERE x > 300) DELETE FROM u WHERE x IN big;
                WITH m(v) AS (SELECT max(x) FROM u) UPDATE u SET y = upper(y) WHERE x = (SELECT v FROM m);
                SELECT * FROM u ORDER BY x, y
                """,
                """
                WITH c AS (SELECT a FROM t WHERE a > 1) SELECT * FROM c ORDER BY 1;
                WITH c(x) AS (SELECT a FROM t), d AS (SELECT x * 2 AS y FROM c) SELECT * FROM d WHERE y > 2 ORDER BY 1;
                WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT * FROM r;
                WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r LIMIT 7) SELECT sum(n), count(*) FROM r;
                WITH RECURSIVE r(n) AS (SELECT 1 UNION SELECT n % 3 + 1 FROM r) SELECT * FROM r ORDER BY 1;
                WITH RECURSIVE cnt(x) AS (VALUES(1) UNION ALL SELECT x + 1 FROM cnt WHERE x < 3) SELECT x FROM cnt;
                WITH r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 3) SELECT group_concat(i) FROM r;
                WITH RECURSIVE r(x) AS (SELECT 5 UNION ALL SELECT x - 1 FROM r WHERE x > 0 ORDER BY x LIMIT 4) SELECT * FROM r;
                WITH RECURSIVE r(x) AS (VALUES (1), (20) UNION SELECT x + 7 FROM r WHERE x < 40 ORDER BY 1 DESC) SELECT * FROM r;
                WITH RECURSIVE r(x, d) AS (SELECT 1, 0 UNION ALL SELECT x * 2 + d % 2, d + 1 FROM r WHERE d < 5 ORDER BY d DESC, x)
                    SELECT group_concat(x || ':' || d, ' ') FROM r;
                WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r WHERE x < 3 ORDER BY 2) SELECT * FROM r;
                WITH t AS (SELECT * FROM t) SELECT * FROM t;
                WITH RECURSIVE t AS (SELECT * FROM t) SELECT * FROM t;
                WITH r(i) AS (SELECT i FROM r) SELECT * FROM r;
                VALUES (1, 'a'), (2, 'b');
                SELECT * FROM (VALUES (1, 2), (3, 4)) ORDER BY 1 DESC;
                VALUES (1, 2), (3);
                SELECT g, min(v), name FROM (VALUES (1, 5, 'a'), (1, 2, 'b'), (2, NULL, 'd'), (2, 3, 'e'), (2, 3, 'f'))
                    AS s(g, v, name) GROUP BY g;
                SELECT max(id), b FROM t;
                SELECT a, b FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
                    SELECT i % 97 AS a, i AS b FROM n) ORDER BY a, b DESC LIMIT 5 OFFSET 3;
                SELECT a FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
                    SELECT i % 7 AS a FROM n) ORDER BY a DESC LIMIT -1 OFFSET 2995
                """,
                """
                SELECT max(y), min(y), max(b), min(b), max(b COLLATE NOCASE), max(y COLLATE BINARY) FROM t, u;
                SELECT x, max(y), min(y) FROM u GROUP BY x ORDER BY x;
                SELECT max(y), x FROM u;
                SELECT min(y) FROM u WHERE x > 1;
                SELECT max(b, 'B' COLLATE NOCASE), max('a', y, 'B'), min(y, 'P'), max(b, y), max(b || '', 'Z' COLLATE NOCASE)
                    FROM t, u ORDER BY 1, 2, 3, 4, 5, t.id, u.rowid;
                SELECT max(DISTINCT y), count(DISTINCT y) FROM u;
                SELECT y FROM u ORDER BY CAST(y AS TEXT), x;
                SELECT b FROM t ORDER BY substr('x' COLLATE NOCASE, 1) || b, id;
                SELECT b FROM t WHERE b || '' = 'Y' COLLATE NOCASE ORDER BY id;
                SELECT b, b = 'Y' COLLATE NOCASE FROM t ORDER BY 2, b COLLATE NOCASE, id
                """,
                """
                SELECT (1, 2) < (NULL, 3), (1, 2) < (2, NULL), (1, NULL) = (2, 3), (1, NULL) = (1, 3), (1, 2) IS (1, 2),
                    (1, NULL) IS (1, NULL), (1, 2) <= (1, 2), (1, 2) > (1, NULL), (1, 2) <> (1, NULL), (1, 2) <> (2, NULL),
                    (1, NULL) IS NOT (1, 2), (2, 'a') >= (2, 'A'), (1, 2, 3) < (1, 2, 4);
                SELECT (1, 2) IN ((1, 2), (3, 4)), (1, 2) IN (SELECT 1, 2), (1, 2) IN (VALUES (3, 4), (1, 2)),
                    (1, NULL) IN (VALUES (1, 2)), (1, NULL) NOT IN (VALUES (2, 2)), (1, 2) NOT IN (SELECT 1, 2 WHERE 0),
                    (1, NULL) IN ((1, 3), (1, NULL)), (3, 4) NOT IN ((1, 2), (3, 4));
                SELECT (1, 2) = (SELECT 1, 2), (SELECT 1, 2) = (1, 2), (SELECT 1, 2 WHERE 0) IS (NULL, NULL),
                    (1, 2) BETWEEN (0, 5) AND (1, 3), (1, 2) NOT BETWEEN (1, 3) AND (2, 0);
                SELECT id, a, b FROM t WHERE (a, b) > (2, 'Y') ORDER BY id;
                SELECT id FROM t WHERE (a, b) IN (SELECT x, y FROM u) ORDER BY id;
                SELECT id FROM t WHERE (a, c) = (SELECT x, x + 0.5 FROM u WHERE x = 1) ORDER BY id;
                SELECT id FROM t WHERE (a, b) = (2, 'y' COLLATE NOCASE) ORDER BY id;
                SELECT x, (x, y) IN (SELECT a, b FROM t WHERE t.a = u.x) FROM u ORDER BY x, y;
                SELECT (1, 2);
                SELECT (1, 2) = (1, 2, 3);
                SELECT (1, 2) = 1;
                SELECT (1, 2) + 1;
                SELECT (1, 2) = (SELECT 1);
                SELECT (1, 2) IN (SELECT 1);
                SELECT (1, 2) IN (1, 2);
                SELECT 1 IN ((1, 2));
                CREATE TABLE w(p, q, r);
                INSERT INTO w VALUES (1, 2, 3), (4, 5, 6);
                UPDATE w SET (p, q) = (q, p) WHERE r = 3;
                UPDATE w SET (p, r) = (SELECT x, y FROM u WHERE u.x = w.q), q = q * 10 WHERE r = 6;
                SELECT * FROM w ORDER BY rowid;
                UPDATE w SET (p, q) = (SELECT * FROM (SELECT 7, 8));
                SELECT * FROM w ORDER BY rowid;
                UPDATE w SET (p, q) = (1, 2, 3);
                UPDATE w SET (p, q) = (SELECT 1);
                UPDATE w SET (p, q) = 5;
                UPDATE w SET (p, nosuch) = (1, 2);
                CREATE UNIQUE INDEX wp ON w(p);
                INSERT INTO w VALUES (8, 0, 0) ON CONFLICT (p) DO UPDATE SET (q, r) = (excluded.q + 100, 'up');
                SELECT * FROM w ORDER BY rowid
                """,
                """
                SELECT count(*) FILTER (WHERE a > 1), sum(a) FILTER (WHERE b <> 'y'), group_concat(b) FILTER (WHERE a IS NULL),
                    total(c) FILTER (WHERE c > 2), count(*) FROM t;
                SELECT a, max(c) FILTER (WHERE 1), count(DISTINCT b) FILTER (WHERE id < 9), avg(id) FILTER (WHERE NULL)
                    FROM t GROUP BY a ORDER BY a;
                SELECT b > 'm', min(id) FILTER (WHERE c IS NOT NULL), count(a) FILTER (WHERE a = 2) FROM t
                    GROUP BY b > 'm' HAVING count(*) FILTER (WHERE id > 2) > 1 ORDER BY 1;
                SELECT (SELECT count(*) FILTER (WHERE x > t.a) FROM u) FROM t ORDER BY id;
                SELECT upper('a') FILTER (WHERE 1);
                SELECT count(*) FILTER (WHERE max(a)) FROM t;
                SELECT id FROM t WHERE count(*) FILTER (WHERE 1) > 0;
                SELECT group_concat(b ORDER BY id DESC), group_concat(b, '-' ORDER BY b), string_agg(b, ',' ORDER BY a DESC, id)
                    FROM t;
                SELECT a, group_concat(b ORDER BY b DESC NULLS FIRST), group_concat(id ORDER BY c NULLS LAST, id) FROM t
                    GROUP BY a ORDER BY a;
                SELECT group_concat(DISTINCT a ORDER BY a DESC), group_concat(b ORDER BY id) FILTER (WHERE id % 2 = 0)
                    FROM t;
                SELECT json_group_array(id ORDER BY b COLLATE NOCASE, id), count(b ORDER BY b), sum(id ORDER BY 1) FROM t;
                SELECT x, (SELECT group_concat(b ORDER BY id DESC) FROM t WHERE t.a = u.x) FROM u ORDER BY x, y;
                SELECT upper(b ORDER BY id) FROM t;
                SELECT group_concat(b ORDER BY max(id)) FROM t
                """,
                """
                CREATE INDEX tb ON t(b);
                CREATE INDEX tpart ON t(c) WHERE c > 0;
                SELECT id, a, b FROM t INDEXED BY tb WHERE a = 2 ORDER BY id;
                SELECT id, a FROM t INDEXED BY tab WHERE a = 2 ORDER BY id;
                SELECT id, a FROM t NOT INDEXED WHERE a = 2 ORDER BY id;
                SELECT id FROM t NOT INDEXED WHERE id = 3;
                SELECT * FROM t INDEXED BY nosuch;
                SELECT id FROM t INDEXED BY tpart;
                SELECT id, c FROM t INDEXED BY tpart WHERE c > 0 ORDER BY id;
                SELECT b FROM t INDEXED BY tb ORDER BY b DESC, id;
                SELECT t1.id, t2.id FROM t t1, t AS t2 INDEXED BY tb WHERE t2.b = t1.b ORDER BY 1, 2;
                SELECT t1.id, t2.id FROM t t1 NOT INDEXED, t AS t2 NOT INDEXED WHERE t2.a = t1.a ORDER BY 1, 2;
                SELECT count(*) FROM t INDEXED BY tc WHERE c < 6
                """);
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void sameAsSqlite(String script, @TempDir Path dir) throws SQLException {
        try (Differential.Engines engines = Differential.Engines.open(dir.resolve("q.db"))) {
            engines.assertSameScript(SETUP + ";\n" + script);
        }
    }

    /**
     * Parameters in terms that drive a lookup (compiled both as the seek key
     * and as the test) keep one number each: same parameter count and rows
     * as SQLite for "?", "?N" and ":name", in subqueries too.
     */
    @Test
    void parametersDrivingLookups(@TempDir Path dir) throws SQLException {
        String[] queries = {
            "SELECT id FROM t WHERE id = ?",
            "SELECT id FROM t WHERE id BETWEEN ? AND ? ORDER BY id",
            "SELECT id, a FROM t WHERE a = ? AND id > ? ORDER BY id",
            "SELECT id FROM t WHERE a IN (?, ?) ORDER BY id",
            "SELECT id FROM t WHERE a = :v AND id IN (SELECT id FROM t WHERE a = :v) ORDER BY id",
            "SELECT id FROM t WHERE id = ?2 OR a = ? ORDER BY id",
        };
        try (Database db = Database.open(dir.resolve("p.db").toString()); Connection turso = db.connect();
             java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            for (String sql : SETUP.split(";\n")) {
                turso.execute(sql);
                sqlite.createStatement().execute(sql);
            }
            for (String q : queries) {
                List<List<Object>> expected = new ArrayList<>();
                int count;
                try (java.sql.PreparedStatement ps = sqlite.prepareStatement(q)) {
                    count = ps.getParameterMetaData().getParameterCount();
                    for (int i = 1; i <= count; i++) {
                        ps.setLong(i, i + 1);
                    }
                    try (java.sql.ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            List<Object> row = new ArrayList<>();
                            for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                                row.add(rs.getLong(c));
                            }
                            expected.add(row);
                        }
                    }
                }
                List<List<Object>> got = new ArrayList<>();
                try (turso.api.Statement st = turso.prepare(q)) {
                    assertEquals(count, st.parameterCount(), q);
                    for (int i = 1; i <= count; i++) {
                        st.bindLong(i, i + 1);
                    }
                    while (st.step()) {
                        List<Object> row = new ArrayList<>();
                        for (int c = 0; c < st.columnCount(); c++) {
                            row.add(st.columnLong(c));
                        }
                        got.add(row);
                    }
                }
                assertEquals(expected, got, q);
            }
        }
    }

    /** The detail lines of EXPLAIN QUERY PLAN, as the sqlite3 3.40 CLI gives them for the same schema. */
    @Test
    void queryPlansAsSqlite340() throws IOException, InterruptedException {
        String[] queries = {
            "SELECT id, a, b FROM t WHERE a = 2",
            "SELECT c FROM t WHERE a = 2",
            "SELECT c FROM t WHERE a > 1 ORDER BY a DESC",
            "SELECT id FROM t WHERE id IN (1, 2)",
            "SELECT id FROM t WHERE id > 2 AND id < 9",
            "SELECT b FROM t ORDER BY a",
            "SELECT * FROM t ORDER BY a DESC",
            "SELECT id, c FROM t ORDER BY c",
            "SELECT * FROM t, u WHERE u.x = t.c",
            "SELECT * FROM t LEFT JOIN u ON u.y = t.b",
            "SELECT * FROM t INDEXED BY tc WHERE a = 2",
            "SELECT * FROM t NOT INDEXED WHERE a = 2",
            "SELECT * FROM t, u NOT INDEXED WHERE u.x = t.a",
            "SELECT DISTINCT b FROM t WHERE id > 5",
            "SELECT count(*) FROM u GROUP BY y",
            "SELECT 1",
        };
        List<String> expected = new ArrayList<>();
        List<String> got = new ArrayList<>();
        try (Database db = Database.open(Database.MEMORY); Connection turso = db.connect()) {
            for (String sql : SETUP.split(";\n")) {
                turso.execute(sql);
            }
            for (String q : queries) {
                expected.add(q + " => " + sqlite340Plan(q));
                List<String> lines = new ArrayList<>();
                for (List<Object> row : Differential.turso(turso, "EXPLAIN QUERY PLAN " + q).rows()) {
                    lines.add((String) row.get(3));
                }
                got.add(q + " => " + String.join(" | ", lines));
            }
        }
        assertEquals(expected, got);
    }

    /** The plan's detail lines from the sqlite3 CLI (its tree drawing taken off), joined by " | ". */
    private static String sqlite340Plan(String query) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("sqlite3", "-batch", ":memory:").redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("no sqlite3 CLI on the PATH");
            throw e;
        }
        p.getOutputStream().write((SETUP + ";\nEXPLAIN QUERY PLAN " + query + ";\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        List<String> lines = new ArrayList<>();
        for (String line : out.lines().toList()) {
            if (!line.equals("QUERY PLAN")) {
                lines.add(line.replaceFirst("^[|`\\s-]*", ""));
            }
        }
        return String.join(" | ", lines);
    }
}
