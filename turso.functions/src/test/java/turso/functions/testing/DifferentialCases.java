/*
 * Shared test support: runs a differential fixture. Every case must give
 * with our functions what the sqlite3 CLI 3.40 gave when the fixture was
 * made (see regenerate-3.40.sh), and the same result on sqlite-jdbc (SQLite
 * 3.54) unless the case is marked "@3.40 " as one where 3.54 differs, in
 * which case 3.54 must indeed differ, so that stale marks are noticed.
 */
package turso.functions.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

public final class DifferentialCases {

    public static final String PINNED = "@3.40 ";

    public record Case(String expression, boolean pinned, Outcome expected) {
    }

    private DifferentialCases() {
    }

    public static List<Case> load(Class<?> owner, String resource) throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                int tab = line.lastIndexOf('\t');
                String expr = line.substring(0, tab);
                boolean pinned = expr.startsWith(PINNED);
                if (pinned) {
                    expr = expr.substring(PINNED.length());
                }
                cases.add(new Case(expr.replace("{NL}", "\n"), pinned, Outcome.parse(line.substring(tab + 1))));
            }
        }
        return cases;
    }

    /** Runs every case; fails with the list of every mismatch. Returns how many cases ran. */
    public static int run(List<Case> cases, SqlExpression ours, SqliteOracle sqlite, double tolerance) {
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            Outcome mine;
            try {
                mine = ours.outcome(c.expression());
            } catch (RuntimeException e) {
                failures.add(c.expression() + " threw " + e);
                continue;
            }
            if (!mine.matches(c.expected(), tolerance)) {
                failures.add(c.expression() + "\n    ours: " + mine + "\n    3.40: " + c.expected());
            }
            Outcome current = sqlite.outcome(c.expression());
            boolean same = current.matches(c.expected(), tolerance);
            if (same == c.pinned()) {
                failures.add(c.expression() + (c.pinned() ? " is marked @3.40 but 3.54 agrees" : "")
                        + "\n    3.54: " + current + "\n    3.40: " + c.expected());
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + cases.size() + " cases fail:\n"
                + String.join("\n", failures));
        return cases.size();
    }
}
