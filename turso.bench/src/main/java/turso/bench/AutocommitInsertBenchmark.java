/*
 * One INSERT per transaction (autocommit) into a file database in WAL mode,
 * with SQLite's default synchronous level (FULL: the WAL is synced at every
 * commit) and with synchronous=OFF. H2 has no such switch (it writes its
 * store in the background), so its two rows are the same configuration.
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
public class AutocommitInsertBenchmark {

    @Param({"turso", "turso-jdbc", "sqlite", "h2"})
    public String engine;

    /** "default" leaves synchronous as the library sets it. */
    @Param({"default", "OFF"})
    public String sync;

    private Fixture fixture;
    private Query insert;
    private long id;

    @Setup(Level.Trial)
    public void setUp() {
        fixture = Fixture.open(engine, sync.equals("default") ? null : sync, false);
        fixture.db().exec("CREATE TABLE events (id INTEGER PRIMARY KEY, kind INTEGER, payload VARCHAR(64))");
        insert = fixture.db().prepare("INSERT INTO events VALUES (?1, ?2, ?3)");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        insert.close();
        fixture.close();
    }

    @Benchmark
    public long insertAutocommit() {
        id++;
        insert.bindLong(1, id);
        insert.bindLong(2, id % 16);
        insert.bindText(3, "event payload " + id);
        return insert.update();
    }
}
