/*
 * Compares index keys as SQLite does: column by column, NULL before numbers
 * before text before blobs; integers and reals by exact numeric value (no
 * rounding through double); text by the column's collation; blobs by memcmp;
 * a descending column inverts its result. Keys of different lengths compare
 * equal when the shorter is a prefix of the longer: the seek operation
 * decides what a prefix match means.
 */
package turso.btree;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import turso.api.spi.Collation;

public final class RecordComparator {

    private RecordComparator() {
    }

    /** Compares record {@code a} with record {@code b} over their common columns. */
    public static int compare(Record a, Record b, KeyInfo info) {
        int n = Math.min(a.columnCount(), b.columnCount());
        for (int i = 0; i < n; i++) {
            int c = compareColumn(a, b, i, info.collation(i));
            if (c != 0) {
                return info.isDescending(i) ? -c : c;
            }
        }
        return 0;
    }

    static int rank(long t) {
        if (t == 0) {
            return 0;
        }
        if (t < 12) {
            return 1;
        }
        return (t & 1) == 1 ? 2 : 3;
    }

    static int compareColumn(Record a, Record b, int i, Collation coll) {
        long ta = a.serialType(i);
        long tb = b.serialType(i);
        int ra = rank(ta);
        int rb = rank(tb);
        if (ra != rb) {
            return ra < rb ? -1 : 1;
        }
        switch (ra) {
            case 0:
                return 0;
            case 1: {
                if (ta != 7 && tb != 7) {
                    return Long.compare(a.getLong(i), b.getLong(i));
                }
                if (ta == 7 && tb == 7) {
                    return Double.compare(a.getDouble(i) + 0.0, b.getDouble(i) + 0.0) ;
                }
                if (ta == 7) {
                    return -compareIntReal(b.getLong(i), a.getDouble(i));
                }
                return compareIntReal(a.getLong(i), b.getDouble(i));
            }
            case 2: {
                MemorySegment sa = a.slice(i);
                MemorySegment sb = b.slice(i);
                if (coll == KeyInfo.BINARY) {
                    return compareBytes(sa, sb);
                }
                byte[] ba = sa.toArray(ValueLayout.JAVA_BYTE);
                byte[] bb = sb.toArray(ValueLayout.JAVA_BYTE);
                return Integer.signum(coll.compare(ba, 0, ba.length, bb, 0, bb.length));
            }
            default:
                return compareBytes(a.slice(i), b.slice(i));
        }
    }

    /** Exact comparison of an integer with a real, as SQLite's sqlite3IntFloatCompare. */
    static int compareIntReal(long i, double r) {
        if (Double.isNaN(r)) {
            return 1;
        }
        if (r < -9223372036854775808.0) {
            return 1;
        }
        if (r >= 9223372036854775808.0) {
            return -1;
        }
        long y = (long) r;
        if (i < y) {
            return -1;
        }
        if (i > y) {
            return 1;
        }
        double s = (double) i;
        return s < r ? -1 : (s > r ? 1 : 0);
    }

    static int compareBytes(MemorySegment a, MemorySegment b) {
        long m = a.mismatch(b);
        if (m < 0) {
            return 0;
        }
        if (m == a.byteSize()) {
            return -1;
        }
        if (m == b.byteSize()) {
            return 1;
        }
        int x = a.get(ValueLayout.JAVA_BYTE, m) & 0xff;
        int y = b.get(ValueLayout.JAVA_BYTE, m) & 0xff;
        return x < y ? -1 : 1;
    }
}
