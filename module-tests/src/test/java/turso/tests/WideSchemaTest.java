package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import turso.api.Connection;
import turso.api.Database;

/**
 * Databases of thousands of tables (issue #10, workload 11): a schema
 * written by SQLite opens here and answers as SQLite does, whatever form
 * each CREATE TABLE takes (the schema loader reads plain ones with a fast
 * reader and the rest with the full parser); tables created here one
 * statement at a time (the schema then grows by the rows each CREATE
 * appends) give the same results and schema as SQLite, with another
 * connection's changes, DROPs and ROLLBACKs in between; a malformed CREATE
 * text among them is reported as SQLite reports it. 1,000 tables by default,
 * 10,000 with -Dturso.long=true.
 */
class WideSchemaTest {

    private static final int TABLES = Boolean.getBoolean("turso.long") ? 10_000 : 1_000;

    /** The forms the tables take in turn: plain ones, and some only the full parser reads. */
    private static final List<String> FORMS = List.of(
            "CREATE TABLE %s (id INTEGER PRIMARY KEY, a INTEGER, b VARCHAR(40), c DOUBLE)",
            "CREATE TABLE %s(id integer primary key autoincrement, a text not null, b unique, c)",
            "CREATE TABLE \"%s\" (\"id\" INTEGER PRIMARY KEY DESC, [a] NUMERIC(10, 2), `b` BLOB NULL, c)",
            "CREATE TABLE %s (id INTEGER PRIMARY KEY, a INTEGER DEFAULT 7, b TEXT COLLATE NOCASE, c REAL CHECK (c >= 0))",
            "CREATE TABLE %s (id INTEGER, a, b, c, PRIMARY KEY (id)) WITHOUT ROWID",
            "CREATE TABLE %s ( -- a comment\n id INTEGER PRIMARY KEY, a INT, b TEXT, c FLOAT)",
            "CREATE TABLE %s (id INTEGER PRIMARY KEY, a INT, b TEXT, c REAL GENERATED ALWAYS AS (a * 2))",
            "CREATE TABLE %s (id INTEGER PRIMARY KEY, a UNSIGNED BIG INT, b CHARACTER(20), c DOUBLE PRECISION)");

    private static String create(int k) {
        return String.format(FORMS.get(k % FORMS.size()), "t" + k);
    }

    private static String insert(int k) {
        return "INSERT INTO t" + k + " (id, a, b) VALUES (1, " + k + ", 'table " + k + "')";
    }

    @Test
    void schemaWrittenBySqliteOpensHereAndAnswersTheSame(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("wide.db");
        try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                java.sql.Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (int k = 1; k <= TABLES; k++) {
                s.execute(create(k));
                s.execute(insert(k));
                if (k % 97 == 0) {
                    s.execute("CREATE INDEX i" + k + " ON t" + k + "(a, b)");
                    s.execute("CREATE VIEW v" + k + " AS SELECT a, b FROM t" + k);
                    s.execute("CREATE TRIGGER g" + k + " AFTER INSERT ON t" + k + " BEGIN UPDATE t" + k
                            + " SET a = a + 1 WHERE id = new.id; END");
                }
            }
            c.commit();
        }
        Path copy = dir.resolve("wide-sqlite.db");
        java.nio.file.Files.copy(file, copy);
        try (Differential.Engines e = Differential.Engines.open(file, "jdbc:sqlite:" + copy)) {
            Random r = new Random(11);
            e.assertSame("SELECT id, a, b FROM t" + (1 + r.nextInt(TABLES)) + " WHERE id = 1");
            e.assertSame(Differential.SCHEMA);
            for (int i = 0; i < 60; i++) {
                int k = 1 + r.nextInt(TABLES);
                e.assertSame("SELECT * FROM t" + k);
                e.assertSame("PRAGMA table_info(t" + k + ")");
                e.assertSame("PRAGMA index_list(t" + k + ")");
            }
            for (int k = 97; k <= TABLES; k += 97 * 5) {
                e.assertSame("INSERT INTO t" + k + " (id, a, b) VALUES (2, 1, 'x')");
                e.assertSame("SELECT * FROM v" + k + " ORDER BY a");
                e.assertSame("SELECT a, b FROM t" + k + " INDEXED BY i" + k + " WHERE a > 0");
            }
            e.assertSame("SELECT count(*) FROM sqlite_schema WHERE type = 'table'");
        }
        Differential.assertIntegrity(file);
    }

    @Test
    void tablesCreatedOneByOneHereGiveWhatSqliteGives(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("made-here.db");
        int tables = TABLES / 2;
        try (Differential.Engines e = Differential.Engines.open(file);
                Connection other = e.db().connect()) {
            for (int k = 1; k <= tables; k++) {
                if (k % 500 == 1) {
                    e.assertSame("BEGIN");
                }
                e.assertSame(create(k));
                e.assertSame(insert(k));
                if (k % 50 == 0) {
                    e.assertSame("CREATE INDEX i" + k + " ON t" + k + "(b)");
                    e.assertSame("SELECT b FROM t" + k + " WHERE b = 'table " + k + "'");
                }
                if (k % 500 == 250 || k == tables && k % 500 < 250) {
                    e.assertSame("COMMIT");
                }
                if (k % 333 == 0) {
                    e.assertSame("DROP TABLE t" + (k - 1));
                    e.assertSame("CREATE TABLE t" + (k - 1) + "(x)");
                }
            }
            e.assertSame("BEGIN");
            e.assertSame("CREATE TABLE rolled(x)");
            e.assertSame("CREATE INDEX rolled_x ON rolled(x)");
            e.assertSame("SELECT * FROM rolled");
            e.assertSame("ROLLBACK");
            e.assertSame("SELECT * FROM rolled");
            e.assertSame("CREATE TABLE rolled(y)");
            e.assertSame("SELECT y FROM rolled");
            other.execute("CREATE TABLE from_other(z)");
            other.execute("INSERT INTO from_other VALUES (42)");
            e.sqlite().createStatement().execute("CREATE TABLE from_other(z)");
            e.sqlite().createStatement().execute("INSERT INTO from_other VALUES (42)");
            e.assertSame("SELECT z FROM from_other");
            e.assertSame("CREATE TABLE before_drop(v)");
            other.execute("DROP TABLE t1");
            e.sqlite().createStatement().execute("DROP TABLE t1");
            e.assertSame("SELECT * FROM t1");
            e.assertSame("SELECT * FROM before_drop");
            e.assertSame("CREATE TABLE after_other(w)");
            e.assertSame("SELECT * FROM after_other");
            e.assertSame(Differential.SCHEMA);
            Random r = new Random(5);
            for (int i = 0; i < 40; i++) {
                e.assertSame("SELECT * FROM t" + (1 + r.nextInt(tables)));
            }
        }
        Differential.assertIntegrity(file);
    }

    @Test
    void malformedCreateTextAmongManyIsReported(@TempDir Path dir) throws Exception {
        List<String> broken = List.of("CREATE TABLE t5(a INT, b)x", "CREATE TABLE t5(a INT,)", "CREATE TABLE t5(a INT",
                "CREATE TABLE t5(a INT PRIMARY)", "CREATE TABLE t5 (a DECIMAL(5,))");
        for (String sql : broken) {
            Path file = dir.resolve("broken" + broken.indexOf(sql) + ".db");
            try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                    java.sql.Statement s = c.createStatement()) {
                for (int k = 1; k <= 200; k++) {
                    s.execute(create(k));
                }
                s.execute("PRAGMA writable_schema = ON");
                s.execute("UPDATE sqlite_schema SET sql = '" + sql.replace("'", "''") + "' WHERE name = 't5'");
            }
            String sqliteError = sqliteError(file, "SELECT * FROM t1");
            assertNotNull(sqliteError, sql);
            assertTrue(sqliteError.startsWith("malformed database schema (t5)"), sqliteError);
            try (Database db = Database.open(file.toString()); Connection c = db.connect()) {
                Differential.Result r = Differential.turso(c, "SELECT * FROM t1");
                assertNotNull(r.error(), sql);
                assertTrue(r.error().startsWith("malformed database schema (t5"), r.error());
                assertEquals(List.of(), r.rows());
            }
        }
    }

    /** SQLite's error message for {@code sql} on {@code file}, or null. */
    private static String sqliteError(Path file, String sql) throws SQLException {
        try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                java.sql.Statement s = c.createStatement()) {
            s.executeQuery(sql).close();
            return null;
        } catch (SQLException e) {
            String m = e.getMessage();
            int at = m.lastIndexOf("malformed database schema");
            return at < 0 ? m : m.substring(at);
        }
    }
}
