/*
 * JMH harness of the read workloads (3 to 9, see Reads) on a copy of the
 * Dataset, one engine per trial. Throughput: each call is one operation.
 * Each trial starts with an empty page cache; two warm-up seconds let it
 * fill (this engine's random point reads took several seconds to reach
 * their steady speed on the 1M-row table when this was written).
 */
package turso.bench;

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
import org.openjdk.jmh.annotations.Warmup;

@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 2, time = 1)
@Fork(3)
public class ReadBenchmark {

    @Param({"turso", "turso-jdbc", "sqlite", "h2"})
    public String engine;

    private Fixture fixture;
    private Reads reads;

    @Setup(Level.Trial)
    public void setUp() {
        fixture = Fixture.copy(Fixture.Kind.DATA, engine);
        reads = new Reads(fixture.db());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        reads.close();
        fixture.close();
    }

    @Benchmark
    public long pointByRowid() {
        return reads.pointByRowid();
    }

    @Benchmark
    public long pointByIndex() {
        return reads.pointByIndex();
    }

    @Benchmark
    public long rangeByIndex() {
        return reads.rangeByIndex();
    }

    @Benchmark
    public long scanAggregate() {
        return reads.scanAggregate();
    }

    @Benchmark
    public long groupBy() {
        return reads.groupBy();
    }

    @Benchmark
    public long join() {
        return reads.join();
    }

    @Benchmark
    public long topN() {
        return reads.topN();
    }
}
