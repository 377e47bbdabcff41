/*
 * Rows read from an engine statement. The statement has already been stepped
 * once when these are made (execute must run it to know whether it fails),
 * so the first next() reports that step. When the rows end, or are closed,
 * the statement is reset (a PreparedStatement keeps it) or closed (a plain
 * Statement made it for one execution), which ends SQLite's implicit
 * transaction.
 */
package turso.jdbc;

import turso.api.DataType;
import turso.api.Statement;

final class StatementRows implements Rows {
    private final Statement statement;
    private final boolean owned;
    private boolean primed;
    private boolean firstRow;
    private boolean finished;

    StatementRows(Statement statement, boolean owned, boolean firstRow) {
        this.statement = statement;
        this.owned = owned;
        this.primed = true;
        this.firstRow = firstRow;
    }

    @Override
    public int columnCount() {
        return statement.columnCount();
    }

    @Override
    public String columnName(int column) {
        return statement.columnName(column);
    }

    @Override
    public String declType(int column) {
        return statement.columnDeclType(column);
    }

    @Override
    public boolean next() {
        if (finished) {
            return false;
        }
        boolean row;
        if (primed) {
            primed = false;
            row = firstRow;
        } else {
            try {
                row = statement.step();
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }
        if (!row) {
            close();
        }
        return row;
    }

    @Override
    public boolean firstRowPending() {
        return primed && firstRow && !finished;
    }

    @Override
    public DataType type(int column) {
        return statement.columnType(column);
    }

    @Override
    public long longValue(int column) {
        return statement.columnLong(column);
    }

    @Override
    public double doubleValue(int column) {
        return statement.columnDouble(column);
    }

    @Override
    public String text(int column) {
        return statement.columnText(column);
    }

    @Override
    public byte[] blob(int column) {
        return statement.columnBlob(column);
    }

    @Override
    public void close() {
        if (finished) {
            return;
        }
        finished = true;
        if (owned) {
            statement.close();
        } else {
            statement.reset();
        }
    }
}
