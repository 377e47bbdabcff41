/*
 * A small harness for profiling one workload at a time, outside JMH: it
 * loads its own data (users(N) with indexes on email and score, cities(1 000))
 * into this engine and into SQLite, then either alternates short timed rounds
 * of each engine on the same workloads (timed by the thread's CPU time) and
 * prints the median ratio (turso / sqlite speed, above 1: faster), or loops one engine on one
 * workload for a while so that a JFR recording started on the command line
 * (-XX:StartFlightRecording) sees only it. Self-contained on purpose (turso.api
 * and java.sql only), so that the suite around it can change freely.
 *
 *   Profile compare [--rows N] [--ms M] [--rounds R] [--jdbc] WORKLOAD...
 *   Profile loop    [--rows N] [--seconds S] [--engine turso|turso-jdbc|sqlite] WORKLOAD
 */
package turso.bench.profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

public final class Profile {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Profile() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int rows = 100_000;
        long ms = 300;
        int rounds = 5;
        long seconds = 20;
        String engine = "turso";
        boolean jdbc = false;
        List<String> workloads = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--ms" -> ms = Long.parseLong(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Long.parseLong(args[++i]);
                case "--engine" -> engine = args[++i];
                case "--jdbc" -> jdbc = true;
                default -> workloads.add(args[i]);
            }
        }
        if (workloads.isEmpty()) {
            workloads.addAll(Workloads.NAMES);
        }
        Path root = Files.createTempDirectory("turso-profile-");
        try {
            if (mode.equals("loop")) {
                loop(root, engine, rows, seconds, workloads.getFirst());
            } else {
                compare(root, jdbc ? "turso-jdbc" : "turso", rows, ms, rounds, workloads);
            }
        } finally {
            delete(root);
        }
    }

    private static void loop(Path root, String engine, int rows, long seconds, String workload) throws Exception {
        try (Db db = Db.open(engine, root.resolve(engine))) {
            Workloads w = new Workloads(db, rows, root.resolve(engine + "-wide"));
            Runnable op = w.op(workload);
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long ops = 0;
            while (System.nanoTime() < end) {
                op.run();
                ops++;
            }
            System.out.printf(Locale.ROOT, "%s %s: %.1f µs/op%n", engine, workload, seconds * 1e6 / ops);
        }
    }

    private static void compare(Path root, String ours, int rows, long ms, int rounds, List<String> workloads)
            throws Exception {
        try (Db a = Db.open(ours, root.resolve("turso")); Db b = Db.open("sqlite", root.resolve("sqlite"))) {
            Workloads wa = new Workloads(a, rows, root.resolve("turso-wide"));
            Workloads wb = new Workloads(b, rows, root.resolve("sqlite-wide"));
            for (String name : workloads) {
                Runnable opA = wa.op(name);
                Runnable opB = wb.op(name);
                double[] ratios = new double[rounds];
                double[] usA = new double[rounds];
                double[] usB = new double[rounds];
                timed(opA, 10 * ms);
                timed(opB, 10 * ms);
                for (int r = 0; r < rounds; r++) {
                    usA[r] = timed(opA, ms);
                    usB[r] = timed(opB, ms);
                    ratios[r] = usB[r] / usA[r];
                }
                System.out.printf(Locale.ROOT, "%-12s %s %10.1f µs  sqlite %10.1f µs  ratio %.2f%n", name, ours,
                        median(usA), median(usB), median(ratios));
            }
        }
    }

    /**
     * Runs {@code op} for about {@code ms} milliseconds; returns the CPU
     * time of this thread per run in µs (SQLite runs in it too, through
     * JNI), which other processes on a loaded machine disturb far less than
     * the time on the clock.
     */
    private static double timed(Runnable op, long ms) {
        long start = System.nanoTime();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long end = start + ms * 1_000_000L;
        long n = 0;
        do {
            op.run();
            n++;
        } while (System.nanoTime() < end);
        return (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e3 / n;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
