package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import turso.api.Connection;
import turso.api.Database;

/**
 * GROUP BY without ORDER BY, where SQLite reads an index (or a WITHOUT ROWID
 * table's key, or the rowid) whose columns are the GROUP BY terms instead of
 * sorting: the groups come out in that index's order (a DESC column's
 * descending), and a single-bounded range or a whole scan gives way to it
 * (a join's order weighs the sort too);
 * HAVING terms SQLite moves into WHERE, which then drive the scan. Rows (in
 * order) are compared with sqlite-jdbc, EXPLAIN QUERY PLAN's detail lines
 * with the sqlite3 3.40 CLI.
 */
class GroupOrderDifferentialTest {

    private static final String SETUP = """
            CREATE TABLE t(a TEXT, b INT, c COLLATE NOCASE, d, PRIMARY KEY(b DESC, c)) WITHOUT ROWID;
            INSERT INTO t VALUES ('x', 1, 'p', 1), ('y', 1, 'Q', 2), ('z', 2, 'p', 3), ('w', 3, 'R', NULL), ('v', 0, 'a', 5);
            CREATE INDEX ta ON t(a);
            CREATE UNIQUE INDEX td ON t(d);
            CREATE TABLE r(a, b, c);
            INSERT INTO r VALUES (1, 1, 1), (2, 2, 2), (3, 3, 3), (4, 1, 5), (NULL, NULL, 6), (2, 'x', 7);
            CREATE INDEX ra ON r(a);
            CREATE INDEX rb ON r(b DESC);
            CREATE INDEX rca ON r(c, a DESC);
            CREATE TABLE s(x, y);
            INSERT INTO s VALUES (1, 1), (2, 2), (3, 3);
            CREATE TABLE q(id INTEGER PRIMARY KEY, e, f);
            INSERT INTO q VALUES (1, 'b', 2), (2, 'A', 1), (3, 'a', 1), (5, NULL, 3);
            CREATE INDEX qe ON q(lower(e) DESC);
            CREATE INDEX qf ON q(f DESC, e)""";

    private static final String[] QUERIES = {
        "SELECT b, count(*) FROM t GROUP BY b",
        "SELECT c, b, count(*) FROM t GROUP BY c, b",
        "SELECT c, count(*) FROM t GROUP BY c",
        "SELECT a, count(*) FROM t GROUP BY a",
        "SELECT b, count(*) FROM t WHERE b > 0 GROUP BY b",
        "SELECT b, count(*) FROM t WHERE a > 'a' GROUP BY b",
        "SELECT b, count(*) FROM t WHERE a > 'a' AND a < 'z' GROUP BY b",
        "SELECT b, count(*) FROM t WHERE d = 1 GROUP BY b",
        "SELECT b, sum(c) FROM r GROUP BY b",
        "SELECT b, count(*) FROM r GROUP BY b",
        "SELECT b, count(*) FROM r WHERE a > 1 GROUP BY b",
        "SELECT b, count(*) FROM r WHERE a = 2 GROUP BY b",
        "SELECT b, count(*) FROM r WHERE a > 1 AND a < 3 GROUP BY b",
        "SELECT b, count(*) FROM r WHERE rowid > 1 GROUP BY b",
        "SELECT b, count(*) FROM r WHERE rowid > 1 AND rowid < 5 GROUP BY b",
        "SELECT b, count(*) FROM r WHERE a IN (1, 2) GROUP BY b",
        "SELECT rowid, count(*) FROM r GROUP BY rowid",
        "SELECT a, c, count(*) FROM r GROUP BY a, c",
        "SELECT a, count(*) FROM r WHERE c = 2 GROUP BY a",
        "SELECT b, count(*) FROM r, s WHERE s.x = r.a GROUP BY b",
        "SELECT b, count(*) FROM r GROUP BY b ORDER BY count(*), b",
        "SELECT b, count(*) FROM r GROUP BY b HAVING b = 2",
        "SELECT b, count(*) FROM r GROUP BY b HAVING count(*) > 1 AND b > 0",
        "SELECT a, count(*) FROM r GROUP BY a HAVING abs(a) > 1",
        "SELECT id, count(*) FROM q GROUP BY id",
        "SELECT lower(e), count(*) FROM q GROUP BY lower(e)",
        "SELECT f, e, count(*) FROM q GROUP BY e, f",
        "SELECT e, count(*) FROM q WHERE f = 1 GROUP BY e",
        "SELECT f, count(*) FROM q WHERE id = 2 GROUP BY f",
        "SELECT f, count(*) FROM q WHERE id IN (1, 2) GROUP BY f",
        "SELECT q1.f, count(*) FROM q AS q1 LEFT JOIN q AS q2 ON q2.id = q1.f GROUP BY q1.f",
        "SELECT e COLLATE NOCASE, count(*) FROM q GROUP BY e COLLATE NOCASE",
    };

    @Test
    void groupsComeInSqlitesOrder() throws Exception {
        try (Database db = Database.open(Database.MEMORY); Connection turso = db.connect();
                java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            for (String sql : SETUP.split(";\n")) {
                turso.execute(sql);
                try (var st = sqlite.createStatement()) {
                    st.execute(sql);
                }
            }
            for (String q : QUERIES) {
                assertEquals(Differential.sqlite(sqlite, q), Differential.turso(turso, q), q);
            }
        }
    }

    @Test
    void queryPlansAsSqlite340() throws IOException, InterruptedException {
        List<String> expected = new ArrayList<>();
        List<String> got = new ArrayList<>();
        List<String> plans = CliQueryPlans.of(SETUP, List.of(QUERIES));
        try (Database db = Database.open(Database.MEMORY); Connection turso = db.connect()) {
            for (String sql : SETUP.split(";\n")) {
                turso.execute(sql);
            }
            for (int i = 0; i < QUERIES.length; i++) {
                expected.add(QUERIES[i] + " => " + plans.get(i));
                List<String> lines = new ArrayList<>();
                for (List<Object> row : Differential.turso(turso, "EXPLAIN QUERY PLAN " + QUERIES[i]).rows()) {
                    lines.add((String) row.get(3));
                }
                got.add(QUERIES[i] + " => " + String.join(" | ", lines));
            }
        }
        assertEquals(expected, got);
    }
}
