/*
 * The workload suite of issue #10 under JMH: builds (or finds cached) the
 * fixtures, checks that every engine gives the same answers, runs the twelve
 * workloads on the four engines, and prints the results, or writes them into
 * docs/PERFORMANCE.md with the ratio chart.
 *
 *   Suite [options] [REGEX...]
 *   --check          only the answer check (SmokeCheck), on the full data
 *   --quick          tiny data (1 000 rows, 100 tables, 10 000 for memory), the check, then one
 *                    short iteration of every workload on every engine: seconds
 *                    of work to catch breakage (any error fails it), no speed
 *                    figures worth reading; with --report, a trial of the report
 *   --memory         only the memory check (MemoryCheck: workload 1 with
 *                    10 000 000 rows under -Xmx128m, peak RSS per engine)
 *   --report DOCS    check, suite, memory check (this engine's native API and
 *                    SQLite), then DOCS/PERFORMANCE.md's workload section and
 *                    DOCS/performance-ratios.png
 *   --no-check       skip the check before timing
 *   --engine E       only these engines (turso, turso-jdbc, sqlite, h2); repeatable
 *   --forks N        JMH forks instead of each benchmark's own (0: in this JVM)
 *   --warmup N, --iterations N   JMH warm-up and measured iterations instead of
 *                    each benchmark's own
 *   --rows N, --tables N, --memory-rows N    data sizes (see Dataset, MemoryCheck)
 *   --fixtures DIR   where templates are cached (see Fixture)
 *   --prof NAME[:OPTS]   a JMH profiler, e.g. "stack:lines=6;top=12"; repeatable
 *   --jvm-arg ARG    an option for the forked JVMs, e.g. -Dturso.jit=false; repeatable
 *   REGEX            JMH include patterns instead of the twelve workloads
 */
package turso.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

public final class Suite {

    private Suite() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    /** Runs the suite as the arguments say; returns the process's exit status. */
    static int run(String[] args) throws RunnerException, IOException, InterruptedException {
        boolean checkOnly = false;
        boolean memoryOnly = false;
        boolean quick = false;
        boolean check = true;
        Path docs = null;
        Integer forks = null;
        Integer warmups = null;
        Integer iterations = null;
        List<String> includes = new ArrayList<>();
        List<String> profilers = new ArrayList<>();
        List<String> engines = new ArrayList<>();
        List<String> jvmArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--check" -> checkOnly = true;
                case "--quick" -> quick = true;
                case "--memory" -> memoryOnly = true;
                case "--report" -> docs = Path.of(args[++i]);
                case "--no-check" -> check = false;
                case "--engine" -> engines.add(Engine.of(args[++i]).key());
                case "--forks" -> forks = Integer.parseInt(args[++i]);
                case "--warmup" -> warmups = Integer.parseInt(args[++i]);
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                case "--rows" -> System.setProperty(Dataset.ROWS_PROPERTY, args[++i]);
                case "--tables" -> System.setProperty(Dataset.TABLES_PROPERTY, args[++i]);
                case "--memory-rows" -> System.setProperty(MemoryCheck.ROWS_PROPERTY, args[++i]);
                case "--fixtures" -> System.setProperty(Fixture.CACHE_PROPERTY, args[++i]);
                case "--prof" -> profilers.add(args[++i]);
                case "--jvm-arg" -> jvmArgs.add(args[++i]);
                default -> {
                    if (args[i].startsWith("--")) {
                        System.err.println("unknown option " + args[i] + "; see turso.bench.Suite's comment");
                        return 2;
                    }
                    includes.add(args[i]);
                }
            }
        }
        boolean someEngines = !engines.isEmpty();
        if (!someEngines) {
            engines.addAll(Engine.KEYS);
        }
        if (quick) {
            setIfAbsent(Dataset.ROWS_PROPERTY, "1000");
            setIfAbsent(Dataset.TABLES_PROPERTY, "100");
            setIfAbsent(MemoryCheck.ROWS_PROPERTY, "10000");
        }
        if (memoryOnly) {
            System.out.print(MemoryCheck.table(MemoryCheck.run(engines)));
            return 0;
        }

        String loadBefore = Machine.load();
        long start = System.nanoTime();
        for (String engine : engines) {
            Fixture.template(Fixture.Kind.DATA, Engine.of(engine));
            Fixture.template(Fixture.Kind.SCHEMA, Engine.of(engine));
        }
        boolean agreed = false;
        if (check || checkOnly) {
            agreed = SmokeCheck.run(engines, System.out);
            if (checkOnly || (quick && !agreed)) {
                return agreed ? 0 : 1;
            }
        }

        List<String> forkArgs = new ArrayList<>(List.of(
                "-D" + Dataset.ROWS_PROPERTY + "=" + Dataset.rows(),
                "-D" + Dataset.TABLES_PROPERTY + "=" + Dataset.tables(),
                "-D" + Fixture.CACHE_PROPERTY + "=" + Fixture.cacheRoot().toAbsolutePath(),
                "-Xmx2g", "--enable-native-access=ALL-UNNAMED"));
        forkArgs.addAll(jvmArgs);
        ChainedOptionsBuilder options = new OptionsBuilder()
                .jvmArgsAppend(forkArgs.toArray(String[]::new))
                .resultFormat(ResultFormatType.JSON)
                .result(Path.of(System.getProperty("java.io.tmpdir"), "turso-bench-result.json").toString());
        if (includes.isEmpty()) {
            for (Workload w : Workload.values()) {
                includes.add("^" + w.benchmark().replace(".", "\\.") + "$");
            }
        }
        includes.forEach(options::include);
        if (someEngines) {
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
            // JMH's lock keeps two timed runs apart; a quick run times nothing, and must not fail when another runs
            System.setProperty("jmh.ignoreLock", "true");
            options.shouldFailOnError(true).forks(1).warmupIterations(0)
                    .measurementIterations(1).measurementTime(TimeValue.milliseconds(100));
        }
        if (forks != null) {
            options.forks(forks);
        }
        if (warmups != null) {
            options.warmupIterations(warmups);
        }
        if (iterations != null) {
            options.measurementIterations(iterations);
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        if (results.isEmpty()) {
            System.err.println("no benchmark ran: see JMH's output above");
            return 1;
        }
        List<MemoryCheck.Result> memory = docs != null
                ? MemoryCheck.run(engines.stream().filter(MemoryCheck.REPORTED::contains).toList())
                : List.of();
        var conditions = new Report.Conditions(loadBefore, Machine.load(), (System.nanoTime() - start) / 1_000_000_000,
                agreed);
        if (docs != null) {
            Report.write(docs, results, memory, conditions);
            System.out.println("wrote " + docs.resolve("PERFORMANCE.md") + " and " + docs.resolve(Report.CHART));
        } else {
            System.out.println();
            System.out.print(Report.section(results, memory, conditions));
        }
        return 0;
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
