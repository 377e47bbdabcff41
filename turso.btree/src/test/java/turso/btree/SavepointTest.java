/*
 * Savepoints inside a write transaction: ROLLBACK TO undoes exactly the
 * changes made since the savepoint (tree splits, merges, overflow pages and
 * freelist included), RELEASE keeps them, nesting works, and what is
 * finally committed is what real SQLite reads, with integrity_check ok.
 */
package turso.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import turso.api.Value;

class SavepointTest {

    @TempDir
    Path dir;

    private static void change(BTreeCursor t, TreeMap<Long, String> model, Random r, int ops) {
        for (int i = 0; i < ops; i++) {
            long k = 1 + r.nextInt(4000);
            if (r.nextInt(3) > 0) {
                String v = "v" + k + "-" + r.nextInt(1000);
                int blob = r.nextInt(30) == 0 ? 9000 : r.nextInt(200);
                t.insert(k, Rows.record(new Value.Text(v), new Value.Blob(new byte[blob])));
                model.put(k, v);
            } else if (t.seek(k, SeekOp.EQ)) {
                t.delete();
                model.remove(k);
            }
        }
    }

    private static TreeMap<Long, String> read(Storage s, int root) {
        TreeMap<Long, String> out = new TreeMap<>();
        try (BTreeCursor c = s.openTableCursor(root)) {
            for (boolean ok = c.first(); ok; ok = c.next()) {
                out.put(c.rowid(), c.record().getString(0));
            }
        }
        return out;
    }

    @Test
    void rollbackToAndReleaseNestCorrectly() throws Exception {
        String path = dir.resolve("sp.db").toString();
        Random r = new Random(3);
        TreeMap<Long, String> model = new TreeMap<>();
        int root;
        try (Storage s = Storage.open(new TestVfs(), path, StorageOptions.DEFAULT.withPageSize(1024))) {
            s.beginWrite();
            root = s.createTable();
            Rows.addSchemaRow(s, 1, "table", "t", "t", root, "CREATE TABLE t(a,b)");
            try (BTreeCursor t = s.openTableCursor(root)) {
                change(t, model, r, 1500);
            }
            TreeMap<Long, String> atOne = new TreeMap<>(model);
            int one = s.savepoint();
            try (BTreeCursor t = s.openTableCursor(root)) {
                change(t, model, r, 1500);
            }
            TreeMap<Long, String> atTwo = new TreeMap<>(model);
            int two = s.savepoint();
            assertEquals(2, two);
            try (BTreeCursor t = s.openTableCursor(root)) {
                change(t, model, r, 2000);
            }
            s.rollbackToSavepoint(two);
            assertEquals(atTwo, read(s, root));
            assertEquals(List.of("ok"), s.integrityCheck(new int[] {root}, 10));
            model = new TreeMap<>(atTwo);
            try (BTreeCursor t = s.openTableCursor(root)) {
                change(t, model, r, 500);
            }
            s.releaseSavepoint(two);
            s.rollbackToSavepoint(one);
            assertEquals(atOne, read(s, root));
            assertEquals(List.of("ok"), s.integrityCheck(new int[] {root}, 10));
            model = new TreeMap<>(atOne);
            int again = s.savepoint();
            assertEquals(2, again);
            try (BTreeCursor t = s.openTableCursor(root)) {
                change(t, model, r, 800);
            }
            s.releaseSavepoint(again);
            s.releaseSavepoint(one);
            s.commit();
            s.beginRead();
            assertEquals(model, read(s, root));
            assertEquals(List.of("ok"), s.integrityCheck(new int[] {root}, 10));
            s.commit();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + path); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                assertEquals("ok", rs.getString(1));
            }
            TreeMap<Long, String> seen = new TreeMap<>();
            try (ResultSet rs = st.executeQuery("SELECT rowid, a FROM t")) {
                while (rs.next()) {
                    seen.put(rs.getLong(1), rs.getString(2));
                }
            }
            assertEquals(model, seen);
            assertTrue(seen.size() > 500);
        }
    }
}
