/*
 * The sqlite3 3.40 CLI's EXPLAIN QUERY PLAN for a list of queries, from one
 * run of the CLI: the tests comparing this engine's plans with SQLite's
 * (RandomJoinPlanTest, GroupOrderDifferentialTest) share it.
 */
package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

final class CliQueryPlans {
    private CliQueryPlans() {
    }

    /** The EQP of each query from one run of the sqlite3 CLI, lines joined by " | ". */
    static List<String> of(String setup, List<String> queries) throws IOException, InterruptedException {
        StringBuilder script = new StringBuilder(setup).append(";\n");
        for (int i = 0; i < queries.size(); i++) {
            script.append("SELECT '#").append(i).append("';\nEXPLAIN QUERY PLAN ").append(queries.get(i)).append(";\n");
        }
        Process p;
        try {
            p = new ProcessBuilder("sqlite3", "-batch", ":memory:").redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("no sqlite3 CLI on the PATH");
            throw e;
        }
        Thread writer = Thread.ofVirtual().start(() -> {
            try (var out = p.getOutputStream()) {
                out.write(script.toString().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        writer.join();
        p.waitFor();
        List<String> plans = new ArrayList<>();
        List<String> lines = null;
        for (String line : out.lines().toList()) {
            if (line.startsWith("#")) {
                if (lines != null) {
                    plans.add(String.join(" | ", lines));
                }
                lines = new ArrayList<>();
            } else if (lines != null && !line.equals("QUERY PLAN")) {
                lines.add(line.replaceFirst("^[|`\\s-]*", ""));
            }
        }
        if (lines != null) {
            plans.add(String.join(" | ", lines));
        }
        assertEquals(queries.size(), plans.size(), "the CLI's output");
        return plans;
    }
}
