/*
 * Small write transactions on the loaded Dataset: UPDATE of one row by its
 * INTEGER PRIMARY KEY, one autocommit transaction per row, with WAL and
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
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class UpdateBenchmark {

    @Param({"turso", "turso-jdbc", "sqlite", "h2"})
    public String engine;

    private Fixture fixture;
    private final Keys keys = new Keys();
    private int n;
    private Query update;

    @Setup(Level.Trial)
    public void setUp() {
        fixture = Fixture.open(engine, Engine.DEFAULT_SYNC, true);
        n = Dataset.rows();
        update = fixture.db().prepare("UPDATE users SET balance = balance + 1 WHERE id = ?1");
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
}
