/*
 * HikariCP (on the module path, as module com.zaxxer.hikari) pools
 * connections from turso.jdbc's DataSource to one database file in WAL mode;
 * four threads write and read through it at the same time, with plain JDBC
 * and with jOOQ transactions, without any lock of their own: busy_timeout
 * makes a writer wait for another. At the end every committed row is there
 * and nothing else, here and when real SQLite (sqlite-jdbc) reads the file.
 */
package turso.tests.jooq;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HikariWorkloadTest {

    private static final int THREADS = 4;
    private static final int ROUNDS = 25;

    private static final Table<?> EVENTS = table(name("events"));
    private static final Field<Integer> WORKER = field(name("worker"), Integer.class);
    private static final Field<Integer> ROUND = field(name("round"), Integer.class);
    private static final Field<String> KIND = field(name("kind"), String.class);

    @TempDir
    Path dir;

    @Test
    void fourThreadsThroughThePool() throws Exception {
        Path file = dir.resolve("pool.db");
        HikariConfig config = new HikariConfig();
        config.setDataSourceClassName("turso.jdbc.TursoDataSource");
        config.addDataSourceProperty("url", "jdbc:turso:" + file);
        config.addDataSourceProperty("journalMode", "WAL");
        config.addDataSourceProperty("busyTimeout", "10000");
        config.setMaximumPoolSize(THREADS);
        config.setPoolName("turso-module-path");
        int written = 0;
        try (HikariDataSource pool = new HikariDataSource(config)) {
            try (Connection c = pool.getConnection()) {
                c.createStatement().executeUpdate(
                        "CREATE TABLE events(id INTEGER PRIMARY KEY, worker INT NOT NULL, round INT, kind TEXT)");
            }
            DSLContext ctx = DSL.using(pool, SQLDialect.SQLITE);
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (int w = 0; w < THREADS; w++) {
                    int worker = w;
                    results.add(threads.submit(() -> work(pool, ctx, worker)));
                }
                for (Future<Integer> f : results) {
                    written += f.get();
                }
            } finally {
                threads.shutdown();
            }
            assertEquals(THREADS * ROUNDS * 3, written);
            var totals = ctx.select(count(), DSL.countDistinct(WORKER), DSL.sum(DSL.when(KIND.eq("single"), 1).else_(0)),
                    DSL.sum(DSL.when(KIND.eq("tx"), 1).else_(0))).from(EVENTS).fetchSingle();
            assertEquals(written, totals.value1());
            assertEquals(THREADS, totals.value2());
            assertEquals(THREADS * ROUNDS, totals.value3().intValue());
            assertEquals(THREADS * ROUNDS * 2, totals.value4().intValue());
            assertEquals("ok", ctx.fetchValue("PRAGMA integrity_check"));
        }
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            ResultSet rs = sqlite.createStatement().executeQuery(
                    "SELECT count(*), count(DISTINCT worker), sum(kind = 'lost') FROM events");
            assertTrue(rs.next());
            assertEquals(written, rs.getInt(1));
            assertEquals(THREADS, rs.getInt(2));
            assertEquals(0, rs.getInt(3));
            assertEquals("ok", sqlite.createStatement().executeQuery("PRAGMA integrity_check").getString(1));
        }
    }

    /** One worker's rounds: an auto-commit insert, a two-row jOOQ transaction, a rolled-back one, a read. */
    private static int work(HikariDataSource pool, DSLContext ctx, int worker) throws Exception {
        int written = 0;
        for (int round = 0; round < ROUNDS; round++) {
            try (Connection c = pool.getConnection();
                    PreparedStatement p = c.prepareStatement("INSERT INTO events(worker, round, kind) VALUES (?, ?, ?)")) {
                p.setInt(1, worker);
                p.setInt(2, round);
                p.setString(3, "single");
                written += p.executeUpdate();
            }
            int r = round;
            written += ctx.transactionResult(cfg -> DSL.using(cfg).insertInto(EVENTS, WORKER, ROUND, KIND)
                    .values(worker, r, "tx").values(worker, r, "tx").execute());
            try {
                ctx.transaction(cfg -> {
                    DSL.using(cfg).insertInto(EVENTS, WORKER, ROUND, KIND).values(worker, r, "lost").execute();
                    throw new IllegalStateException("roll back");
                });
            } catch (IllegalStateException expected) {
                // the transaction was rolled back
            }
            int seen = ctx.fetchCount(EVENTS, WORKER.eq(worker));
            assertEquals(written, seen, "worker " + worker + " round " + round);
        }
        return written;
    }
}
