/*
 * Files written by real SQLite (sqlite-jdbc) read back here: page sizes 512
 * to 65536, payloads from 1 byte to 10 MB (overflow chains), many rows
 * (100k; 1M with -Dturso.long=true), a two-column index, rows deleted so
 * the file has freelist pages. Every value must equal what SQLite itself
 * reads, seeks must land where SQL's min/max say, and this module's
 * integrity check must find the file sound.
 */
package turso.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import turso.api.Value;

class SqliteWritesTest {

    @TempDir
    Path dir;

    static int rows() {
        return Boolean.getBoolean("turso.long") ? 1_000_000 : 100_000;
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 1024, 4096, 65536})
    void readsEverythingSqliteWrote(int pageSize) throws Exception {
        String path = dir.resolve("s" + pageSize + ".db").toString();
        int n = pageSize == 65536 || pageSize == 512 ? rows() / 4 : rows();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + path); Statement st = c.createStatement()) {
            st.execute("PRAGMA page_size=" + pageSize);
            st.execute("CREATE TABLE t(a, b, c)");
            st.execute("CREATE INDEX i ON t(a, b)");
            c.setAutoCommit(false);
            Random r = new Random(pageSize);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t(rowid, a, b, c) VALUES (?, ?, ?, ?)")) {
                for (int i = 1; i <= n; i++) {
                    ps.setLong(1, i * 3L + r.nextInt(3));
                    switch (i % 5) {
                        case 0 -> ps.setLong(2, r.nextInt(1000) - 500);
                        case 1 -> ps.setString(2, Rows.randomText(r, r.nextInt(30)));
                        case 2 -> ps.setDouble(2, r.nextDouble() * 100);
                        case 3 -> ps.setNull(2, java.sql.Types.NULL);
                        default -> ps.setBytes(2, new byte[] {(byte) r.nextInt(), 1});
                    }
                    byte[] blob = new byte[i % 1000 == 0 ? 1 + r.nextInt(200_000) : 1 + r.nextInt(i % 7 == 0 ? 3000 : 60)];
                    r.nextBytes(blob);
                    ps.setBytes(3, blob);
                    ps.setString(4, i % 3 == 0 ? null : "row " + i);
                    ps.addBatch();
                    if (i % 10_000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
                byte[] big = new byte[10 * 1024 * 1024];
                r.nextBytes(big);
                ps.setLong(1, Long.MAX_VALUE);
                ps.setString(2, "big");
                ps.setBytes(3, big);
                ps.setNull(4, java.sql.Types.NULL);
                ps.executeUpdate();
            }
            st.execute("DELETE FROM t WHERE rowid % 7 = 1");
            c.commit();
            c.setAutoCommit(true);
            try (ResultSet rs = st.executeQuery("PRAGMA freelist_count")) {
                assertTrue(rs.getLong(1) > 0, "the file has free pages");
            }
        }

        try (Storage s = Storage.open(new TestVfs(), path, StorageOptions.DEFAULT.withCacheSize(100));
             Connection c = DriverManager.getConnection("jdbc:sqlite:" + path); Statement st = c.createStatement()) {
            s.beginRead();
            assertEquals(pageSize, s.pageSize());
            int root = 0;
            int iroot = 0;
            try (BTreeCursor schema = s.openTableCursor(Storage.SCHEMA_ROOT)) {
                for (boolean ok = schema.first(); ok; ok = schema.next()) {
                    Record rec = schema.record();
                    if (rec.getString(1).equals("t")) {
                        root = (int) rec.getLong(3);
                    } else if (rec.getString(1).equals("i")) {
                        iroot = (int) rec.getLong(3);
                    }
                }
            }
            assertEquals(List.of("ok"), s.integrityCheck(new int[] {root, iroot}, 10));
            try (BTreeCursor t = s.openTableCursor(root);
                 ResultSet rs = st.executeQuery("SELECT rowid, typeof(a), a, typeof(b), b, typeof(c), c FROM t ORDER BY rowid")) {
                long count = 0;
                for (boolean ok = t.first(); ok; ok = t.next()) {
                    assertTrue(rs.next());
                    assertEquals(rs.getLong(1), t.rowid());
                    for (int col = 0; col < 3; col++) {
                        Rows.assertSame(t.record(), col, rs, 2 + 2 * col, "rowid " + t.rowid());
                    }
                    count++;
                }
                assertFalse(rs.next());
                assertEquals(count, t.count());
            }
            try (BTreeCursor ix = s.openIndexCursor(iroot, KeyInfo.DEFAULT);
                 ResultSet rs = st.executeQuery("SELECT typeof(a), a, typeof(b), b, rowid FROM t ORDER BY a, b, rowid")) {
                for (boolean ok = ix.first(); ok; ok = ix.next()) {
                    assertTrue(rs.next());
                    Record key = ix.key();
                    Rows.assertSame(key, 0, rs, 1, "index a");
                    Rows.assertSame(key, 1, rs, 3, "index b");
                    assertEquals(rs.getLong(5), key.getLong(2));
                }
                assertFalse(rs.next());
            }
            checkSeeks(s, root, iroot, c);
            s.commit();
        }
    }

    private static void checkSeeks(Storage s, int root, int iroot, Connection c) throws Exception {
        Random r = new Random(7);
        try (BTreeCursor t = s.openTableCursor(root); BTreeCursor ix = s.openIndexCursor(iroot, KeyInfo.DEFAULT);
             PreparedStatement ge = c.prepareStatement("SELECT min(rowid) FROM t WHERE rowid >= ?");
             PreparedStatement gt = c.prepareStatement("SELECT min(rowid) FROM t WHERE rowid > ?");
             PreparedStatement le = c.prepareStatement("SELECT max(rowid) FROM t WHERE rowid <= ?");
             PreparedStatement lt = c.prepareStatement("SELECT max(rowid) FROM t WHERE rowid < ?");
             PreparedStatement ige = c.prepareStatement("SELECT rowid, a FROM t WHERE a >= ? ORDER BY a, b, rowid LIMIT 1");
             PreparedStatement ilt = c.prepareStatement("SELECT * FROM (SELECT rowid, a FROM t WHERE a < ? ORDER BY a DESC, b DESC, rowid DESC LIMIT 1)"
                     + " UNION ALL SELECT * FROM (SELECT rowid, a FROM t WHERE a IS NULL ORDER BY a DESC, b DESC, rowid DESC LIMIT 1) LIMIT 1")) {
            for (int i = 0; i < 500; i++) {
                long key = r.nextInt(rows() * 3 + 10) - 5;
                expectSeek(t, key, SeekOp.GE, ge);
                expectSeek(t, key, SeekOp.GT, gt);
                expectSeek(t, key, SeekOp.LE, le);
                expectSeek(t, key, SeekOp.LT, lt);
                boolean eq = t.seek(key, SeekOp.EQ);
                ge.setLong(1, key);
                try (ResultSet rs = ge.executeQuery()) {
                    assertEquals(rs.getLong(1) == key && !rs.wasNull(), eq, "EQ " + key);
                }
                Value probe = i % 2 == 0 ? new Value.Int(r.nextInt(1100) - 550) : new Value.Text(Rows.randomText(r, 2));
                Record pk = Record.of(Rows.record(probe));
                expectIndexSeek(ix, pk, SeekOp.GE, ige, probe);
                expectIndexSeek(ix, pk, SeekOp.LT, ilt, probe);
            }
        }
    }

    private static void expectSeek(BTreeCursor t, long key, SeekOp op, PreparedStatement ps) throws Exception {
        ps.setLong(1, key);
        try (ResultSet rs = ps.executeQuery()) {
            long want = rs.getLong(1);
            boolean found = !rs.wasNull();
            assertEquals(found, t.seek(key, op), op + " " + key);
            if (found) {
                assertEquals(want, t.rowid(), op + " " + key);
            }
        }
    }

    private static void expectIndexSeek(BTreeCursor ix, Record key, SeekOp op, PreparedStatement ps, Value probe) throws Exception {
        switch (probe) {
            case Value.Int i -> ps.setLong(1, i.value());
            case Value.Text tx -> ps.setString(1, tx.value());
            default -> throw new IllegalArgumentException();
        }
        try (ResultSet rs = ps.executeQuery()) {
            boolean found = rs.next();
            assertEquals(found, ix.seek(key, op), op + " " + probe);
            if (found) {
                assertEquals(rs.getLong(1), ix.key().getLong(2), op + " " + probe + " sqlite: " + rs.getObject(2) + " ours: " + ix.key().value(0));
            }
        }
    }
}
