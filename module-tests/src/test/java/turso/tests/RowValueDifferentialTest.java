package turso.tests;


import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Row value comparisons, (a, b) < (x, y), with every operator, NULLs at each
 * position, affinity and collation per element, in WHERE (jOOQ's keyset
 * paging writes them) and in results, and the error for rows of different
 * sizes: the same rows or error here as on real SQLite (sqlite-jdbc).
 */
class RowValueDifferentialTest {

    private static final String SCRIPT = """
            CREATE TABLE t(id INTEGER PRIMARY KEY, a INT, b TEXT COLLATE NOCASE, c);
            INSERT INTO t(a, b, c) VALUES (1, 'x', 1), (1, 'Y', 2), (2, 'a', NULL), (NULL, 'b', 3), (2, NULL, 4),
                (3, 'x', '5'), (1, 'x', 2);
            SELECT (1, 2) < (1, 3), (1, 2) <= (1, 2), (1, 2) > (0, 9), (1, 2) >= (1, 3), (1, 2) = (1, 2), (1, 2) != (1, 2);
            SELECT (1, NULL) < (1, 3), (1, NULL) < (2, 3), (NULL, 1) = (NULL, 1), (NULL, 1) = (2, 2), (1, NULL) != (2, NULL);
            SELECT (1, NULL) IS (1, NULL), (1, NULL) IS NOT (1, NULL), (1, 2) IS NOT (1, 3), (NULL, 2) IS (NULL, 2);
            SELECT (1, 2, 3) >= (1, 2, 3), (1, 2, 3) > (1, 2, 2), (1, 2, 3) < (1, 2, NULL), ('a', 1) > ('A', 0);
            SELECT (1, 2) = (1, 2, 3);
            SELECT (1, 2) + (1, 2);
            SELECT id FROM t WHERE (a, b) > (1, 'x') ORDER BY id;
            SELECT id FROM t WHERE (a, b) >= (1, 'X') ORDER BY id;
            SELECT id FROM t WHERE (a, id) < (2, 3) ORDER BY a, id;
            SELECT id FROM t WHERE (a, b, c) = (1, 'x', 2) ORDER BY id;
            SELECT id FROM t WHERE (c, a) <= ('5', 3) ORDER BY id;
            SELECT id, (a, b) < (2, 'b'), (b, a) IS NOT ('x', 1) FROM t ORDER BY id;
            SELECT id FROM t WHERE (a, id) > (1, 2) ORDER BY a, id LIMIT 2
            """;

    @Test
    void sameAsSqlite(@TempDir Path dir) throws SQLException {
        try (Differential.Engines engines = Differential.Engines.open(dir.resolve("r.db"))) {
            engines.assertSameScript(SCRIPT);
        }
    }
}
