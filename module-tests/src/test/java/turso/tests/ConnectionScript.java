package turso.tests;

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
 * Runs a script of statements, each on connection A or B (two connections
 * to one database file), through this engine and through real SQLite
 * (sqlite-jdbc), and records what a user sees: each statement's rows or
 * error message, then changes() and total_changes() on that connection. The
 * tests compare the two transcripts line by line. A line "B: sql" runs on
 * B; any other line runs on A.
 */
final class ConnectionScript {

    private ConnectionScript() {
    }

    static List<String> steps(String script) {
        List<String> steps = new ArrayList<>();
        for (String line : script.split("\n")) {
            if (!line.isBlank()) {
                steps.add(line.strip());
            }
        }
        return steps;
    }

    /** The transcript of {@code script} through this engine, on a new file in {@code dir}. */
    static List<String> turso(Path dir, String script) {
        List<String> out = new ArrayList<>();
        String file = dir.resolve("turso.db").toString();
        try (Database db = Database.open(file); Connection a = db.connect(); Connection b = db.connect()) {
            for (String step : steps(script)) {
                Connection c = step.startsWith("B: ") ? b : a;
                String sql = step.startsWith("B: ") ? step.substring(3) : step;
                out.add(step + " -> " + runTurso(c, sql) + " | " + runTurso(c, "SELECT changes(), total_changes()"));
            }
        }
        return out;
    }

    private static String runTurso(Connection c, String sql) {
        StringBuilder rows = new StringBuilder();
        try (Statement st = c.prepare(sql)) {
            while (st.step()) {
                for (int i = 0; i < st.columnCount(); i++) {
                    rows.append(i == 0 ? "" : ",").append(st.columnText(i));
                }
                rows.append(';');
            }
        } catch (TursoException e) {
            return "error: " + e.getMessage();
        }
        return rows.toString();
    }

    /** The transcript of {@code script} through sqlite-jdbc, on a new file in {@code dir}. */
    static List<String> sqlite(Path dir, String script) throws SQLException {
        List<String> out = new ArrayList<>();
        String url = "jdbc:sqlite:" + dir.resolve("sqlite.db");
        java.util.Properties noWait = new java.util.Properties();
        noWait.setProperty("busy_timeout", "0");
        try (java.sql.Connection a = DriverManager.getConnection(url, noWait);
                java.sql.Connection b = DriverManager.getConnection(url, noWait)) {
            for (String step : steps(script)) {
                java.sql.Connection c = step.startsWith("B: ") ? b : a;
                String sql = step.startsWith("B: ") ? step.substring(3) : step;
                out.add(step + " -> " + runSqlite(c, sql) + " | " + runSqlite(c, "SELECT changes(), total_changes()"));
            }
        }
        return out;
    }

    private static String runSqlite(java.sql.Connection c, String sql) {
        StringBuilder rows = new StringBuilder();
        try (java.sql.Statement st = c.createStatement()) {
            if (st.execute(sql)) {
                try (ResultSet rs = st.getResultSet()) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= n; i++) {
                            rows.append(i == 1 ? "" : ",").append(rs.getString(i));
                        }
                        rows.append(';');
                    }
                }
            }
        } catch (SQLException e) {
            String m = e.getMessage();
            int open = m.indexOf('(');
            return "error: " + (open < 0 ? m : m.substring(open + 1, m.length() - 1));
        }
        return rows.toString();
    }
}
