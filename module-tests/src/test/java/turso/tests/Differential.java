package turso.tests;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import turso.api.Connection;
import turso.api.Statement;
import turso.api.TursoException;

/** One statement run on real SQLite (sqlite-jdbc) or here, as rows comparable across the two, or the error message. */
final class Differential {
    private Differential() {
    }

    /** Rows as values comparable across engines (blobs as lists), or an error message. */
    record Result(List<List<Object>> rows, String error) {}

    static Result sqlite(java.sql.Connection c, String sql) {
        try (var st = c.createStatement()) {
            if (!st.execute(sql)) {
                return new Result(List.of(), null);
            }
            try (ResultSet rs = st.getResultSet()) {
                List<List<Object>> rows = new ArrayList<>();
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        row.add(comparable(rs.getObject(i)));
                    }
                    rows.add(row);
                }
                return new Result(rows, null);
            }
        } catch (SQLException e) {
            String message = e.getMessage();
            int open = message.indexOf('(');
            return new Result(List.of(), open < 0 ? message : message.substring(open + 1, message.length() - 1));
        }
    }

    static Result turso(Connection c, String sql) {
        try (Statement st = c.prepare(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            while (st.step()) {
                List<Object> row = new ArrayList<>();
                for (int i = 0; i < st.columnCount(); i++) {
                    row.add(comparable(switch (st.columnType(i)) {
                        case NULL -> null;
                        case INTEGER -> st.columnLong(i);
                        case REAL -> st.columnDouble(i);
                        case TEXT -> st.columnText(i);
                        case BLOB -> st.columnBlob(i);
                    }));
                }
                rows.add(row);
            }
            return new Result(rows, null);
        } catch (TursoException e) {
            return new Result(List.of(), e.getMessage());
        }
    }

    private static Object comparable(Object v) {
        return switch (v) {
            case null -> null;
            case Integer i -> (long) i;
            case byte[] b -> blob(b);
            case Double d -> Double.doubleToLongBits(d);
            default -> v;
        };
    }

    private static List<Byte> blob(byte[] b) {
        List<Byte> list = new ArrayList<>(b.length);
        for (byte x : b) {
            list.add(x);
        }
        return list;
    }
}
