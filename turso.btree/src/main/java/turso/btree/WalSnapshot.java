/*
 * A read-only view of the committed content of a WAL file (fileformat2 §4):
 * the header and every frame are verified (salts, cumulative checksums in
 * the byte order the magic number names), and the map from page number to
 * its latest frame up to the last commit frame is built, as SQLite's
 * recovery does. The pager reads those pages from the WAL instead of the
 * database file. Without the wal-index (-shm) this is only safe when no
 * other process is writing or checkpointing the database at the same time.
 */
package turso.btree;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import org.eclipse.collections.impl.map.mutable.primitive.IntIntHashMap;
import turso.api.spi.VfsFile;

final class WalSnapshot {

    static final int HEADER = 32;
    static final int FRAME_HEADER = 24;
    private static final int MAGIC_LE = 0x377f0682;
    private static final int MAGIC_BE = 0x377f0683;

    private final IntIntHashMap frames;
    private final int pageSize;
    private final int dbSize;
    private final long signature;

    private WalSnapshot(IntIntHashMap frames, int pageSize, int dbSize, long signature) {
        this.frames = frames;
        this.pageSize = pageSize;
        this.dbSize = dbSize;
        this.signature = signature;
    }

    /** The committed snapshot of {@code wal}, or null if it holds no valid commit for a database of {@code pageSize}. */
    static WalSnapshot read(VfsFile wal, int pageSize) {
        long size = wal.size();
        if (size < HEADER) {
            return null;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment h = arena.allocate(HEADER);
            wal.read(h, 0);
            int magic = Bytes.i32(h, 0);
            if (magic != MAGIC_LE && magic != MAGIC_BE) {
                return null;
            }
            ValueLayout.OfInt word = ValueLayout.JAVA_INT_UNALIGNED.withOrder(
                    magic == MAGIC_BE ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            int ps = Bytes.i32(h, 8);
            if (Bytes.i32(h, 4) != 3007000 || ps != pageSize) {
                return null;
            }
            int[] sum = new int[2];
            checksum(h, 0, 24, word, sum);
            int[] expected = {Bytes.i32(h, 24), Bytes.i32(h, 28)};
            if (sum[0] != expected[0] || sum[1] != expected[1]) {
                return null;
            }
            int salt1 = Bytes.i32(h, 16);
            int salt2 = Bytes.i32(h, 20);
            long frameSize = FRAME_HEADER + (long) pageSize;
            MemorySegment frame = arena.allocate(frameSize);
            IntIntHashMap pending = new IntIntHashMap();
            IntIntHashMap committed = new IntIntHashMap();
            int dbSize = 0;
            long lastCommit = 0;
            for (int i = 1; HEADER + i * frameSize <= size; i++) {
                wal.read(frame, HEADER + (i - 1) * frameSize);
                int pgno = Bytes.i32(frame, 0);
                if (Bytes.i32(frame, 8) != salt1 || Bytes.i32(frame, 12) != salt2 || pgno <= 0) {
                    break;
                }
                checksum(frame, 0, 8, word, sum);
                checksum(frame, FRAME_HEADER, pageSize, word, sum);
                if (sum[0] != Bytes.i32(frame, 16) || sum[1] != Bytes.i32(frame, 20)) {
                    break;
                }
                pending.put(pgno, i);
                int commitSize = Bytes.i32(frame, 4);
                if (commitSize != 0) {
                    committed.putAll(pending);
                    pending.clear();
                    dbSize = commitSize;
                    lastCommit = i;
                }
            }
            if (lastCommit == 0) {
                return null;
            }
            long signature = ((long) salt1 << 32 ^ salt2) * 31 + lastCommit * 1_000_003L + sum[0];
            return new WalSnapshot(committed, pageSize, dbSize, signature);
        }
    }

    private static void checksum(MemorySegment s, long off, long len, ValueLayout.OfInt word, int[] sum) {
        int s0 = sum[0];
        int s1 = sum[1];
        for (long p = off; p < off + len; p += 8) {
            s0 += s.get(word, p) + s1;
            s1 += s.get(word, p + 4) + s0;
        }
        sum[0] = s0;
        sum[1] = s1;
    }

    /** Database size in pages as of the last commit in the WAL. */
    int dbSize() {
        return dbSize;
    }

    /** Identifies the snapshot: a change means cached pages may be stale. */
    long signature() {
        return signature;
    }

    /** Reads page {@code pgno} from the WAL into {@code dst}; false if the WAL does not hold it. */
    boolean readPage(VfsFile wal, int pgno, MemorySegment dst) {
        int frame = frames.getIfAbsent(pgno, 0);
        if (frame == 0) {
            return false;
        }
        wal.read(dst, HEADER + (frame - 1) * (FRAME_HEADER + (long) pageSize) + FRAME_HEADER);
        return true;
    }
}
