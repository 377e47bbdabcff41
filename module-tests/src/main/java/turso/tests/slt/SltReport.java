/*
 * Prints a run for people: the failures kept (file:line, reason, SQL,
 * expected, got), then one line per folder with records passed, failed and
 * skipped and the pass rate (passed / (passed + failed); skipped records are
 * those the file itself excludes for SQLite), the total, and the slowest files.
 */
package turso.tests.slt;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

final class SltReport {

    /** How many of the slowest files the summary names, to show where a run spends its time. */
    private static final int SLOWEST_SHOWN = 3;

    private SltReport() {
    }

    static void print(PrintStream out, String engine, Path root, SltSuite.Result run) {
        printFailures(out, run.files());
        printSummary(out, engine, root, run);
    }

    static void printFailures(PrintStream out, List<FileResult> files) {
        for (FileResult f : files) {
            for (Failure failure : f.failures()) {
                out.println("FAIL " + failure.location() + ": " + failure.reason());
                block(out, "sql:     ", List.of(failure.sql().split("\n", -1)));
                if (!failure.expected().isEmpty()) {
                    block(out, "expected:", failure.expected());
                }
                block(out, "got:     ", failure.got());
            }
            if (f.failuresOmitted() > 0) {
                out.println("     ... and " + f.failuresOmitted() + " more failures in " + f.file());
            }
        }
    }

    private static void block(PrintStream out, String title, List<String> lines) {
        String pad = " ".repeat(title.length());
        for (int i = 0; i < lines.size(); i++) {
            out.println("     " + (i == 0 ? title : pad) + " " + lines.get(i));
        }
        if (lines.isEmpty()) {
            out.println("     " + title + " (nothing)");
        }
    }

    static void printSummary(PrintStream out, String engine, Path root, SltSuite.Result run) {
        Map<String, int[]> byFolder = new TreeMap<>();
        for (FileResult f : run.files()) {
            int[] counts = byFolder.computeIfAbsent(folderOf(root, f.file()), k -> new int[4]);
            counts[0] += f.passed();
            counts[1] += f.failed();
            counts[2] += f.skipped();
            counts[3]++;
        }
        int width = Math.max(6, byFolder.keySet().stream().mapToInt(String::length).max().orElse(0));
        String format = "%-" + width + "s %6s %9s %9s %9s %9s%n";
        out.println("sqllogictest on engine '" + engine + "'");
        out.printf(Locale.ROOT, format, "folder", "files", "passed", "failed", "skipped", "pass rate");
        byFolder.forEach((folder, c) -> out.printf(Locale.ROOT, format, folder, c[3], c[0], c[1], c[2],
                rate(c[0], c[1])));
        out.printf(Locale.ROOT, format, "TOTAL", run.files().size(), run.passed(), run.failed(), run.skipped(),
                rate(run.passed(), run.failed()));
        out.printf(Locale.ROOT, "time: %.1f s%n", run.nanos() / 1e9);
        run.files().stream()
                .sorted(Comparator.comparingLong(FileResult::nanos).reversed())
                .limit(SLOWEST_SHOWN)
                .forEach(f -> out.printf(Locale.ROOT, "  slowest: %.1f s %s%n", f.nanos() / 1e9, f.file()));
    }

    static String folderOf(Path root, Path file) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        Path base = root.toAbsolutePath().normalize();
        if (parent == null || !parent.startsWith(base)) {
            return parent == null ? "." : parent.toString();
        }
        String rel = base.relativize(parent).toString();
        return rel.isEmpty() ? "." : rel;
    }

    private static String rate(int passed, int failed) {
        int run = passed + failed;
        return run == 0 ? "-" : String.format(Locale.ROOT, "%.2f%%", 100.0 * passed / run);
    }
}
