/*
 * The suite's answer check, without JMH: every workload runs a few
 * operations on every engine, through the same code the benchmarks time,
 * and the engines' answers (row checksums, and for the writes a summary of
 * the table afterwards) must agree. Prints one line per workload with each
 * engine's answer and how long its calls took. Suite --check runs it on the
 * real data before timing; QuickSuiteTest runs it on tiny data in the build.
 */
package turso.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToLongFunction;

public final class SmokeCheck {

    /**
     * Rows of the bulk loads in the check: at most 100 000, since an answer
     * comes out of the same code at any size and the benchmark's full-size
     * loads take minutes each.
     */
    static long bulkRows() {
        return Math.min(Dataset.rows(), 100_000);
    }

    /** Operations of each read workload per engine. */
    static final int CALLS = 3;

    /** Updates of the update workload per engine. */
    static final int UPDATES = 100;

    /** Operations of each mixed-workload thread. */
    static final int MIXED_OPS = 200;

    private SmokeCheck() {
    }

    /** What one engine answered for one workload (or the error it threw) and how long it took. */
    record Outcome(String answer, long micros) {
        boolean failed() {
            return answer.startsWith("ERROR");
        }

        @Override
        public String toString() {
            return answer + " (" + (micros >= 10_000 ? micros / 1_000 + " ms" : micros + " µs") + ")";
        }
    }

    public static void main(String[] args) {
        List<String> engines = args.length == 0 ? Engine.KEYS : List.of(args);
        boolean ok = run(engines, System.out);
        System.exit(ok ? 0 : 1);
    }

    /** Runs every workload on {@code engines}; true if none failed and all agree. */
    public static boolean run(List<String> engines, PrintStream out) {
        Map<Workload, Map<String, Outcome>> answers = new EnumMap<>(Workload.class);
        for (String engine : engines) {
            checkEngine(engine, answers);
        }
        boolean ok = true;
        for (var e : answers.entrySet()) {
            List<Outcome> outcomes = new ArrayList<>(e.getValue().values());
            boolean agree = outcomes.size() == engines.size() && outcomes.stream().noneMatch(Outcome::failed)
                    && outcomes.stream().map(Outcome::answer).distinct().count() == 1;
            ok &= agree;
            StringBuilder line = new StringBuilder(String.format("%s %2d %-18s", agree ? "ok  " : "FAIL",
                    e.getKey().number, e.getKey().method));
            e.getValue().forEach((engine, outcome) -> line.append(' ').append(engine).append('=').append(outcome));
            out.println(line);
        }
        out.println(ok ? "check: all engines agree on every workload" : "check: FAILED");
        return ok;
    }

    private static void checkEngine(String engine, Map<Workload, Map<String, Outcome>> answers) {
        for (Workload w : Workload.values()) {
            if (w.benchmarkClass == ReadBenchmark.class) {
                continue;
            }
            answers.computeIfAbsent(w, k -> new LinkedHashMap<>()).put(engine, timed(() -> runWrite(w, engine)));
        }
        Fixture data;
        try {
            data = Fixture.copy(Fixture.Kind.DATA, engine);
        } catch (RuntimeException e) {
            for (Workload w : Workload.values()) {
                if (w.benchmarkClass == ReadBenchmark.class) {
                    answers.computeIfAbsent(w, k -> new LinkedHashMap<>()).put(engine, new Outcome("ERROR " + e, 0));
                }
            }
            return;
        }
        try (data; Reads reads = new Reads(data.db())) {
            for (Workload w : Workload.values()) {
                ToLongFunction<Reads> op = switch (w) {
                    case POINT_BY_ROWID -> Reads::pointByRowid;
                    case POINT_BY_INDEX -> Reads::pointByIndex;
                    case RANGE_BY_INDEX -> Reads::rangeByIndex;
                    case SCAN_AGGREGATE -> Reads::scanAggregate;
                    case GROUP_BY -> Reads::groupBy;
                    case JOIN -> Reads::join;
                    case TOP_N -> Reads::topN;
                    default -> null;
                };
                if (op != null) {
                    answers.computeIfAbsent(w, k -> new LinkedHashMap<>()).put(engine, timed(() -> {
                        List<Long> sums = new ArrayList<>();
                        for (int i = 0; i < CALLS; i++) {
                            sums.add(op.applyAsLong(reads));
                        }
                        return sums.toString();
                    }));
                }
            }
        }
    }

    private interface Answer {
        String get() throws Exception;
    }

    private static Outcome timed(Answer answer) {
        long start = System.nanoTime();
        try {
            String a = answer.get();
            return new Outcome(a, (System.nanoTime() - start) / 1_000);
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            return new Outcome("ERROR " + e, (System.nanoTime() - start) / 1_000);
        }
    }

    /** One run of a workload that writes (or opens), and what the check compares. */
    private static String runWrite(Workload w, String engine) throws Exception {
        return switch (w) {
            case BULK_INSERT, BULK_INSERT_INDEXED -> {
                try (BulkLoad load = new BulkLoad(engine, w == Workload.BULK_INSERT_INDEXED, bulkRows())) {
                    long rows = load.run();
                    yield rows + " rows, " + load.summary();
                }
            }
            case UPDATE_BY_KEY -> {
                UpdateBenchmark b = new UpdateBenchmark();
                b.engine = engine;
                b.setUp();
                try {
                    long changed = 0;
                    for (int i = 0; i < UPDATES; i++) {
                        changed += b.updateByKey();
                    }
                    yield changed + " rows, " + b.summary();
                } finally {
                    b.tearDown();
                }
            }
            case OPEN -> {
                OpenBenchmark b = new OpenBenchmark();
                b.engine = engine;
                b.setUp();
                try {
                    List<Long> sums = new ArrayList<>();
                    for (int i = 0; i < CALLS; i++) {
                        sums.add(b.openAndQuery());
                    }
                    yield sums.toString();
                } finally {
                    b.tearDown();
                }
            }
            case MIXED -> mixed(engine);
            default -> throw new IllegalArgumentException(w.name());
        };
    }

    /** Four threads, each with its own connection, at once; their answers summed, then the table's summary. */
    private static String mixed(String engine) throws Exception {
        Path dir = Fixture.copyDirectory(Fixture.Kind.DATA, engine);
        try {
            List<MixedClient> clients = new ArrayList<>();
            try {
                for (int t = 0; t < MixedClient.THREADS; t++) {
                    clients.add(new MixedClient(engine, dir, t));
                }
                long total = 0;
                try (ExecutorService pool = Executors.newFixedThreadPool(MixedClient.THREADS)) {
                    List<Future<Long>> results = new ArrayList<>();
                    for (MixedClient c : clients) {
                        results.add(pool.submit(() -> {
                            long sum = 0;
                            for (int i = 0; i < MIXED_OPS; i++) {
                                sum += c.next();
                            }
                            return sum;
                        }));
                    }
                    for (Future<Long> f : results) {
                        total += f.get();
                    }
                }
                try (BenchDb db = Engine.of(engine).open(dir, Engine.DEFAULT_SYNC);
                        Query q = db.prepare(UpdateBenchmark.SUMMARY, "LD")) {
                    return total + ", " + q.checksum();
                }
            } finally {
                for (MixedClient c : clients) {
                    c.close();
                }
            }
        } finally {
            Fixture.delete(dir);
        }
    }
}
