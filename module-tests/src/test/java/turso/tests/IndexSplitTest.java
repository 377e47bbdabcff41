package turso.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import turso.api.Connection;
import turso.api.Database;
import turso.api.Statement;

/**
 * Page splits of index B-trees (issue #10, workload 2): rows inserted in
 * one transaction into a table with two secondary indexes whose keys arrive
 * in scattered order (as the benchmark's do), then half of them deleted, give
 * a file real SQLite finds consistent, holding the rows SQLite holds after
 * the same statements, in about as many pages as SQLite's file (the balancer
 * fills pages as SQLite's does). 20,000 rows; 200,000 with -Dturso.long=true.
 */
class IndexSplitTest {

    private static final int ROWS = Boolean.getBoolean("turso.long") ? 200_000 : 20_000;

    private static final String CREATE = """
            CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT, qty INTEGER, price REAL);
            CREATE INDEX items_name ON items (name);
            CREATE INDEX items_qty ON items (qty)""";

    private static final List<String> CHECKS = List.of(
            "SELECT count(*), sum(qty), sum(length(name)), sum(price) FROM items",
            "SELECT name, id FROM items INDEXED BY items_name WHERE name >= 'item 5' ORDER BY name LIMIT 50",
            "SELECT qty, count(*) FROM items INDEXED BY items_qty GROUP BY qty",
            "PRAGMA integrity_check");

    private static String name(long id) {
        return "item " + Long.toString(id * 7_919 % ROWS * 2_654_435_761L, 36)
                + (id % 13 == 0 ? " with a longer tail of text to vary the cell sizes" : "");
    }

    @Test
    void scatteredIndexInsertsAndDeletesMatchSqlite(@TempDir Path dir) throws Exception {
        Path ours = dir.resolve("turso.db");
        Path theirs = dir.resolve("sqlite.db");
        try (Database db = Database.open(ours.toString()); Connection c = db.connect()) {
            for (String sql : CREATE.split(";\n")) {
                c.execute(sql);
            }
            c.execute("BEGIN");
            try (Statement st = c.prepare("INSERT INTO items VALUES (?, ?, ?, ?)")) {
                for (long id = 1; id <= ROWS; id++) {
                    st.bindLong(1, id);
                    st.bindText(2, name(id));
                    st.bindLong(3, id * 31 % 97);
                    st.bindDouble(4, id % 1_000 / 4.0);
                    while (st.step()) {
                        // an INSERT returns no rows
                    }
                    st.reset();
                }
            }
            c.execute("COMMIT");
        }
        try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite:" + theirs)) {
            for (String sql : CREATE.split(";\n")) {
                c.createStatement().execute(sql);
            }
            c.setAutoCommit(false);
            try (var st = c.prepareStatement("INSERT INTO items VALUES (?, ?, ?, ?)")) {
                for (long id = 1; id <= ROWS; id++) {
                    st.setLong(1, id);
                    st.setString(2, name(id));
                    st.setLong(3, id * 31 % 97);
                    st.setDouble(4, id % 1_000 / 4.0);
                    st.executeUpdate();
                }
            }
            c.commit();
        }
        Differential.assertIntegrity(ours);
        assertPagesLikeSqlite(ours, theirs);
        try (Differential.Engines e = Differential.Engines.open(ours, "jdbc:sqlite:" + theirs)) {
            for (String sql : CHECKS) {
                e.assertSame(sql);
            }
            e.assertSame("DELETE FROM items WHERE id % 3 <> 0 AND qty < 60");
            e.assertSame("UPDATE items SET name = name || ' again' WHERE id % 7 = 0");
            for (String sql : CHECKS) {
                e.assertSame(sql);
            }
        }
        Differential.assertIntegrity(ours);
    }

    /** Both files hold their tables and indexes in page counts within 5% of each other. */
    private static void assertPagesLikeSqlite(Path ours, Path theirs) throws Exception {
        long a = pageCount(ours);
        long b = pageCount(theirs);
        assertTrue(Math.abs(a - b) <= b / 20, "pages here " + a + ", in SQLite's file " + b);
    }

    private static long pageCount(Path file) throws Exception {
        try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                var rs = c.createStatement().executeQuery("PRAGMA page_count")) {
            assertEquals(true, rs.next());
            return rs.getLong(1);
        }
    }
}
