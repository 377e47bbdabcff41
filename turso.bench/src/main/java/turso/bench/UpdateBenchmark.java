/*
 * Workload 10 of issue #10: UPDATE of one row by its INTEGER PRIMARY KEY,
 * one autocommit transaction per row, on a copy of the Dataset, with WAL and
 * synchronous=NORMAL (SQLite's usual setting for applications).
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
public class UpdateBenchmark {

    static final String UPDATE = "UPDATE items SET amount = amount + 1 WHERE id = ?";

    /** What the check compares after the updates. */
    static final String SUMMARY = "SELECT count(*), sum(amount) FROM items";

    @Param({"turso", "turso-jdbc", "sqlite", "h2"})
    public String engine;

    private Fixture fixture;
    private final Keys keys = new Keys();
    private final int n = Dataset.rows();
    private Query update;

    @Setup(Level.Trial)
    public void setUp() {
        fixture = Fixture.copy(Fixture.Kind.DATA, engine);
        update = fixture.db().prepare(UPDATE);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        update.close();
        fixture.close();
    }

    @Benchmark
    public long updateByKey() {
        update.bindLong(1, keys.next(n));
        return update.update();
    }

    /** The table after the updates, folded into one number, for the check. */
    long summary() {
        try (Query q = fixture.db().prepare(SUMMARY, "LD")) {
            return q.checksum();
        }
    }
}
