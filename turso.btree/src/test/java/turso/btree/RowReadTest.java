/*
 * Reading rows the way a scan does, against what real SQLite (sqlite-jdbc)
 * reads from the same file: a cursor walking a table forward and backward
 * (the next cell of a leaf is reached without re-walking the path), its
 * rowid asked before or after its columns, and columns read sparsely and out
 * of order from records whose headers are longer than eight bytes (many
 * columns, text long enough for two-byte serial types), so that the header
 * is decoded only as far as the columns read; with small pages, rows spill
 * to overflow pages. A table altered with ADD COLUMN keeps short records.
 */
package turso.btree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RowReadTest {

    private static final int COLUMNS = 24;
    private static final int ROWS = 3000;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {512, 4096})
    void scansReadWhatSqliteReads(int pageSize) throws Exception {
        String path = dir.resolve("w" + pageSize + ".db").toString();
        StringBuilder cols = new StringBuilder();
        for (int k = 0; k < COLUMNS; k++) {
            cols.append(k == 0 ? "" : ", ").append("c").append(k);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + path); Statement st = c.createStatement()) {
            st.execute("PRAGMA page_size=" + pageSize);
            st.execute("CREATE TABLE t(" + cols + ")");
            c.setAutoCommit(false);
            Random r = new Random(pageSize);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t(rowid, " + cols + ") VALUES (?"
                    + ", ?".repeat(COLUMNS) + ")")) {
                for (int i = 1; i <= ROWS; i++) {
                    ps.setLong(1, i * 5L + r.nextInt(5));
                    for (int k = 0; k < COLUMNS; k++) {
                        switch ((i + k) % 6) {
                            case 0 -> ps.setLong(k + 2, r.nextLong() >> r.nextInt(64));
                            case 1 -> ps.setString(k + 2, Rows.randomText(r, r.nextInt(4) == 0 ? 60 + r.nextInt(200) : r.nextInt(20)));
                            case 2 -> ps.setDouble(k + 2, r.nextGaussian() * 1e6);
                            case 3 -> ps.setNull(k + 2, java.sql.Types.NULL);
                            case 4 -> ps.setLong(k + 2, r.nextInt(3));
                            default -> ps.setBytes(k + 2, new byte[r.nextInt(i % 50 == 0 ? 900 : 30)]);
                        }
                    }
                    ps.executeUpdate();
                }
            }
            c.commit();
            c.setAutoCommit(true);
            st.execute("ALTER TABLE t ADD COLUMN extra DEFAULT 7");
            st.execute("INSERT INTO t(rowid, c0, extra) VALUES (1000000, 'last', 8)");
        }
        List<Object[]> expected = new ArrayList<>();
        StringBuilder select = new StringBuilder("SELECT rowid");
        for (int k = 0; k < COLUMNS; k++) {
            select.append(", typeof(c").append(k).append("), c").append(k);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + path); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(select + " FROM t ORDER BY rowid")) {
            while (rs.next()) {
                Object[] row = new Object[1 + 2 * COLUMNS];
                for (int k = 0; k < row.length; k++) {
                    row[k] = rs.getObject(k + 1);
                }
                expected.add(row);
            }
        }
        try (Storage s = Storage.open(new TestVfs(), path, StorageOptions.DEFAULT)) {
            s.beginRead();
            try (BTreeCursor t = s.openTableCursor(2)) {
                Random r = new Random(7);
                int i = 0;
                for (boolean ok = t.first(); ok; ok = t.next()) {
                    check(t, expected.get(i++), r);
                }
                assertEquals(expected.size(), i);
                for (boolean ok = t.last(); ok; ok = t.prev()) {
                    check(t, expected.get(--i), r);
                }
                assertEquals(0, i);
                assertTrue(t.seek(1000000, SeekOp.EQ));
                assertEquals(COLUMNS + 1, t.record().columnCount());
                assertEquals(8, t.record().getLong(COLUMNS));
                assertFalse(t.next());
            }
            s.commit();
        }
    }

    /** Reads the cursor's row as a scan would (a few columns, any order, rowid first or last) and compares it. */
    private static void check(BTreeCursor t, Object[] row, Random r) {
        boolean rowidFirst = r.nextBoolean();
        if (rowidFirst) {
            assertEquals(((Number) row[0]).longValue(), t.rowid());
        }
        Record rec = t.record();
        int reads = 1 + r.nextInt(4);
        for (int n = 0; n < reads; n++) {
            int k = r.nextInt(COLUMNS);
            String where = "rowid " + row[0] + " column c" + k;
            String type = (String) row[1 + 2 * k];
            Object v = row[2 + 2 * k];
            assertEquals(type, rec.type(k).typeofName(), where);
            switch (type) {
                case "integer" -> assertEquals(((Number) v).longValue(), rec.getLong(k), where);
                case "real" -> assertEquals(((Number) v).doubleValue(), rec.getDouble(k), where);
                case "text" -> assertEquals(v, rec.getString(k), where);
                case "blob" -> assertArrayEquals(v == null ? new byte[0] : (byte[]) v, rec.getBytes(k), where);
                default -> assertTrue(rec.isNull(k), where);
            }
        }
        if (r.nextInt(8) == 0) {
            assertEquals(((Number) row[0]).longValue() == 1000000 ? COLUMNS + 1 : COLUMNS, rec.columnCount(),
                    "columns of rowid " + row[0]);
        }
        if (!rowidFirst) {
            assertEquals(((Number) row[0]).longValue(), t.rowid());
        }
    }
}
