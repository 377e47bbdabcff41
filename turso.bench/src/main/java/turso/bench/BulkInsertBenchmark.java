/*
 * JMH harness of the bulk-insert workloads (1 and 2, see BulkLoad): each
 * invocation loads Dataset.rows() rows into a new, empty database (created
 * and deleted outside the timing). One invocation takes seconds, long enough
 * for the JIT to settle within it, so there is no warm-up iteration: one
 * measured invocation per fork. The score is invocations per second; the
 * report multiplies it by the rows to give rows per second.
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

@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(3)
public class BulkInsertBenchmark {

    /** A new database per invocation; {@code indexed} says whether the table has its two indexes. */
    public abstract static class Fresh {
        BulkLoad load;

        abstract String engine();

        abstract boolean indexed();

        @Setup(Level.Invocation)
        public void create() {
            load = new BulkLoad(engine(), indexed(), Dataset.rows());
        }

        @TearDown(Level.Invocation)
        public void drop() {
            load.close();
        }
    }

    @State(Scope.Thread)
    public static class Plain extends Fresh {
        @Param({"turso", "turso-jdbc", "sqlite", "h2"})
        public String engine;

        @Override
        String engine() {
            return engine;
        }

        @Override
        boolean indexed() {
            return false;
        }
    }

    @State(Scope.Thread)
    public static class Indexed extends Fresh {
        @Param({"turso", "turso-jdbc", "sqlite", "h2"})
        public String engine;

        @Override
        String engine() {
            return engine;
        }

        @Override
        boolean indexed() {
            return true;
        }
    }

    @Benchmark
    public long bulkInsert(Plain state) {
        return state.load.run();
    }

    @Benchmark
    public long bulkInsertIndexed(Indexed state) {
        return state.load.run();
    }
}
