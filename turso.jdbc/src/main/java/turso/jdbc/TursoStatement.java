/*
 * A JDBC Statement: runs SQL text one statement at a time. execute() runs
 * statements until one gives a result (rows, or an update count), and
 * getMoreResults() runs the next, so "INSERT ...; SELECT ..." yields an
 * update count then a ResultSet. executeUpdate() runs them all and returns
 * the last count. Update counts follow SQLite's changes(): rows changed by an
 * INSERT, UPDATE or DELETE, 0 for anything else. getGeneratedKeys() answers
 * last_insert_rowid() after an INSERT, as sqlite-jdbc does.
 *
 * Also the base of TursoPreparedStatement, which runs its one compiled
 * statement through run().
 */
package turso.jdbc;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.Value;

public class TursoStatement implements java.sql.Statement {

    final TursoConnection connection;
    private TursoResultSet results;
    private long updateCount = -1;
    private String pending;
    private List<String> batch = new ArrayList<>();
    private Long generatedKey;
    private long maxRows;
    private int queryTimeout;
    private int fetchSize;
    private boolean closeOnCompletion;
    private boolean poolable;
    private boolean closed;
    private volatile boolean timedOut;
    private ScheduledFuture<?> timer;

    TursoStatement(TursoConnection connection) {
        this.connection = connection;
        connection.register(this);
    }

    void checkOpen() throws SQLException {
        if (closed) {
            throw SqlErrors.driver(ResultCode.MISUSE, "statement is closed");
        }
    }

    /** Before an execution: the previous results go, the counters are cleared. */
    void startExecution() throws SQLException {
        checkOpen();
        closeResults();
        pending = null;
        updateCount = -1;
        generatedKey = null;
    }

    /**
     * Runs one engine statement; true when it returns rows, which {@link #results}
     * then holds. {@code owned}: the statement is closed when done (else reset).
     */
    boolean run(turso.api.Statement statement, boolean owned) throws SQLException {
        try {
            connection.checkWritable(statement);
        } catch (SQLException e) {
            if (owned) {
                statement.close();
            }
            throw e;
        }
        turso.api.Connection engine = connection.engine();
        startTimer();
        try {
            if (statement.columnCount() > 0) {
                boolean row = firstStep(statement);
                results = new TursoResultSet(this, new StatementRows(statement, owned, row), maxRows);
                updateCount = -1;
                if (!row) {
                    stopTimer();
                }
                return true;
            }
            long before = engine.totalChanges();
            boolean row = firstStep(statement);
            while (row) {
                row = statement.step();
            }
            updateCount = engine.totalChanges() != before ? engine.changes() : 0;
            generatedKey = updateCount > 0 && SqlText.isInsert(statement.sql()) ? engine.lastInsertRowid() : null;
            finish(statement, owned);
            stopTimer();
            return false;
        } catch (TursoException e) {
            try {
                finish(statement, owned);
            } catch (TursoException ignored) {
                // the statement's own error is the one to report
            }
            stopTimer();
            throw SqlErrors.of(e, timedOut);
        }
    }

    /** The first step; the engine waits out a locked database itself, up to the connection's busy_timeout. */
    private boolean firstStep(turso.api.Statement statement) {
        return statement.step();
    }

    private static void finish(turso.api.Statement statement, boolean owned) {
        if (owned) {
            statement.close();
        } else {
            statement.reset();
        }
    }

    private void startTimer() {
        timedOut = false;
        if (queryTimeout > 0) {
            timer = QueryTimer.schedule(() -> {
                timedOut = true;
                connection.engine().interrupt();
            }, queryTimeout * 1000L);
        }
    }

    private void stopTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    /** The statement's result set ended or was closed. */
    void resultsFinished(TursoResultSet rs) throws SQLException {
        if (rs == results) {
            stopTimer();
        }
        if (closeOnCompletion && rs.isClosed() && !closed) {
            close();
        }
    }

    boolean timedOut() {
        return timedOut;
    }

    /** Closes the open result set, if any (at commit, rollback, re-execution, close). */
    void closeResults() throws SQLException {
        if (results != null) {
            TursoResultSet rs = results;
            results = null;
            rs.close();
        }
    }

    private boolean runPending() throws SQLException {
        while (!SqlText.isEmpty(pending)) {
            turso.api.Statement statement;
            try {
                statement = connection.engine().prepare(pending);
            } catch (TursoException e) {
                pending = null;
                throw SqlErrors.of(e, false);
            }
            pending = statement.tail();
            if (SqlText.isEmpty(statement.sql())) {
                statement.close();
                continue;
            }
            try {
                return run(statement, true);
            } catch (SQLException e) {
                pending = null;
                throw e;
            }
        }
        pending = null;
        updateCount = -1;
        return false;
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        try (TursoConnection.Use u = connection.use()) {
            startExecution();
            pending = sql;
            return runPending();
        }
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        try (TursoConnection.Use u = connection.use()) {
            startExecution();
            turso.api.Statement statement;
            try {
                statement = connection.engine().prepare(sql);
            } catch (TursoException e) {
                throw SqlErrors.of(e, false);
            }
            if (statement.columnCount() == 0) {
                statement.close();
                throw SqlErrors.driver(ResultCode.DONE, "query does not return ResultSet");
            }
            pending = statement.tail();
            run(statement, true);
            return results;
        }
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        return (int) executeLargeUpdate(sql);
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        try (TursoConnection.Use u = connection.use()) {
            boolean rows = execute(sql);
            long last = 0;
            while (true) {
                if (rows) {
                    closeResults();
                    last = 0;
                } else if (updateCount < 0) {
                    break;
                } else {
                    last = updateCount;
                }
                rows = getMoreResults();
            }
            updateCount = last;
            return last;
        }
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
        return execute(sql);
    }

    @Override
    public boolean execute(String sql, int[] columnIndexes) throws SQLException {
        return execute(sql);
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException {
        return execute(sql);
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        return executeUpdate(sql);
    }

    @Override
    public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
        return executeUpdate(sql);
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException {
        return executeUpdate(sql);
    }

    @Override
    public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        return executeLargeUpdate(sql);
    }

    @Override
    public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
        return executeLargeUpdate(sql);
    }

    @Override
    public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
        return executeLargeUpdate(sql);
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        checkOpen();
        return results;
    }

    @Override
    public int getUpdateCount() throws SQLException {
        return (int) getLargeUpdateCount();
    }

    @Override
    public long getLargeUpdateCount() throws SQLException {
        checkOpen();
        return results != null ? -1 : updateCount;
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        return getMoreResults(CLOSE_CURRENT_RESULT);
    }

    @Override
    public boolean getMoreResults(int current) throws SQLException {
        try (TursoConnection.Use u = connection.use()) {
            checkOpen();
            if (current != CLOSE_CURRENT_RESULT && results != null) {
                throw new java.sql.SQLFeatureNotSupportedException("only one open result set per statement");
            }
            closeResults();
            updateCount = -1;
            return runPending();
        }
    }

    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        checkOpen();
        List<Value[]> rows = generatedKey == null ? List.of() : List.<Value[]>of(new Value[] {Value.of(generatedKey)});
        return new TursoResultSet(null, new ListRows(List.of("last_insert_rowid()"), rows), 0);
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        checkOpen();
        batch.add(sql);
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batch.clear();
    }

    @Override
    public int[] executeBatch() throws SQLException {
        return toInts(executeLargeBatch());
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        try (TursoConnection.Use u = connection.use()) {
            checkOpen();
            List<String> entries = batch;
            batch = new ArrayList<>();
            long[] counts = new long[entries.size()];
            for (int i = 0; i < counts.length; i++) {
                try {
                    counts[i] = executeLargeUpdate(entries.get(i));
                } catch (SQLException e) {
                    throw batchFailure(e, i, counts);
                }
            }
            return counts;
        }
    }

    /** The exception for a batch that stopped at entry {@code i}: the counts of the entries before it. */
    static BatchUpdateException batchFailure(SQLException e, int i, long[] counts) {
        return new BatchUpdateException("batch entry " + i + ": " + e.getMessage(), e.getSQLState(),
                e.getErrorCode(), Arrays.copyOf(counts, i), e);
    }

    static int[] toInts(long[] counts) {
        int[] r = new int[counts.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = (int) Math.min(Integer.MAX_VALUE, counts[i]);
        }
        return r;
    }

    @Override
    public void cancel() throws SQLException {
        checkOpen();
        connection.engine().interrupt();
    }

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        try (TursoConnection.Use u = connection.use()) {
            try {
                closeResults();
            } finally {
                closed = true;
                stopTimer();
                connection.unregister(this);
            }
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public int getMaxFieldSize() throws SQLException {
        checkOpen();
        return 0;
    }

    @Override
    public void setMaxFieldSize(int max) throws SQLException {
        checkOpen();
        if (max < 0) {
            throw SqlErrors.driver(ResultCode.MISUSE, "max field size must not be negative");
        }
    }

    @Override
    public int getMaxRows() throws SQLException {
        return (int) getLargeMaxRows();
    }

    @Override
    public void setMaxRows(int max) throws SQLException {
        setLargeMaxRows(max);
    }

    @Override
    public long getLargeMaxRows() throws SQLException {
        checkOpen();
        return maxRows;
    }

    @Override
    public void setLargeMaxRows(long max) throws SQLException {
        checkOpen();
        if (max < 0) {
            throw SqlErrors.driver(ResultCode.MISUSE, "max rows must not be negative");
        }
        maxRows = max;
    }

    @Override
    public void setEscapeProcessing(boolean enable) throws SQLException {
        checkOpen();
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        checkOpen();
        return queryTimeout;
    }

    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        checkOpen();
        if (seconds < 0) {
            throw SqlErrors.driver(ResultCode.MISUSE, "query timeout must not be negative");
        }
        queryTimeout = seconds;
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
    public void setCursorName(String name) throws SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("named cursors are not supported");
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        if (direction != ResultSet.FETCH_FORWARD) {
            throw new java.sql.SQLFeatureNotSupportedException("only FETCH_FORWARD is supported");
        }
    }

    @Override
    public int getFetchDirection() throws SQLException {
        checkOpen();
        return ResultSet.FETCH_FORWARD;
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        if (rows < 0) {
            throw SqlErrors.driver(ResultCode.MISUSE, "fetch size must not be negative");
        }
        fetchSize = rows;
    }

    @Override
    public int getFetchSize() throws SQLException {
        checkOpen();
        return fetchSize;
    }

    @Override
    public int getResultSetConcurrency() throws SQLException {
        checkOpen();
        return ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public int getResultSetType() throws SQLException {
        checkOpen();
        return ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        checkOpen();
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public Connection getConnection() throws SQLException {
        checkOpen();
        return connection;
    }

    @Override
    public void setPoolable(boolean poolable) throws SQLException {
        checkOpen();
        this.poolable = poolable;
    }

    @Override
    public boolean isPoolable() throws SQLException {
        checkOpen();
        return poolable;
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        checkOpen();
        closeOnCompletion = true;
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        checkOpen();
        return closeOnCompletion;
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
