/*
 * Bulk load: 10 000 rows of four columns (integer key, text, integer, real)
 * in one transaction through one reused prepared INSERT, into a table created
 * afresh before each invocation (not timed), on a file database with WAL and
 * synchronous=NORMAL.
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
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class BulkInsertBenchmark {

    static final int ROWS = 10_000;

    @Param({"turso", "turso-jdbc", "sqlite", "h2"})
    public String engine;

    private Fixture fixture;
    private Query insert;

    @Setup(Level.Trial)
    public void setUp() {
        fixture = Fixture.open(engine, Engine.DEFAULT_SYNC, false);
    }

    @Setup(Level.Invocation)
    public void freshTable() {
        if (insert != null) {
            insert.close();
        }
        BenchDb db = fixture.db();
        db.exec("DROP TABLE IF EXISTS items");
        db.exec("CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(64), qty INTEGER, price DOUBLE)");
        insert = db.prepare("INSERT INTO items VALUES (?1, ?2, ?3, ?4)");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        insert.close();
        fixture.close();
    }

    @Benchmark
    public long bulkInsert10k() {
        BenchDb db = fixture.db();
        long rows = 0;
        db.begin();
        for (long id = 1; id <= ROWS; id++) {
            insert.bindLong(1, id);
            insert.bindText(2, "item number " + id);
            insert.bindLong(3, id % 97);
            insert.bindDouble(4, (id % 1_000) / 4.0);
            rows += insert.update();
        }
        db.commit();
        return rows;
    }
}
