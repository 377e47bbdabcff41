/*
 * Builds a record in SQLite's format from values added one by one: the
 * header of serial types, then the body. Integers take the smallest serial
 * type that holds them (0 and 1 as the constant types of schema format 4),
 * as SQLite writes them, so files written here are byte-for-byte what SQLite
 * would write. A builder is reusable after build() via clear(). Text and
 * blobs may be added as a range of a caller's array, which must not change
 * before build; writeTo() encodes into a caller's buffer, so a key built for
 * every seek allocates nothing.
 */
package turso.btree;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import turso.api.Value;

public final class RecordBuilder {

    private long[] types = new long[8];
    private long[] ints = new long[8];
    private byte[][] bytes = new byte[8][];
    private int n;

    public RecordBuilder clear() {
        Arrays.fill(bytes, 0, n, null);
        n = 0;
        return this;
    }

    public RecordBuilder addNull() {
        return add(0, 0, null);
    }

    public RecordBuilder addLong(long v) {
        return add(SerialTypes.forInt(v), v, null);
    }

    public RecordBuilder addDouble(double v) {
        if (Double.isNaN(v)) {
            return addNull();
        }
        return add(7, Double.doubleToRawLongBits(v), null);
    }

    public RecordBuilder addText(byte[] utf8) {
        return add(13 + 2L * utf8.length, 0, utf8);
    }

    /** Adds the text of {@code utf8[start .. start+length)} without copying it. */
    public RecordBuilder addText(byte[] utf8, int start, int length) {
        return add(13 + 2L * length, start, utf8);
    }

    /** Adds the blob {@code blob[start .. start+length)} without copying it. */
    public RecordBuilder addBlob(byte[] blob, int start, int length) {
        return add(12 + 2L * length, start, blob);
    }

    public RecordBuilder addText(String s) {
        return addText(s.getBytes(StandardCharsets.UTF_8));
    }

    public RecordBuilder addBlob(byte[] blob) {
        return add(12 + 2L * blob.length, 0, blob);
    }

    public RecordBuilder add(Value v) {
        return switch (v) {
            case Value.Null x -> addNull();
            case Value.Int i -> addLong(i.value());
            case Value.Real r -> addDouble(r.value());
            case Value.Text t -> addText(t.value());
            case Value.Blob b -> addBlob(b.value());
        };
    }

    /** For text and blobs {@code value} is where the bytes start in {@code data}. */
    private RecordBuilder add(long type, long value, byte[] data) {
        if (n == types.length) {
            types = Arrays.copyOf(types, n * 2);
            ints = Arrays.copyOf(ints, n * 2);
            bytes = Arrays.copyOf(bytes, n * 2);
        }
        types[n] = type;
        ints[n] = value;
        bytes[n] = data;
        n++;
        return this;
    }

    /** The encoded record. */
    public byte[] build() {
        byte[] out = new byte[size()];
        writeTo(out);
        return out;
    }

    /** The size of the encoded record. */
    public int size() {
        int typesLen = 0;
        long bodyLen = 0;
        for (int i = 0; i < n; i++) {
            typesLen += Varint.length(types[i]);
            bodyLen += SerialTypes.size(types[i]);
        }
        int varintLen = 1;
        while (Varint.length(typesLen + varintLen) > varintLen) {
            varintLen++;
        }
        int headerLen = typesLen + varintLen;
        long total = headerLen + bodyLen;
        if (total > Integer.MAX_VALUE - 16) {
            throw new turso.api.TursoException(turso.api.ResultCode.TOOBIG);
        }
        return (int) total;
    }

    /** Encodes the record at the start of {@code out}, which holds at least {@link #size()} bytes. */
    public void writeTo(byte[] out) {
        int typesLen = 0;
        for (int i = 0; i < n; i++) {
            typesLen += Varint.length(types[i]);
        }
        int varintLen = 1;
        while (Varint.length(typesLen + varintLen) > varintLen) {
            varintLen++;
        }
        int p = Varint.write(out, 0, typesLen + varintLen);
        for (int i = 0; i < n; i++) {
            p += Varint.write(out, p, types[i]);
        }
        for (int i = 0; i < n; i++) {
            long t = types[i];
            if (t >= 12) {
                int len = SerialTypes.size(t);
                System.arraycopy(bytes[i], (int) ints[i], out, p, len);
                p += len;
            } else if (t == 7) {
                writeBigEndian(out, p, ints[i], 8);
                p += 8;
            } else if (t >= 1 && t <= 6) {
                int len = SerialTypes.size(t);
                writeBigEndian(out, p, ints[i], len);
                p += len;
            }
        }
    }

    private static void writeBigEndian(byte[] out, int p, long v, int len) {
        for (int i = len - 1; i >= 0; i--) {
            out[p + i] = (byte) v;
            v >>= 8;
        }
    }
}
