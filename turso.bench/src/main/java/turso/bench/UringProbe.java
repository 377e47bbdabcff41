/*
 * io_uring against NIO interleaved in one process, for a machine too busy
 * for UringBenchmark's separate trials: the same workloads and fixtures
 * (UringBenchmark's states), one database per VFS, and rounds that run NIO
 * and io_uring back to back (the order alternating from round to round), so
 * that the disk's and the scheduler's drift hits both alike. It prints each
 * VFS's median per round and the quartiles of the per-round ratio
 * NIO / io_uring (above 1: io_uring faster), the figure to trust here.
 *
 * Run: java --enable-native-access=ALL-UNNAMED -cp ... turso.bench.UringProbe
 *      commits|scan-cold|scan-warm|checkpoint|point-cold [rounds]
 */
package turso.bench;

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
        String[] vfs = {"nio", "io_uring"};
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
            double[] ratios = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                int first = r % 2;
                times[first][r] = steps[first].run();
                times[1 - first][r] = steps[1 - first].run();
                ratios[r] = (double) times[0][r] / times[1][r];
                System.out.printf(Locale.ROOT, "round %2d: nio %9.3f ms  io_uring %9.3f ms  ratio %.2f%n", r,
                        times[0][r] / 1e6, times[1][r] / 1e6, ratios[r]);
            }
            for (int v = 0; v < 2; v++) {
                long[] sorted = times[v].clone();
                Arrays.sort(sorted);
                System.out.printf(Locale.ROOT, "%s: median %.3f ms per round%n", vfs[v], sorted[rounds / 2] / 1e6);
            }
            Arrays.sort(ratios);
            System.out.printf(Locale.ROOT, "%s: NIO / io_uring ratio: median %.2f, quartiles %.2f-%.2f (%d rounds)%n",
                    workload, ratios[rounds / 2], ratios[rounds / 4], ratios[(3 * rounds) / 4], rounds);
        } finally {
            closers[0].run();
            closers[1].run();
        }
    }

    private static long timed(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }
}
