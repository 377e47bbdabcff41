package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import turso.api.Connection;
import turso.api.Database;
import turso.api.spi.IndexQuery;
import turso.tests.fixtures.KeyValueModule;

/**
 * The virtual table SPI end to end, with the "kv" test module (an
 * in-memory table found through ServiceLoader from this test module's
 * module-info): CREATE VIRTUAL TABLE and its sqlite_schema row, reads
 * planned by the module's best index, INSERT / UPDATE / DELETE through
 * xUpdate, HIDDEN columns and the table-valued function form, DROP TABLE,
 * reconnecting a table when a database is opened again, and SQLite's
 * errors. A kv table holds its rows as an ordinary table does, so the rows
 * are compared with real SQLite (sqlite-jdbc) running the same statements
 * on an ordinary table.
 */
class VirtualTableTest {

    private static void same(Connection turso, java.sql.Connection sqlite, String tursoSql, String sqliteSql) {
        assertEquals(Differential.sqlite(sqlite, sqliteSql), Differential.turso(turso, tursoSql), tursoSql);
    }

    private static void same(Connection turso, java.sql.Connection sqlite, String sql) {
        same(turso, sqlite, sql, sql);
    }

    @Test
    void readsAndWritesAsAnOrdinaryTable() throws SQLException {
        String script = """
                INSERT INTO v1 VALUES (1, 'one'), (2, 'two'), (3, 'three');
                INSERT INTO v1(b, a) VALUES ('four', 4);
                INSERT INTO v1(rowid, a, b) VALUES (10, 10, 'ten');
                SELECT changes(), last_insert_rowid();
                SELECT rowid, a, b FROM v1 ORDER BY rowid;
                SELECT * FROM v1 WHERE a = 2;
                SELECT b FROM v1 WHERE a = 3 AND b = 'three';
                SELECT * FROM v1 WHERE 3 = a;
                SELECT * FROM v1 WHERE a > 2 ORDER BY a;
                SELECT * FROM v1 ORDER BY a;
                SELECT * FROM v1 ORDER BY a DESC;
                SELECT * FROM v1 ORDER BY b;
                SELECT count(*), sum(a), max(b) FROM v1;
                SELECT v1.* FROM v1 WHERE rowid = 10;
                UPDATE v1 SET b = upper(b) WHERE a >= 3;
                SELECT changes();
                UPDATE v1 SET a = a + 100 WHERE a = 1;
                SELECT rowid, * FROM v1 ORDER BY rowid;
                UPDATE v1 SET rowid = 20 WHERE a = 10;
                SELECT rowid, * FROM v1 ORDER BY rowid;
                DELETE FROM v1 WHERE b LIKE 't%';
                SELECT changes();
                SELECT rowid, * FROM v1 ORDER BY rowid;
                CREATE TABLE n(x);
                INSERT INTO n VALUES (2), (4), (101), (7);
                SELECT n.x, v1.b FROM n, v1 WHERE v1.a = n.x ORDER BY n.x;
                SELECT n.x, v1.b FROM n LEFT JOIN v1 ON v1.a = n.x ORDER BY n.x;
                SELECT x FROM n WHERE x IN (SELECT a FROM v1) ORDER BY x;
                SELECT x, (SELECT b FROM v1 WHERE a = n.x) FROM n ORDER BY x;
                INSERT INTO v1 SELECT x, 'from n' FROM n;
                SELECT rowid, * FROM v1 ORDER BY rowid;
                INSERT INTO n SELECT a FROM v1 WHERE b = 'from n';
                SELECT x, count(*) FROM n GROUP BY x ORDER BY x;
                DELETE FROM v1;
                SELECT count(*) FROM v1""";
        try (Database db = Database.open(":memory:"); Connection turso = db.connect();
             java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            same(turso, sqlite, "CREATE VIRTUAL TABLE v1 USING kv(a, b)", "CREATE TABLE v1(a, b)");
            for (String sql : script.split(";\n")) {
                same(turso, sqlite, sql);
            }
        }
    }

    @Test
    void bestIndexNegotiation() throws SQLException {
        try (Database db = Database.open(":memory:"); Connection turso = db.connect();
             java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            turso.execute("CREATE VIRTUAL TABLE v2 USING kv(a, b)");
            turso.execute("CREATE TABLE n(x)");
            turso.execute("INSERT INTO v2 VALUES (1, 'x'), (2, 'y')");

            Differential.turso(turso, "SELECT * FROM v2 WHERE a = 5 AND b > 'x' AND b IS NOT NULL");
            IndexQuery q = KeyValueModule.lastQuery("v2");
            assertEquals(List.of(new IndexQuery.Constraint(0, IndexQuery.Operator.EQ, true, "BINARY"),
                    new IndexQuery.Constraint(1, IndexQuery.Operator.GT, true, "BINARY"),
                    new IndexQuery.Constraint(1, IndexQuery.Operator.IS_NOT_NULL, true, "BINARY")), q.constraints());
            assertEquals(plan("SCAN v2 VIRTUAL TABLE INDEX 1:key=?"),
                    Differential.turso(turso, "EXPLAIN QUERY PLAN SELECT * FROM v2 WHERE a = 5"));

            // the value comes from a table before it: usable; from a table after it: not
            Differential.turso(turso, "SELECT * FROM n, v2 WHERE v2.a = n.x");
            assertTrue(KeyValueModule.lastQuery("v2").constraints().getFirst().usable());
            Differential.turso(turso, "SELECT * FROM v2, n WHERE v2.a = n.x");
            assertFalse(KeyValueModule.lastQuery("v2").constraints().getFirst().usable());
            assertEquals(plan("SCAN v2 VIRTUAL TABLE INDEX 0:full").rows().getFirst(),
                    Differential.turso(turso, "EXPLAIN QUERY PLAN SELECT * FROM v2, n WHERE v2.a = n.x").rows().getFirst());

            // ORDER BY a is consumed by the module (no sort), ORDER BY b is not
            Differential.turso(turso, "SELECT * FROM v2 ORDER BY a");
            assertEquals(List.of(new IndexQuery.OrderTerm(0, false)), KeyValueModule.lastQuery("v2").orderBy());
            assertEquals(plan("SCAN v2 VIRTUAL TABLE INDEX 0:full"),
                    Differential.turso(turso, "EXPLAIN QUERY PLAN SELECT * FROM v2 ORDER BY a"));
            assertEquals(plan("SCAN v2 VIRTUAL TABLE INDEX 0:full", "USE TEMP B-TREE FOR ORDER BY"),
                    Differential.turso(turso, "EXPLAIN QUERY PLAN SELECT * FROM v2 ORDER BY b"));

            // the term the module guarantees (omit) is not tested again; the rows are still right
            sqlite.createStatement().execute("CREATE TABLE v2(a, b)");
            sqlite.createStatement().execute("INSERT INTO v2 VALUES (1, 'x'), (2, 'y')");
            same(turso, sqlite, "SELECT * FROM v2 WHERE a = 2 OR a = 1 ORDER BY a");
            same(turso, sqlite, "SELECT * FROM v2 WHERE a = 2 AND b = 'y'");
            same(turso, sqlite, "SELECT * FROM v2 WHERE a = 2 AND b = 'x'");
        }
    }

    /** EXPLAIN QUERY PLAN's rows for these lines (all at the top level, as this engine gives them). */
    private static Differential.Result plan(String... lines) {
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            rows.add(List.of((long) i + 2, 0L, 0L, lines[i]));
        }
        return new Differential.Result(rows, null);
    }

    @Test
    void hiddenColumnsAndTableValuedForm() throws SQLException {
        try (Database db = Database.open(":memory:"); Connection turso = db.connect();
             java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            turso.execute("CREATE VIRTUAL TABLE h3 USING kv(a, b HIDDEN)");
            sqlite.createStatement().execute("CREATE TABLE h3(a, b)");
            same(turso, sqlite, "INSERT INTO h3(a, b) VALUES (1, 'x'), (2, 'y'), (3, 'x')");
            same(turso, sqlite, "INSERT INTO h3 VALUES (4)", "INSERT INTO h3(a) VALUES (4)");
            same(turso, sqlite, "SELECT * FROM h3", "SELECT a FROM h3");
            same(turso, sqlite, "SELECT h3.* FROM h3", "SELECT a FROM h3");
            same(turso, sqlite, "SELECT a, b FROM h3");
            same(turso, sqlite, "SELECT * FROM h3('x')", "SELECT a FROM h3 WHERE b = 'x'");
            same(turso, sqlite, "SELECT a FROM h3('x') WHERE a > 1", "SELECT a FROM h3 WHERE b = 'x' AND a > 1");
            assertEquals("too many arguments on h3() - max 1",
                    Differential.turso(turso, "SELECT * FROM h3('x', 'y')").error());
        }
    }

    @Test
    void schemaRowsDropAndErrors() throws SQLException {
        try (Database db = Database.open(":memory:"); Connection turso = db.connect();
             java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            turso.execute("CREATE VIRTUAL TABLE  r4  USING  kv( id , x0, x1 )");
            sqlite.createStatement().execute("CREATE VIRTUAL TABLE  r4  USING  rtree( id , x0, x1 )");
            Differential.Result stored = Differential.sqlite(sqlite,
                    "SELECT type, name, tbl_name, rootpage, replace(sql, 'rtree', 'kv') FROM sqlite_schema WHERE name = 'r4'");
            assertEquals(stored, Differential.turso(turso,
                    "SELECT type, name, tbl_name, rootpage, sql FROM sqlite_schema"));
            same(turso, sqlite, "CREATE VIRTUAL TABLE IF NOT EXISTS r4 USING kv(a)",
                    "CREATE VIRTUAL TABLE IF NOT EXISTS r4 USING rtree(a, b, c)");
            same(turso, sqlite, "CREATE VIRTUAL TABLE r4 USING kv(a)", "CREATE VIRTUAL TABLE r4 USING rtree(a, b, c)");
            same(turso, sqlite, "CREATE VIRTUAL TABLE w USING no_such_module(a)");
            same(turso, sqlite, "CREATE INDEX i ON r4(x0)");
            same(turso, sqlite, "SELECT * FROM no_such_function(1)");
            turso.execute("INSERT INTO r4 VALUES (1, 2, 3)");
            assertTrue(KeyValueModule.exists("r4"));
            same(turso, sqlite, "DROP TABLE r4");
            assertFalse(KeyValueModule.exists("r4"), "DROP TABLE destroys the module's storage");
            same(turso, sqlite, "SELECT * FROM r4");
            same(turso, sqlite, "SELECT count(*) FROM sqlite_schema");
            same(turso, sqlite, "DROP TABLE r4");
        }
    }

    @Test
    void connectedAgainWhenReopened(@TempDir Path dir) throws SQLException {
        String file = dir.resolve("v.db").toString();
        try (Database db = Database.open(file); Connection turso = db.connect()) {
            turso.execute("CREATE TABLE plain(x)");
            turso.execute("INSERT INTO plain VALUES (7)");
            turso.execute("CREATE VIRTUAL TABLE kept5 USING kv(a, b)");
            turso.execute("INSERT INTO kept5 VALUES (1, 'one')");
        }
        try (Database db = Database.open(file); Connection turso = db.connect();
             java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            sqlite.createStatement().execute("CREATE TABLE kept5(a, b)");
            sqlite.createStatement().execute("INSERT INTO kept5 VALUES (1, 'one')");
            same(turso, sqlite, "SELECT * FROM kept5");
        }
    }

    /** A transaction's writes to the table are undone by ROLLBACK, and by the failure of their statement. */
    @Test
    void transactions() throws SQLException {
        try (Database db = Database.open(":memory:"); Connection turso = db.connect();
             java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            same(turso, sqlite, "CREATE VIRTUAL TABLE t6 USING kv(a, b)", "CREATE TABLE t6(a, b)");
            for (String sql : List.of("INSERT INTO t6 VALUES (1, 'kept')", "BEGIN",
                    "INSERT INTO t6 VALUES (2, 'rolled back')", "UPDATE t6 SET b = 'changed' WHERE a = 1",
                    "SELECT * FROM t6 ORDER BY a", "ROLLBACK", "SELECT * FROM t6 ORDER BY a", "BEGIN",
                    "INSERT INTO t6 VALUES (3, 'committed')", "COMMIT", "SELECT * FROM t6 ORDER BY a")) {
                same(turso, sqlite, sql);
            }
            // rowid 1 exists: the second row fails the statement, and the first row goes with it
            assertTrue(Differential.turso(turso, "INSERT INTO t6(rowid, a, b) VALUES (9, 9, 'x'), (1, 1, 'dup')")
                    .error() != null);
            assertTrue(Differential.sqlite(sqlite, "INSERT INTO t6(rowid, a, b) VALUES (9, 9, 'x'), (1, 1, 'dup')")
                    .error() != null);
            same(turso, sqlite, "SELECT rowid, * FROM t6 ORDER BY rowid");
            // inside BEGIN, the failed statement's rows go and the transaction's others stay
            same(turso, sqlite, "BEGIN");
            same(turso, sqlite, "INSERT INTO t6 VALUES (5, 'in transaction')");
            assertTrue(Differential.turso(turso, "INSERT INTO t6(rowid, a, b) VALUES (30, 30, 'x'), (1, 1, 'dup')")
                    .error() != null);
            assertTrue(Differential.sqlite(sqlite, "INSERT INTO t6(rowid, a, b) VALUES (30, 30, 'x'), (1, 1, 'dup')")
                    .error() != null);
            same(turso, sqlite, "UPDATE t6 SET b = 'updated' WHERE a = 5");
            same(turso, sqlite, "COMMIT");
            same(turso, sqlite, "SELECT rowid, * FROM t6 ORDER BY rowid");
        }
    }

    /** Trigger programs on ordinary tables write virtual tables too; a virtual table has no triggers. */
    @Test
    void writtenByTriggers() throws SQLException {
        try (Database db = Database.open(":memory:"); Connection turso = db.connect();
             java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            same(turso, sqlite, "CREATE VIRTUAL TABLE log7 USING kv(what, n)", "CREATE TABLE log7(what, n)");
            String script = """
                    CREATE TABLE src(n);
                    CREATE TRIGGER ins AFTER INSERT ON src BEGIN INSERT INTO log7 VALUES ('insert', NEW.n); END;
                    CREATE TRIGGER upd AFTER UPDATE ON src BEGIN UPDATE log7 SET n = NEW.n WHERE n = OLD.n; END;
                    CREATE TRIGGER del AFTER DELETE ON src BEGIN DELETE FROM log7 WHERE n = OLD.n; END;
                    INSERT INTO src VALUES (1), (2), (3);
                    UPDATE src SET n = n * 10 WHERE n >= 2;
                    DELETE FROM src WHERE n = 1;
                    SELECT rowid, * FROM log7 ORDER BY rowid""";
            for (String sql : script.split(";\n")) {
                same(turso, sqlite, sql);
            }
            sqlite.createStatement().execute("CREATE VIRTUAL TABLE r7 USING rtree(id, x0, x1)");
            turso.execute("CREATE VIRTUAL TABLE r7 USING kv(id, x0, x1)");
            same(turso, sqlite, "CREATE TRIGGER t7 AFTER INSERT ON r7 BEGIN SELECT 1; END");
        }
    }

    /** PRAGMA module_list names the modules found through ServiceLoader, this test module's too. */
    @Test
    void moduleList() {
        try (Database db = Database.open(":memory:"); Connection turso = db.connect()) {
            Differential.Result modules = Differential.turso(turso, "PRAGMA module_list");
            assertTrue(modules.rows().contains(List.of("kv")), modules.toString());
        }
    }

    /** A database that SQLite wrote with a table of a module this engine lacks: the rest of it stays usable. */
    @Test
    void tableOfAMissingModule(@TempDir Path dir) throws SQLException {
        String file = dir.resolve("fts.db").toString();
        try (java.sql.Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            sqlite.createStatement().execute("CREATE TABLE plain(x)");
            sqlite.createStatement().execute("INSERT INTO plain VALUES (7)");
            sqlite.createStatement().execute("CREATE VIRTUAL TABLE f USING fts4(body)");
        }
        try (Database db = Database.open(file); Connection turso = db.connect()) {
            assertEquals(new Differential.Result(List.of(List.of(7L)), null),
                    Differential.turso(turso, "SELECT x FROM plain"));
            assertEquals("no such module: fts4", Differential.turso(turso, "SELECT * FROM f").error());
        }
    }
}
