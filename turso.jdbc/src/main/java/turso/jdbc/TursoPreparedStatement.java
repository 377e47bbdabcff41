/*
 * A JDBC PreparedStatement: the first statement of its SQL, compiled once by
 * the engine, run again for each execution with the parameters bound then.
 * Parameters are kept as values (so a batch can hold several sets) and
 * converted as JavaValues describes; a parameter never set is NULL, as in
 * SQLite and sqlite-jdbc.
 */
package turso.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.Value;

public final class TursoPreparedStatement extends TursoStatement implements PreparedStatement {

    private final turso.api.Statement compiled;
    private final Value[] parameters;
    private final List<Value[]> batch = new ArrayList<>();

    TursoPreparedStatement(TursoConnection connection, turso.api.Statement compiled) {
        super(connection);
        this.compiled = compiled;
        this.parameters = new Value[compiled.parameterCount()];
    }

    private void bind(Value[] values) throws SQLException {
        try {
            compiled.clearBindings();
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null) {
                    compiled.bindValue(i + 1, values[i]);
                }
            }
        } catch (TursoException e) {
            throw SqlErrors.of(e, false);
        }
    }

    @Override
    public boolean execute() throws SQLException {
        try (TursoConnection.Use u = connection.use()) {
            startExecution();
            bind(parameters);
            return run(compiled, false);
        }
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        try (TursoConnection.Use u = connection.use()) {
            checkOpen();
            if (compiled.columnCount() == 0) {
                throw SqlErrors.driver(ResultCode.DONE, "query does not return ResultSet");
            }
            execute();
            return getResultSet();
        }
    }

    @Override
    public int executeUpdate() throws SQLException {
        return (int) executeLargeUpdate();
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        try (TursoConnection.Use u = connection.use()) {
            if (execute()) {
                closeResults();
                return 0;
            }
            return getLargeUpdateCount();
        }
    }

    @Override
    public void addBatch() throws SQLException {
        checkOpen();
        batch.add(parameters.clone());
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batch.clear();
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        try (TursoConnection.Use u = connection.use()) {
            checkOpen();
            List<Value[]> sets = List.copyOf(batch);
            batch.clear();
            long[] counts = new long[sets.size()];
            for (int i = 0; i < counts.length; i++) {
                try {
                    startExecution();
                    bind(sets.get(i));
                    if (run(compiled, false)) {
                        closeResults();
                        counts[i] = 0;
                    } else {
                        counts[i] = getLargeUpdateCount();
                    }
                } catch (SQLException e) {
                    throw batchFailure(e, i, counts);
                }
            }
            return counts;
        }
    }

    @Override
    public int[] executeBatch() throws SQLException {
        return toInts(executeLargeBatch());
    }

    @Override
    public void close() throws SQLException {
        if (isClosed()) {
            return;
        }
        try {
            super.close();
        } finally {
            compiled.close();
        }
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        if (compiled.columnCount() == 0) {
            return null;
        }
        return new TursoResultSetMetaData(new TursoResultSet(null, new StatementRows(compiled, false, false), 0));
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        checkOpen();
        return new TursoParameterMetaData(parameters.length);
    }

    @Override
    public void clearParameters() throws SQLException {
        checkOpen();
        java.util.Arrays.fill(parameters, null);
    }

    private void set(int index, Value value) throws SQLException {
        checkOpen();
        if (index < 1 || index > parameters.length) {
            throw SqlErrors.driver(ResultCode.RANGE, "column index out of range");
        }
        parameters[index - 1] = value;
    }

    @Override
    public void setNull(int parameterIndex, int sqlType) throws SQLException {
        set(parameterIndex, Value.NULL);
    }

    @Override
    public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
        set(parameterIndex, Value.NULL);
    }

    @Override
    public void setBoolean(int parameterIndex, boolean x) throws SQLException {
        set(parameterIndex, Value.of(x ? 1L : 0L));
    }

    @Override
    public void setByte(int parameterIndex, byte x) throws SQLException {
        set(parameterIndex, Value.of((long) x));
    }

    @Override
    public void setShort(int parameterIndex, short x) throws SQLException {
        set(parameterIndex, Value.of((long) x));
    }

    @Override
    public void setInt(int parameterIndex, int x) throws SQLException {
        set(parameterIndex, Value.of((long) x));
    }

    @Override
    public void setLong(int parameterIndex, long x) throws SQLException {
        set(parameterIndex, Value.of(x));
    }

    @Override
    public void setFloat(int parameterIndex, float x) throws SQLException {
        set(parameterIndex, Value.of((double) x));
    }

    @Override
    public void setDouble(int parameterIndex, double x) throws SQLException {
        set(parameterIndex, Value.of(x));
    }

    @Override
    public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
        set(parameterIndex, JavaValues.of(x));
    }

    @Override
    public void setString(int parameterIndex, String x) throws SQLException {
        set(parameterIndex, Value.of(x));
    }

    @Override
    public void setNString(int parameterIndex, String x) throws SQLException {
        setString(parameterIndex, x);
    }

    @Override
    public void setBytes(int parameterIndex, byte[] x) throws SQLException {
        set(parameterIndex, JavaValues.of(x));
    }

    @Override
    public void setDate(int parameterIndex, Date x) throws SQLException {
        set(parameterIndex, JavaValues.of(x));
    }

    @Override
    public void setDate(int parameterIndex, Date x, Calendar cal) throws SQLException {
        set(parameterIndex, JavaValues.of(x));
    }

    @Override
    public void setTime(int parameterIndex, Time x) throws SQLException {
        set(parameterIndex, JavaValues.of(x));
    }

    @Override
    public void setTime(int parameterIndex, Time x, Calendar cal) throws SQLException {
        set(parameterIndex, JavaValues.of(x));
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
        set(parameterIndex, JavaValues.of(x));
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x, Calendar cal) throws SQLException {
        set(parameterIndex, JavaValues.of(x));
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, int length) throws SQLException {
        setAsciiStream(parameterIndex, x, (long) length);
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
        byte[] b = JavaValues.readAll(x, length);
        set(parameterIndex, b == null ? Value.NULL : new Value.Text(new String(b, java.nio.charset.StandardCharsets.US_ASCII)));
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
        setAsciiStream(parameterIndex, x, -1L);
    }

    @Deprecated
    @Override
    public void setUnicodeStream(int parameterIndex, InputStream x, int length) throws SQLException {
        byte[] b = JavaValues.readAll(x, length);
        set(parameterIndex, b == null ? Value.NULL : new Value.Text(new String(b, java.nio.charset.StandardCharsets.UTF_16BE)));
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, int length) throws SQLException {
        setBinaryStream(parameterIndex, x, (long) length);
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
        set(parameterIndex, Value.of(JavaValues.readAll(x, length)));
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
        setBinaryStream(parameterIndex, x, -1L);
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader, int length) throws SQLException {
        setCharacterStream(parameterIndex, reader, (long) length);
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader, long length) throws SQLException {
        set(parameterIndex, Value.of(JavaValues.readAll(reader, length)));
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader) throws SQLException {
        setCharacterStream(parameterIndex, reader, -1L);
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value, long length) throws SQLException {
        setCharacterStream(parameterIndex, value, length);
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
        setCharacterStream(parameterIndex, value);
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
        set(parameterIndex, JavaValues.of(x));
    }

    @Override
    public void setObject(int parameterIndex, Object x) throws SQLException {
        set(parameterIndex, JavaValues.of(x));
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        set(parameterIndex, JavaValues.of(x));
    }

    @Override
    public void setBlob(int parameterIndex, Blob x) throws SQLException {
        set(parameterIndex, JavaValues.of(x));
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream, long length) throws SQLException {
        setBinaryStream(parameterIndex, inputStream, length);
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
        setBinaryStream(parameterIndex, inputStream);
    }

    @Override
    public void setClob(int parameterIndex, Clob x) throws SQLException {
        set(parameterIndex, JavaValues.of(x));
    }

    @Override
    public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
        setCharacterStream(parameterIndex, reader, length);
    }

    @Override
    public void setClob(int parameterIndex, Reader reader) throws SQLException {
        setCharacterStream(parameterIndex, reader);
    }

    @Override
    public void setNClob(int parameterIndex, NClob value) throws SQLException {
        setClob(parameterIndex, value);
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
        setCharacterStream(parameterIndex, reader, length);
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader) throws SQLException {
        setCharacterStream(parameterIndex, reader);
    }

    @Override
    public void setURL(int parameterIndex, URL x) throws SQLException {
        set(parameterIndex, Value.of(x == null ? null : x.toString()));
    }

    @Override
    public void setRef(int parameterIndex, Ref x) throws SQLException {
        throw new SQLFeatureNotSupportedException("Ref is not supported");
    }

    @Override
    public void setArray(int parameterIndex, Array x) throws SQLException {
        throw new SQLFeatureNotSupportedException("SQLite has no arrays");
    }

    @Override
    public void setRowId(int parameterIndex, RowId x) throws SQLException {
        throw new SQLFeatureNotSupportedException("RowId is not supported");
    }

    @Override
    public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
        throw new SQLFeatureNotSupportedException("SQLXML is not supported");
    }

    private static SQLException notForPrepared() {
        return SqlErrors.driver(ResultCode.MISUSE, "not supported by PreparedStatement");
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        throw notForPrepared();
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        throw notForPrepared();
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        throw notForPrepared();
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        throw notForPrepared();
    }
}
