package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import turso.api.Connection;
import turso.api.Database;

/**
 * auto_vacuum databases through SQL: PRAGMA auto_vacuum before the first
 * table, DROP TABLE moving the last root page into the dropped one (the
 * sqlite_schema rootpage values must be SQLite's), page and freelist counts
 * after deletes, commits and PRAGMA incremental_vacuum, the file's size;
 * each script runs here and on real SQLite (sqlite-jdbc, both on files)
 * with the same results, and SQLite's integrity check (which verifies the
 * pointer maps) passes on the file written here. Rows carry 3000-byte
 * blobs, one per leaf page, so that both engines' trees have the same
 * shape and page counts can be compared.
 */
class AutoVacuumDifferentialTest {

    private static final String SCRIPT = """
            PRAGMA page_size = 1024;
            PRAGMA auto_vacuum = MODE;
            PRAGMA auto_vacuum;
            CREATE TABLE a(x INTEGER PRIMARY KEY, y);
            CREATE TABLE b(x INTEGER PRIMARY KEY, y, z);
            CREATE INDEX bz ON b(z);
            CREATE TABLE c(x INTEGER PRIMARY KEY, y);
            SELECT name, rootpage FROM sqlite_schema ORDER BY name;
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 15) INSERT INTO a SELECT i, zeroblob(3000) FROM n;
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 12) INSERT INTO b SELECT i, randomblob(3000), i % 5 FROM n;
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10) INSERT INTO c SELECT i, zeroblob(2500 + i) FROM n;
            PRAGMA page_count;
            PRAGMA freelist_count;
            DELETE FROM a WHERE x % 2 = 0;
            PRAGMA page_count;
            PRAGMA freelist_count;
            PRAGMA incremental_vacuum(5);
            PRAGMA page_count;
            PRAGMA freelist_count;
            DROP TABLE a;
            SELECT name, rootpage FROM sqlite_schema ORDER BY name;
            PRAGMA page_count;
            PRAGMA freelist_count;
            CREATE TABLE d(x);
            SELECT name, rootpage FROM sqlite_schema ORDER BY name;
            INSERT INTO d SELECT y FROM c;
            BEGIN;
            DROP TABLE c;
            SELECT name, rootpage FROM sqlite_schema ORDER BY name;
            ROLLBACK;
            SELECT name, rootpage FROM sqlite_schema ORDER BY name;
            SELECT count(*), sum(length(y)) FROM c;
            DROP TABLE b;
            SELECT name, rootpage FROM sqlite_schema ORDER BY name;
            PRAGMA page_count;
            PRAGMA freelist_count;
            PRAGMA incremental_vacuum;
            PRAGMA page_count;
            PRAGMA freelist_count;
            SELECT count(*), sum(length(y)) FROM c;
            SELECT count(*), sum(length(x)) FROM d;
            PRAGMA auto_vacuum = OTHER;
            PRAGMA auto_vacuum;
            PRAGMA auto_vacuum = 0;
            PRAGMA auto_vacuum;
            DELETE FROM d;
            PRAGMA page_count;
            PRAGMA freelist_count
            """;

    private static final Pattern INCREMENTAL = Pattern.compile("PRAGMA incremental_vacuum(?:\\((\\d+)\\))?");

    @ParameterizedTest
    @ValueSource(strings = {"FULL", "INCREMENTAL"})
    void sameAsSqlite(String mode, @TempDir Path dir) throws SQLException, java.io.IOException {
        Path mine = dir.resolve("t.db");
        Path theirs = dir.resolve("s.db");
        String script = SCRIPT.replace("MODE", mode).replace("OTHER", mode.equals("FULL") ? "INCREMENTAL" : "FULL");
        try (Database db = Database.open(mine.toString()); Connection turso = db.connect();
             java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + theirs)) {
            for (String sql : script.split(";\n")) {
                Matcher m = INCREMENTAL.matcher(sql.strip());
                if (m.matches()) {
                    incrementalVacuum(sqlite, m.group(1) == null ? Integer.MAX_VALUE : Integer.parseInt(m.group(1)));
                    assertEquals(new Differential.Result(List.of(), null), Differential.turso(turso, sql), sql);
                    continue;
                }
                assertEquals(Differential.sqlite(sqlite, sql), Differential.turso(turso, sql), sql);
            }
        }
        assertEquals(Files.size(theirs), Files.size(mine));
        try (java.sql.Connection check = DriverManager.getConnection("jdbc:sqlite:" + mine);
             var st = check.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            assertTrue(rs.next());
            assertEquals("ok", rs.getString(1), "real SQLite's integrity check of the file written here");
        }
    }

    /**
     * PRAGMA incremental_vacuum(n) as the sqlite3 shell runs it: sqlite-jdbc
     * steps the statement once, which frees one page, so it runs once per page.
     */
    private static void incrementalVacuum(java.sql.Connection c, int pages) throws SQLException {
        try (var st = c.createStatement()) {
            for (int i = 0; i < pages; i++) {
                try (ResultSet rs = st.executeQuery("PRAGMA freelist_count")) {
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
                st.execute("PRAGMA incremental_vacuum(1)");
            }
        }
    }
}
