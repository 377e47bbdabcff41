/*
 * JMH harness of the mixed workload (12, see MixedClient): four threads, each
 * with its own connection, on one copy of the Dataset per trial. The score
 * is the operations of all four threads per second. Six warm-up
 * iterations: with four busy threads on two cores the JIT compilers get
 * little CPU, and after two this engine's speed was still rising through the
 * measured iterations (about 40,000 ops/s on the way to 100,000; H2 alike).
 */
package turso.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 6, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(3)
@Threads(MixedClient.THREADS)
public class MixedBenchmark {

    /** The copy of the Dataset the threads share. */
    @State(Scope.Benchmark)
    public static class Shared {
        @Param({"turso", "turso-jdbc", "sqlite", "h2"})
        public String engine;

        Path dir;

        @Setup(Level.Trial)
        public void copy() {
            dir = Fixture.copyDirectory(Fixture.Kind.DATA, engine);
        }

        @TearDown(Level.Trial)
        public void delete() {
            Fixture.delete(dir);
        }
    }

    /** One thread's connection. */
    @State(Scope.Thread)
    public static class Client {
        MixedClient client;

        @Setup(Level.Trial)
        public void connect(Shared shared, ThreadParams thread) {
            client = new MixedClient(shared.engine, shared.dir, thread.getThreadIndex());
        }

        @TearDown(Level.Trial)
        public void disconnect() {
            client.close();
        }
    }

    @Benchmark
    public long mixed(Client client) {
        return client.client.next();
    }
}
