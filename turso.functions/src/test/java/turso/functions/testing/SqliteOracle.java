/*
 * Shared test support: sqlite-jdbc (SQLite 3.54) as the oracle. Evaluates an
 * expression in the Outcome form; errors become SQLite's message without
 * the driver's decoration.
 */
package turso.functions.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

public final class SqliteOracle implements AutoCloseable {

    /** The query the CLI fixtures were made with, so both oracles print alike. */
    public static String query(String expression) {
        return "select typeof(e) || ':' || case typeof(e) when 'real' then printf('%!.17g', e)"
                + " when 'integer' then e when 'null' then '' else hex(e) end from (select " + expression + " as e)";
    }

    private final Connection connection;

    public SqliteOracle() throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlite::memory:");
    }

    public Connection connection() {
        return connection;
    }

    public Outcome outcome(String expression) {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(query(expression))) {
            rs.next();
            return Outcome.parse(rs.getString(1));
        } catch (SQLException e) {
            return Outcome.error(message(e));
        }
    }

    public static String message(SQLException e) {
        String m = e.getMessage();
        String marker = "(";
        int open = m.indexOf(marker);
        if (m.startsWith("[SQLITE_") && open >= 0 && m.endsWith(")")) {
            return m.substring(open + 1, m.length() - 1);
        }
        return m;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
