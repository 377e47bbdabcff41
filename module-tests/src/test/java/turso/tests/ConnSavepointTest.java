package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SAVEPOINT, RELEASE and ROLLBACK TO (lang_savepoint.html), alone and with
 * BEGIN/COMMIT/ROLLBACK, DDL and failing statements, with a second
 * connection looking on: the same transcript (rows, errors, changes()) as
 * real SQLite through sqlite-jdbc.
 */
class ConnSavepointTest {

    static Stream<String> scripts() {
        return Stream.of(
                """
                CREATE TABLE t(x)
                SAVEPOINT a
                INSERT INTO t VALUES (1)
                B: SELECT count(*) FROM t
                SAVEPOINT b
                INSERT INTO t VALUES (2)
                ROLLBACK TO b
                SELECT * FROM t
                INSERT INTO t VALUES (3)
                RELEASE b
                SELECT * FROM t
                ROLLBACK TO A
                SELECT * FROM t
                INSERT INTO t VALUES (4)
                RELEASE a
                SELECT * FROM t
                B: SELECT * FROM t
                COMMIT
                RELEASE a
                ROLLBACK TO x
                ROLLBACK TRANSACTION TO SAVEPOINT x
                """,
                """
                CREATE TABLE t(x)
                BEGIN
                SAVEPOINT s
                INSERT INTO t VALUES (1)
                SAVEPOINT S
                INSERT INTO t VALUES (2)
                RELEASE s
                SELECT * FROM t
                ROLLBACK TO s
                SELECT * FROM t
                RELEASE SAVEPOINT s
                RELEASE s
                INSERT INTO t VALUES (3)
                B: SELECT * FROM t
                COMMIT
                SELECT * FROM t
                B: SELECT * FROM t
                """,
                """
                CREATE TABLE t(x)
                SAVEPOINT x
                BEGIN
                INSERT INTO t VALUES (4)
                ROLLBACK
                SELECT * FROM t
                SAVEPOINT y
                INSERT INTO t VALUES (5)
                SAVEPOINT z
                INSERT INTO t VALUES (6)
                COMMIT
                SELECT * FROM t
                RELEASE y
                B: SELECT * FROM t
                SAVEPOINT one
                SAVEPOINT two
                RELEASE one
                COMMIT
                """,
                """
                CREATE TABLE t(x)
                SAVEPOINT a
                CREATE TABLE u(y)
                INSERT INTO u VALUES (1)
                SELECT * FROM u
                ROLLBACK TO a
                SELECT * FROM u
                SELECT name FROM sqlite_master
                CREATE TABLE v(z)
                RELEASE a
                SELECT name FROM sqlite_master
                B: SELECT name FROM sqlite_master
                """,
                """
                CREATE TABLE t(x NOT NULL)
                SAVEPOINT a
                INSERT INTO t VALUES (1)
                INSERT INTO t VALUES (2), (NULL)
                SELECT * FROM t
                SAVEPOINT b
                UPDATE t SET x = 10
                UPDATE t SET x = NULL
                SELECT * FROM t
                ROLLBACK TO b
                SELECT * FROM t
                ROLLBACK TO a
                SELECT * FROM t
                ROLLBACK
                ROLLBACK
                SELECT * FROM t
                """,
                """
                CREATE TABLE t(x)
                INSERT INTO t VALUES (1)
                SAVEPOINT r
                SELECT * FROM t
                B: INSERT INTO t VALUES (2)
                B: SELECT * FROM t
                SELECT * FROM t
                RELEASE r
                SELECT * FROM t
                BEGIN IMMEDIATE
                B: SAVEPOINT q
                B: INSERT INTO t VALUES (3)
                B: RELEASE q
                B: COMMIT
                ROLLBACK
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
}
