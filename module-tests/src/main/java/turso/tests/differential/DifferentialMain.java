/*
 * The differential harness from the command line, for runs longer than the
 * JUnit tests make (see docs/TESTING.md, "Differential corpus"):
 *   corpus <folder>                      every case of the corpus, a summary and the differences
 *   random [--seed N] [--queries N]      the randomized mode (default 10 000 queries, a new seed)
 * Exit status 0 when nothing differs unexpectedly, 1 otherwise, 2 on a usage error.
 */
package turso.tests.differential;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Command-line entry point of the differential harness. */
public final class DifferentialMain {
    private DifferentialMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length >= 2 && args[0].equals("corpus")) {
            System.exit(corpus(Path.of(args[1])));
        } else if (args.length >= 1 && args[0].equals("random")) {
            long seed = System.nanoTime();
            int queries = 10_000;
            for (int i = 1; i + 1 < args.length; i += 2) {
                switch (args[i]) {
                    case "--seed" -> seed = Long.parseLong(args[i + 1]);
                    case "--queries" -> queries = Integer.parseInt(args[i + 1]);
                    default -> usage();
                }
            }
            System.exit(random(seed, queries));
        }
        usage();
    }

    private static void usage() {
        System.err.println("usage: DifferentialMain corpus <folder> | random [--seed N] [--queries N]");
        System.exit(2);
    }

    private static int corpus(Path folder) throws IOException {
        List<DiffCase> cases = CorpusFile.readAll(folder);
        Map<String, int[]> byFile = new TreeMap<>();
        int failed = 0;
        long start = System.nanoTime();
        for (DiffCase c : cases) {
            int[] counts = byFile.computeIfAbsent(c.file(), f -> new int[4]);
            if (c.mark() == DiffCase.Mark.SKIP) {
                counts[2]++;
                continue;
            }
            String difference = CaseRunner.difference(c);
            boolean known = c.mark() == DiffCase.Mark.KNOWN;
            if (difference == null && !known) {
                counts[0]++;
            } else if (difference != null && known) {
                counts[3]++;
            } else {
                counts[1]++;
                failed++;
                System.out.println("FAIL " + c.file() + ":" + c.line() + (known ? " (marked @known but no longer differs: "
                        + String.join(" ", c.statements()) + ")" : "\n" + difference) + "\n");
            }
        }
        System.out.printf("%-32s %7s %7s %7s %7s%n", "file", "passed", "failed", "skipped", "known");
        int[] total = new int[4];
        byFile.forEach((file, n) -> {
            System.out.printf("%-32s %7d %7d %7d %7d%n", file, n[0], n[1], n[2], n[3]);
            for (int i = 0; i < 4; i++) {
                total[i] += n[i];
            }
        });
        System.out.printf("%-32s %7d %7d %7d %7d%n", "TOTAL (" + cases.size() + " cases)", total[0], total[1], total[2],
                total[3]);
        System.out.printf("time: %.1f s%n", (System.nanoTime() - start) / 1e9);
        return failed == 0 ? 0 : 1;
    }

    private static int random(long seed, int queries) {
        System.out.println("random seed: " + seed);
        RandomRun.Summary s = RandomRun.run(seed, queries, 50);
        for (RandomRun.Difference d : s.differences()) {
            System.out.println(d + "\n");
        }
        System.out.printf("%d queries (%d errors on both, %d as SQLite 3.40 answers), %d differences, %.1f s,"
                + " %.0f queries/s%n", s.queries(), s.errorsBoth(), s.as340(), s.differences().size(), s.nanos() / 1e9, s.queries() / (s.nanos() / 1e9));
        return s.differences().isEmpty() ? 0 : 1;
    }
}
