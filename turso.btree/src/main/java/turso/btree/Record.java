/*
 * A read-only view of one record in SQLite's record format (a header of
 * serial types, then the values), decoded lazily: reset() only remembers
 * where the bytes are; the first column access reads the header's size and
 * counts its columns, the serial types and offsets are decoded only as far
 * as the highest column asked for (a header of up to eight bytes, the common
 * case, is read in one load and not copied), and a value is decoded only
 * when asked for.
 * As in SQLite, a damaged serial type past the columns read goes unnoticed.
 * The view can be reset to another record without allocating, so a scan
 * reuses one instance. The bytes it points into (a page of the cache) are
 * valid until the cursor moves.
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
    /** Whether the header's size is known and its columns counted. */
    private boolean parsed;
    private int columns;
    /** How many columns, from the first, have their serial type and offset in types and offsets. */
    private int decoded;
    private long[] types = new long[8];
    private int[] offsets = new int[8];
    /** The header's bytes, copied out of the segment by parse() when it is longer than eight bytes. */
    private byte[] header = new byte[32];
    /** Whether the header is the one in word (at most eight bytes, one byte per serial type) rather than in header. */
    private boolean shortHeader;
    private long word;
    /** Where in header (copied out) the serial type of column {@code decoded} starts, and where that header ends. */
    private int headerPos;
    private int headerEnd;
    /** The offset of column {@code decoded}'s value in the record. */
    private long bodyPos;

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
        if (n >= decoded) {
            decode(n);
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
        if (col >= columns) {
            return 0;
        }
        if (col >= decoded) {
            decode(col);
        }
        return types[col];
    }

    /**
     * serialType(col), or -1 for a column past the end of the record (a row
     * written before the column was added): what a column read asks first,
     * in one call, before integerAt() or realAt().
     */
    public long serialTypeOrMissing(int col) {
        parse();
        if (col >= columns) {
            return -1;
        }
        if (col >= decoded) {
            decode(col);
        }
        return types[col];
    }

    /** The value of column {@code col}, whose serial type serialTypeOrMissing() found to be the integer type {@code t}. */
    public long integerAt(int col, long t) {
        return SerialTypes.readInt(segment, base + offsets[col], (int) t);
    }

    /** The value of column {@code col}, whose serial type serialTypeOrMissing() found to be 7 (a real). */
    public double realAt(int col) {
        return Double.longBitsToDouble(segment.get(I64, base + offsets[col]));
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
     * serial type in one byte, kept as the record's first eight bytes read
     * at once, from which decodeShort() takes the serial types; false
     * (nothing set) for any other header, which is then copied out.
     */
    private boolean parseShortHeader() {
        long w = segment.get(I64, base);
        int end = (int) (w >>> 56);
        if (end < 1 || end > 8 || (w & (HIGH_BITS << (8 * (8 - end)))) != 0) {
            return false;
        }
        word = w;
        shortHeader = true;
        bodyPos = end;
        decoded = 0;
        columns = end - 1;
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

    /** Reads the header's size and counts its columns; the serial types are left to decode(). */
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
        int end = (int) headerSize;
        if (header.length < end) {
            header = new byte[Math.max(end, 2 * header.length)];
        }
        MemorySegment.copy(segment, ValueLayout.JAVA_BYTE, base, header, 0, end);
        shortHeader = false;
        headerEnd = end;
        headerPos = Varint.lengthAt(header, 0, end);
        bodyPos = headerSize;
        decoded = 0;
        int n = countSerialTypes(header, headerPos, end);
        if (n < 0) {
            // a nine-byte or cut varint: decoded in full now, which reports the damage
            decodeTo(Integer.MAX_VALUE);
            n = decoded;
        } else if (n > types.length) {
            types = Arrays.copyOf(types, Math.max(n, 2 * types.length));
            offsets = Arrays.copyOf(offsets, types.length);
        }
        columns = n;
        parsed = true;
    }

    /**
     * The number of varints in {@code h[from..to)}: each ends with the one
     * byte of it whose high bit is clear. -1 when that does not hold (a
     * varint of nine bytes, or one cut by the end of the header).
     */
    private static int countSerialTypes(byte[] h, int from, int to) {
        int n = 0;
        int run = 0;
        for (int p = from; p < to; p++) {
            if (h[p] >= 0) {
                n++;
                run = 0;
            } else if (++run == 8) {
                return -1;
            }
        }
        return run == 0 ? n : -1;
    }

    /** Decodes serial types and offsets up to column {@code col}, a column of the record. */
    private void decode(int col) {
        if (shortHeader) {
            decodeShort(col);
        } else {
            decodeTo(col);
        }
    }

    /**
     * decode() for a header of at most eight bytes, from the word holding
     * it: small enough for the JIT to inline into the column readers.
     */
    private void decodeShort(int col) {
        long w = word;
        long body = bodyPos;
        int n = decoded;
        long[] ty = types;
        int[] of = offsets;
        boolean reserved = false;
        // the checks are made once, after the loop (the body only grows): damage is then decoded again, checked
        // column by column, so that the error reported is the first one, as before
        for (; n <= col; n++) {
            int t = (int) (w >>> (48 - 8 * n)) & 0xff;
            reserved |= (t >>> 1) == 5;
            ty[n] = t;
            of[n] = (int) body;
            body += SerialTypes.size(t);
        }
        if (reserved || body > declaredSize) {
            decodeShortChecked(col);
            return;
        }
        bodyPos = body;
        decoded = n;
    }

    /** decodeShort() checking each column as it goes: reports the first damage of a header it found damaged. */
    private void decodeShortChecked(int col) {
        long w = word;
        long body = bodyPos;
        int n = decoded;
        for (; n <= col; n++) {
            int t = (int) (w >>> (48 - 8 * n)) & 0xff;
            if (t == 10 || t == 11) {
                throw reserved(t);
            }
            types[n] = t;
            offsets[n] = (int) body;
            body += SerialTypes.size(t);
            if (body > declaredSize) {
                throw bodyTooLong();
            }
        }
        bodyPos = body;
        decoded = n;
    }

    private static RuntimeException reserved(long type) {
        return Corrupt.at("reserved serial type " + type);
    }

    private RuntimeException bodyTooLong() {
        return Corrupt.at("record body exceeds record of " + size + " bytes");
    }

    /** Decodes serial types and offsets of a header copied out, up to column {@code col} (or to the header's end). */
    private void decodeTo(int col) {
        byte[] h = header;
        int p = headerPos;
        long body = bodyPos;
        int n = decoded;
        while (n <= col && p < headerEnd) {
            long t = h[p];
            if (t >= 0) {
                p++;
            } else {
                t = Varint.read(h, p, headerEnd);
                p += Varint.lengthAt(h, p, headerEnd);
            }
            if (t == 10 || t == 11) {
                throw reserved(t);
            }
            if (n == types.length) {
                types = Arrays.copyOf(types, n * 2);
                offsets = Arrays.copyOf(offsets, n * 2);
            }
            types[n] = t;
            offsets[n] = (int) body;
            body += SerialTypes.size(t);
            if (body > declaredSize) {
                throw bodyTooLong();
            }
            n++;
        }
        headerPos = p;
        bodyPos = body;
        decoded = n;
    }
}
