/*
 * Real SQLite as the test oracle: sqlite-jdbc (SQLite 3.54) in process, and
 * the sqlite3 command-line shell (3.40, the version whose behaviour we match)
 * for the few places where 3.54 behaves differently. Results come back as
 * registers so that tests compare storage class and exact value.
 */
package turso.vm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import turso.api.DataType;

public final class Oracle implements AutoCloseable {
    private final Connection connection;

    public Oracle() {
        try {
            connection = DriverManager.getConnection("jdbc:sqlite::memory:");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Connection connection() {
        return connection;
    }

    public void execute(String sql) {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The value of {@code SELECT expr}, or an error message prefixed "error: " as a TEXT register. */
    public Register eval(String expr) {
        return query("SELECT typeof(v), v FROM (SELECT " + expr + " AS v)");
    }

    /** The error message of evaluating {@code expr}, or null if it evaluates. */
    public String error(String expr) {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + expr)) {
            rs.next();
            rs.getObject(1);
            return null;
        } catch (SQLException e) {
            return message(e);
        }
    }

    /** SQLite's own message from an SQLException of sqlite-jdbc ("[SQLITE_ERROR] ... (msg)"). */
    static String message(SQLException e) {
        String m = e.getMessage();
        int open = m.indexOf('(');
        if (m.startsWith("[") && open >= 0 && m.endsWith(")")) {
            return m.substring(open + 1, m.length() - 1);
        }
        return m;
    }

    /** One row of two columns: typeof and value. */
    public Register query(String sql) {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException("no row: " + sql);
            }
            return read(rs, 1, 2);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Every row of a (typeof, value) pair query. */
    public List<Register> queryAll(String sql) {
        List<Register> rows = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(read(rs, 1, 2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
        return rows;
    }

    static Register read(ResultSet rs, int typeColumn, int valueColumn) throws SQLException {
        Register r = new Register();
        switch (rs.getString(typeColumn)) {
            case "null" -> r.setNull();
            case "integer" -> r.setLong(rs.getLong(valueColumn));
            case "real" -> r.setDouble(rs.getDouble(valueColumn));
            case "text" -> {
                byte[] b = rs.getBytes(valueColumn);
                r.setText(b == null ? new byte[0] : b);
            }
            case "blob" -> {
                byte[] b = rs.getBytes(valueColumn);
                r.setBlob(b == null ? new byte[0] : b);
            }
            default -> throw new IllegalStateException();
        }
        return r;
    }

    /** Whether two registers hold the same storage class and exactly the same value. */
    public static boolean same(Register a, Register b) {
        if (a.type() != b.type()) {
            return false;
        }
        return switch (a.type()) {
            case NULL -> true;
            case INTEGER -> a.longValue() == b.longValue();
            case REAL -> Double.doubleToLongBits(a.doubleValue()) == Double.doubleToLongBits(b.doubleValue());
            case TEXT, BLOB -> Arrays.equals(a.bytes(), a.offset(), a.offset() + a.length(),
                    b.bytes(), b.offset(), b.offset() + b.length());
        };
    }

    public static String describe(Register r) {
        return r.type() + " " + (r.type() == DataType.TEXT
                ? "'" + r.toText() + "' x'" + HexFormat.of().formatHex(r.bytes(), r.offset(), r.offset() + r.length()) + "'"
                : r.type() == DataType.REAL ? r.doubleValue() + " (" + Long.toHexString(Double.doubleToLongBits(r.doubleValue())) + ")"
                : r.toString());
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the sqlite3 3.40 shell ----

    /** Whether the sqlite3 shell (3.40) is installed here. */
    public static boolean shellAvailable() {
        try {
            Process p = new ProcessBuilder("sqlite3", "-version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor() == 0 && out.startsWith("3.40.");
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /**
     * Evaluates each expression in the sqlite3 3.40 shell, in one process, and
     * returns for each its {@link #shellForm}: "type|value" with text and blobs
     * in hex, reals as their text form (the shell cannot show their bits).
     */
    public static List<String> shellEval(List<String> exprs) {
        StringBuilder sql = new StringBuilder();
        for (String e : exprs) {
            sql.append("SELECT typeof(v) || '|' || CASE typeof(v) WHEN 'text' THEN hex(v) WHEN 'blob' THEN hex(v)"
                    + " WHEN 'null' THEN '' ELSE CAST(v AS TEXT) END FROM (SELECT ").append(e).append(" AS v);\n");
        }
        try {
            Path db = Files.createTempFile("turso-vm-oracle", ".db");
            Files.delete(db);
            List<String> lines = shell(db, sql.toString());
            Files.deleteIfExists(db);
            if (lines.size() != exprs.size()) {
                throw new IllegalStateException("shell returned " + lines.size() + " lines for " + exprs.size() + " expressions");
            }
            return lines;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A register in the form {@link #shellEval} reports values. */
    public static String shellForm(Register r) {
        return r.type().typeofName() + "|" + switch (r.type()) {
            case NULL -> "";
            case TEXT, BLOB -> HexFormat.of().withUpperCase().formatHex(r.bytes(), r.offset(), r.offset() + r.length());
            default -> r.toText();
        };
    }

    /** Runs SQL in the sqlite3 3.40 shell on database {@code db} and returns its output lines. */
    public static List<String> shell(Path db, String sql) {
        try {
            Path script = Files.createTempFile("turso-vm-oracle", ".sql");
            Files.writeString(script, sql);
            Process p = new ProcessBuilder("sqlite3", "-batch", db.toString())
                    .redirectInput(script.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            Files.deleteIfExists(script);
            return out.isEmpty() ? List.of() : Arrays.asList(out.split("\n", -1)).subList(0, out.split("\n", -1).length - 1);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
