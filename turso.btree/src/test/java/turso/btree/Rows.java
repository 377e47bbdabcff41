/*
 * Test helpers: random SQL values, building records from them, comparing a
 * record read here with a row read through sqlite-jdbc, and writing a
 * sqlite_schema row so real SQLite sees the trees these tests create.
 */
package turso.btree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Random;
import turso.api.Value;

final class Rows {

    private Rows() {
    }

    static Value randomValue(Random r, int maxBlob) {
        return switch (r.nextInt(8)) {
            case 0 -> new Value.Null();
            case 1 -> new Value.Int(r.nextInt(3) - 1);
            case 2 -> new Value.Int(r.nextLong() >> r.nextInt(64));
            case 3 -> new Value.Real(r.nextGaussian() * Math.pow(10, r.nextInt(20) - 10));
            case 4, 5 -> new Value.Text(randomText(r, r.nextInt(3) == 0 ? r.nextInt(maxBlob / 2 + 1) : r.nextInt(40)));
            default -> {
                byte[] b = new byte[r.nextInt(4) == 0 ? r.nextInt(maxBlob + 1) : r.nextInt(50)];
                r.nextBytes(b);
                yield new Value.Blob(b);
            }
        };
    }

    static String randomText(Random r, int len) {
        StringBuilder sb = new StringBuilder(len);
        for (int i = 0; i < len; i++) {
            int k = r.nextInt(20);
            sb.append(k == 0 ? 'é' : k == 1 ? '€' : (char) ('a' + r.nextInt(26)));
        }
        return sb.toString();
    }

    static byte[] record(Value... values) {
        RecordBuilder b = new RecordBuilder();
        for (Value v : values) {
            b.add(v);
        }
        return b.build();
    }

    /** Asserts that column {@code col} of {@code rec} equals column {@code typeCol} (typeof) / {@code typeCol + 1} (value) of the JDBC row. */
    static void assertSame(Record rec, int col, ResultSet rs, int typeCol, String where) throws SQLException {
        String type = rs.getString(typeCol);
        assertEquals(type, rec.type(col).typeofName(), where + " type");
        switch (type) {
            case "integer" -> assertEquals(rs.getLong(typeCol + 1), rec.getLong(col), where);
            case "real" -> assertEquals(rs.getDouble(typeCol + 1), rec.getDouble(col), where);
            case "text" -> assertArrayEquals(rs.getString(typeCol + 1).getBytes(StandardCharsets.UTF_8), rec.getBytes(col), where);
            case "blob" -> assertArrayEquals(rs.getBytes(typeCol + 1), rec.getBytes(col), where);
            default -> {
            }
        }
    }

    static void assertSame(Value v, Record rec, int col, String where) {
        assertEquals(v.type(), rec.type(col), where + " type");
        switch (v) {
            case Value.Int i -> assertEquals(i.value(), rec.getLong(col), where);
            case Value.Real d -> assertEquals(d.value(), rec.getDouble(col), where);
            case Value.Text t -> assertEquals(t.value(), rec.getString(col), where);
            case Value.Blob b -> assertArrayEquals(b.value(), rec.getBytes(col), where);
            case Value.Null n -> {
            }
        }
    }

    /** Adds a row to sqlite_schema and bumps the schema cookie, as CREATE TABLE/INDEX would. */
    static void addSchemaRow(Storage s, long rowid, String type, String name, String table, int root, String sql) {
        try (BTreeCursor c = s.openTableCursor(Storage.SCHEMA_ROOT)) {
            c.insert(rowid, record(new Value.Text(type), new Value.Text(name), new Value.Text(table),
                    new Value.Int(root), new Value.Text(sql)));
        }
        s.setHeaderField(HeaderField.SCHEMA_COOKIE, s.headerField(HeaderField.SCHEMA_COOKIE) + 1);
    }
}
