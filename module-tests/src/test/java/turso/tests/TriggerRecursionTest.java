package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import turso.api.Connection;
import turso.api.Database;
import turso.api.TursoException;

/**
 * Triggers that fire themselves without end (recursive_triggers on): the
 * statement fails with the error of SQLite 3.40 (the sqlite3 CLI; 3.54 words
 * it "triggers nested too deep") however deep this engine's stack lets it
 * go, not "out of memory", and its changes are undone, as in SQLite
 * (sqlite-jdbc).
 */
class TriggerRecursionTest {
    private static final List<List<String>> SCRIPTS = List.of(
            List.of("CREATE TABLE t(id INTEGER PRIMARY KEY, v)",
                    "CREATE TRIGGER forever AFTER INSERT ON t BEGIN INSERT INTO t(v) VALUES (NEW.v + 1); END",
                    "PRAGMA recursive_triggers = 1", "INSERT INTO t(v) VALUES (1)"),
            List.of("CREATE TABLE t(id INTEGER PRIMARY KEY, v)", "INSERT INTO t VALUES (1, 1)",
                    "CREATE TRIGGER again BEFORE DELETE ON t BEGIN DELETE FROM t WHERE id = OLD.id; END",
                    "PRAGMA recursive_triggers = 1", "DELETE FROM t"),
            List.of("CREATE TABLE t(id INTEGER PRIMARY KEY, v)", "INSERT INTO t VALUES (1, 1)",
                    "CREATE TRIGGER up AFTER UPDATE ON t BEGIN UPDATE t SET v = v + 1 WHERE id = NEW.id; END",
                    "PRAGMA recursive_triggers = 1", "UPDATE t SET v = 2"));

    @Test
    void endlessRecursionFailsAsSqlite340() throws IOException, InterruptedException, SQLException {
        for (List<String> script : SCRIPTS) {
            String last = script.getLast();
            String cli = cliError(script);
            String here;
            try (Database db = Database.open(":memory:"); Connection c = db.connect()) {
                for (String sql : script.subList(0, script.size() - 1)) {
                    c.execute(sql);
                }
                try {
                    c.execute(last);
                    here = null;
                } catch (TursoException e) {
                    here = e.getMessage();
                }
                assertEquals(cli, here, last);
                assertEquals(jdbcRows(script), Differential.turso(c, "SELECT * FROM t ORDER BY id"), last);
            }
        }
    }

    /** The error message the sqlite3 CLI (3.40) prints for the script's last statement. */
    private static String cliError(List<String> script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sqlite3", "-batch", ":memory:").redirectErrorStream(true).start();
        p.getOutputStream().write((String.join(";\n", script) + ";\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor();
        // "Runtime error near line N: <message> (1)" in 3.40's batch mode; "Error: ..." elsewhere
        String message = out.substring(out.indexOf(": ") + 2);
        return message.replaceFirst(" \\(\\d+\\)$", "");
    }

    /** The table after the script on sqlite-jdbc (its last statement failing there too). */
    private static Differential.Result jdbcRows(List<String> script) throws SQLException {
        try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            for (String sql : script) {
                Differential.sqlite(c, sql);
            }
            return Differential.sqlite(c, "SELECT * FROM t ORDER BY id");
        }
    }
}
