/*
 * An index key being inserted, decoded once, and compared with the cells of
 * index pages where they lie: the insert's descent reads each cell's record
 * header and values in place (integers as numbers, text and blobs by their
 * bytes), without a Record view, a CellInfo or a slice per comparison. It
 * orders exactly as RecordComparator does; a cell whose payload spills to
 * overflow pages is left to the general path (BTreeCursor.compareCell).
 */
package turso.btree;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import turso.api.spi.Collation;

final class KeyProbe {

    private static final ValueLayout.OfLong I64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private final byte[] key;
    private final MemorySegment keySegment;
    private final KeyInfo info;
    private final int columns;
    private final long[] types;
    private final int[] offsets;
    private final long[] ints;
    private final double[] reals;

    private Record record;
    /** A cell's text, copied for a collation (which compares arrays). */
    private byte[] scratch;

    /** {@code key}: a record as RecordBuilder makes it (the index entry being inserted). */
    KeyProbe(byte[] key, KeyInfo info) {
        this.key = key;
        this.keySegment = MemorySegment.ofArray(key);
        this.info = info;
        int n = columnCount(keySegment, 0, key.length);
        this.columns = n;
        this.types = new long[n];
        this.offsets = new int[n];
        this.ints = new long[n];
        this.reals = new double[n];
        int headerSize = headerSize(keySegment, 0, key.length);
        int p = Varint.lengthAt(key, 0, key.length);
        int body = headerSize;
        for (int i = 0; i < n; i++) {
            long t = Varint.read(key, p, headerSize);
            p += Varint.lengthAt(key, p, headerSize);
            int size = SerialTypes.size(t);
            if ((long) body + size > key.length) {
                throw Corrupt.at("record body exceeds record of " + key.length + " bytes");
            }
            types[i] = t;
            offsets[i] = body;
            if (t == 7) {
                reals[i] = Double.longBitsToDouble(keySegment.get(I64, body));
            } else if (t >= 1 && t <= 9) {
                ints[i] = SerialTypes.readInt(keySegment, body, (int) t);
            }
            body += size;
        }
    }

    int columns() {
        return columns;
    }

    /** The key as a Record view, for the comparisons KeyProbe leaves to RecordComparator. */
    Record record() {
        if (record == null) {
            record = Record.of(key);
        }
        return record;
    }

    /**
     * Where the record of index cell {@code i} of {@code n} starts, with its
     * length in the upper half, when all of it is on the page and its size
     * fits one varint byte (the usual index entry); -1 otherwise.
     */
    static long localRecord(Node n, int i) {
        int off = n.cellOffset(i);
        int p = n.isLeaf() ? off : off + 4;
        if (p >= n.usable) {
            return -1;
        }
        int len = Bytes.u8(n.d, p);
        if (len >= 0x80 || len > PageFormat.maxLocal(n.usable, false) || p + 1 + len > n.usable) {
            return -1;
        }
        return ((long) len << 32) | (p + 1);
    }

    /**
     * Compares the record of {@code length} bytes at {@code at} in {@code d}
     * with the key over their common columns: negative when the record sorts
     * first, as RecordComparator.compare(record, key).
     */
    int compare(MemorySegment d, int at, int length) {
        int end = at + length;
        int headerEnd = at + headerSize(d, at, end);
        int p = at + Varint.lengthAt(d, at, end);
        int body = headerEnd;
        for (int i = 0; i < columns && p < headerEnd; i++) {
            long t;
            byte b = d.get(ValueLayout.JAVA_BYTE, p);
            if (b >= 0) {
                t = b;
                p++;
            } else {
                t = Varint.read(d, p, headerEnd);
                p += Varint.lengthAt(d, p, headerEnd);
            }
            if (t == 10 || t == 11) {
                throw Corrupt.at("reserved serial type " + t);
            }
            int size = SerialTypes.size(t);
            if ((long) body + size > end) {
                throw Corrupt.at("record body exceeds record of " + length + " bytes");
            }
            int c = compareColumn(d, t, body, size, i);
            if (c != 0) {
                return info.isDescending(i) ? -c : c;
            }
            body += size;
        }
        return 0;
    }

    /** The number of columns of the record of {@code length} bytes at {@code at} in {@code d}. */
    static int columnCount(MemorySegment d, int at, int length) {
        int end = at + length;
        int headerEnd = at + headerSize(d, at, end);
        int p = at + Varint.lengthAt(d, at, end);
        int n = 0;
        while (p < headerEnd) {
            p += Varint.lengthAt(d, p, headerEnd);
            n++;
        }
        return n;
    }

    private static int headerSize(MemorySegment d, int at, int end) {
        long h = Varint.read(d, at, end);
        if (h < 1 || h > end - at) {
            throw Corrupt.at("record header size " + h + " exceeds record of " + (end - at) + " bytes");
        }
        return (int) h;
    }

    private int compareColumn(MemorySegment d, long ta, int off, int size, int i) {
        long tb = types[i];
        int ra = RecordComparator.rank(ta);
        int rb = RecordComparator.rank(tb);
        if (ra != rb) {
            return ra < rb ? -1 : 1;
        }
        switch (ra) {
            case 0:
                return 0;
            case 1: {
                if (ta != 7 && tb != 7) {
                    return Long.compare(SerialTypes.readInt(d, off, (int) ta), ints[i]);
                }
                if (ta == 7 && tb == 7) {
                    return Double.compare(Double.longBitsToDouble(d.get(I64, off)) + 0.0, reals[i] + 0.0);
                }
                if (ta == 7) {
                    return -RecordComparator.compareIntReal(ints[i], Double.longBitsToDouble(d.get(I64, off)));
                }
                return RecordComparator.compareIntReal(SerialTypes.readInt(d, off, (int) ta), reals[i]);
            }
            case 2: {
                Collation coll = info.collation(i);
                int keyLength = SerialTypes.size(tb);
                if (coll == KeyInfo.BINARY) {
                    return compareBytes(d, off, size, offsets[i], keyLength);
                }
                if (scratch == null || scratch.length < size) {
                    scratch = new byte[Math.max(size, 64)];
                }
                MemorySegment.copy(d, ValueLayout.JAVA_BYTE, off, scratch, 0, size);
                return Integer.signum(coll.compare(scratch, 0, size, key, offsets[i], keyLength));
            }
            default:
                return compareBytes(d, off, size, offsets[i], SerialTypes.size(tb));
        }
    }

    private int compareBytes(MemorySegment d, int off, int size, int keyOff, int keyLength) {
        long m = MemorySegment.mismatch(d, off, off + size, keySegment, keyOff, keyOff + keyLength);
        if (m < 0) {
            return 0;
        }
        if (m == size) {
            return -1;
        }
        if (m == keyLength) {
            return 1;
        }
        int x = d.get(ValueLayout.JAVA_BYTE, off + m) & 0xff;
        int y = key[keyOff + (int) m] & 0xff;
        return x < y ? -1 : 1;
    }
}
