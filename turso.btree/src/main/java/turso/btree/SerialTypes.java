/*
 * SQLite's serial types: how many bytes a value of each type occupies in a
 * record, how integers are stored (1, 2, 3, 4, 6, 8 bytes big-endian, two's
 * complement) and which serial type a value gets when written.
 */
package turso.btree;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

final class SerialTypes {

    private static final int[] FIXED = {0, 1, 2, 3, 4, 6, 8, 8, 0, 0, 0, 0};
    private static final ValueLayout.OfShort I16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfLong I64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private SerialTypes() {
    }

    /** Bytes the value of serial type {@code t} takes in the record body. */
    static int size(long t) {
        if (t < 12) {
            return FIXED[(int) t];
        }
        long n = (t - 12) >>> 1;
        return n > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) n;
    }

    /** Reads an integer of serial type 1..6, 8 or 9. */
    static long readInt(MemorySegment s, long off, int t) {
        // one big-endian read per width (two for 3 and 6 bytes): fewer bounds checks than a byte at a time
        return switch (t) {
            case 1 -> s.get(ValueLayout.JAVA_BYTE, off);
            case 2 -> s.get(I16, off);
            case 3 -> (s.get(I16, off) << 8) | (s.get(ValueLayout.JAVA_BYTE, off + 2) & 0xff);
            case 4 -> s.get(I32, off);
            case 5 -> ((long) s.get(I16, off) << 32) | (s.get(I32, off + 2) & 0xffffffffL);
            case 6 -> s.get(I64, off);
            case 9 -> 1;
            default -> 0;
        };
    }

    static int forInt(long v) {
        if (v == 0) {
            return 8;
        }
        if (v == 1) {
            return 9;
        }
        long u = v < 0 ? ~v : v;
        if (u <= 127) {
            return 1;
        }
        if (u <= 32767) {
            return 2;
        }
        if (u <= 8388607) {
            return 3;
        }
        if (u <= 2147483647L) {
            return 4;
        }
        if (u <= 140737488355327L) {
            return 5;
        }
        return 6;
    }
}
