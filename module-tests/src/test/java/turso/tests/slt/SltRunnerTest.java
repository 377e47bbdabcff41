/*
 * The runner's rules on small scripts run against real SQLite
 * (sqlite-jdbc): pass/fail/skip counting, halt, the hash threshold, labels,
 * sort orders, the step-error quirk, and engine crashes reported as
 * failures. Expected hashes were computed with md5sum over the printed
 * values, one per line.
 */
package turso.tests.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SltRunnerTest {

    @TempDir
    Path dir;

    private FileResult run(String script) throws IOException {
        return run(new SqliteJdbcEngine(), script);
    }

    private FileResult run(SltEngine engine, String script) throws IOException {
        Path file = dir.resolve("t.test");
        Files.writeString(file, script);
        return new SltRunner(engine, 10).run(file);
    }

    @Test
    void countsPassedFailedAndSkipped() throws IOException {
        FileResult r = run("""
                statement ok
                CREATE TABLE t(x INTEGER)

                statement ok
                INSERT INTO t VALUES(1),(2)

                onlyif mysql
                statement ok
                THIS IS NOT SQLITE

                skipif sqlite
                query I nosort
                SELECT 1
                ----
                2

                query I rowsort
                SELECT x FROM t
                ----
                1
                2

                query I nosort
                SELECT x + 1 FROM t ORDER BY x
                ----
                2
                4
                """);
        assertEquals(3, r.passed());
        assertEquals(1, r.failed());
        assertEquals(2, r.skipped());
        Failure f = r.failures().getFirst();
        assertEquals(23, f.line());
        assertEquals("wrong result", f.reason());
        assertEquals(List.of("2", "4"), f.expected());
        assertEquals(List.of("2", "3"), f.got());
        assertTrue(f.location().endsWith("t.test:23"));
    }

    @Test
    void haltStopsTheFileAndTheRestIsSkipped() throws IOException {
        FileResult r = run("""
                onlyif mssql
                halt

                statement ok
                CREATE TABLE t(x)

                onlyif sqlite
                halt

                statement ok
                THIS WOULD FAIL

                query I nosort
                SELECT 1
                ----
                1
                """);
        assertEquals(1, r.passed());
        assertEquals(0, r.failed());
        assertEquals(2, r.skipped());
    }

    /** md5sum of the printed values "1\n2\n...9\n" and "1\n...8\n". */
    private static final String NINE_HASH = "22e400a2ddbb013acf2a5852d6ab69fc";
    private static final String EIGHT_HASH = "cb7f5e5c765b1fc78547062ee6770596";
    private static final String ONE_TO_NINE = "WITH RECURSIVE c(v) AS (SELECT 1 UNION ALL SELECT v+1 FROM c WHERE v<9)"
            + " SELECT v FROM c";

    @Test
    void hashThresholdDecidesBetweenValuesAndHash() throws IOException {
        FileResult r = run("""
                query I nosort
                %1$s
                ----
                9 values hashing to 0ea6c54e4e40e7e4f9fbc5c5e4d0e5c4

                query I nosort
                %1$s
                ----
                9 values hashing to %2$s

                query I nosort
                %1$s LIMIT 8
                ----
                1
                2
                3
                4
                5
                6
                7
                8

                hash-threshold 0

                query I nosort
                %1$s
                ----
                1
                2
                3
                4
                5
                6
                7
                8
                9

                hash-threshold 7

                query I nosort
                %1$s LIMIT 8
                ----
                8 values hashing to %3$s
                """.formatted(ONE_TO_NINE, NINE_HASH, EIGHT_HASH));
        assertEquals(4, r.passed());
        assertEquals(1, r.failed());
        assertEquals(1, r.failures().getFirst().line());
        assertEquals(List.of("9 values hashing to " + NINE_HASH), r.failures().getFirst().got());
    }

    @Test
    void queriesOfOneLabelMustHashAlike() throws IOException {
        FileResult r = run("""
                query I nosort label-a
                SELECT 1
                ----
                1

                query I nosort label-a
                SELECT 2 - 1
                ----
                1

                query I nosort label-a
                SELECT 2
                ----
                2
                """);
        assertEquals(2, r.passed());
        assertEquals(1, r.failed());
        Failure f = r.failures().getFirst();
        assertEquals(11, f.line());
        assertTrue(f.reason().startsWith("label 'label-a' hashed to '1 values hashing to"), f.reason());
    }

    @Test
    void sortModesCompareBytes() throws IOException {
        FileResult r = run("""
                query IT rowsort
                SELECT 9, 'b' UNION ALL SELECT 10, 'a' UNION ALL SELECT 9, 'a'
                ----
                10
                a
                9
                a
                9
                b

                query IT valuesort
                SELECT 9, 'B' UNION ALL SELECT 10, 'a'
                ----
                10
                9
                B
                a

                query IT nosort
                SELECT 9, 'b' UNION ALL SELECT 10, 'a'
                ----
                9
                b
                10
                a
                """);
        assertEquals(3, r.passed());
        assertEquals(0, r.failed());
    }

    @Test
    void errorWhileSteppingEndsTheRowsAsTheReferenceHarnessDoes() throws IOException {
        FileResult r = run("""
                statement ok
                CREATE TABLE t(x INTEGER)

                statement ok
                INSERT INTO t VALUES(9223372036854775807),(1)

                query I nosort
                SELECT sum(x) FROM t
                ----

                query I nosort
                SELECT x FROM t WHERE x = 1 UNION ALL SELECT sum(x) FROM t
                ----
                1

                statement error
                SELECT sum(x) FROM t

                query I nosort
                SELECT nosuch FROM t
                ----
                """);
        assertEquals(5, r.passed());
        assertEquals(1, r.failed());
        Failure f = r.failures().getFirst();
        assertEquals(19, f.line());
        assertEquals("query failed", f.reason());
    }

    @Test
    void wrongColumnCountAndStatementOutcomes() throws IOException {
        FileResult r = run("""
                query II nosort
                SELECT 1
                ----
                1
                1

                statement ok
                INSERT INTO nosuch VALUES(1)

                statement error
                SELECT 1
                """);
        assertEquals(0, r.passed());
        assertEquals(3, r.failed());
        assertEquals(List.of(1, 7, 10), r.failures().stream().map(Failure::line).toList());
        assertEquals("wrong number of result columns: expected 2, got 1", r.failures().get(0).reason());
        assertEquals("statement failed", r.failures().get(1).reason());
        assertTrue(r.failures().get(1).got().getFirst().contains("no such table: nosuch"));
        assertEquals("statement succeeded but an error was expected", r.failures().get(2).reason());
    }

    @Test
    void failuresKeptAreBoundedButAllCounted() throws IOException {
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            script.append("query I nosort\nSELECT ").append(i).append("\n----\n-1\n\n");
        }
        FileResult r = run(script.toString());
        assertEquals(25, r.failed());
        assertEquals(10, r.failures().size());
        assertEquals(15, r.failuresOmitted());
    }

    @Test
    void anEngineThatCrashesFailsTheRecordAndTheRunGoesOn() throws IOException {
        SltEngine crashing = new SltEngine() {
            @Override
            public String name() {
                return "crashing";
            }

            @Override
            public SltDatabase open() {
                return new SltDatabase() {
                    @Override
                    public void execute(String sql) {
                        throw new IllegalStateException("boom");
                    }

                    @Override
                    public QueryResult query(String sql) {
                        return new QueryResult(1, List.of(turso.api.Value.of(1L)), null);
                    }

                    @Override
                    public void close() {
                    }
                };
            }
        };
        FileResult r = run(crashing, """
                statement ok
                SELECT 1

                query I nosort
                SELECT 1
                ----
                1
                """);
        assertEquals(1, r.passed());
        assertEquals(1, r.failed());
        assertTrue(r.failures().getFirst().got().getFirst().contains("boom"));
    }
}
