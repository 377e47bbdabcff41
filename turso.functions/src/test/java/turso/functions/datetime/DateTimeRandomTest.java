/*
 * Random differential test: thousands of seeded random calls (the seed is
 * printed, and -Dturso.datetime.seed=N replays it) evaluated by our functions
 * and by SQLite. Against sqlite-jdbc the calls keep to what 3.40 and 3.54
 * agree on; when a sqlite3 3.40 CLI is on the PATH, a wider set (invalid
 * dates, hour 24, negative years, malformed text, post-3.40 modifiers and
 * substitutions) is checked against it, all in one CLI process run in the
 * JVM's zone. 'localtime' and 'utc' go to sqlite-jdbc only when that zone is
 * UTC: elsewhere 3.40 and 3.54 may differ there (LocalTimeTest covers zones).
 */
package turso.functions.datetime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import turso.api.Value;

class DateTimeRandomTest {

    private static final long NOW = 1_700_000_000_123L;

    private static long seed() {
        return Long.getLong("turso.datetime.seed", System.nanoTime());
    }

    private static int count(int normal) {
        return Boolean.getBoolean("turso.long") ? normal * 100 : normal;
    }

    @Test
    void randomCallsMatchSqliteJdbc() throws Exception {
        long seed = seed();
        System.out.println("DateTimeRandomTest sqlite-jdbc seed: " + seed);
        RandomCalls generator = new RandomCalls(seed, false, DateTimeDifferentialTest.jvmZoneIsUtc());
        DateTimeCalls calls = new DateTimeCalls(null);
        List<String> failures = new ArrayList<>();
        int n = count(5000);
        int nonNull = 0;
        try (SqliteOracle sqlite = new SqliteOracle()) {
            for (int i = 0; i < n; i++) {
                SqlCall call = generator.next();
                Value ours = calls.evaluate(call, NOW);
                Value theirs = sqlite.evaluate(call.toSql());
                if (!(theirs instanceof Value.Null)) {
                    nonNull++;
                }
                if (!ours.equals(theirs) && failures.size() < 50) {
                    failures.add(call.toSql() + " -> ours " + ours + ", SQLite " + theirs);
                }
            }
        }
        System.out.println("DateTimeRandomTest: " + n + " calls, " + nonNull + " non-NULL in SQLite, "
                + failures.size() + " differences");
        assertTrue(failures.isEmpty(), "seed " + seed + ":\n" + String.join("\n", failures));
        assertTrue(nonNull > n / 2, "most random calls should be valid");
    }

    /** The sqlite3 CLI if it is SQLite 3.40, else null. */
    static String sqlite340Cli() {
        try {
            Process p = new ProcessBuilder("sqlite3", "--version").redirectErrorStream(true).start();
            String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            return version.startsWith("3.40.") ? "sqlite3" : null;
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }

    @Test
    void randomCallsMatchSqlite340Cli() throws Exception {
        String cli = sqlite340Cli();
        Assumptions.assumeTrue(cli != null, "no sqlite3 3.40 CLI on the PATH");
        long seed = seed();
        System.out.println("DateTimeRandomTest sqlite3 3.40 CLI seed: " + seed);
        RandomCalls generator = new RandomCalls(seed, true, true);
        List<SqlCall> batch = new ArrayList<>();
        int n = count(5000);
        for (int i = 0; i < n; i++) {
            batch.add(generator.next());
        }
        List<String> results = runCli(cli, batch);
        DateTimeCalls calls = new DateTimeCalls(null);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SqlCall call = batch.get(i);
            String[] expected = results.get(i).split("\\|", 2);
            Value ours = calls.evaluate(call, NOW);
            if (!DateTimeDifferentialTest.matchesPin(ours, expected[0], expected[1]) && failures.size() < 50) {
                failures.add(call.toSql() + " -> ours " + ours + ", SQLite 3.40 " + results.get(i));
            }
        }
        System.out.println("DateTimeRandomTest: " + n + " calls against the 3.40 CLI, " + failures.size() + " differences");
        assertTrue(failures.isEmpty(), "seed " + seed + ":\n" + String.join("\n", failures));
    }

    /** One line per call, "typeof|value", a real as Julian-day milliseconds (see pinned-3.40.txt). */
    static List<String> runCli(String cli, List<SqlCall> batch) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(cli, ":memory:");
        builder.environment().put("TZ", ZoneId.systemDefault().getId());
        builder.redirectErrorStream(true);
        Process process = builder.start();
        List<String> lines = new ArrayList<>();
        Thread reader = Thread.ofPlatform().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("io error " + e);
            }
        });
        try (Writer w = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
            for (SqlCall call : batch) {
                String e = call.toSql();
                w.write("SELECT typeof(" + e + ") || '|' || coalesce(CASE typeof(" + e + ") WHEN 'real' THEN "
                        + "CAST(round((" + e + ") * 86400000) AS INTEGER) ELSE " + e + " END, '');\n");
            }
        }
        reader.join();
        process.waitFor(60, TimeUnit.SECONDS);
        if (lines.size() != batch.size()) {
            throw new AssertionError("CLI gave " + lines.size() + " lines for " + batch.size() + " calls: "
                    + lines.subList(0, Math.min(5, lines.size())));
        }
        return lines;
    }
}
