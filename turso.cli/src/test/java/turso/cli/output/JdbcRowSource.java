/*
 * A RowSource fed by real SQLite through sqlite-jdbc, giving each value as
 * sqlite3's C API gives it to its shell: the storage class from typeof(),
 * the text of a REAL from CAST(x AS TEXT) (the "%!.15g" text), a REAL's
 * double, text and blobs as their raw bytes. The query is wrapped in a CTE
 * that renames its columns, so any column names work. A runtime error is
 * thrown from next() at the row where SQLite raised it.
 */
package turso.cli.output;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import turso.api.DataType;

final class JdbcRowSource implements RowSource {

    private final List<String> names = new ArrayList<>();
    private final List<Object[]> rows = new ArrayList<>();
    private int position = -1;
    private RuntimeException failure;

    /** Runs {@code query} (a single SELECT or VALUES) on {@code connection} and keeps its rows. */
    JdbcRowSource(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet described = statement.executeQuery(query)) {
                for (int i = 1; i <= described.getMetaData().getColumnCount(); i++) {
                    names.add(described.getMetaData().getColumnName(i));
                }
            }
            StringBuilder columns = new StringBuilder();
            StringBuilder select = new StringBuilder();
            for (int i = 0; i < names.size(); i++) {
                String c = "c" + i;
                columns.append(i == 0 ? "" : ",").append(c);
                select.append(i == 0 ? "" : ",")
                        .append("typeof(").append(c).append("),CAST(").append(c).append(" AS TEXT),").append(c);
            }
            String wrapped = "WITH q(" + columns + ") AS (" + query + ") SELECT " + select + " FROM q";
            try (ResultSet rs = statement.executeQuery(wrapped)) {
                while (nextOrRemember(rs)) {
                    Object[] row = new Object[names.size() * 3];
                    for (int i = 0; i < names.size(); i++) {
                        DataType type = switch (rs.getString(3 * i + 1)) {
                            case "integer" -> DataType.INTEGER;
                            case "real" -> DataType.REAL;
                            case "text" -> DataType.TEXT;
                            case "blob" -> DataType.BLOB;
                            default -> DataType.NULL;
                        };
                        row[3 * i] = type;
                        row[3 * i + 1] = switch (type) {
                            case NULL -> null;
                            case INTEGER, REAL -> rs.getString(3 * i + 2).getBytes(StandardCharsets.UTF_8);
                            case TEXT, BLOB -> nonNull(rs.getBytes(3 * i + 3));
                        };
                        row[3 * i + 2] = type == DataType.REAL ? rs.getDouble(3 * i + 3) : 0.0;
                    }
                    rows.add(row);
                }
            }
        }
    }

    /** Steps the result; an error (SQLite's runtime errors) is kept and thrown when the reader gets there. */
    private boolean nextOrRemember(ResultSet rs) {
        try {
            return rs.next();
        } catch (SQLException e) {
            failure = new IllegalStateException(e.getMessage(), e);
            return false;
        }
    }

    private static byte[] nonNull(byte[] bytes) {
        return bytes == null ? new byte[0] : bytes;
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
    public boolean next() {
        position++;
        if (position == rows.size() && failure != null) {
            throw failure;
        }
        return position < rows.size();
    }

    @Override
    public DataType type(int column) {
        return (DataType) rows.get(position)[3 * column];
    }

    @Override
    public byte[] bytes(int column) {
        return (byte[]) rows.get(position)[3 * column + 1];
    }

    @Override
    public double real(int column) {
        return (double) rows.get(position)[3 * column + 2];
    }
}
