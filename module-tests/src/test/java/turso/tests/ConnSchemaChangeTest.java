package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import turso.api.Connection;
import turso.api.Database;
import turso.api.Statement;
import turso.api.TursoException;

/**
 * The schema cookie checked at every statement: when another connection or
 * another library (real SQLite, through sqlite-jdbc) changes the schema, a
 * statement prepared before sees the new schema on its next run, and a new
 * statement can name a table created elsewhere, without SQLITE_SCHEMA
 * reaching the user (as sqlite3_prepare_v2 statements behave).
 */
class ConnSchemaChangeTest {

    private static List<String> rows(Statement st) {
        List<String> rows = new ArrayList<>();
        while (st.step()) {
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < st.columnCount(); i++) {
                row.append(i == 0 ? "" : ",").append(st.columnText(i));
            }
            rows.add(row.toString());
        }
        return rows;
    }

    @Test
    void sqliteAddsAColumnAndATable(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.db");
        try (Database db = Database.open(file.toString()); Connection c = db.connect()) {
            c.execute("CREATE TABLE t(a, b)");
            c.execute("INSERT INTO t VALUES (1, 2)");
            try (Statement select = c.prepare("SELECT * FROM t"); Statement insert = c.prepare("INSERT INTO t VALUES (?, ?)")) {
                assertEquals(List.of("1,2"), rows(select));
                try (java.sql.Connection jdbc = DriverManager.getConnection("jdbc:sqlite:" + file);
                        java.sql.Statement s = jdbc.createStatement()) {
                    s.execute("ALTER TABLE t ADD COLUMN c");
                    s.execute("CREATE TABLE u(x)");
                    s.execute("INSERT INTO u VALUES ('from sqlite')");
                }
                assertEquals(List.of("1,2,null"), rows(select));
                assertEquals(3, select.columnCount());
                assertEquals("c", select.columnName(2));

                insert.bindLong(1, 10);
                insert.bindLong(2, 20);
                TursoException e = assertThrows(TursoException.class, insert::step);
                assertEquals("table t has 3 columns but 2 values were supplied", e.getMessage());

                try (Statement u = c.prepare("SELECT x FROM u")) {
                    assertEquals(List.of("from sqlite"), rows(u));
                }
            }
        }
    }

    /** The same statements through sqlite-jdbc give the error above: it is SQLite's behaviour, not ours. */
    @Test
    void sqliteReportsTheSameForAStatementPreparedBeforeTheChange(@TempDir Path dir) throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("r.db");
        try (java.sql.Connection a = DriverManager.getConnection(url); java.sql.Connection b = DriverManager.getConnection(url)) {
            a.createStatement().execute("CREATE TABLE t(a, b)");
            try (java.sql.PreparedStatement insert = a.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                b.createStatement().execute("ALTER TABLE t ADD COLUMN c DEFAULT 3");
                insert.setLong(1, 10);
                insert.setLong(2, 20);
                java.sql.SQLException e = assertThrows(java.sql.SQLException.class, insert::executeUpdate);
                assertTrue(e.getMessage().contains("table t has 3 columns but 2 values were supplied"), e.getMessage());
            }
        }
    }

    @Test
    void anotherConnectionDropsAndRecreatesATable(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("c.db").toString()); Connection a = db.connect(); Connection b = db.connect()) {
            a.execute("CREATE TABLE t(a)");
            a.execute("INSERT INTO t VALUES (1)");
            try (Statement select = a.prepare("SELECT * FROM t")) {
                assertEquals(List.of("1"), rows(select));
                b.execute("DROP TABLE t");
                b.execute("CREATE TABLE t(x, y)");
                b.execute("INSERT INTO t VALUES ('p', 'q')");
                assertEquals(List.of("p,q"), rows(select));
                b.execute("DROP TABLE t");
                TursoException e = assertThrows(TursoException.class, select::step);
                assertEquals("no such table: t", e.getMessage());
            }
        }
    }

    @Test
    void aTableCreatedOnAnotherConnectionOfAMemoryDatabase() {
        try (Database db = Database.open(Database.MEMORY); Connection a = db.connect(); Connection b = db.connect()) {
            a.execute("CREATE TABLE t(a)");
            try (Statement st = b.prepare("SELECT count(*) FROM t")) {
                assertEquals(List.of("0"), rows(st));
            }
            a.execute("CREATE TABLE u(a)");
            b.execute("INSERT INTO u VALUES (5)");
            try (Statement st = a.prepare("SELECT a FROM u")) {
                assertEquals(List.of("5"), rows(st));
            }
        }
    }
}
