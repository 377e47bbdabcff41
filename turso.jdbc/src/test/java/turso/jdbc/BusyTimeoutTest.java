/*
 * busy_timeout as the driver applies it (the engine's busy handler, and
 * BusyRetry): a write waits for the lock up to the timeout, then fails with
 * SQLITE_BUSY, in auto-commit mode as in a transaction (as SQLite's busy
 * handler waits); readers are not held up by a writer's RESERVED lock.
 */
package turso.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BusyTimeoutTest {

    @TempDir
    Path dir;

    @Test
    void writersWaitInTransactionsOnly() throws SQLException {
        String url = "jdbc:turso:" + dir.resolve("busy.db");
        try (Connection a = DriverManager.getConnection(url);
                Connection b = DriverManager.getConnection(url + "?busy_timeout=300")) {
            a.createStatement().executeUpdate("CREATE TABLE t(x)");
            a.setAutoCommit(false);
            a.createStatement().executeUpdate("INSERT INTO t VALUES (1)");

            ResultSet rs = b.createStatement().executeQuery("SELECT count(*) FROM t");
            assertTrue(rs.next());
            assertEquals(0, rs.getInt(1));
            rs.close();

            long start = System.nanoTime();
            SQLException autoCommit = assertThrows(SQLException.class,
                    () -> b.createStatement().executeUpdate("INSERT INTO t VALUES (2)"));
            assertInstanceOf(SQLTransientException.class, autoCommit);
            assertEquals(5, autoCommit.getErrorCode());
            assertTrue(System.nanoTime() - start >= 300_000_000L, "waited for busy_timeout");

            b.setAutoCommit(false);
            start = System.nanoTime();
            SQLException waited = assertThrows(SQLException.class,
                    () -> b.createStatement().executeUpdate("INSERT INTO t VALUES (3)"));
            assertEquals("[SQLITE_BUSY] database is locked", waited.getMessage());
            assertTrue(System.nanoTime() - start >= 300_000_000L, "waited for busy_timeout");

            a.rollback();
            assertEquals(1, b.createStatement().executeUpdate("INSERT INTO t VALUES (4)"));
            b.commit();
            a.setAutoCommit(true);
            rs = a.createStatement().executeQuery("SELECT group_concat(x) FROM t");
            assertTrue(rs.next());
            assertEquals("4", rs.getString(1));
            rs.close();
        }
    }
}
