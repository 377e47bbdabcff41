/*
 * Real SQLite (sqlite-jdbc, an in-memory database in this JVM) evaluating an
 * SQL expression: the value comes back with the storage class typeof()
 * reports, so value and type can be compared with ours.
 */
package turso.functions.datetime;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import turso.api.Value;

final class SqliteOracle implements AutoCloseable {

    private final Connection connection;

    SqliteOracle() throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlite::memory:");
    }

    Value evaluate(String expression) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + expression + ", typeof(" + expression + ")")) {
            rs.next();
            return switch (rs.getString(2)) {
                case "integer" -> Value.of(rs.getLong(1));
                case "real" -> Value.of(rs.getDouble(1));
                case "text" -> Value.of(rs.getString(1));
                case "blob" -> Value.of(rs.getBytes(1));
                default -> Value.NULL;
            };
        }
    }

    /** SQLite's version, to say which oracle a failure came from. */
    String version() throws SQLException {
        return evaluate("sqlite_version()") instanceof Value.Text t ? t.value() : "?";
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
