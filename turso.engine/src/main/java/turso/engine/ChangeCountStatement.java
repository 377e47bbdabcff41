/*
 * An INSERT, UPDATE or DELETE prepared under PRAGMA count_changes = ON
 * (deprecated): the first step runs the statement to its end, then gives
 * one row, "rows inserted" / "rows updated" / "rows deleted", holding the
 * rows it changed (triggers' not counted), as SQLite does. A statement
 * with RETURNING keeps its own rows and is not wrapped.
 */
package turso.engine;

import turso.api.DataType;
import turso.api.Statement;
import turso.api.TursoException;
import turso.api.ResultCode;
import turso.api.Value;

final class ChangeCountStatement implements Statement {
    private final Statement inner;
    private final EngineConnection connection;
    private final String column;
    /** The count once the statement has run; -1 before, and after the row was stepped past. */
    private long count = -1;
    private boolean ran;

    ChangeCountStatement(Statement inner, EngineConnection connection, String column) {
        this.inner = inner;
        this.connection = connection;
        this.column = column;
    }

    @Override
    public String sql() {
        return inner.sql();
    }

    @Override
    public String tail() {
        return inner.tail();
    }

    @Override
    public boolean isReadOnly() {
        return inner.isReadOnly();
    }

    @Override
    public int parameterCount() {
        return inner.parameterCount();
    }

    @Override
    public int parameterIndex(String name) {
        return inner.parameterIndex(name);
    }

    @Override
    public String parameterName(int index) {
        return inner.parameterName(index);
    }

    @Override
    public void bindNull(int index) {
        inner.bindNull(index);
    }

    @Override
    public void bindLong(int index, long value) {
        inner.bindLong(index, value);
    }

    @Override
    public void bindDouble(int index, double value) {
        inner.bindDouble(index, value);
    }

    @Override
    public void bindText(int index, String value) {
        inner.bindText(index, value);
    }

    @Override
    public void bindBlob(int index, byte[] value) {
        inner.bindBlob(index, value);
    }

    @Override
    public void bindValue(int index, Value value) {
        inner.bindValue(index, value);
    }

    @Override
    public void clearBindings() {
        inner.clearBindings();
    }

    @Override
    public boolean step() {
        if (ran) {
            count = -1;
            return false;
        }
        while (inner.step()) {
            // the statement has no result columns of its own
        }
        ran = true;
        count = connection.changes();
        return true;
    }

    @Override
    public void reset() {
        inner.reset();
        ran = false;
        count = -1;
    }

    @Override
    public int columnCount() {
        return 1;
    }

    @Override
    public String columnName(int column) {
        check(column);
        return this.column;
    }

    @Override
    public String columnDeclType(int column) {
        check(column);
        return null;
    }

    @Override
    public DataType columnType(int column) {
        check(column);
        return count < 0 ? DataType.NULL : DataType.INTEGER;
    }

    @Override
    public long columnLong(int column) {
        check(column);
        return Math.max(count, 0);
    }

    @Override
    public double columnDouble(int column) {
        return columnLong(column);
    }

    @Override
    public String columnText(int column) {
        check(column);
        return count < 0 ? null : Long.toString(count);
    }

    @Override
    public byte[] columnBlob(int column) {
        String text = columnText(column);
        return text == null ? null : text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public Value columnValue(int column) {
        check(column);
        return count < 0 ? Value.NULL : Value.of(count);
    }

    @Override
    public void close() {
        inner.close();
    }

    private static void check(int column) {
        if (column != 0) {
            throw new TursoException(ResultCode.RANGE, "column index out of range");
        }
    }
}
