/*
 * Index keys with a collation and a descending column, as SQLite compares
 * them: an index "ON t(a COLLATE NOCASE DESC, b)" filled here through a
 * NOCASE collation (ASCII case folding, as SQLite's) must pass real
 * SQLite's integrity check, which re-checks the order with SQLite's own
 * collation, and scan in the order of SQLite's ORDER BY.
 */
package turso.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import turso.api.Value;
import turso.api.spi.Collation;

class CollationTest {

    @TempDir
    Path dir;

    private static final Collation NOCASE = new Collation() {
        @Override
        public String name() {
            return "NOCASE";
        }

        @Override
        public int compare(byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen) {
            int n = Math.min(aLen, bLen);
            for (int i = 0; i < n; i++) {
                int x = fold(a[aOff + i] & 0xff);
                int y = fold(b[bOff + i] & 0xff);
                if (x != y) {
                    return x - y;
                }
            }
            return aLen - bLen;
        }

        private int fold(int c) {
            return c >= 'A' && c <= 'Z' ? c + 32 : c;
        }
    };

    @Test
    void nocaseDescendingIndexMatchesSqlite() throws Exception {
        String path = dir.resolve("coll.db").toString();
        KeyInfo info = new KeyInfo(new Collation[] {NOCASE, KeyInfo.BINARY}, new boolean[] {true, false});
        Random r = new Random(8);
        try (Storage s = Storage.open(new TestVfs(), path, StorageOptions.DEFAULT.withPageSize(1024))) {
            s.beginWrite();
            int root = s.createTable();
            int iroot = s.createIndex();
            Rows.addSchemaRow(s, 1, "table", "t", "t", root, "CREATE TABLE t(a, b)");
            Rows.addSchemaRow(s, 2, "index", "i", "t", iroot, "CREATE INDEX i ON t(a COLLATE NOCASE DESC, b)");
            try (BTreeCursor t = s.openTableCursor(root); BTreeCursor ix = s.openIndexCursor(iroot, info)) {
                for (long k = 1; k <= 4000; k++) {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0, n = r.nextInt(4); i < n; i++) {
                        char c = (char) ('a' + r.nextInt(3));
                        sb.append(r.nextBoolean() ? Character.toUpperCase(c) : c);
                    }
                    Value a = k % 10 == 0 ? new Value.Int(k % 7) : new Value.Text(sb.toString());
                    Value b = new Value.Int(r.nextInt(5));
                    t.insert(k, Rows.record(a, b));
                    ix.insert(Rows.record(a, b, new Value.Int(k)));
                }
            }
            s.commit();
        }
        List<Long> ours = new ArrayList<>();
        try (Storage s = Storage.open(new TestVfs(), path, StorageOptions.DEFAULT)) {
            s.beginRead();
            try (BTreeCursor ix = s.openIndexCursor(3, info)) {
                for (boolean ok = ix.first(); ok; ok = ix.next()) {
                    ours.add(ix.key().getLong(2));
                }
            }
            s.commit();
        }
        List<Long> theirs = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + path); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                assertEquals("ok", rs.getString(1));
            }
            try (ResultSet rs = st.executeQuery("SELECT rowid FROM t ORDER BY a COLLATE NOCASE DESC, b, rowid")) {
                while (rs.next()) {
                    theirs.add(rs.getLong(1));
                }
            }
        }
        assertEquals(theirs, ours);
    }
}
