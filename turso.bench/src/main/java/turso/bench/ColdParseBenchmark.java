/*
 * The first parse in a new JVM: what a short script or a shell run pays once
 * (class loading, ANTLR's ATN deserialisation, cold code). One shot per fork,
 * many forks.
 */
package turso.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import turso.parser.SqlParser;
import turso.parser.ast.Stmt;

@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(10)
public class ColdParseBenchmark {

    @Benchmark
    public Stmt firstParse() {
        return SqlParser.parseOne("SELECT name, email FROM customers WHERE id = ?");
    }
}
