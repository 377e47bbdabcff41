/*
 * io_uring against NIO interleaved in one process, for a machine too busy
 * for UringBenchmark's separate trials: the same workloads and fixtures
 * (UringBenchmark's states), one database per VFS, and rounds that run NIO
 * and io_uring back to back (the order alternating from round to round), so
 * that the disk's and the scheduler's drift hits both alike. It prints each
 * VFS's median per round and the quartiles of the per-round ratio
 * NIO / io_uring (above 1: io_uring faster), the figure to trust here,
 * and, per round and VFS, the CPU time of the thread that runs the
 * workload (what stays on the caller's critical path: on a busy machine the
 * better guide to the quiet speed-up than the wall time) and of the whole
 * process (all its threads, the io_uring kernel threads included: what the
 * ring's overlap costs the machine).
 *
 * Run: java --enable-native-access=ALL-UNNAMED -cp ... turso.bench.UringProbe
 *      commits|scan-cold|scan-warm|checkpoint|point-cold [rounds]
 */
package turso.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

public final class UringProbe {

    /** One timed step of a workload on one VFS; returns its nanoseconds. */
    private interface Step {
        long run();
    }

    /** USER_HZ, the unit of /proc's CPU times (100 on Linux for every architecture Java runs on). */
    private static final long TICKS_PER_SECOND = 100;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** The calling thread's CPU time (ns) in the timed parts of the current step (set-up excluded). */
    private static long timedCpu;

    /** The process's CPU time (ms, in 10 ms ticks) in the timed parts of the current step. */
    private static long timedProcessCpu;

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
            long[][] cpu = new long[2][rounds];
            long[][] own = new long[2][rounds];
            double[] ratios = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                int first = r % 2;
                for (int v : new int[] {first, 1 - first}) {
                    timedCpu = 0;
                    timedProcessCpu = 0;
                    times[v][r] = steps[v].run();
                    own[v][r] = timedCpu / 1_000_000;
                    cpu[v][r] = timedProcessCpu;
                }
                ratios[r] = (double) times[0][r] / times[1][r];
                System.out.printf(Locale.ROOT, "round %2d: nio %9.3f ms (thread %d, process %d ms cpu)"
                        + "  io_uring %9.3f ms (thread %d, process %d ms cpu)  ratio %.2f%n", r, times[0][r] / 1e6,
                        own[0][r], cpu[0][r], times[1][r] / 1e6, own[1][r], cpu[1][r], ratios[r]);
            }
            for (int v = 0; v < 2; v++) {
                long[] sorted = times[v].clone();
                Arrays.sort(sorted);
                System.out.printf(Locale.ROOT, "%s: median %.3f ms per round, CPU: thread %d ms, process %d ms%n",
                        vfs[v], sorted[rounds / 2] / 1e6, median(own[v]), median(cpu[v]));
            }
            Arrays.sort(ratios);
            System.out.printf(Locale.ROOT, "%s: NIO / io_uring ratio: median %.2f, quartiles %.2f-%.2f (%d rounds)%n",
                    workload, ratios[rounds / 2], ratios[rounds / 4], ratios[(3 * rounds) / 4], rounds);
        } finally {
            closers[0].run();
            closers[1].run();
        }
    }

    /** The process's CPU time so far (user and system, every thread, exited ones included), from /proc/self/stat. */
    private static long cpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Runs {@code work}; returns its wall time and adds the CPU time it took to the step's counters. */
    private static long timed(Runnable work) {
        long process = cpuMillis();
        long cpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        work.run();
        long wall = System.nanoTime() - start;
        timedCpu += THREADS.getCurrentThreadCpuTime() - cpu;
        timedProcessCpu += cpuMillis() - process;
        return wall;
    }
}
