/*
 * Read workloads on the loaded Dataset (100 000 users and orders), one
 * engine per trial: point lookups by rowid and by a secondary index, a range
 * scan by index, a full scan with a WHERE on a non-indexed column, aggregates
 * with and without GROUP BY, 2- and 3-table joins on indexed keys, and top-10
 * by an indexed and by a non-indexed column. Every method returns the
 * checksum of the rows it read (see Query), which SmokeCheck compares across
 * engines.
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
public class ReadBenchmark {

    /** Rows a range, a scan or a join returns. */
    static final int SPAN = 100;

    @Param({"turso", "turso-jdbc", "sqlite", "h2"})
    public String engine;

    private Fixture fixture;
    private final Keys keys = new Keys();
    private int n;
    private Query byRowid;
    private Query byIndex;
    private Query rangeByIndex;
    private Query scanWhere;
    private Query aggregate;
    private Query groupBy;
    private Query join2;
    private Query join3;
    private Query topIndexed;
    private Query topUnindexed;

    @Setup(Level.Trial)
    public void setUp() {
        fixture = Fixture.open(engine, Engine.DEFAULT_SYNC, true);
        n = Dataset.rows();
        BenchDb db = fixture.db();
        byRowid = db.prepare("SELECT id, email, score, balance, city_id FROM users WHERE id = ?1", "LTLDL");
        byIndex = db.prepare("SELECT id, email, score, balance FROM users WHERE email = ?1", "LTLD");
        rangeByIndex = db.prepare("SELECT id, email, score FROM users WHERE score BETWEEN ?1 AND ?2", "LTL");
        scanWhere = db.prepare("SELECT id, email FROM users WHERE balance BETWEEN ?1 AND ?2", "LT");
        aggregate = db.prepare("SELECT count(*), sum(score), sum(balance) FROM users WHERE balance >= ?1", "LLD");
        groupBy = db.prepare("SELECT city_id, count(*), sum(balance) FROM users GROUP BY city_id", "LLD");
        join2 = db.prepare("SELECT u.id, u.email, o.amount FROM users u JOIN orders o ON o.user_id = u.id"
                + " WHERE u.id BETWEEN ?1 AND ?2", "LTD");
        join3 = db.prepare("SELECT o.id, u.email, c.name FROM orders o JOIN users u ON u.id = o.user_id"
                + " JOIN cities c ON c.id = u.city_id WHERE o.user_id BETWEEN ?1 AND ?2", "LTT");
        topIndexed = db.prepare("SELECT id, email, score FROM users ORDER BY score DESC LIMIT 10", "LTL");
        topUnindexed = db.prepare("SELECT id, email, balance FROM users ORDER BY balance DESC LIMIT 10", "LTD");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fixture.close();
    }

    @Benchmark
    public long pointByRowid() {
        byRowid.bindLong(1, keys.next(n));
        return byRowid.checksum();
    }

    @Benchmark
    public long pointByIndex() {
        byIndex.bindText(1, Dataset.email(keys.next(n)));
        return byIndex.checksum();
    }

    @Benchmark
    public long rangeByIndex() {
        long from = keys.next(n - SPAN);
        rangeByIndex.bindLong(1, from);
        rangeByIndex.bindLong(2, from + SPAN - 1);
        return rangeByIndex.checksum();
    }

    @Benchmark
    public long scanWhere() {
        double from = keys.next(n / 4 - SPAN / 4);
        scanWhere.bindDouble(1, from);
        scanWhere.bindDouble(2, from + SPAN / 4.0 - 0.25);
        return scanWhere.checksum();
    }

    @Benchmark
    public long aggregate() {
        aggregate.bindDouble(1, keys.next(n / 4));
        return aggregate.checksum();
    }

    @Benchmark
    public long groupBy() {
        return groupBy.checksum();
    }

    @Benchmark
    public long join2() {
        long from = keys.next(n - SPAN);
        join2.bindLong(1, from);
        join2.bindLong(2, from + SPAN - 1);
        return join2.checksum();
    }

    @Benchmark
    public long join3() {
        long from = keys.next(n - SPAN);
        join3.bindLong(1, from);
        join3.bindLong(2, from + SPAN - 1);
        return join3.checksum();
    }

    @Benchmark
    public long topIndexed() {
        return topIndexed.checksum();
    }

    @Benchmark
    public long topUnindexed() {
        return topUnindexed.checksum();
    }
}
