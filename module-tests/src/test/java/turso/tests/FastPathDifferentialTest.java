package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import turso.api.Connection;
import turso.api.Database;

/**
 * The paths made faster for issue 10 answer as SQLite does (sqlite-jdbc):
 * ORDER BY ... LIMIT over enough rows that the bounded sorter trims and then
 * drops rows without keeping them (ties in arrival order, NULLs, DESC,
 * OFFSET, several keys, collations), and repeated small statements on one
 * connection (point reads and 1-row write transactions interleaved, so a
 * statement sees what the one before it wrote).
 */
class FastPathDifferentialTest {

    private static final String SETUP = """
            CREATE TABLE t(id INTEGER PRIMARY KEY, k INT, r REAL, s TEXT, n);
            WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 2000)
                INSERT INTO t SELECT i, i * 7 % 13, (i * 31 % 997) / 4.0, 'v' || (i * 17 % 101),
                    CASE WHEN i % 9 = 0 THEN NULL ELSE i % 50 END FROM c""";

    private static final String QUERIES = """
            SELECT id, k FROM t ORDER BY k LIMIT 10;
            SELECT id, k FROM t ORDER BY k DESC LIMIT 10;
            SELECT id, r FROM t ORDER BY r DESC LIMIT 7 OFFSET 5;
            SELECT id, n FROM t ORDER BY n LIMIT 12;
            SELECT id, n FROM t ORDER BY n DESC LIMIT 12;
            SELECT id, n FROM t ORDER BY n NULLS LAST LIMIT 3 OFFSET 220;
            SELECT id, s FROM t ORDER BY s, k DESC LIMIT 15;
            SELECT id, s FROM t ORDER BY upper(s) COLLATE NOCASE DESC, id DESC LIMIT 9;
            SELECT k, count(*) FROM t GROUP BY k ORDER BY count(*) DESC, k LIMIT 4;
            SELECT id FROM t ORDER BY k LIMIT 1;
            SELECT id FROM t ORDER BY k LIMIT 0;
            SELECT id, k FROM t ORDER BY k LIMIT 500;
            SELECT DISTINCT k FROM t ORDER BY k DESC LIMIT 5;
            SELECT id, s || 'x', abs(k) FROM t ORDER BY r DESC, id LIMIT 5;
            SELECT id, s, ?1, 'c', 2.5, NULL FROM t WHERE k > 3 ORDER BY s DESC, r LIMIT 8 OFFSET 3;
            SELECT a.id, b.s FROM t a JOIN t b ON b.id = a.k + 1 ORDER BY a.r, a.id DESC LIMIT 6;
            SELECT id, (SELECT count(*) FROM t u WHERE u.k = t.k) FROM t ORDER BY n DESC, id LIMIT 4""";

    @Test
    void topNAsSqlite(@TempDir Path dir) throws SQLException {
        try (Database db = Database.open(dir.resolve("q.db").toString()); Connection turso = db.connect();
             java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            for (String sql : (SETUP + ";\n" + QUERIES).split(";\n")) {
                assertEquals(Differential.sqlite(sqlite, sql), Differential.turso(turso, sql), sql);
            }
        }
    }

    @Test
    void repeatedSmallStatementsAsSqlite(@TempDir Path dir) throws SQLException {
        try (Database db = Database.open(dir.resolve("w.db").toString()); Connection turso = db.connect();
             java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("s.db"))) {
            for (String sql : ("PRAGMA journal_mode=WAL;\nPRAGMA synchronous=NORMAL;\n" + SETUP).split(";\n")) {
                assertEquals(Differential.sqlite(sqlite, sql), Differential.turso(turso, sql), sql);
            }
            for (int i = 1; i <= 200; i++) {
                long key = i * 37L % 2000 + 1;
                for (String sql : new String[] {
                        "UPDATE t SET r = r + 1, s = s || 'x' WHERE id = " + key,
                        "SELECT id, k, r, s, n FROM t WHERE id = " + key,
                        "SELECT count(*), sum(r) FROM t WHERE k = " + (i % 13),
                        "INSERT INTO t(k, r, s) VALUES (" + i + ", " + i + ".5, 'new')",
                        "SELECT max(id), count(*) FROM t"}) {
                    assertEquals(Differential.sqlite(sqlite, sql), Differential.turso(turso, sql), sql);
                }
            }
        }
    }
}
