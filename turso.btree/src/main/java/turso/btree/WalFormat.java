/*
 * The WAL file's bytes (fileformat2 §4.1): the 32-byte header, the 24-byte
 * frame headers, and the cumulative checksum that chains the header to
 * every frame. All fields are big-endian; the checksum reads the data as
 * 32-bit words in the byte order the magic number names (we write the
 * machine's native order, as SQLite does).
 */
package turso.btree;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

final class WalFormat {

    static final int HEADER = 32;
    static final int FRAME_HEADER = 24;
    static final int MAGIC_LE = 0x377f0682;
    static final int MAGIC_BE = 0x377f0683;
    static final int VERSION = 3007000;

    private static final ValueLayout.OfInt LE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt BE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfLong LE_PAIR = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong BE_PAIR = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    /** Word pairs copied out of the segment for checksumming: 8 KiB per thread. */
    private static final ThreadLocal<long[]> SCRATCH = ThreadLocal.withInitial(() -> new long[1024]);
    /** The independent chains of additions a page's checksum is cut into (lanes()). */
    private static final int LANES = 4;

    private WalFormat() {
    }

    /** The magic number of a WAL we write: checksums in the machine's byte order. */
    static int nativeMagic() {
        return ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN ? MAGIC_BE : MAGIC_LE;
    }

    static ValueLayout.OfInt wordOrder(boolean bigEndian) {
        return bigEndian ? BE : LE;
    }

    /** Continues checksum {@code sum} over {@code len} bytes (a multiple of 8) of {@code s} from {@code off}. */
    static void checksum(MemorySegment s, long off, long len, ValueLayout.OfInt word, int[] sum) {
        // Each word pair is read as one long, in bulk into a scratch array: a loop of segment reads
        // was left with its per-read checks (bounds, liveness, alignment) by the JIT, a quarter of a
        // small commit's time; an array loop is compiled tight.
        boolean big = word == BE;
        long[] pairs = SCRATCH.get();
        for (long done = 0; done < len; ) {
            int n = (int) Math.min(pairs.length, (len - done) / 8);
            MemorySegment.copy(s, big ? BE_PAIR : LE_PAIR, off + done, pairs, 0, n);
            if (n % LANES == 0 && n >= 4 * LANES) {
                lanes(pairs, n, big, sum);
            } else {
                serial(pairs, n, big, sum);
            }
            done += 8L * n;
        }
    }

    /** The checksum's definition: each pair of words added into the running pair, one after the other. */
    private static void serial(long[] pairs, int n, boolean big, int[] sum) {
        int s0 = sum[0];
        int s1 = sum[1];
        if (big) {
            for (int i = 0; i < n; i++) {
                long pair = pairs[i];
                s0 += (int) (pair >>> 32) + s1;
                s1 += (int) pair + s0;
            }
        } else {
            for (int i = 0; i < n; i++) {
                long pair = pairs[i];
                s0 += (int) pair + s1;
                s1 += (int) (pair >>> 32) + s0;
            }
        }
        sum[0] = s0;
        sum[1] = s1;
    }

    /**
     * The same sum as serial(), with four independent chains of additions
     * instead of one: each step is linear, (s0, s1) -> M (s0, s1) + (a, a + b)
     * with M = [[1, 1], [1, 2]], in 32-bit arithmetic that wraps. So
     * {@code n} pairs cut into four blocks of {@code k} give, for each block
     * summed from (0, 0), a part c, and the result is
     * M^k (M^k (M^k (M^k sum + c0) + c1) + c2) + c3 — the same bits, while
     * the processor runs the four blocks' dependent additions side by side
     * (one chain bounds the serial loop at two additions' latency per pair).
     */
    private static void lanes(long[] pairs, int n, boolean big, int[] sum) {
        int k = n / LANES;
        int a0 = 0, a1 = 0, b0 = 0, b1 = 0, c0 = 0, c1 = 0, d0 = 0, d1 = 0;
        int shiftFirst = big ? 32 : 0;
        int shiftSecond = 32 - shiftFirst;
        for (int i = 0; i < k; i++) {
            long pa = pairs[i];
            long pb = pairs[i + k];
            long pc = pairs[i + 2 * k];
            long pd = pairs[i + 3 * k];
            a0 += (int) (pa >>> shiftFirst) + a1;
            b0 += (int) (pb >>> shiftFirst) + b1;
            c0 += (int) (pc >>> shiftFirst) + c1;
            d0 += (int) (pd >>> shiftFirst) + d1;
            a1 += (int) (pa >>> shiftSecond) + a0;
            b1 += (int) (pb >>> shiftSecond) + b0;
            c1 += (int) (pc >>> shiftSecond) + c0;
            d1 += (int) (pd >>> shiftSecond) + d0;
        }
        // M^k as [[m00, m01], [m10, m11]], by squaring
        int m00 = 1, m01 = 0, m10 = 0, m11 = 1;
        int p00 = 1, p01 = 1, p10 = 1, p11 = 2;
        for (int e = k; e != 0; e >>>= 1) {
            if ((e & 1) != 0) {
                int t00 = m00 * p00 + m01 * p10;
                int t01 = m00 * p01 + m01 * p11;
                int t10 = m10 * p00 + m11 * p10;
                int t11 = m10 * p01 + m11 * p11;
                m00 = t00;
                m01 = t01;
                m10 = t10;
                m11 = t11;
            }
            int q00 = p00 * p00 + p01 * p10;
            int q01 = p00 * p01 + p01 * p11;
            int q10 = p10 * p00 + p11 * p10;
            int q11 = p10 * p01 + p11 * p11;
            p00 = q00;
            p01 = q01;
            p10 = q10;
            p11 = q11;
        }
        int s0 = sum[0];
        int s1 = sum[1];
        int t;
        t = m00 * s0 + m01 * s1 + a0;
        s1 = m10 * s0 + m11 * s1 + a1;
        s0 = t;
        t = m00 * s0 + m01 * s1 + b0;
        s1 = m10 * s0 + m11 * s1 + b1;
        s0 = t;
        t = m00 * s0 + m01 * s1 + c0;
        s1 = m10 * s0 + m11 * s1 + c1;
        s0 = t;
        t = m00 * s0 + m01 * s1 + d0;
        s1 = m10 * s0 + m11 * s1 + d1;
        sum[0] = t;
        sum[1] = s1;
    }

    static long frameOffset(long frame, int pageSize) {
        return HEADER + (frame - 1) * (FRAME_HEADER + (long) pageSize);
    }

    /** Fills the 32-byte header in {@code h}; returns its checksum, the seed of the first frame's. */
    static int[] writeHeader(MemorySegment h, int pageSize, int checkpointSeq, int salt1, int salt2) {
        int magic = nativeMagic();
        Bytes.put32(h, 0, magic);
        Bytes.put32(h, 4, VERSION);
        Bytes.put32(h, 8, pageSize);
        Bytes.put32(h, 12, checkpointSeq);
        Bytes.put32(h, 16, salt1);
        Bytes.put32(h, 20, salt2);
        int[] sum = new int[2];
        checksum(h, 0, 24, wordOrder(magic == MAGIC_BE), sum);
        Bytes.put32(h, 24, sum[0]);
        Bytes.put32(h, 28, sum[1]);
        return sum;
    }

    /** A WAL header that passed its checks. */
    record Header(boolean bigEndian, int pageSize, int checkpointSeq, int salt1, int salt2, int cksum1, int cksum2) {
    }

    /** Reads and verifies the header; null if it is not a valid WAL header. */
    static Header readHeader(MemorySegment h) {
        int magic = Bytes.i32(h, 0);
        if (magic != MAGIC_LE && magic != MAGIC_BE || Bytes.i32(h, 4) != VERSION) {
            return null;
        }
        int ps = Bytes.i32(h, 8);
        if (ps < 512 || ps > 65536 || Integer.bitCount(ps) != 1) {
            return null;
        }
        int[] sum = new int[2];
        checksum(h, 0, 24, wordOrder(magic == MAGIC_BE), sum);
        if (sum[0] != Bytes.i32(h, 24) || sum[1] != Bytes.i32(h, 28)) {
            return null;
        }
        return new Header(magic == MAGIC_BE, ps, Bytes.i32(h, 12), Bytes.i32(h, 16), Bytes.i32(h, 20), sum[0], sum[1]);
    }

    /**
     * Fills the frame header at {@code off} for the page that follows it and
     * advances {@code sum} over it; {@code commitSize} is the database size
     * in pages for a commit frame, 0 otherwise.
     */
    static void sealFrame(MemorySegment f, long off, int pageSize, int pgno, int commitSize, int salt1, int salt2,
            ValueLayout.OfInt word, int[] sum) {
        Bytes.put32(f, off, pgno);
        Bytes.put32(f, off + 4, commitSize);
        Bytes.put32(f, off + 8, salt1);
        Bytes.put32(f, off + 12, salt2);
        checksum(f, off, 8, word, sum);
        checksum(f, off + FRAME_HEADER, pageSize, word, sum);
        Bytes.put32(f, off + 16, sum[0]);
        Bytes.put32(f, off + 20, sum[1]);
    }

    /** Whether the frame at {@code off} belongs to the WAL with these salts and continues {@code sum}; advances it if so. */
    static boolean verifyFrame(MemorySegment f, long off, int pageSize, int salt1, int salt2, ValueLayout.OfInt word,
            int[] sum) {
        if (Bytes.i32(f, off) <= 0 || Bytes.i32(f, off + 8) != salt1 || Bytes.i32(f, off + 12) != salt2) {
            return false;
        }
        int[] next = {sum[0], sum[1]};
        checksum(f, off, 8, word, next);
        checksum(f, off + FRAME_HEADER, pageSize, word, next);
        if (next[0] != Bytes.i32(f, off + 16) || next[1] != Bytes.i32(f, off + 20)) {
            return false;
        }
        sum[0] = next[0];
        sum[1] = next[1];
        return true;
    }
}
