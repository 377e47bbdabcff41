/*
 * A prepared statement: its compiled program and the Vm running it, behind
 * turso.api.Statement. Column accessors convert as sqlite3_column_* do. A
 * statement whose text held no SQL (only comments or semicolons) runs and
 * returns nothing, as a NULL sqlite3_stmt would. After the last row, a
 * further step() starts the statement again, as sqlite3_step does. When
 * the schema changed since it was compiled (SchemaChanged at its start), it
 * is compiled again and run with the same bindings, as sqlite3_prepare_v2
 * statements are, up to MAX_SCHEMA_RETRIES times; so it is, before a run,
 * when a setting it was compiled under (PRAGMA foreign_keys,
 * case_sensitive_like...) changed since.
 */
package turso.engine;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import turso.api.DataType;
import turso.api.ResultCode;
import turso.api.Statement;
import turso.api.TursoException;
import turso.api.Value;
import turso.vm.Register;
import turso.vm.Vm;

final class EngineStatement implements Statement {

    /** SQLite's SQLITE_MAX_SCHEMA_RETRY. */
    static final int MAX_SCHEMA_RETRIES = 50;

    private final EngineConnection connection;
    private CompiledStatement compiled;
    private Vm vm;
    private boolean hasRow;
    private boolean done;
    private boolean closed;
    /** The schema cookie was checked in this run. */
    private boolean schemaChecked;
    /** Rows this run inserted, updated or deleted. */
    private long rowChanges;
    /** Rows its trigger programs changed: in total_changes(), not in changes(). */
    private long triggerChanges;
    /** The connection's settings generation the program was compiled under. */
    private int settingsGeneration;

    EngineStatement(EngineConnection connection, CompiledStatement compiled) {
        this.connection = connection;
        this.compiled = compiled;
        this.vm = compiled.program() == null ? null : new Vm(compiled.program(), connection);
        this.settingsGeneration = connection.settingsGeneration();
    }

    CompiledStatement compiled() {
        return compiled;
    }

    boolean schemaChecked() {
        return schemaChecked;
    }

    void setSchemaChecked() {
        schemaChecked = true;
    }

    /** Whether this run has given a row or changed one already (compiling it again and starting over would repeat that). */
    boolean underway() {
        return hasRow || rowChanges > 0;
    }

    boolean countsChanges() {
        return vm != null && vm.program().countsChanges();
    }

    /** Whether the program writes at most one row, every constraint checked before it writes. */
    boolean singleRowWrite() {
        return vm != null && vm.program().singleRowWrite();
    }

    void rowChanged() {
        rowChanges++;
    }

    void triggerRowChanged() {
        triggerChanges++;
    }

    @Override
    public String sql() {
        return compiled.text();
    }

    @Override
    public String tail() {
        return compiled.tail();
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
        connection.statementStarted(this);
        if (!hasRow && settingsGeneration != connection.settingsGeneration()) {
            recompile();
        }
        for (int retries = 0; ; retries++) {
            try {
                hasRow = connection.step(this, vm);
                break;
            } catch (SchemaChanged e) {
                if (retries >= MAX_SCHEMA_RETRIES) {
                    fail(e);
                }
                recompile();
            } catch (TursoException e) {
                fail(e);
            }
        }
        if (!hasRow) {
            done = true;
            finish(false);
        }
        return hasRow;
    }

    /** Compiles the statement again against the schema as it is now, keeping the bindings. */
    private void recompile() {
        CompiledStatement fresh;
        try {
            fresh = connection.recompile(compiled);
        } catch (TursoException e) {
            fail(e);
            return;
        }
        Vm next = new Vm(fresh.program(), connection);
        int n = Math.min(vm.program().parameterNames().size(), fresh.program().parameterNames().size());
        for (int i = 1; i <= n; i++) {
            next.parameter(i).set(vm.parameter(i).toValue());
        }
        compiled = fresh;
        vm = next;
        schemaChecked = false;
        settingsGeneration = connection.settingsGeneration();
    }

    /**
     * Ends the run with {@code e}: its changes are undone as SQLite undoes a
     * failed statement's; a full database (max_page_count reached) ends the
     * whole transaction, as SQLite's rollback on SQLITE_FULL does.
     */
    private void fail(TursoException e) {
        hasRow = false;
        done = true;
        int undo = e.primaryResultCode() == turso.api.ResultCode.FULL ? Vm.HALT_ROLLBACK : vm.failAction();
        connection.statementFailed(undo);
        try {
            finish(undo != Vm.HALT_FAIL);
        } catch (TursoException ignored) {
            // the statement's own error is the one to report
        }
        throw e;
    }

    private void finish(boolean failed) {
        long n = rowChanges;
        long byTriggers = triggerChanges;
        rowChanges = 0;
        triggerChanges = 0;
        schemaChecked = false;
        connection.statementFinished(this, failed, n, byTriggers);
    }

    @Override
    public void reset() {
        checkOpen();
        if (vm != null) {
            vm.reset();
        }
        hasRow = false;
        done = false;
        finish(false);
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
        return vm.program().columnDeclTypes().get(column);
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
            closed = true;
            finish(false);
        }
    }
}
