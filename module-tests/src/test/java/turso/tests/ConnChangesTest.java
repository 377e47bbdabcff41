package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import turso.api.Connection;
import turso.api.Database;
import turso.api.Statement;
import turso.api.TursoException;

/**
 * changes() and total_changes(): set by each INSERT, UPDATE or DELETE when
 * it ends (even while another statement is still open), zero after a
 * statement that failed, and left alone by other statements: the same as
 * real SQLite (sqlite-jdbc).
 */
class ConnChangesTest {

    static Stream<String> scripts() {
        return Stream.of(
                """
                CREATE TABLE t(x NOT NULL)
                INSERT INTO t VALUES (1), (2), (3)
                SELECT * FROM t
                UPDATE t SET x = x + 1
                INSERT INTO t VALUES (4), (NULL)
                DELETE FROM t WHERE x > 2
                CREATE TABLE u(y)
                BEGIN
                INSERT INTO t VALUES (7)
                INSERT INTO t VALUES (NULL)
                COMMIT
                B: SELECT * FROM t
                DELETE FROM t WHERE x = 99
                INSERT OR IGNORE INTO t VALUES (NULL)
                UPDATE OR IGNORE t SET x = NULL
                DROP TABLE u
                """);
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void sameTranscriptAsSqlite(String script, @TempDir Path dir) throws Exception {
        Path ours = Files.createDirectories(dir.resolve("turso"));
        Path theirs = Files.createDirectories(dir.resolve("sqlite"));
        assertEquals(String.join("\n", ConnectionScript.sqlite(theirs, script)),
                String.join("\n", ConnectionScript.turso(ours, script)));
    }

    /** An UPDATE run while a SELECT of the same connection is half-way sets changes() when it ends. */
    @Test
    void setWhenTheStatementEndsWhileAnotherIsOpen(@TempDir Path dir) throws Exception {
        List<Long> expected = new ArrayList<>();
        try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("s.db"));
                java.sql.Statement s = c.createStatement(); java.sql.Statement s2 = c.createStatement();
                java.sql.Statement s3 = c.createStatement()) {
            s.execute("CREATE TABLE t(x)");
            s.execute("INSERT INTO t VALUES (1), (2), (3)");
            s.execute("CREATE TABLE u(y)");
            try (ResultSet rs = s.executeQuery("SELECT x FROM t")) {
                assertTrue(rs.next());
                s2.executeUpdate("INSERT INTO u VALUES (1), (2)");
                try (ResultSet ch = s3.executeQuery("SELECT changes(), total_changes()")) {
                    ch.next();
                    expected.add(ch.getLong(1));
                    expected.add(ch.getLong(2));
                }
            }
        }
        List<Long> got = new ArrayList<>();
        try (Database db = Database.open(dir.resolve("t.db").toString()); Connection c = db.connect()) {
            c.execute("CREATE TABLE t(x)");
            c.execute("INSERT INTO t VALUES (1), (2), (3)");
            c.execute("CREATE TABLE u(y)");
            try (Statement select = c.prepare("SELECT x FROM t")) {
                assertTrue(select.step());
                c.execute("INSERT INTO u VALUES (1), (2)");
                got.add(c.changes());
                got.add(c.totalChanges());
            }
        }
        assertEquals(expected, got);
        assertEquals(List.of(2L, 5L), got);
    }

    /** A failed INSERT leaves changes() at 0 and does not count in total_changes(), as in SQLite. */
    @Test
    void afterAFailedStatement() throws Exception {
        long[] expected = new long[2];
        try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
                java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t(x NOT NULL)");
            s.execute("INSERT INTO t VALUES (1), (2)");
            assertThrows(java.sql.SQLException.class, () -> s.execute("INSERT INTO t VALUES (3), (NULL)"));
            try (ResultSet rs = s.executeQuery("SELECT changes(), total_changes()")) {
                rs.next();
                expected[0] = rs.getLong(1);
                expected[1] = rs.getLong(2);
            }
        }
        try (Database db = Database.open(Database.MEMORY); Connection c = db.connect()) {
            c.execute("CREATE TABLE t(x NOT NULL)");
            c.execute("INSERT INTO t VALUES (1), (2)");
            assertThrows(TursoException.class, () -> c.execute("INSERT INTO t VALUES (3), (NULL)"));
            assertEquals(expected[0], c.changes());
            assertEquals(expected[1], c.totalChanges());
        }
    }
}
