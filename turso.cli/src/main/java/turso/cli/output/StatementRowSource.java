/*
 * The shell's RowSource: a prepared turso.api.Statement, stepped here. Text
 * is read as bytes (columnBlob), so whatever bytes a TEXT value holds reach
 * the output unchanged, as in sqlite3.
 */
package turso.cli.output;

import java.nio.charset.StandardCharsets;
import turso.api.DataType;
import turso.api.Statement;

public final class StatementRowSource implements RowSource {

    private final Statement statement;

    public StatementRowSource(Statement statement) {
        this.statement = statement;
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
    public boolean next() {
        return statement.step();
    }

    @Override
    public DataType type(int column) {
        return statement.columnType(column);
    }

    @Override
    public byte[] bytes(int column) {
        return switch (statement.columnType(column)) {
            case NULL, REAL -> null;
            case TEXT, BLOB -> statement.columnBlob(column);
            case INTEGER -> Long.toString(statement.columnLong(column)).getBytes(StandardCharsets.US_ASCII);
        };
    }

    @Override
    public double real(int column) {
        return statement.columnDouble(column);
    }
}
