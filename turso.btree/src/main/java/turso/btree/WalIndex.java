/*
 * The wal-index in shared memory (walformat.html §2), byte-compatible with
 * SQLite's -shm so that sqlite3 processes and this engine share it: the two
 * copies of the index header, the checkpoint information (nBackfill, read
 * marks), and the hash tables that map a page number to the frames holding
 * it. Numbers are in the machine's byte order, salts as the WAL file has
 * them. This class only reads and writes the structure; Wal decides when,
 * under which shm locks.
 */
package turso.btree;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import turso.api.spi.SharedMemory;

final class WalIndex {

    static final int REGION = 32768;
    static final int WRITE_LOCK = 0;
    static final int CKPT_LOCK = 1;
    static final int RECOVER_LOCK = 2;
    static final int READERS = 5;
    static final int NOT_USED = -1;

    private static final int HEADER_BYTES = 136;
    private static final int COPY = 48;
    private static final int N_BACKFILL = 96;
    private static final int READ_MARKS = 100;
    private static final int N_BACKFILL_ATTEMPTED = 128;
    private static final int NPAGE = 4096;
    private static final int NPAGE_ONE = NPAGE - HEADER_BYTES / 4;
    private static final int NSLOT = 2 * NPAGE;
    private static final int HASH_OFFSET = NPAGE * 4;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT;
    private static final ValueLayout.OfInt SALT = ValueLayout.JAVA_INT.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG_UNALIGNED;

    /** Lock slot of read mark {@code i}. */
    static int readLock(int i) {
        return 3 + i;
    }

    /**
     * One copy of the index header. {@code pageSizeCode} is the page size
     * with 65536 stored as 1; salts are the WAL header's, compared as bytes.
     */
    record Header(int version, int change, int isInit, int bigEndCksum, int pageSizeCode, int mxFrame, int nPage,
            int frameCksum1, int frameCksum2, int salt1, int salt2, int cksum1, int cksum2) {

        static final Header EMPTY = new Header(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        /** Field by field, written out: every read transaction compares headers several times. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Header h && version == h.version && change == h.change && isInit == h.isInit
                    && bigEndCksum == h.bigEndCksum && pageSizeCode == h.pageSizeCode && mxFrame == h.mxFrame
                    && nPage == h.nPage && frameCksum1 == h.frameCksum1 && frameCksum2 == h.frameCksum2
                    && salt1 == h.salt1 && salt2 == h.salt2 && cksum1 == h.cksum1 && cksum2 == h.cksum2;
        }

        @Override
        public int hashCode() {
            return ((mxFrame * 31 + change) * 31 + salt1) * 31 + cksum1;
        }

        int pageSize() {
            return (pageSizeCode & 0xfe00) + ((pageSizeCode & 1) << 16);
        }

        static int pageSizeCode(int pageSize) {
            return (pageSize & 0xff00) | (pageSize >>> 16);
        }

        /** This header with a fresh version, isInit and checksum, ready to publish. */
        Header sealed() {
            Header h = new Header(WalFormat.VERSION, change, 1, bigEndCksum, pageSizeCode, mxFrame, nPage, frameCksum1,
                    frameCksum2, salt1, salt2, 0, 0);
            int[] sum = h.checksum();
            return new Header(h.version, h.change, 1, h.bigEndCksum, h.pageSizeCode, h.mxFrame, h.nPage, h.frameCksum1,
                    h.frameCksum2, h.salt1, h.salt2, sum[0], sum[1]);
        }

        Header withFrames(int change, int mxFrame, int nPage, int[] frameCksum) {
            return new Header(version, change, isInit, bigEndCksum, pageSizeCode, mxFrame, nPage, frameCksum[0],
                    frameCksum[1], salt1, salt2, cksum1, cksum2);
        }

        Header withWal(boolean bigEndian, int pageSize, int salt1, int salt2, int[] frameCksum) {
            return new Header(version, change, isInit, bigEndian ? 1 : 0, pageSizeCode(pageSize), mxFrame, nPage,
                    frameCksum[0], frameCksum[1], salt1, salt2, cksum1, cksum2);
        }

        Header restarted(int salt1, int salt2) {
            return new Header(version, change, isInit, bigEndCksum, pageSizeCode, 0, nPage, frameCksum1, frameCksum2,
                    salt1, salt2, cksum1, cksum2);
        }

        private void write(MemorySegment s, long off) {
            s.set(INT, off, version);
            s.set(INT, off + 4, 0);
            s.set(INT, off + 8, change);
            s.set(ValueLayout.JAVA_BYTE, off + 12, (byte) isInit);
            s.set(ValueLayout.JAVA_BYTE, off + 13, (byte) bigEndCksum);
            s.set(SHORT, off + 14, (short) pageSizeCode);
            s.set(INT, off + 16, mxFrame);
            s.set(INT, off + 20, nPage);
            s.set(INT, off + 24, frameCksum1);
            s.set(INT, off + 28, frameCksum2);
            s.set(SALT, off + 32, salt1);
            s.set(SALT, off + 36, salt2);
            s.set(INT, off + 40, cksum1);
            s.set(INT, off + 44, cksum2);
        }

        private static Header read(MemorySegment s, long off) {
            return new Header(s.get(INT, off), s.get(INT, off + 8), s.get(ValueLayout.JAVA_BYTE, off + 12) & 0xff,
                    s.get(ValueLayout.JAVA_BYTE, off + 13) & 0xff, s.get(SHORT, off + 14) & 0xffff, s.get(INT, off + 16),
                    s.get(INT, off + 20), s.get(INT, off + 24), s.get(INT, off + 28), s.get(SALT, off + 32),
                    s.get(SALT, off + 36), s.get(INT, off + 40), s.get(INT, off + 44));
        }

        /**
         * SQLite's checksum over the first 40 bytes, read as native words:
         * computed from the fields as write() lays them out, so that the
         * WAL's page checksum loop only ever sees native segments (a heap
         * segment there made its accesses polymorphic and slow).
         */
        private int[] checksum() {
            boolean little = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
            int flags = little
                    ? (isInit & 0xff) | (bigEndCksum & 0xff) << 8 | (pageSizeCode & 0xffff) << 16
                    : (isInit & 0xff) << 24 | (bigEndCksum & 0xff) << 16 | (pageSizeCode & 0xffff);
            int[] words = {version, 0, change, flags, mxFrame, nPage, frameCksum1, frameCksum2,
                    little ? Integer.reverseBytes(salt1) : salt1, little ? Integer.reverseBytes(salt2) : salt2};
            int s0 = 0;
            int s1 = 0;
            for (int i = 0; i < words.length; i += 2) {
                s0 += words[i] + s1;
                s1 += words[i + 1] + s0;
            }
            return new int[] {s0, s1};
        }

        boolean checksumValid() {
            int[] sum = checksum();
            return sum[0] == cksum1 && sum[1] == cksum2;
        }
    }

    private final SharedMemory shm;
    /** The last header whose checksum held: the same fields again need no new checksum (most reads see no commit). */
    private Header lastValid;
    /** lastValid as its 48 bytes are laid out in the wal-index, as six words. */
    private final long[] lastValidWords = new long[COPY / 8];
    private MemorySegment[] regions = new MemorySegment[0];

    WalIndex(SharedMemory shm) {
        this.shm = shm;
    }

    private MemorySegment region(int index) {
        if (index >= regions.length) {
            MemorySegment[] grown = new MemorySegment[index + 1];
            System.arraycopy(regions, 0, grown, 0, regions.length);
            regions = grown;
        }
        MemorySegment r = regions[index];
        if (r == null) {
            r = shm.region(index, REGION, true);
            if (r.byteSize() < REGION) {
                throw Corrupt.at("wal-index region " + index + " could not be mapped");
            }
            regions[index] = r;
        }
        return r;
    }

    /**
     * Reads both header copies (first, then second, as the writer writes
     * them in the other order); null unless they agree and check. When both
     * copies are, word for word, the last header that checked (what most
     * read transactions find), that header is returned without decoding.
     */
    Header tryReadHeader() {
        MemorySegment r = region(0);
        if (lastValid != null) {
            boolean same = sameWords(r, 0);
            shm.barrier();
            if (same && sameWords(r, COPY)) {
                return lastValid;
            }
        }
        Header first = Header.read(r, 0);
        shm.barrier();
        Header second = Header.read(r, COPY);
        if (!first.equals(second) || first.isInit() == 0
                || !first.equals(lastValid) && !first.checksumValid()) {
            return null;
        }
        remember(first);
        return first;
    }

    /** Whether the header copy at {@code off} holds, word for word, the last header that checked. */
    private boolean sameWords(MemorySegment r, long off) {
        for (int i = 0; i < lastValidWords.length; i++) {
            if (r.get(WORD, off + 8L * i) != lastValidWords[i]) {
                return false;
            }
        }
        return true;
    }

    private void remember(Header h) {
        MemorySegment words = MemorySegment.ofArray(lastValidWords);
        h.write(words, 0);
        lastValid = h;
    }

    /** Whether {@code h} is the header published now (a snapshot still current). */
    boolean isCurrent(Header h) {
        shm.barrier();
        if (h == lastValid && h != null) {
            return sameWords(region(0), 0);
        }
        return Header.read(region(0), 0).equals(h);
    }

    /** The first header copy as it is now, to check that a snapshot is still current. */
    Header currentHeader() {
        shm.barrier();
        return Header.read(region(0), 0);
    }

    /**
     * Publishes {@code h} (already sealed): second copy, barrier, first copy.
     * Its checksum is known good, so reading it back needs no new checksum.
     */
    void writeHeader(Header h) {
        MemorySegment r = region(0);
        h.write(r, COPY);
        shm.barrier();
        h.write(r, 0);
        remember(h);
    }

    int nBackfill() {
        shm.barrier();
        return region(0).get(INT, N_BACKFILL);
    }

    void setNBackfill(int n) {
        region(0).set(INT, N_BACKFILL, n);
        shm.barrier();
    }

    void setNBackfillAttempted(int n) {
        region(0).set(INT, N_BACKFILL_ATTEMPTED, n);
    }

    int readMark(int i) {
        shm.barrier();
        return region(0).get(INT, READ_MARKS + 4L * i);
    }

    void setReadMark(int i, int value) {
        region(0).set(INT, READ_MARKS + 4L * i, value);
        shm.barrier();
    }

    // ---- hash tables ----

    private static int blockOf(int frame) {
        return (frame + NPAGE - NPAGE_ONE - 1) / NPAGE;
    }

    private static int zeroOf(int block) {
        return block == 0 ? 0 : NPAGE_ONE + (block - 1) * NPAGE;
    }

    private static int pgnoOffset(int block) {
        return block == 0 ? HEADER_BYTES : 0;
    }

    private static int hash(int pgno) {
        return pgno * 383 & (NSLOT - 1);
    }

    /** Records that frame {@code frame} holds page {@code pgno}; frames are appended in order. */
    void append(int frame, int pgno) {
        int block = blockOf(frame);
        MemorySegment r = region(block);
        int idx = frame - zeroOf(block);
        int aPgno = pgnoOffset(block);
        if (idx == 1) {
            r.asSlice(aPgno, REGION - aPgno).fill((byte) 0);
        }
        if (r.get(INT, aPgno + 4L * (idx - 1)) != 0) {
            removeAfter(frame - 1);
        }
        int key = hash(pgno);
        for (int collisions = idx; r.get(SHORT, HASH_OFFSET + 2L * key) != 0; key = key + 1 & (NSLOT - 1)) {
            if (collisions-- == 0) {
                throw Corrupt.at("wal-index hash table is full");
            }
        }
        r.set(INT, aPgno + 4L * (idx - 1), pgno);
        r.set(SHORT, HASH_OFFSET + 2L * key, (short) idx);
    }

    /** Forgets every frame after {@code mxFrame} in the hash table that holds it (left by a failed or torn write). */
    void removeAfter(int mxFrame) {
        if (mxFrame <= 0) {
            return;
        }
        int block = blockOf(mxFrame);
        MemorySegment r = region(block);
        int limit = mxFrame - zeroOf(block);
        for (int i = 0; i < NSLOT; i++) {
            if ((r.get(SHORT, HASH_OFFSET + 2L * i) & 0xffff) > limit) {
                r.set(SHORT, HASH_OFFSET + 2L * i, (short) 0);
            }
        }
        long from = pgnoOffset(block) + 4L * limit;
        r.asSlice(from, HASH_OFFSET - from).fill((byte) 0);
    }

    /** The last frame in {@code [minFrame, maxFrame]} that holds {@code pgno}, or 0. */
    int find(int pgno, int minFrame, int maxFrame) {
        if (maxFrame <= 0 || minFrame > maxFrame) {
            return 0;
        }
        for (int block = blockOf(maxFrame); block >= blockOf(minFrame); block--) {
            MemorySegment r = region(block);
            int zero = zeroOf(block);
            int aPgno = pgnoOffset(block);
            int best = 0;
            int key = hash(pgno);
            for (int n = 0; ; n++) {
                int idx = r.get(SHORT, HASH_OFFSET + 2L * key) & 0xffff;
                if (idx == 0) {
                    break;
                }
                if (n > NSLOT) {
                    throw Corrupt.at("wal-index hash table loops");
                }
                int frame = idx + zero;
                if (frame <= maxFrame && frame >= minFrame && idx <= NPAGE
                        && r.get(INT, aPgno + 4L * (idx - 1)) == pgno && frame > best) {
                    best = frame;
                }
                key = key + 1 & (NSLOT - 1);
            }
            if (best != 0) {
                return best;
            }
        }
        return 0;
    }

    /** The page held by frame {@code frame}. */
    int pageOf(int frame) {
        int block = blockOf(frame);
        return region(block).get(INT, pgnoOffset(block) + 4L * (frame - zeroOf(block) - 1));
    }
}
