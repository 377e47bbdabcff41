/*
 * The memory check of issue #10: workload 1 (bulk insert in one transaction)
 * with 10 000 000 rows, each engine in a JVM of its own with -Xmx128m, so an
 * engine that held the table in the heap would fail; the peak resident set
 * of that process (VmHWM of /proc/self/status, heap, native memory and
 * SQLite's own allocations alike) is read when the load is done. The parent
 * starts one child per engine and collects one result line from each.
 *
 *   MemoryCheck [ENGINE...]            children: MemoryCheck --child ENGINE ROWS
 */
package turso.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

public final class MemoryCheck {

    /** The system property that sets the rows of the memory check. */
    public static final String ROWS_PROPERTY = "turso.bench.memoryRows";

    /** The heap limit of each child JVM. */
    static final String HEAP = "-Xmx128m";

    private static final String RESULT = "memory-result ";

    /**
     * The engines the report's memory check runs: this engine's native API
     * next to SQLite, as issue #10 asks (a 10 000 000-row load takes minutes
     * per engine); --memory runs all four.
     */
    static final List<String> REPORTED = List.of("turso", "sqlite");

    private MemoryCheck() {
    }

    /** One engine's outcome: the load's time and the peak RSS, or why it failed. */
    record Result(String engine, long rows, double seconds, long peakRssKb, String failure) {

        boolean ok() {
            return failure == null;
        }
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length == 3 && args[0].equals("--child")) {
            child(args[1], Long.parseLong(args[2]));
            return;
        }
        List<Result> results = run(args.length == 0 ? Engine.KEYS : List.of(args));
        System.out.print(table(results));
    }

    static long rows() {
        return Long.getLong(ROWS_PROPERTY, 10_000_000L);
    }

    /** Runs the check for each engine in turn, in a child JVM each. */
    static List<Result> run(List<String> engines) throws IOException, InterruptedException {
        List<Result> results = new ArrayList<>();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (String engine : engines) {
            List<String> command = new ArrayList<>(List.of(java, HEAP, "--enable-native-access=ALL-UNNAMED",
                    "-D" + Fixture.CACHE_PROPERTY + "=" + Fixture.cacheRoot()));
            if (System.getProperty("java.io.tmpdir") != null) {
                command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), MemoryCheck.class.getName(),
                    "--child", engine, Long.toString(rows())));
            Path log = Files.createTempFile("turso-bench-memory-", ".log");
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                int exit = p.waitFor();
                List<String> lines = Files.readAllLines(log);
                Result r = lines.stream().filter(l -> l.startsWith(RESULT)).findFirst()
                        .map(MemoryCheck::parse)
                        .orElseGet(() -> new Result(engine, rows(), 0, 0, "exit " + exit + ": " + lastError(lines)));
                System.err.printf("memory %s: %s%n", engine, r);
                results.add(r);
            } finally {
                Files.deleteIfExists(log);
            }
        }
        return results;
    }

    private static String lastError(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).contains("Error") || lines.get(i).contains("Exception")) {
                return lines.get(i).strip();
            }
        }
        return lines.isEmpty() ? "no output" : lines.getLast().strip();
    }

    private static Result parse(String line) {
        String[] f = line.substring(RESULT.length()).split(" ");
        return new Result(f[0], Long.parseLong(f[1]), Double.parseDouble(f[2]), Long.parseLong(f[3]), null);
    }

    /** In the child JVM: the load, its check, then the peak RSS on one line. */
    private static void child(String engine, long rows) throws IOException {
        long start = System.nanoTime();
        long inserted;
        long count;
        try (BulkLoad load = new BulkLoad(engine, false, rows)) {
            inserted = load.run();
            count = load.count();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (inserted != rows || count != rows) {
            throw new IllegalStateException(engine + " inserted " + inserted + " and counted " + count + " of " + rows);
        }
        System.out.printf(Locale.ROOT, "%s%s %d %.3f %d%n", RESULT, engine, rows, seconds, peakRssKb());
    }

    /** VmHWM of this process, in KiB. */
    static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The results as a Markdown table, with each engine's peak RSS beside SQLite's. */
    static String table(List<Result> results) {
        Result sqlite = results.stream().filter(r -> r.engine().equals("sqlite") && r.ok()).findFirst().orElse(null);
        StringBuilder out = new StringBuilder();
        out.append("| engine | rows | load time (s) | rows/s | peak RSS (MiB) | RSS / SQLite's |\n");
        out.append("|---|---|---|---|---|---|\n");
        for (Result r : results) {
            if (!r.ok()) {
                out.append(String.format(Locale.ROOT, "| %s | %,d | failed: %s | | | |%n", r.engine(), r.rows(),
                        r.failure().replace('|', '/')));
                continue;
            }
            out.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %,.0f | %,.0f | %s |%n", r.engine(), r.rows(),
                    r.seconds(), r.rows() / r.seconds(), r.peakRssKb() / 1024.0,
                    sqlite == null ? "-" : String.format(Locale.ROOT, "%.2f", (double) r.peakRssKb() / sqlite.peakRssKb())));
        }
        return out.toString();
    }
}
