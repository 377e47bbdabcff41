/*
 * SQLite's serial types: how many bytes a value of each type occupies in a
 * record, how integers are stored (1, 2, 3, 4, 6, 8 bytes big-endian, two's
 * complement) and which serial type a value gets when written.
 */
package turso.btree;

import java.lang.foreign.MemorySegment;

final class SerialTypes {

    private static final int[] FIXED = {0, 1, 2, 3, 4, 6, 8, 8, 0, 0, 0, 0};

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
        return switch (t) {
            case 8 -> 0;
            case 9 -> 1;
            default -> {
                int n = FIXED[t];
                long v = s.get(java.lang.foreign.ValueLayout.JAVA_BYTE, off);
                for (int i = 1; i < n; i++) {
                    v = (v << 8) | (Bytes.u8(s, off + i));
                }
                yield v;
            }
        };
    }

    /** The serial type SQLite gives an integer (schema format 4: 0 and 1 as types 8 and 9). */
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
