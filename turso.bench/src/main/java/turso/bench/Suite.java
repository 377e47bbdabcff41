/*
 * Runs the workload suite under JMH and prints the results as a Markdown
 * table, engine by engine, with the speed of this engine relative to SQLite
 * and H2 (above 1.0: this engine is faster). Each engine loads the Dataset
 * once, before JMH starts, and every fork copies it (see Fixture).
 *
 *   Suite [--quick] [--check] [--rows N] [--engine E]... [--prof NAME]... [REGEX...]
 *
 * --quick shortens warm-up and measurement (about 5 minutes here instead of
 * about 10; too short for the JIT to settle on this engine's interpreter, so
 * its figures only show breakage and orders of magnitude); --check runs
 * SmokeCheck instead (answers compared, no timing, 10 000 rows unless --rows);
 * REGEX limits the benchmarks as JMH's include patterns do, --engine the
 * engines (turso, turso-jdbc, sqlite, h2); --prof adds a JMH profiler (e.g.
 * "stack:lines=6;top=12" to see where an engine spends its time).
 */
package turso.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

public final class Suite {

    private static final List<String> ENGINES = List.of("turso", "turso-jdbc", "sqlite", "h2");

    private Suite() {
    }

    public static void main(String[] args) throws RunnerException, ReflectiveOperationException {
        boolean quick = false;
        boolean check = false;
        List<String> includes = new ArrayList<>();
        List<String> profilers = new ArrayList<>();
        List<String> engines = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--check" -> check = true;
                case "--rows" -> System.setProperty(Dataset.ROWS_PROPERTY, args[++i]);
                case "--prof" -> profilers.add(args[++i]);
                case "--engine" -> engines.add(args[++i]);
                default -> includes.add(args[i]);
            }
        }
        if (check) {
            if (System.getProperty(Dataset.ROWS_PROPERTY) == null) {
                System.setProperty(Dataset.ROWS_PROPERTY, "10000");
            }
            SmokeCheck.main(new String[0]);
            return;
        }
        if (includes.isEmpty()) {
            for (Class<?> c : SmokeCheck.WORKLOADS) {
                includes.add(c.getName() + "\\.");
            }
        }

        Path templates = createTempDirectory();
        try {
            long start = System.nanoTime();
            Fixture.buildTemplates(templates, engines.isEmpty() ? ENGINES : engines);
            System.out.printf("Dataset (%d users, %d orders) loaded by each engine in %d s%n", Dataset.rows(),
                    Dataset.rows(), (System.nanoTime() - start) / 1_000_000_000);
            ChainedOptionsBuilder options = new OptionsBuilder()
                    .jvmArgsAppend("-D" + Fixture.TEMPLATE_PROPERTY + "=" + templates,
                            "-D" + Dataset.ROWS_PROPERTY + "=" + Dataset.rows(), "-Xmx2g",
                            "--enable-native-access=ALL-UNNAMED")
                    .resultFormat(ResultFormatType.JSON)
                    .result(Path.of(System.getProperty("java.io.tmpdir"), "turso-bench-result.json").toString());
            for (String include : includes) {
                options.include(include);
            }
            if (!engines.isEmpty()) {
                options.param("engine", engines.toArray(String[]::new));
            }
            for (String profiler : profilers) {
                int colon = profiler.indexOf(':');
                if (colon < 0) {
                    options.addProfiler(profiler);
                } else {
                    options.addProfiler(profiler.substring(0, colon), profiler.substring(colon + 1));
                }
            }
            if (quick) {
                options.forks(1)
                        .warmupIterations(1).warmupTime(TimeValue.milliseconds(500))
                        .measurementIterations(3).measurementTime(TimeValue.milliseconds(500));
            }
            Collection<RunResult> results = new Runner(options.build()).run();
            System.out.println();
            System.out.print(table(results));
        } finally {
            Fixture.delete(templates);
        }
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("turso-bench-templates-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One row per workload (and value of its other parameters), one column per engine, then the ratios. */
    static String table(Collection<RunResult> results) {
        Map<String, Map<String, Result<?>>> rows = new TreeMap<>();
        for (RunResult r : results) {
            var params = r.getParams();
            String name = params.getBenchmark().replaceFirst("^turso\\.bench\\.", "");
            Map<String, String> others = new LinkedHashMap<>();
            for (String key : params.getParamsKeys()) {
                if (!key.equals("engine")) {
                    others.put(key, params.getParam(key));
                }
            }
            if (!others.isEmpty()) {
                name += " " + others;
            }
            rows.computeIfAbsent(name, k -> new LinkedHashMap<>())
                    .put(params.getParam("engine"), r.getPrimaryResult());
        }
        StringBuilder out = new StringBuilder();
        out.append("| workload | turso | turso-jdbc | sqlite | h2 | turso/sqlite | turso-jdbc/sqlite | turso/h2 |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        for (var row : rows.entrySet()) {
            Map<String, Result<?>> by = row.getValue();
            out.append("| ").append(row.getKey());
            for (String engine : ENGINES) {
                Result<?> r = by.get(engine);
                out.append(" | ").append(r == null ? "-" : String.format(Locale.ROOT, "%s ± %s %s",
                        figure(r.getScore()), figure(r.getScoreError()), r.getScoreUnit()));
            }
            out.append(" | ").append(ratio(by.get("turso"), by.get("sqlite")));
            out.append(" | ").append(ratio(by.get("turso-jdbc"), by.get("sqlite")));
            out.append(" | ").append(ratio(by.get("turso"), by.get("h2")));
            out.append(" |\n");
        }
        out.append("\nRatios are speeds (above 1.0: the first engine is faster), from the mean times.\n");
        return out.toString();
    }

    /** How much faster {@code ours} is than {@code theirs}: their time over ours (scores are times per op). */
    private static String ratio(Result<?> ours, Result<?> theirs) {
        if (ours == null || theirs == null || ours.getScore() <= 0) {
            return "-";
        }
        double r = theirs.getScore() / ours.getScore();
        return r >= 0.1 ? String.format(Locale.ROOT, "%.2f", r) : String.format(Locale.ROOT, "%.2g", r);
    }

    private static String figure(double value) {
        if (Double.isNaN(value)) {
            return "?";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.3g", value);
    }
}
