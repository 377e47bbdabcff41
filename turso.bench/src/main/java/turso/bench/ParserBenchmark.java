/*
 * Parse speed of the SQL front end on a realistic mix (a small INSERT, a
 * point SELECT, a 20-line analytic query, a CREATE TABLE with constraints),
 * beside SQLite's sqlite3_prepare_v2 on the same text through sqlite-jdbc.
 * SQLite's prepare also resolves names and generates code, so its figure is
 * an upper bound on its parse alone; ours is the parse to an AST.
 */
package turso.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
import turso.parser.SqlParser;
import turso.parser.ast.Stmt;

@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class ParserBenchmark {

    /** The statements of the mix, by name. */
    public enum Statement {
        INSERT("INSERT INTO orders (id, customer_id, amount, note) VALUES (?, ?, ?, 'first order')"),
        SELECT("SELECT name, email FROM customers WHERE id = ?"),
        ANALYTIC("""
                WITH monthly AS (
                  SELECT c.region AS region,
                         strftime('%Y-%m', o.created_at) AS month,
                         sum(o.amount) AS total,
                         count(*) AS orders
                    FROM orders o
                    JOIN customers c ON c.id = o.customer_id
                   WHERE o.created_at >= '2024-01-01'
                     AND o.status IN ('paid', 'shipped')
                   GROUP BY c.region, month
                )
                SELECT region, month, total, orders,
                       rank() OVER (PARTITION BY month ORDER BY total DESC) AS rnk,
                       total - lag(total) OVER (PARTITION BY region ORDER BY month) AS delta,
                       CASE WHEN orders > 100 THEN 'high' ELSE 'low' END AS volume
                  FROM monthly
                 WHERE total > 0
                 ORDER BY month, rnk
                 LIMIT 50
                """),
        CREATE_TABLE("""
                CREATE TABLE IF NOT EXISTS orders_archive (
                  id INTEGER PRIMARY KEY AUTOINCREMENT,
                  customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
                  amount REAL NOT NULL CHECK (amount >= 0),
                  status TEXT NOT NULL DEFAULT 'new' COLLATE NOCASE,
                  created_at TEXT DEFAULT CURRENT_TIMESTAMP,
                  note TEXT,
                  UNIQUE (customer_id, created_at)
                )""");

        final String sql;

        Statement(String sql) {
            this.sql = sql;
        }
    }

    /** Tables the statements name, so that SQLite can prepare them. */
    private static final String SCHEMA = """
            CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT, email TEXT, region TEXT);
            CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER, amount REAL, note TEXT,
                                 status TEXT, created_at TEXT);
            """;

    @Param
    public Statement statement;

    private Connection sqlite;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        sqlite = DriverManager.getConnection("jdbc:sqlite::memory:");
        try (var st = sqlite.createStatement()) {
            st.executeUpdate(SCHEMA);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        sqlite.close();
    }

    @Benchmark
    public Stmt tursoParse() {
        return SqlParser.parseOne(statement.sql);
    }

    @Benchmark
    public Object sqlitePrepare() throws SQLException {
        try (PreparedStatement ps = sqlite.prepareStatement(statement.sql)) {
            return ps;
        }
    }
}
