/*
 * A JDBC connection over one turso.api.Connection (and the Database it
 * belongs to, closed with it). Auto-commit is SQLite's own mode; with
 * setAutoCommit(false) the driver runs "BEGIN DEFERRED" (or the
 * transaction_mode given), and commit()/rollback() end the transaction and
 * begin the next, as sqlite-jdbc does. Result sets are closed at commit and
 * rollback (CLOSE_CURSORS_AT_COMMIT).
 *
 * A connection is used by one thread at a time: every call that reaches the
 * engine takes the connection for the calling thread for its duration, and a
 * second thread arriving meanwhile gets an SQLException instead of sharing
 * the engine's state. Statement.cancel() is the exception: it only
 * interrupts the engine, which is safe from any thread.
 */
package turso.jdbc;

import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import turso.api.Database;
import turso.api.ResultCode;
import turso.api.TursoException;

public final class TursoConnection implements java.sql.Connection {

    /** The hold a thread has on the connection for one call; closing it lets go. */
    interface Use extends AutoCloseable {
        @Override
        void close();
    }

    private final ConnectionConfig config;
    private final Database database;
    private final turso.api.Connection engine;
    private final SharedMemory.Lease lease;
    private final Set<TursoStatement> statements = Collections.newSetFromMap(new IdentityHashMap<>());
    private final AtomicReference<Thread> owner = new AtomicReference<>();
    private final Use release = this::leave;
    private final Properties clientInfo = new Properties();
    private int depth;
    private volatile boolean closed;
    private boolean autoCommit = true;
    private boolean readOnly;
    private int isolation = TRANSACTION_SERIALIZABLE;
    private int savepointCounter;

    TursoConnection(ConnectionConfig config, Database database, turso.api.Connection engine,
            SharedMemory.Lease lease) {
        this.config = config;
        this.database = database;
        this.engine = engine;
        this.lease = lease;
    }

    ConnectionConfig config() {
        return config;
    }

    turso.api.Connection engine() {
        return engine;
    }

    /** Takes the connection for the calling thread; fails if another thread holds it or it is closed. */
    Use use() throws SQLException {
        Thread me = Thread.currentThread();
        Thread holder = owner.get();
        if (holder != me && !owner.compareAndSet(null, me)) {
            Thread other = owner.get();
            throw SqlErrors.driver(ResultCode.MISUSE, "connection is in use by thread \""
                    + (other == null ? "?" : other.getName())
                    + "\": a connection must be used by one thread at a time");
        }
        depth++;
        if (closed) {
            leave();
            throw SqlErrors.driver(ResultCode.MISUSE, "connection closed");
        }
        return release;
    }

    private void leave() {
        if (--depth == 0) {
            owner.set(null);
        }
    }

    /** Runs SQL with no results (transaction control), mapping engine errors. */
    void exec(String sql) throws SQLException {
        try (Use u = use()) {
            engine.execute(sql);
        } catch (TursoException e) {
            throw SqlErrors.of(e, false);
        }
    }

    /** setReadOnly(true) refuses statements that would write, with SQLite's READONLY error. */
    void checkWritable(turso.api.Statement statement) throws SQLException {
        if (readOnly && !statement.isReadOnly()) {
            throw SqlErrors.driver(ResultCode.READONLY, ResultCode.READONLY.defaultMessage());
        }
    }

    void register(TursoStatement s) {
        statements.add(s);
    }

    void unregister(TursoStatement s) {
        statements.remove(s);
    }

    private void closeResultSets() throws SQLException {
        for (TursoStatement s : List.copyOf(statements)) {
            s.closeResults();
        }
    }

    @Override
    public Statement createStatement() throws SQLException {
        return createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
        return createStatement(resultSetType, resultSetConcurrency, ResultSet.CLOSE_CURSORS_AT_COMMIT);
    }

    @Override
    public Statement createStatement(int type, int concurrency, int holdability) throws SQLException {
        try (Use u = use()) {
            checkCursor(type, concurrency, holdability);
            return new TursoStatement(this);
        }
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        return prepare(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int type, int concurrency) throws SQLException {
        return prepareStatement(sql, type, concurrency, ResultSet.CLOSE_CURSORS_AT_COMMIT);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int type, int concurrency, int holdability)
            throws SQLException {
        checkCursor(type, concurrency, holdability);
        return prepare(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        return prepare(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        return prepare(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        return prepare(sql);
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        if (sql == null) {
            throw SqlErrors.driver(ResultCode.MISUSE, "SQL is null");
        }
        try (Use u = use()) {
            return new TursoPreparedStatement(this, engine.prepare(sql));
        } catch (TursoException e) {
            throw SqlErrors.of(e, false);
        }
    }

    private static void checkCursor(int type, int concurrency, int holdability) throws SQLException {
        if (type != ResultSet.TYPE_FORWARD_ONLY) {
            throw new SQLFeatureNotSupportedException("only TYPE_FORWARD_ONLY result sets are supported");
        }
        if (concurrency != ResultSet.CONCUR_READ_ONLY) {
            throw new SQLFeatureNotSupportedException("only CONCUR_READ_ONLY result sets are supported");
        }
        if (holdability != ResultSet.CLOSE_CURSORS_AT_COMMIT) {
            throw new SQLFeatureNotSupportedException("only CLOSE_CURSORS_AT_COMMIT is supported");
        }
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        throw new SQLFeatureNotSupportedException("SQLite has no stored procedures");
    }

    @Override
    public CallableStatement prepareCall(String sql, int type, int concurrency) throws SQLException {
        return prepareCall(sql);
    }

    @Override
    public CallableStatement prepareCall(String sql, int type, int concurrency, int holdability)
            throws SQLException {
        return prepareCall(sql);
    }

    @Override
    public String nativeSQL(String sql) {
        return sql;
    }

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        try (Use u = use()) {
            if (this.autoCommit == autoCommit) {
                return;
            }
            if (autoCommit) {
                closeResultSets();
                if (!engine.autoCommit()) {
                    exec("COMMIT");
                }
            } else {
                exec("BEGIN " + config.transactionMode());
            }
            this.autoCommit = autoCommit;
        }
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        checkOpen();
        return autoCommit;
    }

    @Override
    public void commit() throws SQLException {
        end("COMMIT");
    }

    @Override
    public void rollback() throws SQLException {
        end("ROLLBACK");
    }

    private void end(String sql) throws SQLException {
        try (Use u = use()) {
            if (autoCommit) {
                throw SqlErrors.driver(ResultCode.MISUSE, "database in auto-commit mode");
            }
            closeResultSets();
            if (!engine.autoCommit()) {
                exec(sql);
            }
            exec("BEGIN " + config.transactionMode());
        }
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        try (Use u = use()) {
            int id = ++savepointCounter;
            TursoSavepoint sp = new TursoSavepoint(id, null);
            exec("SAVEPOINT " + sp.sqlName());
            return sp;
        }
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        try (Use u = use()) {
            TursoSavepoint sp = new TursoSavepoint(0, name);
            exec("SAVEPOINT " + sp.sqlName());
            return sp;
        }
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        try (Use u = use()) {
            closeResultSets();
            exec("ROLLBACK TO SAVEPOINT " + TursoSavepoint.of(savepoint).sqlName());
        }
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        exec("RELEASE SAVEPOINT " + TursoSavepoint.of(savepoint).sqlName());
    }

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        try (Use u = use()) {
            for (TursoStatement s : List.copyOf(statements)) {
                s.close();
            }
            closed = true;
            try {
                if (!engine.autoCommit()) {
                    engine.execute("ROLLBACK");
                }
            } catch (TursoException e) {
                // the connection goes away either way; closing it ends the transaction too
            } finally {
                engine.close();
                if (lease != null) {
                    lease.release();
                } else {
                    database.close();
                }
            }
        }
    }

    /** Closes from whichever thread, for abort() and a pool's eviction. */
    @Override
    public void abort(Executor executor) throws SQLException {
        if (executor == null) {
            throw SqlErrors.driver(ResultCode.MISUSE, "executor is null");
        }
        if (closed) {
            return;
        }
        engine.interrupt();
        executor.execute(() -> {
            try {
                close();
            } catch (SQLException e) {
                // abort is best effort: the thread using the connection closes it when it returns
            }
        });
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw SqlErrors.driver(ResultCode.MISUSE, "connection closed");
        }
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        checkOpen();
        return new TursoDatabaseMetaData(this);
    }

    @Override
    public void setReadOnly(boolean readOnly) throws SQLException {
        checkOpen();
        this.readOnly = readOnly;
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        checkOpen();
        return readOnly || config.options().readOnly();
    }

    @Override
    public void setCatalog(String catalog) throws SQLException {
        checkOpen();
    }

    @Override
    public String getCatalog() throws SQLException {
        checkOpen();
        return null;
    }

    /**
     * SQLite transactions are serializable whatever the level; as sqlite-jdbc,
     * the four JDBC levels are accepted and reported back (READ_UNCOMMITTED
     * matters only to SQLite's shared-cache connections, which have no
     * equivalent here).
     */
    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        checkOpen();
        switch (level) {
            case TRANSACTION_READ_UNCOMMITTED, TRANSACTION_READ_COMMITTED, TRANSACTION_REPEATABLE_READ,
                    TRANSACTION_SERIALIZABLE -> isolation = level;
            default -> throw SqlErrors.driver(ResultCode.MISUSE, "Unsupported transaction isolation level: " + level
                    + ". Must be one of TRANSACTION_READ_UNCOMMITTED, TRANSACTION_READ_COMMITTED, "
                    + "TRANSACTION_REPEATABLE_READ, or TRANSACTION_SERIALIZABLE in java.sql.Connection");
        }
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        checkOpen();
        return isolation;
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        checkOpen();
        return Map.of();
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        throw new SQLFeatureNotSupportedException("SQLite has no user-defined types");
    }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        checkOpen();
        if (holdability != ResultSet.CLOSE_CURSORS_AT_COMMIT) {
            throw new SQLFeatureNotSupportedException("only CLOSE_CURSORS_AT_COMMIT is supported");
        }
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public Clob createClob() throws SQLException {
        checkOpen();
        return new TursoClob("");
    }

    @Override
    public Blob createBlob() throws SQLException {
        checkOpen();
        return new TursoBlob(new byte[0]);
    }

    @Override
    public NClob createNClob() throws SQLException {
        throw new SQLFeatureNotSupportedException("NClob is not supported");
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        throw new SQLFeatureNotSupportedException("SQLXML is not supported");
    }

    @Override
    public java.sql.Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        throw new SQLFeatureNotSupportedException("SQLite has no arrays");
    }

    @Override
    public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        throw new SQLFeatureNotSupportedException("SQLite has no structured types");
    }

    @Override
    public boolean isValid(int timeout) throws SQLException {
        if (timeout < 0) {
            throw SqlErrors.driver(ResultCode.MISUSE, "timeout must not be negative");
        }
        if (closed) {
            return false;
        }
        try (Use u = use(); turso.api.Statement s = engine.prepare("SELECT 1")) {
            return s.step();
        } catch (TursoException | SQLException e) {
            return false;
        }
    }

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        if (value == null) {
            clientInfo.remove(name);
        } else {
            clientInfo.setProperty(name, value);
        }
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        clientInfo.clear();
        if (properties != null) {
            clientInfo.putAll(properties);
        }
    }

    @Override
    public String getClientInfo(String name) throws SQLException {
        checkOpen();
        return clientInfo.getProperty(name);
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        checkOpen();
        Properties copy = new Properties();
        copy.putAll(clientInfo);
        return copy;
    }

    @Override
    public void setSchema(String schema) throws SQLException {
        checkOpen();
    }

    @Override
    public String getSchema() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        checkOpen();
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        checkOpen();
        return 0;
    }

    /** Also unwraps to the engine's turso.api.Connection. */
    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        if (iface.isInstance(engine)) {
            return iface.cast(engine);
        }
        throw SqlErrors.driver(ResultCode.MISUSE, "not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this) || iface.isInstance(engine);
    }
}
