package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import turso.api.Connection;
import turso.api.Database;

/**
 * Journal file details compared with real SQLite (sqlite-jdbc) running the
 * same statements on its own file: the -wal file's size after every
 * statement (a commit that leaves page 1 alone adds no frame for it), a
 * 0-byte -wal after a TRUNCATE checkpoint, PRAGMA journal_size_limit's
 * values and its effect on a WAL that starts over and on a PERSIST journal.
 */
class JournalDetailsDifferentialTest {

    @Test
    void walSizesAfterEachStatement(@TempDir Path dir) throws SQLException, IOException {
        String script = """
                PRAGMA journal_mode = wal;
                PRAGMA wal_autocheckpoint = 0;
                CREATE TABLE t(a INTEGER PRIMARY KEY, b);
                INSERT INTO t VALUES (1, 'one');
                UPDATE t SET b = 'uno' WHERE a = 1;
                INSERT INTO t VALUES (2, 'two');
                DELETE FROM t WHERE a = 2;
                INSERT INTO t SELECT a + 10, b FROM t;
                PRAGMA wal_checkpoint(TRUNCATE);
                UPDATE t SET b = 'eins' WHERE a = 1;
                PRAGMA wal_checkpoint(TRUNCATE);
                PRAGMA journal_size_limit;
                PRAGMA journal_size_limit = -5;
                PRAGMA journal_size_limit = ' 12x';
                PRAGMA journal_size_limit = 0x10;
                PRAGMA journal_size_limit = 20000;
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30) INSERT INTO t SELECT 100 + i, zeroblob(3000) FROM n;
                PRAGMA wal_checkpoint(PASSIVE);
                UPDATE t SET b = 'one' WHERE a = 1;
                UPDATE t SET b = 'ein' WHERE a = 1;
                PRAGMA journal_size_limit = 0;
                PRAGMA wal_checkpoint(PASSIVE);
                UPDATE t SET b = 'un' WHERE a = 1""";
        compare(dir, script, "-wal");
    }

    @Test
    void persistJournalCutToLimit(@TempDir Path dir) throws SQLException, IOException {
        String script = """
                PRAGMA journal_mode = persist;
                CREATE TABLE t(a INTEGER PRIMARY KEY, b);
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30) INSERT INTO t SELECT i, zeroblob(3000) FROM n;
                PRAGMA journal_size_limit = 1000;
                UPDATE t SET b = zeroblob(10) WHERE a < 20;
                PRAGMA journal_size_limit = -1;
                UPDATE t SET b = zeroblob(20) WHERE a < 20;
                PRAGMA journal_mode = truncate;
                UPDATE t SET b = zeroblob(30) WHERE a < 20""";
        compare(dir, script, "-journal");
    }

    private static void compare(Path dir, String script, String suffix) throws SQLException, IOException {
        Path mine = dir.resolve("t.db");
        Path theirs = dir.resolve("s.db");
        List<String> expected = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        try (Database db = Database.open(mine.toString()); Connection turso = db.connect();
             java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + theirs)) {
            for (String sql : script.split(";\n")) {
                expected.add(sql + " -> " + Differential.sqlite(sqlite, sql) + " size " + size(theirs, suffix));
                seen.add(sql + " -> " + Differential.turso(turso, sql) + " size " + size(mine, suffix));
            }
        }
        assertEquals(String.join("\n", expected), String.join("\n", seen));
    }

    private static long size(Path db, String suffix) throws IOException {
        Path p = Path.of(db + suffix);
        return Files.exists(p) ? Files.size(p) : -1;
    }
}
