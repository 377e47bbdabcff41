package turso.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import turso.api.Connection;
import turso.api.Statement;
import turso.api.TursoException;

/**
 * Whole query results from the sqlite3 CLI of the test machine (3.40.1),
 * for what sqlite-jdbc (3.54) answers differently or lacks: the CLI's
 * ".mode quote" text, and this engine's rows rendered the same way.
 */
final class Sqlite340Rows {
    private Sqlite340Rows() {
    }

    /** The CLI's output for {@code script}: stdout, then each error it reports ("... error near line N: message") as "Error: message". */
    static String cli(String script) {
        try {
            Process p = new ProcessBuilder("sqlite3", "-batch", ":memory:").start();
            p.getOutputStream().write((".mode quote\n" + script).getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            for (String line : err.strip().split("\n")) {
                if (!line.isBlank()) {
                    out += "Error: " + line.substring(line.indexOf(": ") + 2) + "\n";
                }
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("the sqlite3 CLI is needed by this test (apt-get install sqlite3)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A query's rows (or error) here, as the CLI prints them in .mode quote; REAL values are not compared. */
    static String quoted(Connection c, String sql) {
        StringBuilder out = new StringBuilder();
        try (Statement st = c.prepare(sql)) {
            while (st.step()) {
                for (int i = 0; i < st.columnCount(); i++) {
                    out.append(i == 0 ? "" : ",").append(switch (st.columnType(i)) {
                        case NULL -> "NULL";
                        case INTEGER -> Long.toString(st.columnLong(i));
                        case REAL -> throw new AssertionError("REAL values are not compared in .mode quote: " + sql);
                        case TEXT -> "'" + st.columnText(i).replace("'", "''") + "'";
                        case BLOB -> "X'" + HexFormat.of().formatHex(st.columnBlob(i)).toUpperCase() + "'";
                    });
                }
                out.append('\n');
            }
        } catch (TursoException e) {
            out.append("Error: ").append(e.getMessage()).append('\n');
        }
        return out.toString();
    }
}
