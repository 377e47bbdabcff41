/*
 * Rows the driver built itself: generated keys, DatabaseMetaData answers.
 * Values convert between types as sqlite3_column_* would.
 */
package turso.jdbc;

import java.nio.charset.StandardCharsets;
import java.util.List;
import turso.api.DataType;
import turso.api.Value;

final class ListRows implements Rows {
    private final List<String> names;
    private final List<Value[]> rows;
    private int index = -1;

    ListRows(List<String> names, List<Value[]> rows) {
        this.names = names;
        this.rows = rows;
    }

    @Override
    public int columnCount() {
        return names.size();
    }

    @Override
    public String columnName(int column) {
        return names.get(column);
    }

    @Override
    public String declType(int column) {
        return null;
    }

    @Override
    public boolean next() {
        if (index < rows.size()) {
            index++;
        }
        return index < rows.size();
    }

    private Value value(int column) {
        return rows.get(index)[column];
    }

    @Override
    public boolean firstRowPending() {
        return false;
    }

    @Override
    public DataType type(int column) {
        return value(column).type();
    }

    @Override
    public long longValue(int column) {
        return switch (value(column)) {
            case Value.Int i -> i.value();
            case Value.Real r -> (long) r.value();
            case Value.Text t -> (long) parseNumber(t.value());
            default -> 0;
        };
    }

    @Override
    public double doubleValue(int column) {
        return switch (value(column)) {
            case Value.Int i -> i.value();
            case Value.Real r -> r.value();
            case Value.Text t -> parseNumber(t.value());
            default -> 0;
        };
    }

    private static double parseNumber(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public String text(int column) {
        return switch (value(column)) {
            case Value.Int i -> Long.toString(i.value());
            case Value.Real r -> Double.toString(r.value());
            case Value.Text t -> t.value();
            case Value.Blob b -> new String(b.value(), StandardCharsets.UTF_8);
            case Value.Null n -> null;
        };
    }

    @Override
    public byte[] blob(int column) {
        return switch (value(column)) {
            case Value.Blob b -> b.value();
            case Value.Null n -> null;
            default -> text(column).getBytes(StandardCharsets.UTF_8);
        };
    }

    @Override
    public void close() {
        index = rows.size();
    }
}
