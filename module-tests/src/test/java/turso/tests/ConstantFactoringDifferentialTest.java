package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Parameters and literals that a SELECT compares with are read once per run
 * into registers of their own (the program's prologue), not on every row: the
 * same statement, run again with other bindings (NULL, text against an
 * INTEGER column, a real), in subqueries (correlated or not), IN lists and
 * BETWEEN, gives the same rows and types as real SQLite (sqlite-jdbc).
 */
class ConstantFactoringDifferentialTest {

    private static final String SETUP = "CREATE TABLE t(id INTEGER PRIMARY KEY, g INT, a REAL, s TEXT, n);"
            + "INSERT INTO t(g, a, s, n) VALUES (1, 1.5, 'x', 1), (2, 2.5, 'y', '2'), (3, NULL, '3', 3.0),"
            + " (4, 4.5, 'x', NULL), (NULL, 5.5, 'z', 'x'), (2, 6.5, '10', 10);"
            + "CREATE TABLE u(k INT, w TEXT);"
            + "INSERT INTO u VALUES (1, 'one'), (2, 'two'), (2, 'deux'), (5, 'five')";

    private record Case(String sql, Object[]... runs) {
    }

    private static Object[] args(Object... values) {
        return values;
    }

    private static final List<Case> CASES = List.of(
            new Case("SELECT count(*), sum(a), sum(g) FROM t WHERE g BETWEEN ? AND ?",
                    args(1, 2), args(2, 4), args(null, 3), args("1", "3"), args(1.5, 3.5), args(5, 1)),
            new Case("SELECT id, typeof(?1), ?1 FROM t WHERE g > ?1 OR n = ?1 ORDER BY id",
                    args(2), args("2"), args((Object) null), args(1.0), args("x")),
            new Case("SELECT id FROM t WHERE s = ? OR s < ? ORDER BY id", args("x", "2"), args(10, 3), args(null, "z")),
            new Case("SELECT id FROM t WHERE g NOT BETWEEN ?2 AND ?1 ORDER BY id", args(3, 2), args(4, null)),
            new Case("SELECT id FROM t WHERE g IN (?, ?, 4) ORDER BY id", args(1, 2), args("3", null), args(null, null)),
            new Case("SELECT id, (SELECT count(*) FROM u WHERE u.k = t.g AND u.w > ?) FROM t WHERE g < ? ORDER BY id",
                    args("e", 5), args("a", 3), args(null, 9)),
            new Case("SELECT id FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.k = ? AND u.k = t.g) ORDER BY id",
                    args(2), args(1), args(7)),
            new Case("SELECT id FROM t WHERE g > 1 AND a < 5.0 AND s <> 'x' AND s IS NOT ? ORDER BY id",
                    args("y"), args((Object) null)),
            new Case("SELECT g, count(*) FROM t WHERE g >= ? GROUP BY g HAVING count(*) > ? ORDER BY g",
                    args(1, 0), args(2, 1)),
            new Case("SELECT id FROM t WHERE g = 2 AND ? = 1 ORDER BY id", args(1), args(0)),
            new Case("SELECT t.id, u.w FROM t JOIN u ON u.k = t.g AND u.w <> ? WHERE t.a > ? ORDER BY 1, 2",
                    args("two", 1), args("one", 2.5)),
            new Case("SELECT id FROM t WHERE g > ? UNION SELECT k FROM u WHERE k < ? ORDER BY 1", args(3, 2), args(0, 9)));

    @Test
    void rebindingGivesSqlitesRows() throws SQLException {
        try (Connection turso = DriverManager.getConnection("jdbc:turso::memory:");
                Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            for (String sql : SETUP.split(";")) {
                turso.createStatement().execute(sql);
                sqlite.createStatement().execute(sql);
            }
            for (Case c : CASES) {
                assertEquals(run(sqlite, c), run(turso, c), c.sql());
            }
        }
    }

    /** The parameters sit outside the loop, as in SQLite's program: read once, after Init's jump to the end. */
    @Test
    void parametersAreReadAfterTheLoop() throws SQLException {
        for (String url : List.of("jdbc:sqlite::memory:", "jdbc:turso::memory:")) {
            try (Connection c = DriverManager.getConnection(url)) {
                c.createStatement().execute("CREATE TABLE t(g INT, a REAL)");
                List<String> ops = new ArrayList<>();
                try (ResultSet rs = c.createStatement()
                        .executeQuery("EXPLAIN SELECT count(*), sum(a) FROM t WHERE g BETWEEN ? AND ?")) {
                    while (rs.next()) {
                        ops.add(rs.getString("opcode"));
                    }
                }
                int next = ops.lastIndexOf("Next");
                assertTrue(next > 0, url + " " + ops);
                assertEquals(2, ops.stream().filter("Variable"::equals).count(), url + " " + ops);
                assertTrue(ops.indexOf("Variable") > next, url + " " + ops);
                assertEquals("Goto", ops.getLast(), url + " " + ops);
            }
        }
    }

    private static List<Object> run(Connection c, Case test) throws SQLException {
        List<Object> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(test.sql())) {
            for (Object[] binds : test.runs()) {
                out.add(Arrays.asList(binds));
                for (int i = 0; i < binds.length; i++) {
                    p.setObject(i + 1, binds[i]);
                }
                try (ResultSet rs = p.executeQuery()) {
                    ResultRows.addTo(out, rs);
                }
            }
        }
        return out;
    }
}
