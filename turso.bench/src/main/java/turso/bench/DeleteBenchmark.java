/*
 * DELETE of 100 consecutive rows by an INTEGER PRIMARY KEY range, in
 * autocommit, from the loaded users table (so its two secondary indexes are
 * maintained too). The rows are put back after each invocation, untimed, so
 * the table keeps its size however long the run.
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
public class DeleteBenchmark {

    @Param({"turso", "turso-jdbc", "sqlite", "h2"})
    public String engine;

    private Fixture fixture;
    private final Keys keys = new Keys();
    private int n;
    private long from;
    private Query delete;
    private Query reinsert;

    @Setup(Level.Trial)
    public void setUp() {
        fixture = Fixture.open(engine, Engine.DEFAULT_SYNC, true);
        n = Dataset.rows();
        delete = fixture.db().prepare("DELETE FROM users WHERE id BETWEEN ?1 AND ?2");
        reinsert = fixture.db().prepare("INSERT INTO users VALUES (?1, ?2, ?3, ?4, ?5)");
    }

    @Setup(Level.Invocation)
    public void pickRange() {
        from = keys.next(n - ReadBenchmark.SPAN);
    }

    @TearDown(Level.Invocation)
    public void putBack() {
        BenchDb db = fixture.db();
        db.begin();
        for (long id = from; id < from + ReadBenchmark.SPAN; id++) {
            Dataset.bindUser(reinsert, id, n);
            reinsert.update();
        }
        db.commit();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        delete.close();
        reinsert.close();
        fixture.close();
    }

    @Benchmark
    public long deleteRange() {
        delete.bindLong(1, from);
        delete.bindLong(2, from + ReadBenchmark.SPAN - 1);
        return delete.update();
    }
}
