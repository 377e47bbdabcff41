/*
 * Workload 11 of issue #10: open a connection to a database of 10 000
 * tables, run a first query (one row of a table picked at random: the
 * engine must read the schema to compile it) and close the connection. The
 * connection is opened as an application's would be, without PRAGMAs; the
 * copied template is already in WAL mode. Three warm-up iterations: after
 * one, this engine's first measured iteration was still 30% below its
 * steady speed (the schema reader not yet compiled by C2).
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
import org.openjdk.jmh.annotations.Warmup;

@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 2, time = 1)
@Fork(3)
public class OpenBenchmark {

    @Param({"turso", "turso-jdbc", "sqlite", "h2"})
    public String engine;

    private Engine kind;
    private Path dir;
    private final Keys keys = new Keys();
    private final int tables = Dataset.tables();

    @Setup(Level.Trial)
    public void setUp() {
        kind = Engine.of(engine);
        dir = Fixture.copyDirectory(Fixture.Kind.SCHEMA, engine);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        Fixture.delete(dir);
    }

    @Benchmark
    public long openAndQuery() {
        try (BenchDb db = kind.connect(dir);
                Query q = db.prepare("SELECT id, a, b, c FROM " + Dataset.tableName(keys.next(tables))
                        + " WHERE id = 1", "LLTD")) {
            return q.checksum();
        }
    }
}
