package turso.tests;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The write paths session 6 made cheaper, against real SQLite (sqlite-jdbc):
 * single-row INSERTs and UPDATEs by rowid inside BEGIN run without a
 * statement savepoint, so a constraint failure must still leave the
 * transaction's earlier rows (and the failing statement's nothing) in place,
 * while multi-row statements that fail half-way are still undone alone; an
 * UPDATE writing a row of the same size overwrites the cell in place; index
 * keys are compared in place while inserting (every type, collations,
 * descending columns). Each script runs statement by statement on both
 * engines with the same rows and errors, and SQLite checks the file.
 */
class SingleRowWriteDifferentialTest {

    static Stream<String> scripts() {
        return Stream.of(
                """
                CREATE TABLE t(id INTEGER PRIMARY KEY, a NOT NULL, b CHECK(b > 0), c UNIQUE, d);
                CREATE INDEX t_d ON t(d);
                BEGIN;
                INSERT INTO t VALUES (1, 'x', 1, 'c1', 10);
                INSERT INTO t VALUES (2, NULL, 1, 'c2', 20);
                INSERT INTO t VALUES (3, 'y', 0, 'c3', 30);
                INSERT INTO t VALUES (4, 'z', 1, 'c1', 40);
                INSERT INTO t VALUES (1, 'w', 1, 'c9', 50);
                INSERT INTO t VALUES (5, 'v', 2, 'c5', 50);
                UPDATE t SET c = 'c5' WHERE id = 1;
                UPDATE t SET a = NULL WHERE id = 5;
                UPDATE t SET b = -1 WHERE id = 5;
                UPDATE t SET d = 55, a = 'vv' WHERE id = 5;
                UPDATE t SET d = d + 1 WHERE id = 1;
                INSERT INTO t VALUES (6, 'u', 1, 'c6', 60), (7, 'u', 1, 'c1', 70);
                UPDATE t SET c = 'c6' WHERE id >= 1;
                SELECT * FROM t ORDER BY id;
                SELECT d, id FROM t INDEXED BY t_d ORDER BY d, id;
                COMMIT;
                SELECT * FROM t ORDER BY id;
                PRAGMA integrity_check
                """,
                """
                CREATE TABLE s(id INTEGER PRIMARY KEY AUTOINCREMENT, v INT, w TEXT) ;
                CREATE UNIQUE INDEX s_v ON s(v);
                BEGIN;
                INSERT INTO s(v, w) VALUES (1, 'a');
                INSERT INTO s(v, w) VALUES (1, 'b');
                INSERT OR IGNORE INTO s(v, w) VALUES (1, 'c');
                INSERT OR FAIL INTO s(v, w) VALUES (2, 'd');
                INSERT INTO s(v, w) SELECT 3, 'e' UNION ALL SELECT 1, 'f';
                INSERT OR REPLACE INTO s(v, w) VALUES (1, 'g');
                UPDATE s SET w = 'same' WHERE id = 1;
                UPDATE s SET w = 'longer text' WHERE id = 4;
                UPDATE s SET w = 'x' WHERE id = 4;
                SELECT * FROM s ORDER BY id;
                SELECT * FROM sqlite_sequence;
                ROLLBACK;
                SELECT * FROM s ORDER BY id;
                SELECT * FROM sqlite_sequence
                """,
                """
                CREATE TABLE p(id INTEGER PRIMARY KEY, n INT, r REAL, t TEXT, b BLOB);
                INSERT INTO p VALUES (1, 1, 1.5, 'one', x'01');
                INSERT INTO p VALUES (2, 200, 2.5, 'two', x'0202');
                BEGIN;
                UPDATE p SET n = 2 WHERE id = 1;
                UPDATE p SET n = 100000 WHERE id = 1;
                UPDATE p SET n = NULL, r = NULL WHERE id = 2;
                UPDATE p SET t = 'ONE' WHERE id = 1;
                UPDATE p SET b = x'0303' WHERE id = 1;
                UPDATE p SET t = NULL, b = NULL, n = 0, r = 0.0 WHERE id = 1;
                UPDATE p SET t = 'a', b = NULL, n = 1, r = NULL WHERE id = 1;
                UPDATE p SET id = 3 WHERE id = 2;
                UPDATE p SET n = 9 WHERE id = 99;
                SELECT * FROM p ORDER BY id;
                COMMIT;
                SELECT * FROM p ORDER BY id;
                PRAGMA integrity_check
                """,
                """
                CREATE TABLE k(id INTEGER PRIMARY KEY, x, y TEXT COLLATE NOCASE);
                CREATE INDEX k_x ON k(x);
                CREATE INDEX k_y ON k(y DESC, x);
                BEGIN;
                INSERT INTO k VALUES (1, 3, 'b');
                INSERT INTO k VALUES (2, 3.0, 'B');
                INSERT INTO k VALUES (3, 2.5, 'a');
                INSERT INTO k VALUES (4, NULL, NULL);
                INSERT INTO k VALUES (5, 'text', 'C');
                INSERT INTO k VALUES (6, x'00ff', 'c');
                INSERT INTO k VALUES (7, -9223372036854775808, 'Ab');
                INSERT INTO k VALUES (8, 9223372036854775807, 'aB');
                INSERT INTO k VALUES (9, 9.2233720368547758e18, '');
                INSERT INTO k VALUES (10, 'Text', 'ab');
                INSERT INTO k VALUES (11, x'', 'abc');
                INSERT INTO k VALUES (12, 0, 'b');
                INSERT INTO k VALUES (13, 1, 'b');
                INSERT INTO k VALUES (14, -0.0, 'b');
                COMMIT;
                SELECT x, id FROM k INDEXED BY k_x ORDER BY x, id;
                SELECT y, x, id FROM k INDEXED BY k_y ORDER BY y DESC, x, id;
                PRAGMA integrity_check
                """);
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void sameAsSqlite(String script, @TempDir Path dir) throws SQLException {
        Path file = dir.resolve("w.db");
        try (var e = Differential.Engines.open(file)) {
            e.assertSameScript(script);
        }
        Differential.assertIntegrity(file);
    }

    /**
     * Thousands of index entries of mixed types in random order, inserted one
     * row per statement inside BEGIN (with failures mixed in): the indexes
     * split many times and must read back in SQLite's order.
     */
    @Test
    void randomIndexInsertsAndUpdates(@TempDir Path dir) throws SQLException {
        Path file = dir.resolve("r.db");
        Random random = new Random(61);
        try (var e = Differential.Engines.open(file)) {
            e.assertSameScript("""
                    CREATE TABLE r(id INTEGER PRIMARY KEY, a, b TEXT COLLATE NOCASE, c UNIQUE);
                    CREATE INDEX r_a ON r(a);
                    CREATE INDEX r_ba ON r(b DESC, a);
                    BEGIN""");
            for (int i = 1; i <= 3000; i++) {
                String a = switch (random.nextInt(5)) {
                    case 0 -> Integer.toString(random.nextInt(1000) - 500);
                    case 1 -> Double.toString(random.nextInt(1000) / 4.0 - 100);
                    case 2 -> "'t" + random.nextInt(1000) + "'";
                    case 3 -> "x'" + Integer.toHexString(256 + random.nextInt(3840)) + "'";
                    default -> "NULL";
                };
                String b = random.nextBoolean() ? "'Name " + random.nextInt(2000) + "'" : "'name " + random.nextInt(2000) + "'";
                String c = Integer.toString(random.nextInt(20000));
                e.assertSame("INSERT INTO r VALUES (" + i + ", " + a + ", " + b + ", " + c + ")");
                if (i % 7 == 0) {
                    e.assertSame("UPDATE r SET a = " + random.nextInt(100) + ", c = " + random.nextInt(20000)
                            + " WHERE id = " + (1 + random.nextInt(i)));
                }
            }
            e.assertSameScript("""
                    COMMIT;
                    SELECT count(*), sum(id) FROM r;
                    SELECT a, id FROM r INDEXED BY r_a ORDER BY a, id;
                    SELECT b, a, id FROM r INDEXED BY r_ba ORDER BY b DESC, a, id;
                    PRAGMA integrity_check""");
        }
        Differential.assertIntegrity(file);
    }
}
