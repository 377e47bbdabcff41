/*
 * SQLite's variable-length integers: one to nine bytes, seven bits per byte
 * big-endian with the high bit as continuation, the ninth byte contributing
 * all eight bits. Used by cells (payload size, rowid) and record headers.
 */
package turso.btree;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

final class Varint {

    private Varint() {
    }

    /** The encoded length of {@code v}. */
    static int length(long v) {
        if ((v & ~0x7fL) == 0) {
            return 1;
        }
        if (v < 0 || (v >>> 56) != 0) {
            return 9;
        }
        int n = 0;
        while (v != 0) {
            n++;
            v >>>= 7;
        }
        return n;
    }

    /**
     * Decodes the varint at {@code off}, reading no byte at or beyond {@code limit}.
     * Returns the value; the length is {@link #lengthAt}. A varint cut by the
     * limit is corruption.
     */
    static long read(MemorySegment s, long off, long limit) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            if (off + i >= limit) {
                throw Corrupt.at("varint past end of page");
            }
            int b = s.get(ValueLayout.JAVA_BYTE, off + i) & 0xff;
            v = (v << 7) | (b & 0x7f);
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        if (off + 8 >= limit) {
            throw Corrupt.at("varint past end of page");
        }
        return (v << 8) | (s.get(ValueLayout.JAVA_BYTE, off + 8) & 0xff);
    }

    /** The length of the varint at {@code off} (assumes it was readable). */
    static int lengthAt(MemorySegment s, long off, long limit) {
        for (int i = 0; i < 8; i++) {
            if (off + i >= limit) {
                return i;
            }
            if ((s.get(ValueLayout.JAVA_BYTE, off + i) & 0x80) == 0) {
                return i + 1;
            }
        }
        return 9;
    }

    static long read(byte[] b, int off, int limit) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            if (off + i >= limit) {
                throw Corrupt.at("varint past end of record");
            }
            int x = b[off + i] & 0xff;
            v = (v << 7) | (x & 0x7f);
            if ((x & 0x80) == 0) {
                return v;
            }
        }
        if (off + 8 >= limit) {
            throw Corrupt.at("varint past end of record");
        }
        return (v << 8) | (b[off + 8] & 0xff);
    }

    static int lengthAt(byte[] b, int off, int limit) {
        for (int i = 0; i < 8; i++) {
            if (off + i >= limit) {
                return i;
            }
            if ((b[off + i] & 0x80) == 0) {
                return i + 1;
            }
        }
        return 9;
    }

    /** Writes {@code v} at {@code off}; returns the number of bytes written. */
    static int write(byte[] b, int off, long v) {
        int n = length(v);
        if (n == 9) {
            b[off + 8] = (byte) v;
            long rest = v >>> 8;
            for (int i = 7; i >= 0; i--) {
                b[off + i] = (byte) ((rest & 0x7f) | 0x80);
                rest >>>= 7;
            }
            return 9;
        }
        long rest = v;
        for (int i = n - 1; i >= 0; i--) {
            b[off + i] = (byte) ((rest & 0x7f) | (i == n - 1 ? 0 : 0x80));
            rest >>>= 7;
        }
        return n;
    }
}
