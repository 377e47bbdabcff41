package turso.tests;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * GROUP BY as the hash aggregate runs it (groups found by their keys as the
 * rows come, then only the groups sorted): the same rows, in the same order,
 * as real SQLite (sqlite-jdbc), with and without ORDER BY. Keys mixing
 * storage classes (NULLs, 1 and 1.0, '1', -0.0, integers beyond 2^53,
 * blobs), the built-in collations, DISTINCT and FILTERed aggregates, bare
 * columns (the group's first row, or the row of a lone min/max), HAVING,
 * LIMIT and OFFSET, correlated subqueries re-running the aggregate, more
 * groups than the hash table's first size, and aggregates with their own
 * ORDER BY (which keep the sorter).
 */
class GroupByDifferentialTest {

    private static final String SETUP = """
            CREATE TABLE t(id INTEGER PRIMARY KEY, k, n INT, s TEXT, c TEXT COLLATE NOCASE, r TEXT COLLATE RTRIM, v REAL);
            INSERT INTO t(k, n, s, c, r, v) VALUES
                (1, 1, 'a', 'a', 'a', 1.5), (1.0, 2, 'A', 'A', 'a ', 2.5), ('1', 3, 'b', 'B', 'a  ', NULL),
                (NULL, 4, NULL, NULL, NULL, 4.0), (NULL, 5, 'c', 'b', 'b', -1.0), (x'01', 6, 'c', 'C', 'b ', 0.0),
                (x'01', 7, 'd', 'c', 'c', -0.0), (-0.0, 8, 'd', 'D', ' c', 8.5), (0, 9, 'e', 'd', 'c', NULL),
                (0.0, 10, 'a', 'A', 'a', 10.0), (9007199254740993, 11, 'f', 'F', 'f', 1.0),
                (9007199254740992.0, 12, 'f', 'f', 'f', 2.0), (9007199254740992, 13, 'g', 'g', 'g', 3.0),
                (2.5, 14, 'h', 'H', 'h', 4.0), ('2.5', 15, 'h', 'h', 'h ', 5.0), (2.5, 16, 'i', 'I', 'i', 6.0),
                ('abc', 17, 'abc', 'ABC', 'abc', 7.0), ('ABC', 18, 'ABC', 'abc', 'abc   ', 8.0)""";

    static Stream<String> scripts() {
        return Stream.of(
                """
                SELECT k, count(*), sum(n) FROM t GROUP BY k;
                SELECT typeof(k), k, count(*) FROM t GROUP BY k;
                SELECT c, count(*), group_concat(n) FROM t GROUP BY c;
                SELECT r, count(*), group_concat(n) FROM t GROUP BY r;
                SELECT s, count(*) FROM t GROUP BY s COLLATE NOCASE;
                SELECT s COLLATE NOCASE, count(*) FROM t GROUP BY 1;
                SELECT s, c, count(*) FROM t GROUP BY s, c;
                SELECT c, s, count(*) FROM t GROUP BY c, s;
                SELECT v, count(*) FROM t GROUP BY v;
                SELECT n % 3, n % 2, sum(v), avg(v), total(v), min(v), max(v) FROM t GROUP BY n % 3, n % 2;
                SELECT n % 4 AS m, count(*) FROM t GROUP BY m ORDER BY count(*) DESC, m;
                SELECT c, count(*) FROM t GROUP BY c ORDER BY c DESC;
                SELECT k, count(*) FROM t GROUP BY k ORDER BY 2, 1
                """,
                """
                SELECT c, s, n FROM t GROUP BY c;
                SELECT n % 3, s, max(v), id FROM t GROUP BY n % 3;
                SELECT n % 4, s, min(n) FROM t GROUP BY n % 4;
                SELECT n % 5, s, min(s) FROM t GROUP BY n % 5;
                SELECT k, id FROM t GROUP BY k;
                SELECT s, count(DISTINCT c), count(DISTINCT k), sum(DISTINCT n % 3) FROM t GROUP BY s;
                SELECT c, group_concat(DISTINCT s) FROM t GROUP BY c;
                SELECT c, count(*) FILTER (WHERE n > 5), sum(n) FILTER (WHERE v IS NOT NULL) FROM t GROUP BY c;
                SELECT c, count(*) FROM t GROUP BY c HAVING count(*) > 1;
                SELECT c, count(*) FROM t GROUP BY c HAVING sum(n) > 20 ORDER BY 1;
                SELECT c FROM t GROUP BY c HAVING total(v) > 3;
                SELECT c, count(*) FROM t GROUP BY c LIMIT 3;
                SELECT c, count(*) FROM t GROUP BY c LIMIT 3 OFFSET 2;
                SELECT c, count(*) FROM t GROUP BY c ORDER BY 2 DESC, 1 LIMIT 2;
                SELECT k FROM t GROUP BY k;
                SELECT count(*) FROM t GROUP BY c;
                SELECT 1 FROM t GROUP BY s
                """,
                """
                SELECT t1.c, (SELECT count(*) FROM t t2 WHERE t2.n <= t1.n GROUP BY t2.c HAVING t2.c = t1.c) FROM t t1;
                SELECT c, (SELECT group_concat(x) FROM (SELECT n % 3 AS x FROM t t2 WHERE t2.c = t1.c GROUP BY x)) FROM t t1 GROUP BY c;
                SELECT * FROM (SELECT c, count(*) AS m FROM t GROUP BY c) WHERE m > 1;
                SELECT s, count(*) FROM t WHERE n > 100 GROUP BY s;
                SELECT a.c, b.s, count(*) FROM t a JOIN t b ON a.n = b.n + 1 GROUP BY a.c, b.s;
                SELECT c, group_concat(n ORDER BY n DESC) FROM t GROUP BY c;
                SELECT c, sum(n) OVER () FROM t GROUP BY c;
                SELECT c, count(*), rank() OVER (ORDER BY count(*)) FROM t GROUP BY c;
                SELECT DISTINCT count(*) FROM t GROUP BY c;
                SELECT c, count(*) FROM t GROUP BY c UNION ALL SELECT s, count(*) FROM t GROUP BY s;
                SELECT k + 0, count(*) FROM t GROUP BY k + 0;
                SELECT CAST(n % 4 AS TEXT), count(*) FROM t GROUP BY CAST(n % 4 AS TEXT);
                SELECT length(s), count(*) FROM t GROUP BY length(s);
                SELECT c, sum(k) FROM t GROUP BY c;
                CREATE TABLE e(a, b);
                SELECT a, count(*) FROM e GROUP BY a;
                SELECT a, count(*) FROM e GROUP BY a ORDER BY 1
                """);
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void sameAsSqlite(String script, @TempDir Path dir) throws SQLException {
        try (Differential.Engines engines = Differential.Engines.open(dir.resolve("g.db"))) {
            engines.assertSameScript(SETUP);
            engines.assertSameScript(script);
        }
    }

    /** More groups than the hash table starts with, arriving interleaved. */
    @Test
    void manyGroups(@TempDir Path dir) throws SQLException {
        try (Differential.Engines engines = Differential.Engines.open(dir.resolve("m.db"))) {
            engines.assertSameScript("""
                    CREATE TABLE m(id INTEGER PRIMARY KEY, g INT, h TEXT, x REAL);
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
                        INSERT INTO m SELECT i, (i * 7919) % 3001, 'h' || (i % 257), i / 8.0 FROM n;
                    SELECT g, count(*), sum(x), min(id), max(h) FROM m GROUP BY g;
                    SELECT h, g % 5, count(*), sum(id) FROM m GROUP BY h, g % 5;
                    SELECT h, count(DISTINCT g % 11) FROM m GROUP BY h;
                    SELECT g % 100, id FROM m GROUP BY g % 100;
                    SELECT g, count(*) FROM m GROUP BY g ORDER BY count(*) DESC, g LIMIT 7""");
        }
    }

    /**
     * Random tables of mixed values, random GROUP BY queries: the same rows in
     * the same order as SQLite. No min()/max() here: with one, SQLite shows a
     * key from the row of the minimum or maximum (equal keys under NOCASE or
     * 1 and 1.0 may differ), which this engine does not do yet, sorter or hash.
     * ORDER BY breaks its ties by the key: SQLite's order of ties differs.
     */
    @Test
    void randomQueries(@TempDir Path dir) throws SQLException {
        Random random = new Random(20261121);
        String[] values = {"NULL", "0", "1", "1.0", "-0.0", "2", "2.5", "'1'", "'a'", "'A'", "'a '", "'b'", "x'00'",
                "x'0102'", "4.0", "-3", "'B'", "''", "' '"};
        String[] keys = {"a", "b", "c", "a COLLATE NOCASE", "b COLLATE RTRIM", "a + 0", "c || ''", "typeof(a)",
                "abs(c)", "a, b", "b, c COLLATE NOCASE", "c, a, b"};
        String[] aggregates = {"count(*)", "count(a)", "sum(c)", "total(b)", "avg(c)", "group_concat(a)",
                "count(DISTINCT b)", "total(c) FILTER (WHERE b IS NOT NULL)", "group_concat(DISTINCT c)"};
        try (Differential.Engines engines = Differential.Engines.open(dir.resolve("r.db"))) {
            for (int table = 0; table < 4; table++) {
                String name = "r" + table;
                engines.assertSame("CREATE TABLE " + name + "(id INTEGER PRIMARY KEY, a, b TEXT, c NUMERIC)");
                List<String> rows = new ArrayList<>();
                for (int i = 0; i < 60 + 40 * table; i++) {
                    rows.add("(" + values[random.nextInt(values.length)] + ", " + values[random.nextInt(values.length)]
                            + ", " + values[random.nextInt(values.length)] + ")");
                }
                engines.assertSame("INSERT INTO " + name + "(a, b, c) VALUES " + String.join(", ", rows));
                for (int q = 0; q < 40; q++) {
                    String key = keys[random.nextInt(keys.length)];
                    String select = key + ", " + aggregates[random.nextInt(aggregates.length)] + ", "
                            + aggregates[random.nextInt(aggregates.length)] + (random.nextBoolean() ? ", id" : "");
                    String sql = "SELECT " + select + " FROM " + name + " GROUP BY " + key
                            + switch (random.nextInt(4)) {
                                case 0 -> " ORDER BY 2 DESC, 1";
                                case 1 -> " HAVING count(*) > 1";
                                default -> "";
                            };
                    engines.assertSame(sql);
                }
            }
        }
    }
}
