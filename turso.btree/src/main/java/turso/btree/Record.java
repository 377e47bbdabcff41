/*
 * A read-only view of one record in SQLite's record format (a header of
 * serial types, then the values), decoded lazily: reset() only remembers
 * where the bytes are, the header is parsed on the first column access, and
 * a value is decoded only when asked for. The view can be reset to another
 * record without allocating, so a scan reuses one instance. The bytes it
 * points into (a page of the cache) are valid until the cursor moves.
 */
package turso.btree;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import turso.api.DataType;
import turso.api.Value;

public final class Record {

    private static final ValueLayout.OfLong I64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private MemorySegment segment;
    private long base;
    private int size;
    private long declaredSize;
    private boolean parsed;
    private int columns;
    private long[] types = new long[8];
    private int[] offsets = new int[8];
    /** The header's bytes, copied out of the segment by parse(). */
    private byte[] header = new byte[32];

    public Record() {
    }

    /** A view of a record held in a byte array (as built by {@link RecordBuilder}). */
    public static Record of(byte[] bytes) {
        Record r = new Record();
        r.reset(MemorySegment.ofArray(bytes), 0, bytes.length);
        return r;
    }

    /** Points this view at the {@code size} bytes of a record at {@code base} in {@code segment}. */
    public void reset(MemorySegment segment, long base, int size) {
        resetPrefix(segment, base, size, size);
    }

    /**
     * Points this view at the first {@code available} bytes of a record of
     * {@code declaredSize} bytes: the header is checked against the whole
     * record, and only columns lying in the available prefix may be read.
     */
    void resetPrefix(MemorySegment segment, long base, int available, long declaredSize) {
        this.segment = segment;
        this.base = base;
        this.size = available;
        this.declaredSize = declaredSize;
        this.parsed = false;
    }

    /** Bytes of the record needed to read columns {@code 0..n-1}. */
    long prefixFor(int n) {
        parse();
        if (n >= columns) {
            return declaredSize;
        }
        return offsets[n];
    }

    /** The record's size in bytes. */
    public int size() {
        return size;
    }

    /** A copy of the record's bytes. */
    public byte[] toByteArray() {
        return segment.asSlice(base, size).toArray(ValueLayout.JAVA_BYTE);
    }

    /** The number of columns the header describes. */
    public int columnCount() {
        parse();
        return columns;
    }

    /** The serial type of column {@code col} (0 NULL, 1..6 integers, 7 real, 8/9 the constants 0/1, ≥12 blob/text). */
    public long serialType(int col) {
        parse();
        return col < columns ? types[col] : 0;
    }

    /** The storage class of column {@code col}; a column past the end of a short record is NULL. */
    public DataType type(int col) {
        long t = serialType(col);
        if (t == 0) {
            return DataType.NULL;
        }
        if (t <= 6 || t == 8 || t == 9) {
            return DataType.INTEGER;
        }
        if (t == 7) {
            return DataType.REAL;
        }
        return (t & 1) == 0 ? DataType.BLOB : DataType.TEXT;
    }

    public boolean isNull(int col) {
        return serialType(col) == 0;
    }

    /** The integer value of an integer column; a real is truncated, anything else is 0. */
    public long getLong(int col) {
        long t = serialType(col);
        if (t == 7) {
            return (long) getDouble(col);
        }
        if (t > 9 || t == 0) {
            return 0;
        }
        return SerialTypes.readInt(segment, base + offsets[col], (int) t);
    }

    /** The value of a numeric column as a double; anything else is 0.0. */
    public double getDouble(int col) {
        long t = serialType(col);
        if (t == 7) {
            return Double.longBitsToDouble(segment.get(I64, base + offsets[col]));
        }
        if (t > 9 || t == 0) {
            return 0.0;
        }
        return SerialTypes.readInt(segment, base + offsets[col], (int) t);
    }

    /** The bytes of a text or blob column (a copy); null for other types. */
    public byte[] getBytes(int col) {
        long t = serialType(col);
        if (t < 12) {
            return null;
        }
        byte[] out = new byte[SerialTypes.size(t)];
        MemorySegment.copy(segment, ValueLayout.JAVA_BYTE, base + offsets[col], out, 0, out.length);
        return out;
    }

    /** The bytes of a text or blob column without copying, valid as long as this view. */
    public MemorySegment slice(int col) {
        long t = serialType(col);
        if (t < 12) {
            return MemorySegment.NULL;
        }
        return segment.asSlice(base + offsets[col], SerialTypes.size(t));
    }

    /** A text column decoded from UTF-8; null for other types. */
    public String getString(int col) {
        byte[] b = getBytes(col);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    /** The column as a boxed value: for tests and tools, not for hot paths. */
    public Value value(int col) {
        return switch (type(col)) {
            case NULL -> new Value.Null();
            case INTEGER -> new Value.Int(getLong(col));
            case REAL -> new Value.Real(getDouble(col));
            case TEXT -> new Value.Text(getString(col));
            case BLOB -> new Value.Blob(getBytes(col));
        };
    }

    /**
     * The common case of parse(): a header of at most eight bytes, every
     * serial type in one byte, decoded from one read of the record's first
     * eight bytes; false (nothing set) for any other header, which parse()
     * then reads in full, its checks included.
     */
    private boolean parseShortHeader() {
        long w = segment.get(I64, base);
        int headerEnd = (int) (w >>> 56);
        if (headerEnd < 1 || headerEnd > 8 || (w & (HIGH_BITS << (8 * (8 - headerEnd)))) != 0) {
            return false;
        }
        long body = headerEnd;
        int n = headerEnd - 1;
        for (int k = 0; k < n; k++) {
            int t = (int) (w >>> (48 - 8 * k)) & 0x7f;
            if (t == 10 || t == 11) {
                return false;
            }
            types[k] = t;
            offsets[k] = (int) body;
            body += SerialTypes.size(t);
        }
        if (body > declaredSize) {
            return false;
        }
        columns = n;
        parsed = true;
        return true;
    }

    /** The high bit of each byte of a word. */
    private static final long HIGH_BITS = 0x8080808080808080L;

    /** Signals that the prefix given to {@link #resetPrefix} does not hold the whole header. */
    static final class HeaderBeyondPrefix extends RuntimeException {
        final long headerSize;

        HeaderBeyondPrefix(long headerSize) {
            super(null, null, false, false);
            this.headerSize = headerSize;
        }
    }

    private void parse() {
        if (parsed) {
            return;
        }
        if (size >= 8 && parseShortHeader()) {
            return;
        }
        long limit = base + size;
        long headerSize = Varint.read(segment, base, limit);
        if (headerSize > size || headerSize < 1) {
            if (headerSize <= declaredSize && headerSize > size) {
                throw new HeaderBeyondPrefix(headerSize);
            }
            throw Corrupt.at("record header size " + headerSize + " exceeds record of " + size + " bytes");
        }
        // the header is copied once, then read from the heap: one bounds check instead of one per byte
        int headerEnd = (int) headerSize;
        if (header.length < headerEnd) {
            header = new byte[Math.max(headerEnd, 2 * header.length)];
        }
        byte[] h = header;
        MemorySegment.copy(segment, ValueLayout.JAVA_BYTE, base, h, 0, headerEnd);
        int p = Varint.lengthAt(h, 0, headerEnd);
        long body = headerSize;
        int n = 0;
        while (p < headerEnd) {
            long t = h[p];
            if (t >= 0) {
                p++;
            } else {
                t = Varint.read(h, p, headerEnd);
                p += Varint.lengthAt(h, p, headerEnd);
            }
            if (t == 10 || t == 11) {
                throw Corrupt.at("reserved serial type " + t);
            }
            if (n == types.length) {
                types = Arrays.copyOf(types, n * 2);
                offsets = Arrays.copyOf(offsets, n * 2);
            }
            types[n] = t;
            offsets[n] = (int) body;
            body += SerialTypes.size(t);
            if (body > declaredSize) {
                throw Corrupt.at("record body exceeds record of " + size + " bytes");
            }
            n++;
        }
        columns = n;
        parsed = true;
    }
}
