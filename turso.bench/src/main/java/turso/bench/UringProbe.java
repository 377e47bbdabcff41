/*
 * io_uring against NIO interleaved in one process, for a machine too busy
 * for UringBenchmark's separate trials: the same workloads and fixtures
 * (UringBenchmark's states), one database per VFS, and rounds that run NIO
 * and io_uring back to back (the order alternating from round to round), so
 * that the disk's and the scheduler's drift hits both alike. It prints each
 * VFS's median per round and the quartiles of the per-round ratio
 * NIO / io_uring (above 1: io_uring faster), the figure to trust here,
 * and the same ratio of the timing thread's CPU time (wall time on a loaded
 * machine measures the other processes too; CPU time does not, but it does
 * not count the kernel workers and the device either, so it means
 * something only where the I/O runs inline, as for a warm scan).
 *
 * Run: java --enable-native-access=ALL-UNNAMED -cp ... turso.bench.UringProbe
 *      commits|scan-cold|scan-warm|checkpoint|point-cold [rounds [vfs]]
 * where vfs (io_uring by default) is the one set against NIO, e.g. io_uring-direct.
 */
package turso.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

public final class UringProbe {

    /** One timed step of a workload on one VFS; returns its nanoseconds. */
    private interface Step {
        long run();
    }

    private UringProbe() {
    }

    public static void main(String[] args) {
        String workload = args.length > 0 ? args[0] : "commits";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Step[] steps = new Step[2];
        Runnable[] closers = new Runnable[2];
        String[] vfs = {"nio", args.length > 2 ? args[2] : "io_uring"};
        for (int v = 0; v < 2; v++) {
            switch (workload) {
                case "commits" -> {
                    UringBenchmark.CommitDb db = new UringBenchmark.CommitDb();
                    db.vfs = vfs[v];
                    db.setUp();
                    steps[v] = () -> timed(() -> {
                        for (int i = 0; i < 500; i++) {
                            db.commitOne();
                        }
                    });
                    closers[v] = db::tearDown;
                }
                case "scan-cold", "scan-warm", "point-cold" -> {
                    UringBenchmark.ReadDb db = new UringBenchmark.ReadDb();
                    db.vfs = vfs[v];
                    db.osCache = workload.endsWith("warm") ? "warm" : "cold";
                    db.setUp();
                    UringBenchmark bench = new UringBenchmark();
                    boolean point = workload.startsWith("point");
                    steps[v] = () -> {
                        long total = 0;
                        for (int i = 0; i < (point ? 200 : 3); i++) {
                            db.evict();
                            total += timed(point ? () -> bench.pointRead(db) : () -> bench.scan(db));
                        }
                        return total;
                    };
                    closers[v] = db::tearDown;
                }
                case "checkpoint" -> {
                    UringBenchmark.CheckpointDb db = new UringBenchmark.CheckpointDb();
                    db.vfs = vfs[v];
                    db.setUp();
                    UringBenchmark bench = new UringBenchmark();
                    steps[v] = () -> {
                        db.dirty();
                        return timed(() -> bench.checkpoint(db));
                    };
                    closers[v] = db::tearDown;
                }
                default -> throw new IllegalArgumentException("unknown workload " + workload);
            }
        }
        try {
            steps[0].run();
            steps[1].run();
            long[][] times = new long[2][rounds];
            long[][] cpu = new long[2][rounds];
            double[] ratios = new double[rounds];
            double[] cpuRatios = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                int first = r % 2;
                for (int v : new int[] {first, 1 - first}) {
                    long cpuBefore = cpuNanos;
                    times[v][r] = steps[v].run();
                    cpu[v][r] = cpuNanos - cpuBefore;
                }
                ratios[r] = (double) times[0][r] / times[1][r];
                cpuRatios[r] = (double) cpu[0][r] / cpu[1][r];
                System.out.printf(Locale.ROOT, "round %2d: nio %9.3f ms (cpu %9.3f)  %s %9.3f ms (cpu %9.3f)  ratio %.2f"
                        + " (cpu %.2f)%n", r, times[0][r] / 1e6, cpu[0][r] / 1e6, vfs[1], times[1][r] / 1e6,
                        cpu[1][r] / 1e6, ratios[r], cpuRatios[r]);
            }
            for (int v = 0; v < 2; v++) {
                long[] sorted = times[v].clone();
                Arrays.sort(sorted);
                System.out.printf(Locale.ROOT, "%s: median %.3f ms per round%n", vfs[v], sorted[rounds / 2] / 1e6);
            }
            Arrays.sort(ratios);
            System.out.printf(Locale.ROOT, "%s: NIO / %s ratio: median %.2f, quartiles %.2f-%.2f (%d rounds)%n",
                    workload, vfs[1], ratios[rounds / 2], ratios[rounds / 4], ratios[(3 * rounds) / 4], rounds);
            Arrays.sort(cpuRatios);
            System.out.printf(Locale.ROOT, "%s: NIO / %s ratio of this thread's CPU time (kernel workers not counted):"
                    + " median %.2f, quartiles %.2f-%.2f%n", workload, vfs[1], cpuRatios[rounds / 2],
                    cpuRatios[rounds / 4], cpuRatios[(3 * rounds) / 4]);
        } finally {
            closers[0].run();
            closers[1].run();
        }
    }

    /** The CPU time of the timed work on this thread so far (what a busy machine distorts least). */
    private static long cpuNanos;

    private static long timed(Runnable work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        work.run();
        long elapsed = System.nanoTime() - start;
        cpuNanos += threads.getCurrentThreadCpuTime() - cpuStart;
        return elapsed;
    }
}
