/*
 * Dot commands whose output cannot be byte-identical to sqlite3's on this
 * machine, checked another way: ".help" is sqlite3's own text for the
 * commands we have (every line of ours appears in sqlite3's ".help -all", in
 * order); ".vfslist" names the VFS providers found through the SPI;
 * ".dbinfo" (sqlite3 3.40 here is built without sqlite_dbpage, which it
 * needs) shows the header fields SQLite itself reports through PRAGMAs.
 */
package turso.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import turso.api.spi.NamedServices;
import turso.api.spi.Vfs;

class CommandsTest {

    @TempDir
    Path temp;

    @Test
    void helpIsSqlite3sTextForOurCommands() throws IOException {
        assumeTrue(ScriptRun.sqlite3Available(), "the sqlite3 CLI is not installed");
        Path dir = ScriptRun.workDirectory(temp, "help");
        List<String> theirs = ScriptRun.sqlite3(".help -all\n", dir).stdout().lines().toList();
        List<String> ours = ScriptRun.turso(".help -all\n", dir).stdout().lines().toList();
        assertTrue(ours.size() > 80, "help has " + ours.size() + " lines");
        int at = 0;
        for (String line : ours) {
            while (at < theirs.size() && !theirs.get(at).equals(line)) {
                at++;
            }
            assertTrue(at < theirs.size(), "not in sqlite3's help, or out of order: " + line);
        }
        List<String> summaries = ScriptRun.turso(".help\n", dir).stdout().lines().toList();
        assertEquals(ours.stream().filter(l -> l.startsWith(".")).toList(), summaries);
        assertEquals(".bail on|off             Stop after hitting an error.  Default OFF\n",
                ScriptRun.turso(".help bail\n", dir).stdout());
        assertEquals("Nothing matches 'nosuch'\n", ScriptRun.turso(".help nosuch\n", dir).stdout());
    }

    @Test
    void vfslistNamesTheProviders() throws IOException {
        List<String> names = NamedServices.load(Vfs.class, "VFS").all().stream().map(Vfs::name).toList();
        assertTrue(names.contains("nio"), names.toString());
        String out = ScriptRun.turso(".vfslist\n", ScriptRun.workDirectory(temp, "vfs")).stdout();
        for (String name : names) {
            assertTrue(out.contains("vfs.zName      = \"" + name + "\"\n"), out);
        }
        assertEquals(names.size() - 1, out.split("-{35}\n", -1).length - 1, out);
        String onFile = ScriptRun.turso("-- db: v.db\n.vfslist\n", ScriptRun.workDirectory(temp, "vfs-file")).stdout();
        assertTrue(onFile.contains("vfs.zName      = \"nio\"\nvfs.active     = yes\n"), onFile);
        assertEquals(1, onFile.split("vfs.active", -1).length - 1, onFile);
    }

    @Test
    void dbinfoShowsWhatSqliteReads() throws IOException, SQLException {
        Path dir = ScriptRun.workDirectory(temp, "dbinfo");
        Path db = dir.resolve("info.db");
        ScriptRun.Output built = ScriptRun.turso("-- db: info.db\nCREATE TABLE t(a);\nCREATE TABLE u(b);\n"
                + "INSERT INTO t VALUES(1);\n", dir);
        assertEquals("", built.stderr());
        String info = ScriptRun.turso("-- db: info.db\n.dbinfo\n", dir).stdout();
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement statement = sqlite.createStatement()) {
            assertTrue(info.contains(field("database page size:", pragma(statement, "page_size"))), info);
            assertTrue(info.contains(field("database page count:", pragma(statement, "page_count"))), info);
            assertTrue(info.contains(field("freelist page count:", pragma(statement, "freelist_count"))), info);
            assertTrue(info.contains(field("schema cookie:", pragma(statement, "schema_version"))), info);
            assertTrue(info.contains(field("user version:", pragma(statement, "user_version"))), info);
            assertTrue(info.contains(field("application id:", pragma(statement, "application_id"))), info);
            assertTrue(info.contains(field("text encoding:", "1 (utf8)")), info);
            assertTrue(info.contains(field("number of tables:", "2")), info);
            assertTrue(info.contains(field("number of indexes:", "0")), info);
            assertTrue(info.contains(field("schema size:", "34")), info);
        }
        assertEquals(21, info.lines().count(), info);
    }

    private static String field(String label, String value) {
        return label + " ".repeat(20 - label.length()) + " " + value + "\n";
    }

    private static String pragma(Statement statement, String name) throws SQLException {
        try (ResultSet rows = statement.executeQuery("PRAGMA " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
