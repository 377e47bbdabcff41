/*
 * The profiling harness's comparison of this engine with and without its
 * compiler of programs to JVM bytecode (turso.jit), in one JVM: two databases
 * of this engine and one of SQLite, loaded alike, whose workload statements
 * are prepared with turso.jit true on the first and false on the second (the
 * VM reads the property when it makes a program); short timed rounds of the
 * three alternate (thread CPU time, as Profile's compare), and the medians
 * are printed as µs per operation and ratios to SQLite (above 1: faster), so
 * that the load of the machine falls on both settings alike.
 *
 *   JitCompare [--rows N] [--ms M] [--rounds R] WORKLOAD...
 */
package turso.bench.profile;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

public final class JitCompare {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private JitCompare() {
    }

    public static void main(String[] args) throws Exception {
        int rows = 100_000;
        long ms = 300;
        int rounds = 7;
        List<String> workloads = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--ms" -> ms = Long.parseLong(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> workloads.add(args[i]);
            }
        }
        Path root = Files.createTempDirectory("turso-jit-compare-");
        try (Db compiled = Db.open("turso", root.resolve("compiled"));
                Db interpreted = Db.open("turso", root.resolve("interpreted"));
                Db sqlite = Db.open("sqlite", root.resolve("sqlite"))) {
            Workloads wc = new Workloads(compiled, rows, root.resolve("compiled-wide"));
            Workloads wi = new Workloads(interpreted, rows, root.resolve("interpreted-wide"));
            Workloads ws = new Workloads(sqlite, rows, root.resolve("sqlite-wide"));
            for (String name : workloads) {
                Runnable c = prepared(wc, name, true);
                Runnable i = prepared(wi, name, false);
                Runnable s = ws.op(name);
                timed(c, 10 * ms);
                timed(i, 10 * ms);
                timed(s, 10 * ms);
                double[] usC = new double[rounds];
                double[] usI = new double[rounds];
                double[] usS = new double[rounds];
                double[] gain = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    usC[r] = timed(c, ms);
                    usI[r] = timed(i, ms);
                    usS[r] = timed(s, ms);
                    gain[r] = usI[r] / usC[r];
                }
                System.out.printf(Locale.ROOT,
                        "%-12s compiled %9.1f µs (%.2f)  interpreted %9.1f µs (%.2f)  sqlite %9.1f µs"
                                + "  compiled/interpreted speed %.2f [%.2f..%.2f]%n",
                        name, median(usC), median(usS) / median(usC), median(usI), median(usS) / median(usI),
                        median(usS), median(gain), min(gain), max(gain));
            }
        } finally {
            Profile.delete(root);
        }
    }

    /** The workload's operation, its statements prepared with the compiler on or off. */
    private static Runnable prepared(Workloads w, String name, boolean jit) {
        String saved = System.getProperty("turso.jit");
        System.setProperty("turso.jit", Boolean.toString(jit));
        try {
            return w.op(name);
        } finally {
            if (saved == null) {
                System.clearProperty("turso.jit");
            } else {
                System.setProperty("turso.jit", saved);
            }
        }
    }

    /** Runs {@code op} for about {@code ms} milliseconds; the thread's CPU time per run in µs. */
    private static double timed(Runnable op, long ms) {
        long end = System.nanoTime() + ms * 1_000_000L;
        long cpuStart = THREADS.getCurrentThreadCpuTime();
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

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(0);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(0);
    }
}
