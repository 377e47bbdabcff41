/*
 * Seeded random differential test against SQLite 3.40 itself, where 3.54
 * differs: duplicate and escaped labels, JSON5 and malformed documents,
 * malformed paths, '$' replaced, several edits per call. The oracle is the
 * sqlite3 CLI, which must be 3.40 and on the PATH (the test is skipped
 * otherwise); all calls go to one CLI process as one script, one statement
 * per line, errors reported by line. -Dturso.long=true runs more.
 */
package turso.functions.json;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import turso.functions.testing.Outcome;
import turso.functions.testing.SqlExpression;
import turso.functions.testing.SqliteOracle;

class JsonRandom340Test {

    private static final Pattern ERROR = Pattern.compile("^Runtime error near line (\\d+): (.*)$");

    /** Runs the CLI with stdin and stderr in files, so that no pipe can fill up and block it. */
    private static String run(List<String> command, String stdin, Path stderr) throws IOException, InterruptedException {
        Path input = Files.createTempFile("sqlite3", ".sql");
        try {
            Files.writeString(input, stdin, StandardCharsets.UTF_8);
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.redirectInput(input.toFile());
            pb.redirectError(stderr.toFile());
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out;
        } finally {
            Files.deleteIfExists(input);
        }
    }

    private static boolean cli340() {
        try {
            Path err = Files.createTempFile("sqlite3", ".err");
            try {
                return run(List.of("sqlite3", "--version"), "", err).startsWith("3.40.");
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void randomCallsMatchSqlite340() throws Exception {
        Assumptions.assumeTrue(cli340(), "needs the sqlite3 CLI 3.40 on the PATH");
        int n = Boolean.getBoolean("turso.long") ? 100_000 : 20_000;
        RandomJsonCalls calls = new RandomJsonCalls(3_400_001, true);
        List<String> cases = new ArrayList<>();
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String expr = calls.call();
            cases.add(expr);
            script.append("select '").append(i).append("|' || (").append(SqliteOracle.query(expr)).append(");\n");
        }
        Map<Integer, Outcome> expected = new HashMap<>();
        Path err = Files.createTempFile("sqlite3", ".err");
        try {
            for (String line : run(List.of("sqlite3", ":memory:"), script.toString(), err).split("\n")) {
                int bar = line.indexOf('|');
                if (bar > 0) {
                    expected.put(Integer.parseInt(line.substring(0, bar)), Outcome.parse(line.substring(bar + 1)));
                }
            }
            for (String line : Files.readAllLines(err, StandardCharsets.UTF_8)) {
                Matcher m = ERROR.matcher(line);
                if (m.matches()) {
                    expected.put(Integer.parseInt(m.group(1)) - 1, Outcome.error(m.group(2)));
                }
            }
        } finally {
            Files.deleteIfExists(err);
        }
        SqlExpression ours = new SqlExpression(new JsonLibrary());
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < n && failures.size() < 20; i++) {
            Outcome want = expected.get(i);
            if (want == null) {
                failures.add(cases.get(i) + ": no answer from sqlite3");
                continue;
            }
            Outcome actual = ours.outcome(cases.get(i));
            if (!actual.matches(want, 0)) {
                failures.add(cases.get(i) + "\n    ours: " + actual + "\n    3.40: " + want);
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
