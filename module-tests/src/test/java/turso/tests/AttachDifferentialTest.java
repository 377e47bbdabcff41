package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import turso.api.Connection;
import turso.api.Database;

/**
 * ATTACH and DETACH: objects of attached databases (files and :memory:),
 * "aux." qualifiers, unqualified lookup (temp, main, then attached ones in
 * order), PRAGMA database_list and schema-qualified pragmas, transactions
 * over several databases, and SQLite's errors. Each script runs here and on
 * real SQLite (sqlite-jdbc), each engine in a folder of its own ("{dir}" in
 * the script is that folder, and is put back in place of it in the rows);
 * then the attached files this engine wrote must pass real SQLite's
 * integrity check and hold what SQLite's do.
 */
class AttachDifferentialTest {

    static Stream<String> scripts() {
        return Stream.of(
                """
                ATTACH DATABASE '{dir}/a.db' AS aux;
                CREATE TABLE aux.t(a, b);
                CREATE TABLE t(a, b);
                INSERT INTO aux.t VALUES (1, 'aux');
                INSERT INTO t VALUES (2, 'main');
                SELECT * FROM t;
                SELECT * FROM aux.t;
                SELECT m.b, x.b FROM main.t AS m, aux.t AS x;
                SELECT type, name, tbl_name, sql FROM aux.sqlite_master;
                SELECT type, name, tbl_name, sql FROM aux.sqlite_schema;
                PRAGMA database_list;
                PRAGMA aux.table_info(t);
                PRAGMA aux.user_version = 7;
                PRAGMA aux.user_version;
                PRAGMA user_version;
                CREATE INDEX aux.ai ON t(a);
                PRAGMA aux.index_list(t);
                PRAGMA aux.integrity_check;
                PRAGMA aux.quick_check;
                PRAGMA integrity_check;
                PRAGMA aux.page_count;
                PRAGMA aux.schema_version;
                PRAGMA main.index_list(t);
                SELECT * FROM aux.t WHERE a = 1;
                UPDATE aux.t SET b = 'aux2' WHERE a = 1;
                DELETE FROM main.t;
                SELECT * FROM aux.t UNION ALL SELECT * FROM t;
                ATTACH '{dir}/a.db' AS aux;
                ATTACH '{dir}/b.db' AS AUX;
                ATTACH '{dir}/b.db' AS main;
                ATTACH '{dir}/b.db' AS temp;
                ATTACH ':memory:' AS mem;
                CREATE TABLE mem.only(y);
                INSERT INTO mem.only VALUES (42);
                SELECT * FROM only;
                SELECT * FROM mem.only;
                PRAGMA database_list;
                DETACH mem;
                SELECT * FROM only;
                DETACH mem;
                DETACH main;
                DETACH temp;
                DETACH DATABASE aux;
                SELECT * FROM aux.t;
                ATTACH '{dir}/a.db' AS aux2;
                SELECT * FROM aux2.t;
                PRAGMA aux2.user_version;
                PRAGMA database_list
                """,
                """
                ATTACH '{dir}/a.db' AS aux;
                CREATE TABLE aux.t(a);
                CREATE TABLE t(a);
                BEGIN;
                INSERT INTO aux.t VALUES (1);
                INSERT INTO t VALUES (1);
                DETACH aux;
                ROLLBACK;
                SELECT count(*) FROM aux.t;
                SELECT count(*) FROM t;
                BEGIN;
                INSERT INTO aux.t VALUES (2);
                INSERT INTO t SELECT a * 10 FROM aux.t;
                COMMIT;
                SELECT * FROM aux.t;
                SELECT * FROM t;
                CREATE TABLE aux.u(a UNIQUE);
                INSERT INTO aux.u VALUES (1);
                BEGIN;
                INSERT INTO aux.u VALUES (2);
                INSERT INTO aux.u VALUES (3), (1);
                INSERT INTO t VALUES (5);
                COMMIT;
                SELECT * FROM aux.u;
                SELECT * FROM t;
                CREATE TEMP TABLE tt(a);
                INSERT INTO tt SELECT a FROM aux.u;
                INSERT INTO aux.t SELECT a FROM tt;
                SELECT * FROM aux.t;
                PRAGMA database_list;
                DROP TABLE aux.u;
                SELECT name FROM aux.sqlite_master
                """,
                """
                ATTACH '{dir}/a.db' AS one;
                ATTACH '{dir}/b.db' AS two;
                CREATE TABLE two.x(v);
                CREATE TABLE one.x(v);
                INSERT INTO two.x VALUES ('two');
                INSERT INTO one.x VALUES ('one');
                SELECT * FROM x;
                CREATE TABLE x(v);
                SELECT * FROM x;
                CREATE TEMP TABLE x(v);
                INSERT INTO x VALUES ('temp');
                SELECT * FROM x;
                SELECT * FROM two.x;
                CREATE VIEW two.w AS SELECT v FROM x;
                SELECT * FROM two.w;
                SELECT * FROM w;
                CREATE TABLE one.s(id INTEGER PRIMARY KEY AUTOINCREMENT, v);
                INSERT INTO one.s(v) VALUES ('a');
                SELECT * FROM one.sqlite_sequence;
                DROP VIEW two.w;
                DROP TABLE one.x;
                SELECT * FROM x;
                SELECT name FROM one.sqlite_master ORDER BY name;
                SELECT name FROM two.sqlite_master ORDER BY name
                """);
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void sameAsSqlite(String script, @TempDir Path dir) throws SQLException, IOException {
        Path mine = Files.createDirectory(dir.resolve("turso"));
        Path theirs = Files.createDirectory(dir.resolve("sqlite"));
        try (Database db = Database.open(mine.resolve("main.db").toString()); Connection turso = db.connect();
             java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + theirs.resolve("main.db"))) {
            for (String sql : script.split(";\n")) {
                assertEquals(placed(Differential.sqlite(sqlite, sql.replace("{dir}", theirs.toString())), theirs),
                        placed(Differential.turso(turso, sql.replace("{dir}", mine.toString())), mine), sql);
            }
        }
        for (String name : new String[] {"a.db", "b.db"}) {
            if (!Files.exists(theirs.resolve(name))) {
                continue;
            }
            try (java.sql.Connection written = DriverManager.getConnection("jdbc:sqlite:" + mine.resolve(name));
                 java.sql.Connection expected = DriverManager.getConnection("jdbc:sqlite:" + theirs.resolve(name))) {
                assertEquals(List.of(List.of("ok")), Differential.sqlite(written, "PRAGMA integrity_check").rows());
                String schema = "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name";
                assertEquals(Differential.sqlite(expected, schema), Differential.sqlite(written, schema));
                for (List<Object> table : Differential.sqlite(expected,
                        "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").rows()) {
                    String all = "SELECT * FROM \"" + table.get(0) + "\" ORDER BY rowid";
                    assertEquals(Differential.sqlite(expected, all), Differential.sqlite(written, all), all);
                }
            }
        }
    }

    /** A result with the engine's folder written "{dir}" again, so that paths compare. */
    private static Differential.Result placed(Differential.Result result, Path dir) {
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            rows.add(row.stream().map(v -> v instanceof String s ? (Object) s.replace(dir.toString(), "{dir}") : v)
                    .toList());
        }
        return new Differential.Result(rows, result.error() == null ? null
                : result.error().replace(dir.toString(), "{dir}"));
    }

    /** A file that is not a database cannot be attached, with SQLite's error. */
    @org.junit.jupiter.api.Test
    void notADatabase(@TempDir Path dir) throws IOException, SQLException {
        Path junk = dir.resolve("junk.db");
        Files.writeString(junk, "this is not a database file, just some text that is long enough to fill a header");
        String sql = "ATTACH '" + junk + "' AS j";
        try (Database db = Database.open(":memory:"); Connection turso = db.connect();
             java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            assertEquals(Differential.sqlite(sqlite, sql), Differential.turso(turso, sql));
            assertEquals(Differential.sqlite(sqlite, "PRAGMA database_list"),
                    Differential.turso(turso, "PRAGMA database_list"));
        }
    }

    /**
     * A table another connection creates in an attached file is seen at the
     * next statement (its schema cookie is checked), and rows committed
     * through the attached database are seen by a connection to that file.
     */
    @org.junit.jupiter.api.Test
    void otherConnectionsChanges(@TempDir Path dir) {
        String aux = dir.resolve("aux.db").toString();
        try (Database main = Database.open(dir.resolve("main.db").toString()); Connection c = main.connect();
             Database other = Database.open(aux); Connection d = other.connect()) {
            c.execute("ATTACH '" + aux + "' AS aux");
            c.execute("CREATE TABLE aux.t(a)");
            assertEquals("no such table: aux.u", Differential.turso(c, "SELECT * FROM aux.u").error());
            d.execute("CREATE TABLE u(b); INSERT INTO u VALUES (7)");
            assertEquals(List.of(List.of(7L)), Differential.turso(c, "SELECT * FROM aux.u").rows());
            assertEquals(List.of(List.of(7L)), Differential.turso(c, "SELECT * FROM u").rows());
            c.execute("BEGIN; INSERT INTO t VALUES (1); INSERT INTO u VALUES (8); COMMIT");
            assertEquals(List.of(List.of(7L), List.of(8L)), Differential.turso(d, "SELECT * FROM u").rows());
            assertEquals(List.of(List.of(1L)), Differential.turso(d, "SELECT * FROM t").rows());
            turso.api.Statement held = c.prepare("SELECT count(*) FROM u");
            d.execute("DROP TABLE u; CREATE TABLE u(x, y); INSERT INTO u VALUES (1, 2), (3, 4), (5, 6)");
            held.step();
            assertEquals(3L, held.columnLong(0));
            held.close();
        }
    }

    /** More than ten attached databases is SQLite's error. */
    @org.junit.jupiter.api.Test
    void tooMany() throws SQLException {
        try (Database db = Database.open(":memory:"); Connection turso = db.connect();
             java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            for (int i = 0; i <= 10; i++) {
                String sql = "ATTACH ':memory:' AS m" + i;
                assertEquals(Differential.sqlite(sqlite, sql), Differential.turso(turso, sql), sql);
            }
        }
    }
}
