/*
 * The oracle for these tests: real SQLite through sqlite-jdbc. prepare()
 * returns null when SQLite accepts the statement, else SQLite's own message
 * without the driver's decoration.
 */
package turso.parser;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

final class Sqlite implements AutoCloseable {

    /** Objects the corpora refer to, so that SQLite prepares their statements for real. */
    static final String[] SCHEMA = {
        "CREATE TABLE t1(a INTEGER PRIMARY KEY, b TEXT, c REAL)",
        "CREATE TABLE t2(x, y, z)",
        "CREATE TABLE t3(id INTEGER PRIMARY KEY, name TEXT UNIQUE, parent INTEGER REFERENCES t3(id), data TEXT)",
        "CREATE INDEX t2x ON t2(x)",
        "CREATE VIEW v1 AS SELECT a, b FROM t1",
        "CREATE TRIGGER tr1 AFTER INSERT ON t1 BEGIN SELECT 1; END",
        "INSERT INTO t1 VALUES (1, 'one', 1.5), (2, 'two', 2.5), (3, NULL, -1), (4, 'four', NULL)",
        "INSERT INTO t2 VALUES (1, 2, 3), (2, 3, 4), (NULL, 'a', 'b'), (5, 5, 5)",
        "INSERT INTO t3 VALUES (1, 'root', NULL, '{\"k\":1,\"a\":[1,2]}'), (2, 'child', 1, '{\"k\":2}')",
    };

    private final Connection connection;

    Sqlite() throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlite::memory:");
        try (Statement s = connection.createStatement()) {
            for (String sql : SCHEMA) {
                s.execute(sql);
            }
        }
    }

    static String strip(String driverMessage) {
        int open = driverMessage.indexOf(" (");
        if (driverMessage.startsWith("[SQLITE_") && open >= 0 && driverMessage.endsWith(")")) {
            return driverMessage.substring(open + 2, driverMessage.length() - 1);
        }
        return driverMessage;
    }

    /** Null if SQLite prepares {@code sql}, else its error message. */
    String prepare(String sql) {
        try {
            connection.prepareStatement(sql).close();
            return null;
        } catch (SQLException e) {
            return strip(e.getMessage());
        }
    }

    /** The rows of a query as text, or null if SQLite fails to run it. */
    List<String> rows(String sql) {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    Object v = rs.getObject(i);
                    row.append(v instanceof byte[] b ? java.util.HexFormat.of().formatHex(b) : String.valueOf(v))
                            .append('|');
                }
                out.add(row.toString());
            }
            return out;
        } catch (SQLException e) {
            return null;
        }
    }

    static boolean isParseError(String message) {
        return message != null && (message.contains("syntax error") || message.startsWith("unrecognized token")
                || message.equals("incomplete input"));
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
