/*
 * Java objects to SQL values for binding, as sqlite-jdbc's setObject stores
 * them: integers and booleans as INTEGER (but a Byte as text, as sqlite-jdbc stores it), floating point as REAL, byte[] and
 * streams as BLOB, BigDecimal, UUID, characters and java.time values as their
 * toString() text, java.sql/java.util dates as integer milliseconds (see
 * DateTimes), Blob/Clob read whole.
 */
package turso.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLException;
import java.time.temporal.TemporalAccessor;
import java.util.Calendar;
import java.util.UUID;
import turso.api.ResultCode;
import turso.api.Value;

final class JavaValues {

    private JavaValues() {
    }

    static Value of(Object x) throws SQLException {
        return switch (x) {
            case null -> Value.NULL;
            case Value v -> v;
            case String s -> new Value.Text(s);
            case Integer i -> Value.of(i.longValue());
            case Long l -> Value.of(l.longValue());
            case Short s -> Value.of(s.longValue());
            case Byte b -> new Value.Text(b.toString());
            case Boolean b -> Value.of(b ? 1L : 0L);
            case Double d -> Value.of(d.doubleValue());
            case Float f -> Value.of(f.doubleValue());
            case BigDecimal d -> new Value.Text(d.toString());
            case BigInteger i -> i.bitLength() < 64 ? Value.of(i.longValue()) : new Value.Text(i.toString());
            case byte[] b -> new Value.Blob(b.clone());
            case Character c -> new Value.Text(c.toString());
            case UUID u -> new Value.Text(u.toString());
            case java.util.Date d -> Value.of(d.getTime());
            case Calendar c -> Value.of(c.getTimeInMillis());
            case TemporalAccessor t -> new Value.Text(t.toString());
            case Blob b -> new Value.Blob(b.getBytes(1, (int) b.length()));
            case Clob c -> new Value.Text(c.getSubString(1, (int) c.length()));
            case InputStream in -> new Value.Blob(readAll(in, -1));
            case Reader r -> new Value.Text(readAll(r, -1));
            default -> throw SqlErrors.driver(ResultCode.MISMATCH,
                    "cannot bind a value of " + x.getClass().getName());
        };
    }

    /** Reads a stream whole, or its first {@code length} bytes when length >= 0. */
    static byte[] readAll(InputStream in, long length) throws SQLException {
        if (in == null) {
            return null;
        }
        try {
            return length < 0 ? in.readAllBytes() : in.readNBytes((int) Math.min(Integer.MAX_VALUE, length));
        } catch (IOException e) {
            throw new SQLException("reading the stream failed: " + e.getMessage(), "HY000", e);
        }
    }

    /** Reads a character stream whole, or its first {@code length} characters when length >= 0. */
    static String readAll(Reader in, long length) throws SQLException {
        if (in == null) {
            return null;
        }
        try {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[8192];
            long left = length < 0 ? Long.MAX_VALUE : length;
            int n;
            while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
                sb.append(buf, 0, n);
                left -= n;
            }
            return sb.toString();
        } catch (IOException e) {
            throw new SQLException("reading the stream failed: " + e.getMessage(), "HY000", e);
        }
    }
}
