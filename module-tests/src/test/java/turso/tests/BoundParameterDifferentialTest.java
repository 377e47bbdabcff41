package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Statements whose "?" parameters sit in expressions written alike
 * (sum(?), sum(?); the same CASE twice; GROUP BY and the result list), as
 * jOOQ writes them: each "?" is its own parameter, bound separately, in
 * aggregates, grouping and HAVING. Same parameter counts and rows here as on
 * real SQLite (sqlite-jdbc), through JDBC.
 */
class BoundParameterDifferentialTest {

    private static final String SETUP = "CREATE TABLE t(id INTEGER PRIMARY KEY, k TEXT, v INT);"
            + "INSERT INTO t(k, v) VALUES ('a', 1), ('b', 2), ('a', 3), ('c', 4), ('b', 5)";

    private record Case(String sql, Object... binds) {
    }

    private static final List<Case> CASES = List.of(
            new Case("SELECT sum(?), sum(?) FROM t", 1, 2),
            new Case("SELECT count(*), sum(CASE WHEN k = ? THEN ? ELSE ? END), sum(CASE WHEN k = ? THEN ? ELSE ? END) FROM t",
                    "a", 1, 0, "b", 10, 0),
            new Case("SELECT k, sum(v * ?), max(v * ?) FROM t GROUP BY k HAVING sum(v * ?) > ? ORDER BY k", 2, 3, 1, 4),
            new Case("SELECT v + ?, count(*) FROM t GROUP BY v + ? ORDER BY 1", 1, 1),
            new Case("SELECT k || ?, k || ? FROM t WHERE v > ? AND v > ? ORDER BY id", "x", "y", 1, 2),
            new Case("SELECT ?1, ?1, sum(?2), sum(?2) FROM t", 7, 3),
            new Case("SELECT id, sum(?) OVER (ORDER BY id), sum(?) OVER (ORDER BY id) FROM t ORDER BY id", 1, 2),
            new Case("SELECT v * ?, v * ?, count(*) FROM t GROUP BY v * ?, v * ? ORDER BY 1, 2", 1, 2, 1, 2),
            new Case("SELECT :p, sum(:p), sum(?) FROM t", 5, 6));

    @Test
    void sameAsSqlite() throws SQLException {
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

    private static List<Object> run(Connection c, Case test) throws SQLException {
        List<Object> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(test.sql())) {
            int n = p.getParameterMetaData().getParameterCount();
            out.add("parameters " + n);
            for (int i = 0; i < n && i < test.binds().length; i++) {
                p.setObject(i + 1, test.binds()[i]);
            }
            try (ResultSet rs = p.executeQuery()) {
                ResultRows.addTo(out, rs);
            }
        }
        return out;
    }
}
