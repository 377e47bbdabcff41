/*
 * Files written by this module, checked by real SQLite (sqlite-jdbc): random
 * inserts, replaces and deletes of mixed types and sizes (overflow
 * included) in a table and an index over several transactions, some rolled
 * back; then SQLite's PRAGMA integrity_check must say ok (it also checks the
 * index against the table) and SQLite must read back exactly the model.
 */
package turso.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import turso.api.Value;

class WritesHereTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {512, 1024, 4096, 65536})
    void randomChangesPassSqliteIntegrityCheck(int pageSize) throws Exception {
        String path = dir.resolve("w" + pageSize + ".db").toString();
        Random r = new Random(pageSize);
        TreeMap<Long, Value[]> model = new TreeMap<>();
        int root;
        int iroot;
        try (Storage s = Storage.open(new TestVfs(), path, StorageOptions.DEFAULT.withPageSize(pageSize).withCacheSize(50))) {
            s.beginWrite();
            root = s.createTable();
            iroot = s.createIndex();
            Rows.addSchemaRow(s, 1, "table", "t", "t", root, "CREATE TABLE t(a,b,c)");
            Rows.addSchemaRow(s, 2, "index", "i", "t", iroot, "CREATE INDEX i ON t(a)");
            s.commit();
            for (int tx = 0; tx < 12; tx++) {
                boolean rollback = tx % 4 == 3;
                TreeMap<Long, Value[]> work = new TreeMap<>(model);
                s.beginWrite();
                try (BTreeCursor t = s.openTableCursor(root); BTreeCursor ix = s.openIndexCursor(iroot, KeyInfo.DEFAULT)) {
                    int ops = 300 + r.nextInt(700);
                    for (int op = 0; op < ops; op++) {
                        int kind = r.nextInt(10);
                        if (kind < 6 || work.isEmpty()) {
                            long rowid = r.nextInt(5) == 0 ? r.nextLong() : r.nextInt(20000);
                            Value[] row = {Rows.randomValue(r, 3000), Rows.randomValue(r, pageSize * 3), Rows.randomValue(r, 200)};
                            if (r.nextInt(200) == 0) {
                                row[1] = new Value.Blob(new byte[300_000 + r.nextInt(100_000)]);
                            }
                            Value[] old = work.put(rowid, row);
                            if (old != null) {
                                deleteKey(ix, old[0], rowid);
                            }
                            t.insert(rowid, Rows.record(row));
                            ix.insert(Rows.record(row[0], new Value.Int(rowid)));
                        } else {
                            Long key = work.ceilingKey(r.nextLong());
                            if (key == null) {
                                key = work.firstKey();
                            }
                            Value[] old = work.remove(key);
                            assertTrue(t.seek(key, SeekOp.EQ), "row " + key);
                            t.delete();
                            deleteKey(ix, old[0], key);
                        }
                    }
                }
                if (rollback) {
                    s.rollback();
                } else {
                    s.commit();
                    model = work;
                }
                s.beginRead();
                assertEquals(List.of("ok"), s.integrityCheck(new int[] {root, iroot}, 10), "tx " + tx);
                try (BTreeCursor t = s.openTableCursor(root)) {
                    assertEquals(model.size(), t.count());
                    Iterator<Map.Entry<Long, Value[]>> it = model.entrySet().iterator();
                    for (boolean ok = t.first(); ok; ok = t.next()) {
                        Map.Entry<Long, Value[]> e = it.next();
                        assertEquals(e.getKey(), t.rowid());
                        for (int c = 0; c < 3; c++) {
                            Rows.assertSame(e.getValue()[c], t.record(), c, "row " + e.getKey());
                        }
                    }
                    assertFalse(it.hasNext());
                }
                s.commit();
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + path); Statement st = c.createStatement()) {
            List<String> result = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                while (rs.next()) {
                    result.add(rs.getString(1));
                }
            }
            assertEquals(List.of("ok"), result);
            try (ResultSet rs = st.executeQuery("SELECT rowid, typeof(a), a, typeof(b), b, typeof(c), c FROM t ORDER BY rowid")) {
                Iterator<Map.Entry<Long, Value[]>> it = model.entrySet().iterator();
                while (rs.next()) {
                    Map.Entry<Long, Value[]> e = it.next();
                    assertEquals(e.getKey(), rs.getLong(1));
                    Record rec = Record.of(Rows.record(e.getValue()));
                    for (int col = 0; col < 3; col++) {
                        Rows.assertSame(rec, col, rs, 2 + 2 * col, "row " + e.getKey());
                    }
                }
                assertFalse(it.hasNext());
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM t INDEXED BY i WHERE a IS NOT NULL OR a IS NULL")) {
                assertEquals(model.size(), rs.getLong(1));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 4096})
    void massDeletesShrinkTreesAndFreePagesAreReused(int pageSize) throws Exception {
        String path = dir.resolve("d" + pageSize + ".db").toString();
        Random r = new Random(99);
        int n = 20_000;
        List<Long> keys = new ArrayList<>();
        int root;
        int iroot;
        long fullPages;
        try (Storage s = Storage.open(new TestVfs(), path, StorageOptions.DEFAULT.withPageSize(pageSize))) {
            s.beginWrite();
            root = s.createTable();
            iroot = s.createIndex();
            Rows.addSchemaRow(s, 1, "table", "t", "t", root, "CREATE TABLE t(a,b)");
            Rows.addSchemaRow(s, 2, "index", "i", "t", iroot, "CREATE INDEX i ON t(a)");
            try (BTreeCursor t = s.openTableCursor(root); BTreeCursor ix = s.openIndexCursor(iroot, KeyInfo.DEFAULT)) {
                for (long k = 1; k <= n; k++) {
                    Value a = new Value.Text(Rows.randomText(r, 5 + r.nextInt(60)));
                    t.insert(k, Rows.record(a, new Value.Blob(new byte[r.nextInt(10) == 0 ? pageSize * 2 : 20])));
                    ix.insert(Rows.record(a, new Value.Int(k)));
                    keys.add(k);
                }
            }
            s.commit();
            s.beginRead();
            fullPages = s.pageCount();
            s.commit();
            java.util.Collections.shuffle(keys, r);
            s.beginWrite();
            try (BTreeCursor t = s.openTableCursor(root); BTreeCursor ix = s.openIndexCursor(iroot, KeyInfo.DEFAULT)) {
                for (int i = 0; i < keys.size(); i++) {
                    if (i % 50 == 0) {
                        continue;
                    }
                    long k = keys.get(i);
                    assertTrue(t.seek(k, SeekOp.EQ));
                    Value a = t.record().value(0);
                    t.delete();
                    deleteKey(ix, a, k);
                }
            }
            s.commit();
            s.beginRead();
            assertEquals(List.of("ok"), s.integrityCheck(new int[] {root, iroot}, 10));
            long free = s.headerField(HeaderField.FREELIST_COUNT);
            assertTrue(free > fullPages / 2, "most pages are free: " + free + " of " + fullPages);
            try (BTreeCursor t = s.openTableCursor(root); BTreeCursor ix = s.openIndexCursor(iroot, KeyInfo.DEFAULT)) {
                assertEquals(n / 50, t.count());
                assertEquals(n / 50, ix.count());
            }
            s.commit();
            s.beginWrite();
            try (BTreeCursor t = s.openTableCursor(root); BTreeCursor ix = s.openIndexCursor(iroot, KeyInfo.DEFAULT)) {
                for (long k = n + 1; k <= n + 5000; k++) {
                    t.insert(k, Rows.record(new Value.Int(k), new Value.Blob(new byte[20])));
                    ix.insert(Rows.record(new Value.Int(k), new Value.Int(k)));
                }
            }
            s.commit();
            s.beginRead();
            assertEquals(fullPages, s.pageCount(), "new rows reuse free pages instead of growing the file");
            s.commit();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + path); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                assertEquals("ok", rs.getString(1));
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM t")) {
                assertEquals(n / 50 + 5000, rs.getLong(1));
            }
        }
    }

    @org.junit.jupiter.api.Test
    void clearAndDropReturnEveryPageToTheFreelist() throws Exception {
        String path = dir.resolve("drop.db").toString();
        Random r = new Random(5);
        int root;
        try (Storage s = Storage.open(new TestVfs(), path, StorageOptions.DEFAULT.withPageSize(1024))) {
            s.beginWrite();
            root = s.createTable();
            int iroot = s.createIndex();
            Rows.addSchemaRow(s, 1, "table", "t", "t", root, "CREATE TABLE t(a,b)");
            Rows.addSchemaRow(s, 2, "index", "i", "t", iroot, "CREATE INDEX i ON t(a)");
            try (BTreeCursor t = s.openTableCursor(root); BTreeCursor ix = s.openIndexCursor(iroot, KeyInfo.DEFAULT)) {
                for (long k = 1; k <= 3000; k++) {
                    Value a = Rows.randomValue(r, 5000);
                    t.insert(k, Rows.record(a, new Value.Blob(new byte[r.nextInt(20) == 0 ? 20_000 : 30])));
                    ix.insert(Rows.record(a, new Value.Int(k)));
                }
            }
            s.commit();
            s.beginWrite();
            s.clearTree(root);
            s.dropTree(iroot);
            try (BTreeCursor schema = s.openTableCursor(Storage.SCHEMA_ROOT)) {
                assertTrue(schema.seek(2, SeekOp.EQ));
                schema.delete();
            }
            s.commit();
            s.beginRead();
            assertEquals(List.of("ok"), s.integrityCheck(new int[] {root}, 10));
            assertEquals(s.pageCount() - 2, s.headerField(HeaderField.FREELIST_COUNT), "all but page 1 and the root are free");
            try (BTreeCursor t = s.openTableCursor(root)) {
                assertFalse(t.first());
                assertEquals(0, t.count());
            }
            s.commit();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + path); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                assertEquals("ok", rs.getString(1));
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM t")) {
                assertEquals(0, rs.getLong(1));
            }
        }
    }

    @org.junit.jupiter.api.Test
    void schemaTreeOnPageOneGrowsAndShrinks() throws Exception {
        String path = dir.resolve("schema.db").toString();
        try (Storage s = Storage.open(new TestVfs(), path, StorageOptions.DEFAULT.withPageSize(512))) {
            s.beginWrite();
            for (int i = 1; i <= 400; i++) {
                Rows.addSchemaRow(s, i, "view", "v" + i, "v" + i, 0, "CREATE VIEW v" + i + " AS SELECT " + i + " AS x");
            }
            s.commit();
            s.beginWrite();
            try (BTreeCursor c = s.openTableCursor(Storage.SCHEMA_ROOT)) {
                for (int i = 1; i <= 400; i++) {
                    if (i % 10 != 0) {
                        assertTrue(c.seek(i, SeekOp.EQ));
                        c.delete();
                    }
                }
            }
            s.setHeaderField(HeaderField.SCHEMA_COOKIE, s.headerField(HeaderField.SCHEMA_COOKIE) + 1);
            s.commit();
            s.beginRead();
            assertEquals(List.of("ok"), s.integrityCheck(new int[0], 10));
            s.commit();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + path); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                assertEquals("ok", rs.getString(1));
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*), sum(x) FROM (SELECT x FROM v10 UNION ALL SELECT x FROM v400)")) {
                assertEquals(2, rs.getLong(1));
                assertEquals(410, rs.getLong(2));
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_schema")) {
                assertEquals(40, rs.getLong(1));
            }
        }
    }

    private static void deleteKey(BTreeCursor ix, Value a, long rowid) {
        assertTrue(ix.seek(Record.of(Rows.record(a, new Value.Int(rowid))), SeekOp.EQ), "index key of " + rowid);
        ix.delete();
    }
}
