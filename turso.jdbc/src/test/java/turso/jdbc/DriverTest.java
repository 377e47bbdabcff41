/*
 * The driver as applications meet it: DriverManager, DataSources, files,
 * read-only modes, errors with SQLite's codes, java.time and other Java
 * values read back, multiple results, limits, timeouts, cancel, thread
 * confinement, and closing.
 */
package turso.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.PooledConnection;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import turso.api.ResultCode;

class DriverTest {

    @TempDir
    Path dir;

    private static Connection memory() throws SQLException {
        return DriverManager.getConnection("jdbc:turso::memory:");
    }

    @Test
    void driverManagerFindsTheDriver() throws SQLException {
        assertInstanceOf(TursoDriver.class, DriverManager.getDriver("jdbc:turso:x.db"));
        assertFalse(new TursoDriver().acceptsURL("jdbc:sqlite:x.db"));
        assertNull(new TursoDriver().connect("jdbc:sqlite:x.db", null));
        try (Connection c = DriverManager.getConnection("jdbc:turso:")) {
            assertInstanceOf(TursoConnection.class, c);
            assertTrue(c.isWrapperFor(turso.api.Connection.class));
            assertInstanceOf(turso.api.Connection.class, c.unwrap(turso.api.Connection.class));
            assertSame(c, c.unwrap(TursoConnection.class));
        }
    }

    @Test
    void fileDatabaseSharedByConnections() throws SQLException {
        String url = "jdbc:turso:" + dir.resolve("app.db");
        try (Connection a = DriverManager.getConnection(url); Connection b = DriverManager.getConnection(url)) {
            a.createStatement().executeUpdate("CREATE TABLE t(x)");
            a.createStatement().executeUpdate("INSERT INTO t VALUES (1), (2)");
            ResultSet rs = b.createStatement().executeQuery("SELECT sum(x) FROM t");
            assertTrue(rs.next());
            assertEquals(3, rs.getInt(1));
            rs.close();
        }
        try (Connection c = DriverManager.getConnection("jdbc:turso:file:" + dir.resolve("app.db") + "?mode=ro")) {
            assertTrue(c.isReadOnly());
            SQLException e = assertThrows(SQLException.class,
                    () -> c.createStatement().executeUpdate("INSERT INTO t VALUES (3)"));
            assertEquals(ResultCode.READONLY.code(), e.getErrorCode());
            ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM t");
            rs.next();
            assertEquals(2, rs.getInt(1));
        }
    }

    @Test
    void vfsByName() throws SQLException {
        String url = "jdbc:turso:file:" + dir.resolve("vfs.db") + "?vfs=nio";
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().executeUpdate("CREATE TABLE t(x)");
        }
        assertTrue(Files.exists(dir.resolve("vfs.db")));
        SQLException e = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:turso:" + dir.resolve("other.db") + "?vfs=no_such_vfs"));
        assertTrue(e.getMessage().contains("no_such_vfs"), e.getMessage());
    }

    @Test
    void missingFileWithoutCreateFails() {
        SQLException e = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:turso:file:" + dir.resolve("none.db") + "?mode=rw"));
        assertEquals(ResultCode.CANTOPEN.code(), e.getErrorCode());
        assertFalse(Files.exists(dir.resolve("none.db")));
    }

    @Test
    void sharedMemoryDatabase() throws SQLException {
        String url = "jdbc:turso:file:shared_" + System.nanoTime() + "?mode=memory&cache=shared";
        try (Connection a = DriverManager.getConnection(url)) {
            a.createStatement().executeUpdate("CREATE TABLE t(x)");
            a.createStatement().executeUpdate("INSERT INTO t VALUES (7)");
            try (Connection b = DriverManager.getConnection(url)) {
                ResultSet rs = b.createStatement().executeQuery("SELECT x FROM t");
                assertTrue(rs.next());
                assertEquals(7, rs.getInt(1));
                rs.close();
            }
        }
        try (Connection c = DriverManager.getConnection(url)) {
            assertThrows(SQLException.class, () -> c.createStatement().executeQuery("SELECT x FROM t"));
        }
    }

    @Test
    void setReadOnlyRefusesWrites() throws SQLException {
        try (Connection c = memory()) {
            c.createStatement().executeUpdate("CREATE TABLE t(x)");
            c.setReadOnly(true);
            assertTrue(c.isReadOnly());
            SQLException e = assertThrows(SQLException.class,
                    () -> c.createStatement().executeUpdate("INSERT INTO t VALUES (1)"));
            assertEquals(8, e.getErrorCode());
            assertEquals("[SQLITE_READONLY] attempt to write a readonly database", e.getMessage());
            ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM t");
            assertTrue(rs.next());
            rs.close();
            c.createStatement().execute("BEGIN");
            c.createStatement().execute("COMMIT");
            c.setReadOnly(false);
            assertEquals(1, c.createStatement().executeUpdate("INSERT INTO t VALUES (1)"));
        }
    }

    @Test
    void errorsCarryCodesAndStates() throws SQLException {
        try (Connection c = memory()) {
            Statement s = c.createStatement();
            s.executeUpdate("CREATE TABLE t(id INTEGER PRIMARY KEY, v NOT NULL)");
            s.executeUpdate("INSERT INTO t VALUES (1, 'a')");
            SQLIntegrityConstraintViolationException pk = assertThrows(SQLIntegrityConstraintViolationException.class,
                    () -> s.executeUpdate("INSERT INTO t VALUES (1, 'b')"));
            assertEquals(19, pk.getErrorCode());
            assertEquals("23000", pk.getSQLState());
            assertEquals(ResultCode.CONSTRAINT_PRIMARYKEY.code(), ((TursoError) pk).extendedCode());
            SQLIntegrityConstraintViolationException nn = assertThrows(SQLIntegrityConstraintViolationException.class,
                    () -> s.executeUpdate("INSERT INTO t VALUES (2, NULL)"));
            assertEquals(ResultCode.CONSTRAINT_NOTNULL, ((TursoError) nn).resultCode());
            assertEquals("[SQLITE_CONSTRAINT_NOTNULL] NOT NULL constraint failed: t.v", nn.getMessage());
            SQLSyntaxErrorException syntax = assertThrows(SQLSyntaxErrorException.class, () -> s.execute("SELEC 1"));
            assertEquals("42000", syntax.getSQLState());
            assertEquals(1, syntax.getErrorCode());
            assertInstanceOf(turso.api.TursoException.class, syntax.getCause());
        }
    }

    @Test
    void javaValuesReadBack() throws SQLException {
        try (Connection c = memory()) {
            c.createStatement().executeUpdate("CREATE TABLE t(a, b, c, d, e, f, g, h)");
            LocalDateTime ldt = LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6_000_000);
            OffsetDateTime odt = OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2));
            Instant instant = Instant.parse("2024-01-02T03:04:05.123Z");
            UUID uuid = UUID.randomUUID();
            try (PreparedStatement p = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                p.setObject(1, LocalDate.of(2024, 1, 2));
                p.setObject(2, ldt);
                p.setObject(3, odt);
                p.setObject(4, instant);
                p.setObject(5, uuid);
                p.setObject(6, new BigDecimal("12345678901234567890.125"));
                p.setBinaryStream(7, new ByteArrayInputStream(new byte[] {9, 8, 7}));
                p.setCharacterStream(8, new StringReader("a clob"));
                assertEquals(1, p.executeUpdate());
            }
            ResultSet rs = c.createStatement().executeQuery("SELECT * FROM t");
            assertTrue(rs.next());
            assertEquals("2024-01-02", rs.getString(1));
            assertEquals(LocalDate.of(2024, 1, 2), rs.getObject(1, LocalDate.class));
            assertEquals("2024-01-02T03:04:05.006", rs.getString(2));
            assertEquals(ldt, rs.getObject(2, LocalDateTime.class));
            assertEquals(LocalTime.of(3, 4, 5, 6_000_000), rs.getObject(2, LocalTime.class));
            assertEquals(odt, rs.getObject(3, OffsetDateTime.class));
            assertEquals(odt.toInstant(), rs.getObject(3, Instant.class));
            assertEquals("2024-01-02T03:04:05.123Z", rs.getString(4));
            assertEquals(instant, rs.getObject(4, Instant.class));
            assertEquals(uuid, rs.getObject(5, UUID.class));
            assertEquals(new BigDecimal("12345678901234567890.125"), rs.getBigDecimal(6));
            assertArrayEquals(new byte[] {9, 8, 7}, rs.getBlob(7).getBytes(1, 3));
            assertArrayEquals(new byte[] {9, 8, 7}, rs.getBinaryStream(7).readAllBytes());
            assertEquals("a clob", rs.getClob(8).getSubString(1, 6));
            assertFalse(rs.next());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void sqlDatesAreMilliseconds() throws SQLException {
        try (Connection c = memory()) {
            java.sql.Timestamp ts = java.sql.Timestamp.valueOf("2020-05-06 07:08:09.123");
            try (PreparedStatement p = c.prepareStatement("SELECT ?, typeof(?)")) {
                p.setTimestamp(1, ts);
                p.setTimestamp(2, ts);
                ResultSet rs = p.executeQuery();
                assertTrue(rs.next());
                assertEquals(ts.getTime(), rs.getLong(1));
                assertEquals("integer", rs.getString(2));
                assertEquals(ts, rs.getTimestamp(1));
                assertEquals(ts.toLocalDateTime(), rs.getObject(1, LocalDateTime.class));
            }
        }
    }

    @Test
    void textDatesAndTimes() throws SQLException {
        try (Connection c = memory()) {
            ResultSet rs = c.createStatement().executeQuery("SELECT '2020-05-06 07:08:09.123', '2020-05-06', "
                    + "'07:08:09', '2020-05-06T07:08:09+02:00', datetime(0, 'unixepoch'), 'not a date'");
            assertTrue(rs.next());
            assertEquals(java.sql.Timestamp.valueOf("2020-05-06 07:08:09.123"), rs.getTimestamp(1));
            assertEquals(LocalDateTime.of(2020, 5, 6, 7, 8, 9, 123_000_000), rs.getObject(1, LocalDateTime.class));
            assertEquals(java.sql.Date.valueOf("2020-05-06"), rs.getDate(2));
            assertEquals(LocalDate.of(2020, 5, 6), rs.getObject(2, LocalDate.class));
            assertEquals(LocalTime.of(7, 8, 9), rs.getObject(3, LocalTime.class));
            assertEquals(java.sql.Time.valueOf("07:08:09").toLocalTime(), rs.getTime(3).toLocalTime());
            assertEquals(Instant.parse("2020-05-06T05:08:09Z"), rs.getObject(4, Instant.class));
            assertEquals(Instant.EPOCH, rs.getObject(5, Instant.class));
            SQLException bad = assertThrows(SQLException.class, () -> rs.getObject(6, LocalDate.class));
            assertEquals("[SQLITE_MISMATCH] Bad value for type LocalDate : not a date", bad.getMessage());
        }
    }

    @Test
    void nullsThroughTypedGetters() throws SQLException {
        try (Connection c = memory()) {
            ResultSet rs = c.createStatement().executeQuery("SELECT NULL");
            assertTrue(rs.next());
            assertNull(rs.getObject(1, Integer.class));
            assertTrue(rs.wasNull());
            assertNull(rs.getObject(1, LocalDate.class));
            assertEquals(0, rs.getInt(1));
            assertTrue(rs.wasNull());
            assertNull(rs.getBigDecimal(1));
            assertNull(rs.getTimestamp(1));
        }
    }

    @Test
    void parameterMetaData() throws SQLException {
        try (Connection c = memory(); PreparedStatement p = c.prepareStatement("SELECT ?1 + :x, @y, $z, ?")) {
            java.sql.ParameterMetaData md = p.getParameterMetaData();
            assertEquals(5, md.getParameterCount());
            assertEquals(java.sql.ParameterMetaData.parameterModeIn, md.getParameterMode(1));
            assertEquals(java.sql.ParameterMetaData.parameterNullable, md.isNullable(4));
            assertThrows(SQLException.class, () -> md.getParameterType(6));
            assertEquals(4, p.getMetaData().getColumnCount());
            p.setInt(1, 1);
            p.setInt(2, 2);
            p.setString(3, "y");
            ResultSet rs = p.executeQuery();
            assertTrue(rs.next());
            assertEquals(3, rs.getInt(1));
            assertEquals("y", rs.getString(2));
            assertNull(rs.getString(3));
            assertTrue(rs.wasNull());
            assertThrows(SQLException.class, () -> p.setInt(6, 0));
            assertThrows(SQLException.class, () -> p.executeQuery("SELECT 1"));
        }
    }

    @Test
    void multipleResults() throws SQLException {
        try (Connection c = memory()) {
            Statement s = c.createStatement();
            assertFalse(s.execute("CREATE TABLE t(x); INSERT INTO t VALUES (1), (2); SELECT x FROM t ORDER BY x; "
                    + "UPDATE t SET x = x + 1; -- trailing comment"));
            assertEquals(0, s.getUpdateCount());
            assertFalse(s.getMoreResults());
            assertEquals(2, s.getUpdateCount());
            assertTrue(s.getMoreResults());
            assertEquals(-1, s.getUpdateCount());
            ResultSet rs = s.getResultSet();
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1));
            assertFalse(s.getMoreResults());
            assertTrue(rs.isClosed());
            assertEquals(2, s.getUpdateCount());
            assertFalse(s.getMoreResults());
            assertEquals(-1, s.getUpdateCount());
            assertEquals(2, s.executeUpdate("UPDATE t SET x = 0; DELETE FROM t"));
        }
    }

    @Test
    void maxRowsAndLabels() throws SQLException {
        try (Connection c = memory()) {
            Statement s = c.createStatement();
            s.setMaxRows(2);
            ResultSet rs = s.executeQuery("SELECT 1 AS Alpha UNION ALL SELECT 2 UNION ALL SELECT 3");
            int n = 0;
            while (rs.next()) {
                n++;
                assertEquals(n, rs.getInt("ALPHA"));
                assertEquals(n, rs.getInt("alpha"));
            }
            assertEquals(2, n);
            assertThrows(SQLException.class, () -> rs.getInt(1));
            assertEquals(1, rs.findColumn("aLpHa"));
            assertThrows(SQLException.class, () -> rs.findColumn("beta"));
        }
    }

    @Test
    void queryTimeout() throws SQLException {
        try (Connection c = memory()) {
            bigTable(c);
            Statement s = c.createStatement();
            s.setQueryTimeout(1);
            long start = System.nanoTime();
            SQLTimeoutException e = assertThrows(SQLTimeoutException.class,
                    () -> s.executeQuery("SELECT count(*) FROM t a, t b, t c"));
            assertEquals(ResultCode.INTERRUPT.code(), e.getErrorCode());
            assertTrue(System.nanoTime() - start < 20_000_000_000L);
            ResultSet rs = s.executeQuery("SELECT count(*) FROM t");
            assertTrue(rs.next());
            assertEquals(1000, rs.getInt(1));
        }
    }

    private static void bigTable(Connection c) throws SQLException {
        c.createStatement().executeUpdate("CREATE TABLE t(x)");
        c.setAutoCommit(false);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO t VALUES (?)")) {
            for (int i = 0; i < 1000; i++) {
                p.setInt(1, i);
                p.addBatch();
            }
            p.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
    }

    @Test
    void cancelFromAnotherThread() throws Exception {
        try (Connection c = memory()) {
            bigTable(c);
            Statement s = c.createStatement();
            Thread canceller = new Thread(() -> {
                try {
                    Thread.sleep(300);
                    s.cancel();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            canceller.start();
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("SELECT count(*) FROM t a, t b, t c"));
            canceller.join();
            assertFalse(e instanceof SQLTimeoutException);
            assertEquals(ResultCode.INTERRUPT.code(), e.getErrorCode());
            assertEquals("57014", e.getSQLState());
        }
    }

    @Test
    void oneThreadAtATime() throws Exception {
        try (Connection c = memory()) {
            bigTable(c);
            Statement s = c.createStatement();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread worker = new Thread(() -> {
                try {
                    s.executeQuery("SELECT count(*) FROM t a, t b, t c");
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            worker.start();
            Thread.sleep(200);
            SQLException refused = null;
            while (refused == null && worker.isAlive()) {
                try {
                    c.createStatement().executeQuery("SELECT 1").close();
                    Thread.sleep(5);
                } catch (SQLException e) {
                    refused = e;
                }
            }
            // an interrupt only reaches a statement that has started running, so it is repeated until it lands
            while (worker.isAlive()) {
                s.cancel();
                worker.join(100);
            }
            SQLException workerError = (SQLException) failure.get();
            if (refused == null) {
                // the worker arrived second and was the one refused
                refused = workerError;
            } else {
                assertEquals(ResultCode.INTERRUPT.code(), workerError.getErrorCode());
            }
            assertTrue(refused.getMessage().contains("one thread at a time"), refused.getMessage());
            assertEquals(ResultCode.MISUSE.code(), refused.getErrorCode());
            ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM t");
            assertTrue(rs.next());
            assertEquals(1000, rs.getInt(1));
        }
    }

    @Test
    void closingTheConnectionClosesEverything() throws SQLException {
        Connection c = memory();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT 1 UNION ALL SELECT 2");
        PreparedStatement p = c.prepareStatement("SELECT ?");
        c.close();
        assertTrue(c.isClosed());
        assertTrue(s.isClosed());
        assertTrue(rs.isClosed());
        assertTrue(p.isClosed());
        assertThrows(SQLException.class, c::createStatement);
        assertThrows(SQLException.class, rs::next);
        assertFalse(c.isValid(1));
    }

    @Test
    void transactionsAcrossConnections() throws SQLException {
        String url = "jdbc:turso:" + dir.resolve("tx.db");
        try (Connection a = DriverManager.getConnection(url); Connection b = DriverManager.getConnection(url)) {
            a.createStatement().executeUpdate("CREATE TABLE t(x)");
            a.setAutoCommit(false);
            a.createStatement().executeUpdate("INSERT INTO t VALUES (1)");
            ResultSet rs = b.createStatement().executeQuery("SELECT count(*) FROM t");
            rs.next();
            assertEquals(0, rs.getInt(1));
            rs.close();
            a.commit();
            rs = b.createStatement().executeQuery("SELECT count(*) FROM t");
            rs.next();
            assertEquals(1, rs.getInt(1));
            rs.close();
        }
    }

    @Test
    void savepoints() throws SQLException {
        try (Connection c = memory()) {
            c.createStatement().executeUpdate("CREATE TABLE t(x)");
            c.setAutoCommit(false);
            c.createStatement().executeUpdate("INSERT INTO t VALUES (1)");
            java.sql.Savepoint sp = c.setSavepoint();
            c.createStatement().executeUpdate("INSERT INTO t VALUES (2)");
            java.sql.Savepoint named = c.setSavepoint("second");
            c.createStatement().executeUpdate("INSERT INTO t VALUES (3)");
            c.rollback(named);
            c.rollback(sp);
            c.commit();
            ResultSet rs = c.createStatement().executeQuery("SELECT group_concat(x) FROM t");
            rs.next();
            assertEquals("1", rs.getString(1));
            assertEquals(1, sp.getSavepointId());
            assertEquals("second", named.getSavepointName());
        }
    }

    @Test
    void dataSources() throws SQLException {
        TursoDataSource ds = new TursoDataSource();
        ds.setUrl(dir.resolve("ds.db").toString());
        ds.setBusyTimeout(100);
        try (Connection c = ds.getConnection()) {
            c.createStatement().executeUpdate("CREATE TABLE t(x)");
        }
        TursoConnectionPoolDataSource pds = new TursoConnectionPoolDataSource("jdbc:turso:" + dir.resolve("ds.db"));
        PooledConnection pooled = pds.getPooledConnection();
        java.util.List<String> events = new java.util.ArrayList<>();
        pooled.addConnectionEventListener(new javax.sql.ConnectionEventListener() {
            @Override
            public void connectionClosed(javax.sql.ConnectionEvent event) {
                events.add("closed");
            }

            @Override
            public void connectionErrorOccurred(javax.sql.ConnectionEvent event) {
                events.add("error");
            }
        });
        Connection handle = pooled.getConnection();
        handle.setAutoCommit(false);
        handle.createStatement().executeUpdate("INSERT INTO t VALUES (1)");
        handle.close();
        assertTrue(handle.isClosed());
        assertThrows(SQLException.class, handle::createStatement);
        assertEquals(java.util.List.of("closed"), events);
        Connection again = pooled.getConnection();
        assertTrue(again.getAutoCommit());
        ResultSet rs = again.createStatement().executeQuery("SELECT count(*) FROM t");
        rs.next();
        assertEquals(0, rs.getInt(1), "the open transaction was rolled back when the handle was returned");
        again.close();
        pooled.close();
    }

    @Test
    void databaseMetaDataVersion() throws SQLException {
        try (Connection c = memory()) {
            java.sql.DatabaseMetaData md = c.getMetaData();
            assertEquals("SQLite", md.getDatabaseProductName());
            assertEquals(3, md.getDatabaseMajorVersion());
            assertTrue(md.getDatabaseMinorVersion() >= 40, md.getDatabaseProductVersion());
            assertEquals("jdbc:turso::memory:", md.getURL());
            assertSame(c, md.getConnection());
        }
    }
}
