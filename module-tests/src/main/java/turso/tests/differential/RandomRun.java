/*
 * The randomized mode: databases built by RandomQueries, a batch of queries
 * on each, every statement run on both engines. A master seed derives every
 * batch's seed, so one number replays a whole run. A query where this
 * engine differs from sqlite-jdbc (3.54) but gives the answer of SQLite 3.40
 * (the sqlite3 CLI), or each value as one of the two versions gives it, is
 * counted apart, not as a difference.
 */
package turso.tests.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Runs random queries and collects the differences found. */
public final class RandomRun {
    /** Queries run on one database before a new schema and data are made. */
    static final int BATCH = 100;

    /** One difference: the schema and data script, the statement, both answers. */
    public record Difference(long batchSeed, List<String> schema, String sql, StatementResult sqlite,
                             StatementResult turso) {
        @Override
        public String toString() {
            return "batch seed " + batchSeed + "\n" + String.join(";\n", schema) + ";\n" + sql + ";\nSQLite: " + sqlite
                    + "\nTurso:  " + turso;
        }
    }

    /** The summary of a run. */
    public record Summary(long seed, int queries, int errorsBoth, int as340, List<Difference> differences, long nanos) {}

    private RandomRun() {
    }

    /** Runs the given number of queries; stops collecting after maxDifferences. */
    public static Summary run(long seed, int queries, int maxDifferences) {
        long start = System.nanoTime();
        Random master = new Random(seed);
        List<Difference> differences = new ArrayList<>();
        int done = 0;
        int errorsBoth = 0;
        int as340 = 0;
        while (done < queries && differences.size() < maxDifferences) {
            long batchSeed = master.nextLong();
            RandomQueries generator = new RandomQueries(batchSeed);
            List<String> schema = generator.schema();
            try (EnginePair engines = new EnginePair()) {
                boolean ok = true;
                for (String sql : schema) {
                    StatementResult expected = engines.sqlite(sql);
                    StatementResult got = engines.turso(sql);
                    if (!expected.equals(got)) {
                        differences.add(new Difference(batchSeed, schema, sql, expected, got));
                        ok = false;
                        break;
                    }
                }
                for (int i = 0; ok && i < BATCH && done < queries && differences.size() < maxDifferences; i++) {
                    String sql = generator.query();
                    done++;
                    StatementResult expected = engines.sqlite(sql);
                    StatementResult got = engines.turso(sql);
                    if (!expected.equals(got)) {
                        StatementResult old = Sqlite340Cli.query(schema, sql,
                                got.error() == null ? got.columns() : expected.columns());
                        if (old.equals(got) || got.eachValueFrom(expected, old)) {
                            as340++;
                        } else {
                            differences.add(new Difference(batchSeed, schema, sql, expected, got));
                        }
                    } else if (expected.error() != null) {
                        errorsBoth++;
                    }
                }
            }
        }
        return new Summary(seed, done, errorsBoth, as340, differences, System.nanoTime() - start);
    }
}
