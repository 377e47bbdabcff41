package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import turso.api.Connection;
import turso.api.Database;

/**
 * RIGHT and FULL OUTER JOIN, alone and mixed with LEFT and inner joins,
 * with ON, USING and NATURAL, WHERE terms, aggregates, subqueries and views:
 * the same rows (and errors) as real SQLite (sqlite-jdbc), in the same order
 * even without ORDER BY (unmatched rows of the right side come after the
 * loops, in rowid order, as in SQLite); and EXPLAIN QUERY PLAN as the sqlite3
 * 3.40 CLI prints it.
 */
class OuterJoinDifferentialTest {

    private static final String SETUP = """
            CREATE TABLE a(x, p);
            CREATE TABLE b(x, q);
            CREATE TABLE c(x, r);
            CREATE TABLE e(x, s);
            CREATE TABLE d(id INTEGER PRIMARY KEY, x INT, y TEXT);
            CREATE INDEX dx ON d(x);
            INSERT INTO a VALUES (1, 'a1'), (2, 'a2'), (2, 'a2b'), (NULL, 'an'), (6, 'a6');
            INSERT INTO b VALUES (2, 'b2'), (3, 'b3'), (5, 'b5'), (NULL, 'bn'), (6, 'b6');
            INSERT INTO c VALUES (3, 'c3'), (4, 'c4'), (2, 'c2'), (6, 'c6');
            INSERT INTO d(x, y) VALUES (2, 'd2'), (3, 'd3'), (7, 'd7'), (NULL, 'dn');
            CREATE VIEW ab AS SELECT a.p, b.q, coalesce(a.x, b.x) AS k FROM a FULL JOIN b ON a.x = b.x""";

    private static final String[] QUERIES = {
        "SELECT * FROM a RIGHT JOIN b ON a.x = b.x",
        "SELECT * FROM a RIGHT OUTER JOIN b ON a.x = b.x ORDER BY b.q, a.p",
        "SELECT * FROM a FULL JOIN b ON a.x = b.x",
        "SELECT * FROM a FULL OUTER JOIN b ON a.x = b.x ORDER BY a.p, b.q",
        "SELECT * FROM a RIGHT JOIN b USING (x)",
        "SELECT x, a.x, b.x FROM a RIGHT JOIN b USING (x) ORDER BY 1, 2",
        "SELECT * FROM a FULL JOIN b USING (x)",
        "SELECT x, p, q FROM a FULL JOIN b USING (x) WHERE x > 2 ORDER BY x",
        "SELECT * FROM a NATURAL FULL JOIN b",
        "SELECT * FROM a NATURAL RIGHT JOIN b",
        "SELECT * FROM a FULL JOIN b USING (x) FULL JOIN c USING (x)",
        "SELECT x FROM a FULL JOIN b USING (x) FULL JOIN c USING (x) ORDER BY x",
        "SELECT * FROM a RIGHT JOIN b ON a.x = b.x RIGHT JOIN c ON c.x = b.x",
        "SELECT * FROM a FULL JOIN b ON a.x = b.x FULL JOIN c ON c.x = a.x",
        "SELECT * FROM a RIGHT JOIN b ON a.x = b.x JOIN c ON c.r > b.q",
        "SELECT * FROM a RIGHT JOIN b ON a.x = b.x WHERE a.p IS NULL OR a.p = 'a2'",
        "SELECT * FROM a RIGHT JOIN b ON a.x = b.x WHERE a.p = 'a2'",
        "SELECT * FROM a RIGHT JOIN b ON a.x = b.x AND a.p = 'a2'",
        "SELECT * FROM a RIGHT JOIN b ON a.x = b.x WHERE b.q <> 'b3'",
        "SELECT * FROM a FULL JOIN b ON a.x = b.x WHERE a.x IS NULL OR b.x IS NULL",
        "SELECT * FROM c, a RIGHT JOIN b ON a.x = b.x",
        "SELECT * FROM a LEFT JOIN c ON c.x = a.x RIGHT JOIN b ON b.x = c.x",
        "SELECT * FROM a RIGHT JOIN b ON a.x = b.x LEFT JOIN c ON c.x = b.x",
        "SELECT * FROM a JOIN c ON a.x = c.x RIGHT JOIN b ON b.x = a.x",
        "SELECT * FROM a FULL JOIN b ON a.x = b.x LEFT JOIN c ON c.x = coalesce(a.x, b.x)",
        "SELECT * FROM a FULL JOIN d ON d.x = a.x",
        "SELECT * FROM a RIGHT JOIN d ON d.x = a.x ORDER BY d.id, a.p",
        "SELECT a.p, d.y FROM d RIGHT JOIN a ON d.x = a.x",
        "SELECT count(*), count(a.x), count(b.x) FROM a FULL JOIN b ON a.x = b.x",
        "SELECT b.x, count(a.p) FROM a RIGHT JOIN b ON a.x = b.x GROUP BY b.x ORDER BY 1",
        "SELECT x, group_concat(p, '+'), max(q) FROM a FULL JOIN b USING (x) GROUP BY x ORDER BY x",
        "SELECT sum(coalesce(a.x, 0) + coalesce(b.x, 0)) FROM a FULL JOIN b ON a.x = b.x",
        "SELECT DISTINCT a.x FROM a RIGHT JOIN b ON a.x = b.x ORDER BY 1",
        "SELECT * FROM a FULL JOIN b ON a.x = b.x ORDER BY coalesce(a.x, b.x) DESC, a.p, b.q LIMIT 4",
        "SELECT * FROM a FULL JOIN b ON a.x = b.x ORDER BY a.p, b.q LIMIT 3 OFFSET 2",
        "SELECT * FROM (SELECT * FROM a RIGHT JOIN b ON a.x = b.x) AS s ORDER BY 1, 2, 3, 4",
        "SELECT * FROM ab",
        "SELECT k, count(*) FROM ab GROUP BY k ORDER BY k",
        "SELECT (SELECT count(*) FROM a RIGHT JOIN b ON a.x = b.x WHERE b.x = c.x) FROM c ORDER BY c.x",
        "SELECT * FROM c WHERE c.x IN (SELECT b.x FROM a FULL JOIN b ON a.x = b.x WHERE a.x IS NULL)",
        "SELECT * FROM a FULL JOIN b ON 0",
        "SELECT * FROM a FULL JOIN b ON 1 ORDER BY a.p, b.q",
        "SELECT * FROM a FULL JOIN (SELECT * FROM b WHERE 0) AS z ON a.x = z.x",
        "SELECT * FROM (SELECT * FROM a WHERE 0) AS z RIGHT JOIN b ON z.x = b.x",
        "SELECT * FROM a FULL JOIN b ON a.x = b.x FULL JOIN c ON c.x = b.x FULL JOIN e ON e.x = c.x",
        "SELECT * FROM a RIGHT JOIN b ON a.x = b.x RIGHT JOIN c ON c.x = a.x WHERE c.r <> 'c4'",
        "SELECT a.*, b.* FROM a FULL JOIN b USING (x)",
        "SELECT * FROM a RIGHT JOIN d ON d.x = a.x WHERE d.x = coalesce(a.p, 3)",
        "SELECT * FROM a RIGHT JOIN d ON d.x = a.x WHERE d.id = 2",
        "SELECT * FROM a RIGHT JOIN d ON d.id = 2",
        "SELECT * FROM a RIGHT JOIN b USING (y)",
        "SELECT * FROM a NATURAL FULL JOIN b ON a.x = b.x",
    };

    @Test
    void sameRowsAsSqlite() throws SQLException {
        try (Database db = Database.open(Database.MEMORY); Connection turso = db.connect();
             java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            for (String sql : SETUP.split(";\n")) {
                turso.execute(sql);
                sqlite.createStatement().execute(sql);
            }
            List<String> expected = new ArrayList<>();
            List<String> got = new ArrayList<>();
            for (String q : QUERIES) {
                Differential.Result want = Differential.sqlite(sqlite, q);
                Differential.Result have = Differential.turso(turso, q);
                expected.add(q + " => " + want);
                got.add(q + " => " + have);
            }
            assertEquals(String.join("\n", expected), String.join("\n", got));
        }
    }

    @Test
    void plansAsSqlite340() throws IOException, InterruptedException {
        String[] queries = {
            "SELECT * FROM a RIGHT JOIN b ON a.x = b.x",
            "SELECT * FROM a FULL JOIN b ON a.x = b.x",
            "SELECT * FROM a FULL JOIN b ON a.x = b.x JOIN c ON c.x = b.x",
            "SELECT * FROM a RIGHT JOIN d ON d.x = a.x",
            "SELECT * FROM a RIGHT JOIN b ON a.x = b.x ORDER BY 1",
            "SELECT DISTINCT a.x FROM a RIGHT JOIN b ON a.x = b.x",
            "SELECT * FROM a RIGHT JOIN b ON a.x = b.x RIGHT JOIN c ON c.x = b.x",
            "SELECT x FROM a FULL JOIN b USING (x) LEFT JOIN c USING (x)",
        };
        List<String> expected = new ArrayList<>();
        List<String> got = new ArrayList<>();
        try (Database db = Database.open(Database.MEMORY); Connection turso = db.connect()) {
            for (String sql : SETUP.split(";\n")) {
                turso.execute(sql);
            }
            for (String q : queries) {
                expected.add(q + " => " + JoinOrderTest.sqlite340Plan(SETUP, q));
                List<String> lines = new ArrayList<>();
                for (List<Object> row : Differential.turso(turso, "EXPLAIN QUERY PLAN " + q).rows()) {
                    lines.add((String) row.get(3));
                }
                got.add(q + " => " + String.join(" | ", lines));
            }
        }
        assertEquals(String.join("\n", expected), String.join("\n", got));
    }
}
