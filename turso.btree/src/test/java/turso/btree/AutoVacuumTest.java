/*
 * auto_vacuum databases made by real SQLite (pointer-map pages between the
 * tree pages): every value reads back equal, this module's integrity check
 * accepts the pointer-map pages, and the file can be written (then
 * SQLite's integrity check, which verifies the pointer maps, still passes).
 */
package turso.btree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AutoVacuumTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"FULL", "INCREMENTAL"})
    void readsAndWritesAutoVacuumFilesMadeBySqlite(String mode) throws Exception {
        Path db = dir.resolve("av.db");
        TreeMap<Long, byte[]> expected = new TreeMap<>();
        int root;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("PRAGMA page_size=512");
            st.execute("PRAGMA auto_vacuum=" + mode);
            st.execute("CREATE TABLE t(a, b)");
            st.execute("CREATE TABLE u(x)");
            st.execute("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 3000)"
                    + " INSERT INTO t SELECT x, randomblob(x % 300 * 4) FROM n");
            st.execute("INSERT INTO u SELECT a FROM t");
            st.execute("DELETE FROM t WHERE a % 4 = 0");
            try (ResultSet rs = st.executeQuery("SELECT a, b FROM t")) {
                while (rs.next()) {
                    expected.put(rs.getLong(1), rs.getBytes(2));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT rootpage FROM sqlite_schema WHERE name = 't'")) {
                root = rs.getInt(1);
            }
        }
        try (Storage s = Storage.open(new TestVfs(), db.toString(), StorageOptions.DEFAULT)) {
            s.beginRead();
            TreeMap<Long, byte[]> seen = new TreeMap<>();
            try (BTreeCursor t = s.openTableCursor(root)) {
                for (boolean ok = t.first(); ok; ok = t.next()) {
                    seen.put(t.record().getLong(0), t.record().getBytes(1));
                }
            }
            assertEquals(expected.keySet(), seen.keySet());
            for (long k : expected.keySet()) {
                assertArrayEquals(expected.get(k), seen.get(k));
            }
            int[] roots = new int[0];
            try (BTreeCursor schema = s.openTableCursor(Storage.SCHEMA_ROOT)) {
                for (boolean ok = schema.first(); ok; ok = schema.next()) {
                    roots = java.util.Arrays.copyOf(roots, roots.length + 1);
                    roots[roots.length - 1] = (int) schema.record().getLong(3);
                }
            }
            assertEquals(List.of("ok"), s.integrityCheck(roots, 10));
            s.commit();
            s.beginWrite();
            try (BTreeCursor t = s.openTableCursor(root)) {
                for (long k = 1; k <= 3000; k += 3) {
                    if (t.seek(k, SeekOp.EQ)) {
                        t.delete();
                    }
                }
            }
            s.commit();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            assertEquals("ok", rs.getString(1));
        }
    }
}
