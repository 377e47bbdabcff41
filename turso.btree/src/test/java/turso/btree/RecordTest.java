/*
 * The record codec and key comparison against real SQLite: records built
 * here are byte-for-byte the records SQLite stores for the same values
 * (serial type choice included), varints round-trip at every length, and
 * sorting tricky values (integers and reals near 2^53 and 2^63, -0.0,
 * NULL, text with multibyte characters, blobs, prefixes) with the record
 * comparator gives SQLite's ORDER BY order; DESC inverts it.
 */
package turso.btree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import turso.api.Value;

class RecordTest {

    @TempDir
    Path dir;

    private static List<Value> trickyValues() {
        List<Value> v = new ArrayList<>();
        v.add(new Value.Null());
        for (long x : new long[] {0, 1, -1, 2, 127, 128, -128, -129, 32767, 32768, 8388607, 8388608, -8388609,
                2147483647L, 2147483648L, 140737488355327L, 140737488355328L, 9007199254740992L, 9007199254740993L,
                Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1}) {
            v.add(new Value.Int(x));
        }
        for (double d : new double[] {0.5, -0.5, 1.0, -0.0, 1.5, 9007199254740992.0, 9007199254740994.0,
                9.223372036854775807E18, -9.223372036854775808E18, 1e300, -1e300, Double.MIN_VALUE, 127.99}) {
            v.add(new Value.Real(d));
        }
        for (String s : new String[] {"", "a", "A", "ab", "abc", "é", "e\u0301", "€", "z", "a\u0000b"}) {
            v.add(new Value.Text(s));
        }
        v.add(new Value.Blob(new byte[0]));
        v.add(new Value.Blob(new byte[] {0}));
        v.add(new Value.Blob(new byte[] {(byte) 0xff}));
        v.add(new Value.Blob(new byte[] {1, 2, 3}));
        v.add(new Value.Blob(new byte[] {1, 2}));
        return v;
    }

    private static void bind(PreparedStatement ps, int i, Value v) throws Exception {
        switch (v) {
            case Value.Null n -> ps.setNull(i, java.sql.Types.NULL);
            case Value.Int x -> ps.setLong(i, x.value());
            case Value.Real x -> ps.setDouble(i, x.value());
            case Value.Text x -> ps.setString(i, x.value());
            case Value.Blob x -> ps.setBytes(i, x.value());
        }
    }

    @Test
    void recordsAreWhatSqliteStores() throws Exception {
        Path db = dir.resolve("rec.db");
        List<Value> values = trickyValues();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t(a, b)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t(rowid, a, b) VALUES (?, ?, ?)")) {
                for (int i = 0; i < values.size(); i++) {
                    ps.setLong(1, i + 1);
                    bind(ps, 2, values.get(i));
                    bind(ps, 3, values.get(values.size() - 1 - i));
                    ps.executeUpdate();
                }
            }
        }
        try (Storage s = Storage.open(new TestVfs(), db.toString(), StorageOptions.DEFAULT)) {
            s.beginRead();
            try (BTreeCursor t = s.openTableCursor(2)) {
                for (int i = 0; i < values.size(); i++) {
                    assertEquals(true, t.seek(i + 1, SeekOp.EQ));
                    Value a = values.get(i);
                    Value b = values.get(values.size() - 1 - i);
                    byte[] mine = Rows.record(a, b);
                    assertArrayEquals(t.record().toByteArray(), mine, "row of " + a + ", " + b);
                }
            }
            s.commit();
        }
    }

    @Test
    void comparisonOrderIsSqlitesOrderBy() throws Exception {
        List<Value> values = trickyValues();
        List<Integer> expected = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE v(i, x)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO v VALUES (?, ?)")) {
                for (int i = 0; i < values.size(); i++) {
                    ps.setInt(1, i);
                    bind(ps, 2, values.get(i));
                    ps.executeUpdate();
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT i FROM v ORDER BY x, i")) {
                while (rs.next()) {
                    expected.add(rs.getInt(1));
                }
            }
        }
        List<Integer> mine = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            mine.add(i);
        }
        mine.sort((p, q) -> {
            int cmp = RecordComparator.compare(Record.of(Rows.record(values.get(p))), Record.of(Rows.record(values.get(q))), KeyInfo.DEFAULT);
            return cmp != 0 ? cmp : Integer.compare(p, q);
        });
        assertEquals(expected, mine);
        List<Integer> desc = new ArrayList<>(mine);
        desc.sort((p, q) -> {
            int cmp = RecordComparator.compare(Record.of(Rows.record(values.get(p))), Record.of(Rows.record(values.get(q))), KeyInfo.of(true));
            return cmp != 0 ? cmp : Integer.compare(p, q);
        });
        List<Integer> expectedDesc = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE v(i, x)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO v VALUES (?, ?)")) {
                for (int i = 0; i < values.size(); i++) {
                    ps.setInt(1, i);
                    bind(ps, 2, values.get(i));
                    ps.executeUpdate();
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT i FROM v ORDER BY x DESC, i")) {
                while (rs.next()) {
                    expectedDesc.add(rs.getInt(1));
                }
            }
        }
        assertEquals(expectedDesc, desc);
    }

    @Test
    void varintsRoundTripAtEveryLength() {
        long[] values = {0, 1, 127, 128, 16383, 16384, (1L << 21) - 1, 1L << 21, (1L << 28) - 1, 1L << 28,
            (1L << 35) - 1, 1L << 35, (1L << 42) - 1, 1L << 42, (1L << 49) - 1, 1L << 49, (1L << 56) - 1, 1L << 56,
            Long.MAX_VALUE, -1, Long.MIN_VALUE};
        int[] lengths = {1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 9, 9};
        for (int i = 0; i < values.length; i++) {
            byte[] b = new byte[9];
            int n = Varint.write(b, 0, values[i]);
            assertEquals(lengths[i], n, "length of " + values[i]);
            assertEquals(n, Varint.length(values[i]));
            assertEquals(values[i], Varint.read(b, 0, n), "value " + values[i]);
            assertEquals(n, Varint.lengthAt(b, 0, 9));
        }
    }
}
