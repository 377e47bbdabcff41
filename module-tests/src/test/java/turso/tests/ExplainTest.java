package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import turso.api.Connection;
import turso.api.DataType;
import turso.api.Database;
import turso.api.Statement;
import turso.api.TursoException;

/** EXPLAIN and EXPLAIN QUERY PLAN have SQLite's columns and, for what runs today, SQLite's plan rows. */
class ExplainTest {

    @Test
    void explainListsTheProgramWithSqlitesColumns() throws SQLException {
        try (Database db = Database.open(Database.MEMORY); Connection c = db.connect();
             Statement st = c.prepare("EXPLAIN SELECT 1 + 2")) {
            assertEquals(columns("EXPLAIN SELECT 1 + 2"), names(st));
            assertTrue(st.step());
            assertEquals(0, st.columnLong(0), "addr");
            assertEquals("Init", st.columnText(1), "a program starts with Init, as SQLite's do");
            assertEquals(DataType.NULL, st.columnType(5), "p4 is NULL when empty");
            assertNull(st.columnText(7), "comment is NULL when empty");
            String last = null;
            while (st.step()) {
                last = st.columnText(1);
            }
            assertEquals("Halt", last);
        }
    }

    @Test
    void queryPlanOfAConstantRow() throws SQLException {
        String sql = "EXPLAIN QUERY PLAN SELECT 1";
        try (Database db = Database.open(Database.MEMORY); Connection c = db.connect(); Statement st = c.prepare(sql);
             var sqlite = DriverManager.getConnection("jdbc:sqlite::memory:");
             var s = sqlite.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertEquals(columns(sql), names(st));
            assertTrue(rs.next());
            assertTrue(st.step());
            assertEquals(rs.getString("detail"), st.columnText(3));
            assertEquals(rs.getLong("parent"), st.columnLong(1));
            assertFalse(rs.next());
            assertFalse(st.step());
        }
    }

    @Test
    void explainReportsTheStatementsErrors() {
        try (Database db = Database.open(Database.MEMORY); Connection c = db.connect()) {
            assertEquals("no such function: nosuch",
                    assertThrows(TursoException.class, () -> c.prepare("EXPLAIN QUERY PLAN SELECT nosuch()")).getMessage());
        }
    }

    private static List<String> names(Statement st) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < st.columnCount(); i++) {
            names.add(st.columnName(i));
        }
        return names;
    }

    private static List<String> columns(String sql) throws SQLException {
        try (var c = DriverManager.getConnection("jdbc:sqlite::memory:"); var s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                names.add(rs.getMetaData().getColumnName(i));
            }
            return names;
        }
    }
}
