package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import turso.api.Connection;
import turso.api.Database;
import turso.api.Statement;
import turso.api.TursoException;

/**
 * The differential tests' shared helper: one statement run on real SQLite
 * (sqlite-jdbc) or here, as rows comparable across the two, or the error
 * message; both engines open side by side, running scripts and asserting the
 * same results; SQLite's integrity check of a file written here.
 */
final class Differential {
    private Differential() {
    }

    /** The query comparing what sqlite_schema holds. */
    static final String SCHEMA = "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name";

    /** This engine on a database file and real SQLite (in memory, or on a file of its own), open side by side. */
    record Engines(Database db, Connection turso, java.sql.Connection sqlite) implements AutoCloseable {

        /** This engine on {@code file}, SQLite in memory. */
        static Engines open(Path file) throws SQLException {
            return open(file, "jdbc:sqlite::memory:");
        }

        /** This engine on {@code file}, SQLite at JDBC URL {@code sqliteUrl}. */
        static Engines open(Path file, String sqliteUrl) throws SQLException {
            java.sql.Connection sqlite = DriverManager.getConnection(sqliteUrl);
            Database db = Database.open(file.toString());
            return new Engines(db, db.connect(), sqlite);
        }

        /** Runs {@code sql} on both and asserts the same rows or error. */
        void assertSame(String sql) {
            assertEquals(Differential.sqlite(sqlite, sql), Differential.turso(turso, sql), sql);
        }

        /** {@link #assertSame} for each statement of {@code script} (separated by ";" and a line end). */
        void assertSameScript(String script) {
            for (String sql : script.split(";\n")) {
                assertSame(sql);
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                sqlite.close();
            } finally {
                try {
                    turso.close();
                } finally {
                    db.close();
                }
            }
        }
    }

    /** Real SQLite's integrity check of {@code file}, written here, finds nothing wrong. */
    static void assertIntegrity(Path file) throws SQLException {
        try (java.sql.Connection check = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertEquals(List.of(List.of("ok")), sqlite(check, "PRAGMA integrity_check").rows(),
                    "real SQLite's integrity check of the file written here");
        }
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
