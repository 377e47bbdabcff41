/*
 * The java.sql.Driver for jdbc:turso: URLs (see ConnectionConfig for their
 * form). Each connection opens its own Database, as each sqlite-jdbc
 * connection opens its own sqlite3 handle; connections to one file see each
 * other through the VFS's locks. Named shared in-memory databases
 * (file:name?mode=memory&cache=shared) are shared through SharedMemory.
 */
package turso.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import turso.api.Database;
import turso.api.TursoException;

public final class TursoDriver implements Driver {

    static final int MAJOR_VERSION = 0;
    static final int MINOR_VERSION = 1;
    static final String NAME = "Turso JDBC";
    static final String VERSION = "0.1.0";

    static {
        try {
            DriverManager.registerDriver(new TursoDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        return open(ConnectionConfig.parse(url, info));
    }

    static TursoConnection open(ConnectionConfig config) throws SQLException {
        SharedMemory.Lease lease = null;
        Database database = null;
        try {
            if (config.sharedMemoryName() != null) {
                lease = SharedMemory.acquire(config.sharedMemoryName(), config.options());
                database = lease.database();
            } else {
                database = Database.open(config.path(), config.options());
            }
            turso.api.Connection connection = database.connect();
            connection.busyTimeout(config.busyTimeout());
            return new TursoConnection(config, database, connection, lease);
        } catch (TursoException e) {
            if (lease != null) {
                lease.release();
            } else if (database != null) {
                database.close();
            }
            throw SqlErrors.of(e, false);
        }
    }

    @Override
    public boolean acceptsURL(String url) {
        return ConnectionConfig.accepts(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        DriverPropertyInfo busy = new DriverPropertyInfo("busy_timeout", "3000");
        busy.description = "milliseconds to retry a locked database before SQLITE_BUSY";
        DriverPropertyInfo readOnly = new DriverPropertyInfo("read_only", "false");
        readOnly.description = "open the database read-only";
        readOnly.choices = new String[] {"true", "false"};
        DriverPropertyInfo vfs = new DriverPropertyInfo("vfs", null);
        vfs.description = "the VFS by name (nio, io_uring, ...); the first available if unset";
        DriverPropertyInfo mode = new DriverPropertyInfo("transaction_mode", "DEFERRED");
        mode.description = "how setAutoCommit(false) begins transactions";
        mode.choices = new String[] {"DEFERRED", "IMMEDIATE", "EXCLUSIVE"};
        DriverPropertyInfo journal = new DriverPropertyInfo("journal_mode", null);
        journal.description = "PRAGMA journal_mode at connect; any other name is run as a PRAGMA too";
        DriverPropertyInfo fk = new DriverPropertyInfo("foreign_keys", null);
        fk.description = "PRAGMA foreign_keys at connect";
        return new DriverPropertyInfo[] {busy, readOnly, vfs, mode, journal, fk};
    }

    @Override
    public int getMajorVersion() {
        return MAJOR_VERSION;
    }

    @Override
    public int getMinorVersion() {
        return MINOR_VERSION;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("java.util.logging is not used by this driver");
    }
}
