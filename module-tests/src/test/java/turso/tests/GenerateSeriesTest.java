package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import turso.api.Connection;
import turso.api.Database;

/**
 * generate_series (series.html): its arguments and their defaults, the
 * hidden start/stop/step columns, negative and zero steps, ORDER BY given by
 * the module, NULL and non-integer arguments, use in joins, subqueries and
 * aggregates, and its errors. sqlite-jdbc does not have it (the CLI builds
 * it in), so each query is compared with the sqlite3 CLI (3.40.1).
 */
class GenerateSeriesTest {

    private static final String SETUP = """
            CREATE TABLE t(id INTEGER PRIMARY KEY, lo INT, hi INT);
            INSERT INTO t VALUES (1, 1, 3), (2, 5, 5), (3, 4, 2), (4, NULL, 3)""";

    static Stream<String> queries() {
        return Stream.of(
                "SELECT * FROM generate_series(1, 5)",
                "SELECT value, start, stop, step, rowid FROM generate_series(1, 10, 3)",
                "SELECT value, step FROM generate_series(1, 10, -3)",
                "SELECT value, step FROM generate_series(1, 3, 0)",
                "SELECT value FROM generate_series(10, 1)",
                "SELECT value FROM generate_series(5, 1, -1)",
                "SELECT value FROM generate_series(-3, 3, 2)",
                "SELECT value FROM generate_series(NULL, 5)",
                "SELECT value FROM generate_series(1, NULL)",
                "SELECT value FROM generate_series(1, 5, NULL)",
                "SELECT value FROM generate_series('2', 4.9)",
                "SELECT value FROM generate_series(1.9, 3.9)",
                "SELECT value FROM generate_series(1, 2, 'x')",
                "SELECT value, stop FROM generate_series(1) LIMIT 3",
                "SELECT value FROM generate_series(9223372036854775805)",
                "SELECT value FROM generate_series(1, 5) ORDER BY value DESC",
                "SELECT value FROM generate_series(1, 10, 2) ORDER BY value DESC",
                "SELECT value FROM generate_series(1, 10, -3) ORDER BY value",
                "SELECT rowid, value FROM generate_series(1, 10, -3)",
                "SELECT value FROM generate_series(1, 5) WHERE value > 3",
                "SELECT value FROM generate_series(1, 3) WHERE value = 2",
                "SELECT value, stop FROM generate_series(1, 3) WHERE stop = 3",
                "SELECT value FROM generate_series(1, 5) WHERE start = 2",
                "SELECT value FROM generate_series WHERE start = 3 AND stop = 6",
                "SELECT count(*), sum(value), min(value), max(value) FROM generate_series(1, 1000)",
                "SELECT t.id, s.value FROM t, generate_series(t.lo, t.hi) s ORDER BY 1, 2",
                "SELECT t.id, count(s.value) FROM t LEFT JOIN generate_series(t.lo, t.hi) s GROUP BY t.id ORDER BY 1",
                "SELECT a.value, b.value FROM generate_series(1, 3) a, generate_series(a.value, 3) b",
                "SELECT value FROM generate_series(1, 20) WHERE value IN (SELECT hi FROM t)",
                "SELECT id, (SELECT group_concat(value) FROM generate_series(1, t.hi)) FROM t ORDER BY id",
                "SELECT value FROM generate_series(5, 100, 5) WHERE value % 3 = 0",
                "SELECT * FROM generate_series",
                "SELECT * FROM generate_series()",
                "SELECT * FROM generate_series(1, 2, 3, 4)",
                "INSERT INTO generate_series VALUES (1)",
                "SELECT * FROM pragma_table_xinfo('generate_series')",
                "PRAGMA table_info(generate_series)");
    }

    private static Database db;
    private static Connection turso;

    @BeforeAll
    static void open() {
        db = Database.open(":memory:");
        turso = db.connect();
        for (String sql : SETUP.split(";\n")) {
            turso.execute(sql);
        }
    }

    @AfterAll
    static void close() {
        turso.close();
        db.close();
    }

    @ParameterizedTest
    @MethodSource("queries")
    void sameAsSqlite340(String sql) {
        assertEquals(Sqlite340Rows.cli(SETUP + ";\n" + sql + ";\n"), Sqlite340Rows.quoted(turso, sql), sql);
    }
}
