/*
 * A prepared statement: its Program and the Vm running it, behind
 * turso.api.Statement. Column accessors convert as sqlite3_column_* do. A
 * statement whose text held no SQL (only comments or semicolons) runs and
 * returns nothing, as a NULL sqlite3_stmt would. After the last row, a
 * further step() starts the statement again, as sqlite3_step does.
 */
package turso.engine;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import turso.api.DataType;
import turso.api.ResultCode;
import turso.api.Statement;
import turso.api.TursoException;
import turso.api.Value;
import turso.vm.Program;
import turso.vm.Register;
import turso.vm.Vm;

final class EngineStatement implements Statement {
    private final EngineConnection connection;
    private final String sql;
    private final String tail;
    private final Vm vm;
    private boolean hasRow;
    private boolean done;
    private boolean closed;

    EngineStatement(EngineConnection connection, String sql, String tail, Program program) {
        this.connection = connection;
        this.sql = sql;
        this.tail = tail;
        this.vm = program == null ? null : new Vm(program, connection);
    }

    @Override
    public String sql() {
        return sql;
    }

    @Override
    public String tail() {
        return tail;
    }

    @Override
    public boolean isReadOnly() {
        return vm == null || vm.program().readOnly();
    }

    @Override
    public int parameterCount() {
        return vm == null ? 0 : vm.program().parameterNames().size();
    }

    @Override
    public int parameterIndex(String name) {
        if (vm != null) {
            int i = vm.program().parameterNames().indexOf(name);
            if (i >= 0) {
                return i + 1;
            }
        }
        return 0;
    }

    @Override
    public String parameterName(int index) {
        if (vm == null || index < 1 || index > parameterCount()) {
            return null;
        }
        return vm.program().parameterNames().get(index - 1);
    }

    private Register parameter(int index) {
        checkOpen();
        if (vm == null) {
            throw new TursoException(ResultCode.RANGE, "column index out of range");
        }
        if (hasRow || done) {
            throw new TursoException(ResultCode.MISUSE, "bad parameter or other API misuse");
        }
        return vm.parameter(index);
    }

    @Override
    public void bindNull(int index) {
        parameter(index).setNull();
    }

    @Override
    public void bindLong(int index, long value) {
        parameter(index).setLong(value);
    }

    @Override
    public void bindDouble(int index, double value) {
        Register p = parameter(index);
        if (Double.isNaN(value)) {
            p.setNull();
        } else {
            p.setDouble(value);
        }
    }

    @Override
    public void bindText(int index, String value) {
        Register p = parameter(index);
        if (value == null) {
            p.setNull();
        } else {
            p.setText(value);
        }
    }

    @Override
    public void bindBlob(int index, byte[] value) {
        Register p = parameter(index);
        if (value == null) {
            p.setNull();
        } else {
            p.setBlob(value.clone());
        }
    }

    @Override
    public void bindValue(int index, Value value) {
        switch (value) {
            case Value.Real r -> bindDouble(index, r.value());
            case Value.Blob bl -> bindBlob(index, bl.value());
            case null -> bindNull(index);
            default -> parameter(index).set(value);
        }
    }

    @Override
    public void clearBindings() {
        checkOpen();
        if (vm != null) {
            vm.clearBindings();
        }
    }

    @Override
    public boolean step() {
        checkOpen();
        if (vm == null) {
            return false;
        }
        if (done) {
            reset();
        }
        connection.statementStarted(this, vm.program().countsChanges());
        try {
            hasRow = vm.step();
        } catch (TursoException e) {
            hasRow = false;
            done = true;
            connection.statementFailed();
            connection.statementFinished(this);
            throw e;
        }
        if (!hasRow) {
            done = true;
            connection.statementFinished(this);
        }
        return hasRow;
    }

    @Override
    public void reset() {
        checkOpen();
        if (vm != null) {
            vm.reset();
        }
        hasRow = false;
        done = false;
        connection.statementFinished(this);
    }

    @Override
    public int columnCount() {
        return vm == null ? 0 : vm.program().columnNames().size();
    }

    @Override
    public String columnName(int column) {
        checkColumn(column);
        return vm.program().columnNames().get(column);
    }

    @Override
    public String columnDeclType(int column) {
        checkColumn(column);
        return null;
    }

    private Register value(int column) {
        checkColumn(column);
        if (!hasRow) {
            throw new TursoException(ResultCode.MISUSE, "no row available: step() has not returned true");
        }
        return vm.result(column);
    }

    @Override
    public DataType columnType(int column) {
        return value(column).type();
    }

    @Override
    public long columnLong(int column) {
        return value(column).toLong();
    }

    @Override
    public double columnDouble(int column) {
        return value(column).toDouble();
    }

    @Override
    public String columnText(int column) {
        Register r = value(column);
        return r.isNull() ? null : r.toText();
    }

    @Override
    public byte[] columnBlob(int column) {
        Register r = value(column);
        return switch (r.type()) {
            case NULL -> null;
            case BLOB, TEXT -> Arrays.copyOfRange(r.bytes(), r.offset(), r.offset() + r.length());
            case INTEGER, REAL -> r.toText().getBytes(StandardCharsets.UTF_8);
        };
    }

    @Override
    public Value columnValue(int column) {
        return value(column).toValue();
    }

    private void checkColumn(int column) {
        checkOpen();
        if (column < 0 || column >= columnCount()) {
            throw new TursoException(ResultCode.RANGE, "column index out of range");
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new TursoException(ResultCode.MISUSE, "statement is closed");
        }
    }

    @Override
    public void close() {
        if (!closed) {
            connection.statementFinished(this);
            closed = true;
        }
    }
}
