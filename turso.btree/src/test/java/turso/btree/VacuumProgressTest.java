/*
 * Storage.vacuum's progress reports: done never goes down, the total is the
 * number of entries (table rows and index keys, counted by real SQLite on
 * the same file) and the last report is total of total; the file SQLite
 * reads afterwards passes its integrity check with no free page.
 */
package turso.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VacuumProgressTest {

    @TempDir
    Path dir;

    @Test
    void reportsEntriesCopied() throws Exception {
        String path = dir.resolve("p.db").toString();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + path); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t(a INTEGER PRIMARY KEY, b)");
            st.execute("CREATE INDEX tb ON t(b)");
            st.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)"
                    + " INSERT INTO t SELECT i, hex(randomblob(20)) FROM n");
            st.execute("DELETE FROM t WHERE a % 3 = 0");
        }
        long expected;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + path); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM t) + (SELECT count(*) FROM t INDEXED BY tb)")) {
            expected = rs.getLong(1);
        }
        List<long[]> reports = new ArrayList<>();
        try (Storage s = Storage.open(new TestVfs(), path, StorageOptions.DEFAULT)) {
            s.beginWrite();
            s.vacuum((done, total) -> reports.add(new long[] {done, total}));
            s.commit();
        }
        assertTrue(reports.size() > 3);
        for (int i = 1; i < reports.size(); i++) {
            assertTrue(reports.get(i)[0] >= reports.get(i - 1)[0]);
            assertEquals(expected, reports.get(i)[1]);
        }
        assertEquals(expected, reports.getLast()[0]);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + path); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                assertEquals("ok", rs.getString(1));
            }
            try (ResultSet rs = st.executeQuery("PRAGMA freelist_count")) {
                assertEquals(0, rs.getLong(1));
            }
        }
    }
}
