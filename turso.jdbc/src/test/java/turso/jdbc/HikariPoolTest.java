/*
 * HikariCP over TursoDataSource: four threads share a pool of connections to
 * one database file, writing in auto-commit mode and in transactions, and
 * reading; at the end every committed row is there and nothing else.
 *
 * Reads run in parallel; each write (a statement or a transaction) holds an
 * application lock that keeps readers and other writers out, because the
 * engine does not wait on SQLite's file locks yet (busy_timeout) and a
 * COMMIT that meets a reader fails with SQLITE_BUSY.
 */
package turso.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HikariPoolTest {

    private static final int THREADS = 4;
    private static final int ROUNDS = 25;

    @TempDir
    Path dir;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Lock reads = lock.readLock();
    private final Lock writes = lock.writeLock();

    @Test
    void fourThreadsThroughAPool() throws Exception {
        Path file = dir.resolve("pool.db");
        HikariConfig config = new HikariConfig();
        config.setDataSourceClassName(TursoDataSource.class.getName());
        config.addDataSourceProperty("url", "jdbc:turso:" + file);
        config.setMaximumPoolSize(THREADS);
        config.setPoolName("turso-test");
        try (HikariDataSource pool = new HikariDataSource(config)) {
            try (Connection c = pool.getConnection()) {
                c.createStatement().executeUpdate("CREATE TABLE events(id INTEGER PRIMARY KEY, worker, round, kind)");
            }
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            List<Future<Integer>> results = new ArrayList<>();
            for (int w = 0; w < THREADS; w++) {
                int worker = w;
                results.add(threads.submit(() -> work(pool, worker)));
            }
            int written = 0;
            for (Future<Integer> f : results) {
                written += f.get();
            }
            threads.shutdown();
            assertEquals(THREADS * ROUNDS * 3, written);
            try (Connection c = pool.getConnection()) {
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT count(*), count(DISTINCT worker), sum(kind = 'single'), sum(kind = 'tx') FROM events");
                assertTrue(rs.next());
                assertEquals(written, rs.getInt(1));
                assertEquals(THREADS, rs.getInt(2));
                assertEquals(THREADS * ROUNDS, rs.getInt(3));
                assertEquals(THREADS * ROUNDS * 2, rs.getInt(4));
                rs.close();
            }
        }
    }

    /** One worker's rounds: an auto-commit insert, a two-row transaction, a rolled-back one, a read. */
    private int work(HikariDataSource pool, int worker) throws Exception {
        int written = 0;
        for (int round = 0; round < ROUNDS; round++) {
            writes.lock();
            try (Connection c = pool.getConnection()) {
                try (PreparedStatement p = c.prepareStatement("INSERT INTO events(worker, round, kind) VALUES (?, ?, ?)")) {
                    p.setInt(1, worker);
                    p.setInt(2, round);
                    p.setString(3, "single");
                    written += p.executeUpdate();
                }
            } finally {
                writes.unlock();
            }
            writes.lock();
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement p = c.prepareStatement("INSERT INTO events(worker, round, kind) VALUES (?, ?, ?)")) {
                    for (int i = 0; i < 2; i++) {
                        p.setInt(1, worker);
                        p.setInt(2, round);
                        p.setString(3, "tx");
                        p.addBatch();
                    }
                    for (int n : p.executeBatch()) {
                        written += n;
                    }
                }
                c.commit();
                c.createStatement().executeUpdate("INSERT INTO events(worker, round, kind) VALUES (-1, -1, 'lost')");
                c.rollback();
                c.setAutoCommit(true);
            } finally {
                writes.unlock();
            }
            reads.lock();
            try (Connection c = pool.getConnection();
                    PreparedStatement p = c.prepareStatement("SELECT count(*) FROM events WHERE worker = ?")) {
                p.setInt(1, worker);
                ResultSet rs = p.executeQuery();
                assertTrue(rs.next());
                assertEquals(written, rs.getInt(1));
                rs.close();
            } finally {
                reads.unlock();
            }
        }
        return written;
    }
}
