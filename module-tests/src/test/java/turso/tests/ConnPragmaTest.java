package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import turso.api.Connection;
import turso.api.Database;
import turso.api.OpenOptions;
import turso.api.Statement;
import turso.api.TursoException;

/**
 * OpenOptions.pragmas(): each runs as "PRAGMA name = value" on every new
 * connection, through the ordinary prepare path; one the engine does not
 * support (yet) is skipped, as SQLite ignores a PRAGMA it does not know,
 * and SQL that does not parse fails the connect.
 */
class ConnPragmaTest {

    @Test
    void unknownPragmasAreIgnoredAsSqliteIgnoresThem(@TempDir Path dir) throws Exception {
        try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("s.db"));
                java.sql.Statement s = c.createStatement()) {
            assertTrue(!s.execute("PRAGMA no_such_pragma = 1"), "SQLite runs an unknown PRAGMA as a no-op");
        }
        OpenOptions options = OpenOptions.defaults().withPragma("no_such_pragma", "1");
        try (Database db = Database.open(dir.resolve("t.db").toString(), options); Connection c = db.connect()) {
            c.execute("CREATE TABLE t(x)");
        }
    }

    @Test
    void pragmaTextThatDoesNotParseFailsTheConnect(@TempDir Path dir) throws Exception {
        String expected;
        try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("s.db"));
                java.sql.Statement s = c.createStatement()) {
            java.sql.SQLException e = assertThrows(java.sql.SQLException.class, () -> s.execute("PRAGMA cache_size = 1 1"));
            expected = e.getMessage().substring(e.getMessage().indexOf('(') + 1, e.getMessage().length() - 1);
        }
        OpenOptions options = OpenOptions.defaults().withPragma("cache_size", "1 1");
        try (Database db = Database.open(dir.resolve("t.db").toString(), options)) {
            TursoException e = assertThrows(TursoException.class, db::connect);
            assertEquals(expected, e.getMessage());
            assertTrue(e.getMessage().contains("syntax error"), e.getMessage());
        }
    }

    /** Runs once PRAGMA user_version is supported by the planner: the value set at open reads back. */
    @Test
    void aPragmaSetAtOpenIsInEffect(@TempDir Path dir) throws Exception {
        long expected;
        try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("s.db"));
                java.sql.Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 7");
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                rs.next();
                expected = rs.getLong(1);
            }
        }
        OpenOptions options = OpenOptions.defaults().withPragma("user_version", "7");
        try (Database db = Database.open(dir.resolve("t.db").toString(), options); Connection c = db.connect()) {
            Statement st;
            try {
                st = c.prepare("PRAGMA user_version");
            } catch (TursoException e) {
                Assumptions.abort("PRAGMA user_version is not supported yet: " + e.getMessage());
                return;
            }
            try (st) {
                assertTrue(st.step());
                assertEquals(expected, st.columnLong(0));
            }
        }
    }
}
