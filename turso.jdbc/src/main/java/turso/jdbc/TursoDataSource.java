/*
 * A DataSource for jdbc:turso: URLs, for pools (HikariCP's dataSourceClassName)
 * and containers: a URL plus properties, each getConnection() a new
 * connection opened as TursoDriver opens it. Setters for the common
 * properties; setProperty for any other (run as a PRAGMA at connect).
 */
package turso.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import turso.api.ResultCode;

public class TursoDataSource implements DataSource {

    private String url = ConnectionConfig.PREFIX;
    private final Properties properties = new Properties();
    private PrintWriter logWriter;
    private int loginTimeout;

    public TursoDataSource() {
    }

    public TursoDataSource(String url) {
        setUrl(url);
    }

    public String getUrl() {
        return url;
    }

    /** A jdbc:turso: URL; a bare path or :memory: is taken as one. */
    public void setUrl(String url) {
        this.url = ConnectionConfig.accepts(url) ? url : ConnectionConfig.PREFIX + (url == null ? "" : url);
    }

    public void setDatabaseName(String path) {
        setUrl(path);
    }

    public void setProperty(String name, String value) {
        if (value == null) {
            properties.remove(name);
        } else {
            properties.setProperty(name, value);
        }
    }

    public void setBusyTimeout(int milliseconds) {
        setProperty("busy_timeout", Integer.toString(milliseconds));
    }

    public void setJournalMode(String mode) {
        setProperty("journal_mode", mode);
    }

    public void setForeignKeys(boolean on) {
        setProperty("foreign_keys", Boolean.toString(on));
    }

    public void setReadOnly(boolean readOnly) {
        setProperty("read_only", Boolean.toString(readOnly));
    }

    public void setVfs(String vfs) {
        setProperty("vfs", vfs);
    }

    public void setTransactionMode(String mode) {
        setProperty("transaction_mode", mode);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return open();
    }

    /** SQLite has no users: the user and password are ignored. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return open();
    }

    TursoConnection open() throws SQLException {
        Properties copy = new Properties();
        copy.putAll(properties);
        return TursoDriver.open(ConnectionConfig.parse(url, copy));
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("java.util.logging is not used by this driver");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw SqlErrors.driver(ResultCode.MISUSE, "not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
