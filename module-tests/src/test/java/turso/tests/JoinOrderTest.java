package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import turso.api.Connection;
import turso.api.Database;

/**
 * The cost-based join order: EXPLAIN QUERY PLAN of joins of two to eight
 * tables (rowid lookups, indexes, automatic indexes, LEFT and CROSS JOIN,
 * which keep their place, a LEFT JOIN whose NULLs WHERE rejects planned as
 * an inner join) as the sqlite3 3.40 CLI prints it for the same
 * schema, and the same rows as real SQLite (sqlite-jdbc), in the same order
 * even without ORDER BY, since the loops nest as SQLite nests them.
 */
class JoinOrderTest {

    private static final String SETUP = """
            CREATE TABLE t(id INTEGER PRIMARY KEY, a INT, b TEXT, c);
            CREATE INDEX tab ON t(a, b);
            CREATE TABLE u(x INT, y TEXT COLLATE NOCASE);
            CREATE TABLE v(p INTEGER PRIMARY KEY, q INT, r TEXT);
            CREATE INDEX vq ON v(q);
            CREATE TABLE w(k INT UNIQUE, m INT, n TEXT);
            CREATE TABLE s1(a1 INTEGER PRIMARY KEY, b1 INTEGER, x1 TEXT);
            CREATE TABLE s2(a2 INTEGER PRIMARY KEY, b2 INTEGER, x2 TEXT);
            CREATE TABLE s3(a3 INTEGER PRIMARY KEY, b3 INTEGER, x3 TEXT);
            CREATE TABLE s4(a4 INTEGER PRIMARY KEY, b4 INTEGER, x4 TEXT);
            CREATE TABLE s5(a5 INTEGER PRIMARY KEY, b5 INTEGER, x5 TEXT);
            CREATE TABLE s6(a6 INTEGER PRIMARY KEY, b6 INTEGER, x6 TEXT);
            CREATE TABLE s7(a7 INTEGER PRIMARY KEY, b7 INTEGER, x7 TEXT);
            CREATE TABLE s8(a8 INTEGER PRIMARY KEY, b8 INTEGER, x8 TEXT);
            INSERT INTO t(a, b, c) VALUES (1, 'x', 1), (2, 'y', 2), (3, 'z', 3), (NULL, 'w', 2), (2, 'Y', 5), (5, '5', 7);
            INSERT INTO u VALUES (1, 'p'), (2, 'Q'), (3, 'r'), (NULL, 's'), (2, 'x'), (7, 'Y');
            INSERT INTO v VALUES (1, 2, 'one'), (2, 3, 'two'), (3, 1, 'three'), (5, 2, 'five'), (7, NULL, 'seven');
            INSERT INTO w VALUES (1, 10, 'a'), (2, 20, 'b'), (3, 30, 'c'), (NULL, 40, 'd');
            INSERT INTO s1 VALUES (1, 3, 's1-1'), (2, 1, 's1-2'), (3, 2, 's1-3'), (4, 4, 's1-4');
            INSERT INTO s2 VALUES (1, 2, 's2-1'), (2, 4, 's2-2'), (3, 1, 's2-3'), (4, 3, 's2-4');
            INSERT INTO s3 VALUES (1, 4, 's3-1'), (2, 3, 's3-2'), (3, 2, 's3-3'), (4, 1, 's3-4');
            INSERT INTO s4 VALUES (1, 1, 's4-1'), (2, 2, 's4-2'), (3, 3, 's4-3'), (4, 4, 's4-4');
            INSERT INTO s5 VALUES (1, 2, 's5-1'), (2, 1, 's5-2'), (3, 4, 's5-3'), (4, 3, 's5-4');
            INSERT INTO s6 VALUES (1, 3, 's6-1'), (2, 4, 's6-2'), (3, 1, 's6-3'), (4, 2, 's6-4');
            INSERT INTO s7 VALUES (1, 4, 's7-1'), (2, 2, 's7-2'), (3, 3, 's7-3'), (4, 1, 's7-4');
            INSERT INTO s8 VALUES (1, 1, 's8-1'), (2, 3, 's8-2'), (3, 4, 's8-3'), (4, 2, 's8-4')""";

    private static final String[] QUERIES = {
        "SELECT * FROM u, t WHERE u.x = t.id",
        "SELECT * FROM t, u WHERE u.x = t.id",
        "SELECT * FROM u, t WHERE u.x = t.a",
        "SELECT * FROM u, v WHERE u.x = v.q AND v.p = 5",
        "SELECT * FROM v, u WHERE u.x = v.q",
        "SELECT * FROM u, v, t WHERE u.x = v.p AND v.q = t.id",
        "SELECT * FROM t, v, u WHERE u.x = v.p AND v.q = t.id",
        "SELECT * FROM u CROSS JOIN v WHERE u.x = v.q",
        "SELECT * FROM v CROSS JOIN u WHERE u.x = v.q",
        "SELECT * FROM t, u WHERE u.x = t.c",
        "SELECT * FROM u, t WHERE u.x = t.c",
        "SELECT * FROM u LEFT JOIN v ON u.x = v.q, t WHERE t.id = u.x",
        "SELECT * FROM u u1, u u2 WHERE u1.x = u2.x",
        "SELECT * FROM w, v WHERE w.k = v.q",
        "SELECT * FROM v, w WHERE w.k = v.p AND v.q = 2",
        "SELECT * FROM t JOIN v ON v.p = t.a JOIN w ON w.k = v.q",
        "SELECT * FROM w JOIN v ON v.p = w.m JOIN t ON t.a = v.q WHERE t.b = 'y'",
        "SELECT u.y, t.b FROM u JOIN t ON t.a = u.x WHERE t.b > 'a' ORDER BY t.a",
        "SELECT x1, x2, x3 FROM s1, s2, s3 WHERE b1 = a2 AND b2 = a3 AND a1 = 2",
        "SELECT x1, x2, x3 FROM s3, s2, s1 WHERE a2 = b1 AND a3 = b2",
        "SELECT x1, x2, x3, x4 FROM s4, s3, s2, s1 WHERE b4 = a3 AND b3 = a2 AND b2 = a1 AND a4 = 3",
        "SELECT x1, x5, x3, x7, x2 FROM s7, s5, s3, s2, s1 WHERE a5 = b7 AND a3 = b5 AND b3 = a2 AND a1 = b2 AND a7 = 1",
        "SELECT x1, x2, x3, x4, x5, x6, x7, x8 FROM s8, s7, s6, s5, s4, s3, s2, s1 WHERE b1 = a2 AND b2 = a3"
            + " AND b3 = a4 AND b4 = a5 AND b5 = a6 AND b6 = a7 AND b7 = a8 AND a1 = 4",
        "SELECT x1, x2, x3, x4, x5, x6, x7, x8 FROM s1, s2, s3, s4, s5, s6, s7, s8 WHERE b8 = a7 AND b7 = a6"
            + " AND b6 = a5 AND b5 = a4 AND b4 = a3 AND b3 = a2 AND b2 = a1 AND a8 = 2",
        "SELECT x1, x2 FROM s1, s2 WHERE b1 = b2",
        "SELECT x1, x2, x3 FROM s1, s2, s3 WHERE b1 = b2 AND b3 = a2 AND a3 = 2",
        "SELECT count(*) FROM s1, s2, s3 WHERE a1 = b2 AND a2 = b3",
        "SELECT x1, y FROM s1 LEFT JOIN u ON u.x = s1.b1 WHERE a1 > 1",
        "SELECT * FROM t, v WHERE t.id = v.p ORDER BY t.id",
        "SELECT * FROM u LEFT JOIN v ON u.x = v.q WHERE v.r > 'a'",
        "SELECT * FROM u LEFT JOIN v ON u.x = v.q WHERE v.r IS NULL",
        "SELECT * FROM u LEFT JOIN w ON u.x = w.k WHERE w.m + 1 = 11",
        "SELECT * FROM u LEFT JOIN w ON u.x = w.k WHERE w.n IS NOT NULL",
        "SELECT * FROM u LEFT JOIN w ON u.x = w.k WHERE w.n LIKE 'a'",
        "SELECT * FROM s1 LEFT JOIN s2 ON b1 = a2 LEFT JOIN s3 ON b2 = a3 WHERE x3 <> 's3-2'",
    };

    @Test
    void plansAsSqlite340() throws IOException, InterruptedException {
        List<String> expected = new ArrayList<>();
        List<String> got = new ArrayList<>();
        try (Database db = Database.open(Database.MEMORY); Connection turso = db.connect()) {
            for (String sql : SETUP.split(";\n")) {
                turso.execute(sql);
            }
            for (String q : QUERIES) {
                expected.add(q + " => " + sqlite340Plan(q));
                List<String> lines = new ArrayList<>();
                for (List<Object> row : Differential.turso(turso, "EXPLAIN QUERY PLAN " + q).rows()) {
                    lines.add((String) row.get(3));
                }
                got.add(q + " => " + String.join(" | ", lines));
            }
        }
        assertEquals(String.join("\n", expected), String.join("\n", got));
    }

    @Test
    void rowsAsSqlite() throws SQLException {
        try (Database db = Database.open(Database.MEMORY); Connection turso = db.connect();
             java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            for (String sql : SETUP.split(";\n")) {
                turso.execute(sql);
                sqlite.createStatement().execute(sql);
            }
            for (String q : QUERIES) {
                Differential.Result want = Differential.sqlite(sqlite, q);
                Differential.Result have = Differential.turso(turso, q);
                assertEquals(want, have, q);
            }
        }
    }

    /** The plan's detail lines from the sqlite3 CLI (its tree drawing taken off), joined by " | ". */
    static String sqlite340Plan(String query) throws IOException, InterruptedException {
        return sqlite340Plan(SETUP, query);
    }

    static String sqlite340Plan(String setup, String query) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("sqlite3", "-batch", ":memory:").redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("no sqlite3 CLI on the PATH");
            throw e;
        }
        p.getOutputStream().write((setup + ";\nEXPLAIN QUERY PLAN " + query + ";\n").getBytes(StandardCharsets.UTF_8));
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
