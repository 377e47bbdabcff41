package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import turso.api.Connection;
import turso.api.Database;

/**
 * Random joins of two to four tables (equalities between tables, filters
 * on constants, sometimes ORDER BY) planned here and by the sqlite3 3.40
 * CLI: the share of queries whose EXPLAIN QUERY PLAN differs is measured
 * and printed (seed, count, rate), with default estimates and after
 * ANALYZE of skewed data, and must stay under the rate this engine reached
 * (16.3% and 32.0% when written; before sqlite_stat1 was read, 38.3% and
 * 66.0%; after ANALYZE about half of the rest is SQLite's skip-scan and
 * Bloom filters, which this engine lacks); the rows must be SQLite's (sqlite-jdbc) for every
 * query (every fifth after ANALYZE, whose data is larger), as a multiset
 * (ties of an ORDER BY key may come in either order). More queries with
 * -Dturso.long=true.
 */
class RandomJoinPlanTest {

    private static final String SCHEMA = """
            CREATE TABLE t0(a INTEGER PRIMARY KEY, b INT, c TEXT, d INT);
            CREATE INDEX t0_b ON t0(b);
            CREATE TABLE t1(a INT, b INT, c TEXT, d INT);
            CREATE INDEX t1_ab ON t1(a, b);
            CREATE UNIQUE INDEX t1_d ON t1(d);
            CREATE TABLE t2(a INTEGER PRIMARY KEY, b INT, c TEXT, d INT);
            CREATE TABLE t3(a INT, b INT, c TEXT, d INT);
            CREATE INDEX t3_c ON t3(c);
            CREATE INDEX t3_bd ON t3(b, d);
            CREATE TABLE t4(a INT PRIMARY KEY, b INT, c TEXT, d INT);
            CREATE INDEX t4_d ON t4(d);
            CREATE TABLE t5(a, b, c, d)""";

    /** Rows of skewed sizes and value spreads, for the ANALYZE runs. */
    private static final String DATA = """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 600)
              INSERT INTO t0 SELECT i, i % 3, 'c' || (i % 50), i % 100 FROM n;
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40)
              INSERT INTO t1 SELECT i % 4, i, 'c' || i, i FROM n;
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)
              INSERT INTO t2 SELECT i, i % 30, 'c' || (i % 7), i FROM n;
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 900)
              INSERT INTO t3 SELECT i % 90, i % 2, 'c' || (i % 300), i % 9 FROM n;
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 12)
              INSERT INTO t4 SELECT i, i % 5, 'c' || i, i % 2 FROM n;
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)
              INSERT INTO t5 SELECT i % 20, i, 'c' || (i % 4), i % 40 FROM n""";

    private static final String[] COLUMNS = {"a", "b", "c", "d"};

    @Test
    void defaultEstimates() throws Exception {
        measure(SCHEMA, 20261121L, 0.20, 1);
    }

    @Test
    void afterAnalyze() throws Exception {
        measure(SCHEMA + ";\n" + DATA + ";\nANALYZE", 20261122L, 0.36, 5);
    }

    /** Plans {@code count} queries; the rows of every {@code rowsEvery}-th are compared too (joins of the larger tables are slow). */
    private static void measure(String setup, long seed, double allowed, int rowsEvery) throws Exception {
        int count = Boolean.getBoolean("turso.long") ? 2000 : 300;
        Random random = new Random(seed);
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            queries.add(query(random));
        }
        List<String> expected = CliQueryPlans.of(setup, queries);
        int differ = 0;
        StringBuilder report = new StringBuilder();
        try (Database db = Database.open(Database.MEMORY); Connection turso = db.connect();
             java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            for (String sql : setup.split(";\n")) {
                turso.execute(sql);
                sqlite.createStatement().execute(sql);
            }
            for (int i = 0; i < count; i++) {
                String q = queries.get(i);
                List<String> lines = new ArrayList<>();
                for (List<Object> row : Differential.turso(turso, "EXPLAIN QUERY PLAN " + q).rows()) {
                    lines.add((String) row.get(3));
                }
                String got = String.join(" | ", lines);
                if (!got.equals(expected.get(i))) {
                    differ++;
                    if (differ <= Integer.getInteger("turso.planReport", 15)) {
                        report.append(q).append("\n  sqlite: ").append(expected.get(i)).append("\n  turso:  ")
                                .append(got).append('\n');
                    }
                }
                if (i % rowsEvery == 0) {
                    Differential.Result want = Differential.sqlite(sqlite, q);
                    Differential.Result have = Differential.turso(turso, q);
                    assertEquals(sorted(want), sorted(have), q);
                }
            }
        }
        double rate = differ / (double) count;
        System.out.printf("RandomJoinPlanTest seed %d: %d of %d plans differ from sqlite3 3.40 (%.1f%%)%n%s",
                seed, differ, count, 100 * rate, report);
        assertTrue(rate <= allowed, String.format("%d of %d plans differ:%n%s", differ, count, report));
    }

    private static String query(Random random) {
        int n = 2 + random.nextInt(3);
        List<Integer> tables = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5));
        java.util.Collections.shuffle(tables, random);
        tables = tables.subList(0, n);
        List<String> terms = new ArrayList<>();
        for (int k = 1; k < n; k++) {
            int other = tables.get(random.nextInt(k));
            terms.add("t" + tables.get(k) + "." + column(random) + " = t" + other + "." + column(random));
        }
        int filters = random.nextInt(3);
        for (int f = 0; f < filters; f++) {
            String col = "t" + tables.get(random.nextInt(n)) + "." + column(random);
            terms.add(switch (random.nextInt(6)) {
                case 0 -> col + " = " + random.nextInt(10);
                case 1 -> col + " > " + random.nextInt(50);
                case 2 -> col + " BETWEEN 2 AND " + (3 + random.nextInt(20));
                case 3 -> col + " IN (1, 2, 3)";
                case 4 -> col + " = 'c" + random.nextInt(5) + "'";
                default -> col + " < " + random.nextInt(100);
            });
        }
        java.util.Collections.shuffle(terms, random);
        StringBuilder sql = new StringBuilder("SELECT count(*), sum(t" + tables.getFirst() + ".b) FROM ");
        boolean ordered = random.nextInt(5) == 0;
        if (ordered) {
            sql = new StringBuilder("SELECT t" + tables.getFirst() + ".a, t" + tables.getLast() + ".c FROM ");
        }
        for (int k = 0; k < n; k++) {
            sql.append(k == 0 ? "" : ", ").append("t").append(tables.get(k));
        }
        sql.append(" WHERE ").append(String.join(" AND ", terms));
        if (ordered) {
            sql.append(" ORDER BY t").append(tables.get(random.nextInt(n))).append('.').append(column(random));
        }
        return sql.toString();
    }

    private static String column(Random random) {
        return COLUMNS[random.nextInt(COLUMNS.length)];
    }

    private static Differential.Result sorted(Differential.Result r) {
        List<List<Object>> rows = new ArrayList<>(r.rows());
        rows.sort(Comparator.comparing(Object::toString));
        return new Differential.Result(rows, r.error());
    }
}
