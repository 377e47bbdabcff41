/*
 * How a commit's frames reach the WAL file: sealed (checksummed) into a
 * native window of up to 16 MiB, each window one write, and the whole append
 * one IoBatch per window: the WAL header and its sync (for a WAL that starts
 * over) lead the first, and the commit's sync closes the last (a small
 * commit is one write and one sync: io_uring makes them a pwrite and an
 * fsync, as NIO, since an fsync through the ring costs a kernel worker's
 * round trip). A sync in a batch is a barrier, so the order
 * on disk is SQLite's: header durable before frames, frames durable before
 * the wal-index publishes them (Wal.commit does that after this returns).
 */
package turso.btree;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import turso.api.spi.IoBatch;
import turso.api.spi.VfsFile;

final class WalAppend {

    private static final long WINDOW_BYTES = 16L << 20;

    private WalAppend() {
    }

    /**
     * Appends {@code pages} as frames {@code firstFrame...}, the last one the
     * commit frame carrying {@code dbSize}; {@code sum} is the running
     * checksum, advanced in place.
     *
     * @param header      the WAL header to write at offset 0 first, or null
     * @param headerSync  the sync after the header (null for none)
     * @param commitSync  the sync after the last frame (null for none)
     */
    static void append(VfsFile wal, MemorySegment header, VfsFile.SyncType headerSync, List<Page> pages, int firstFrame,
            int dbSize, int pageSize, int salt1, int salt2, ValueLayout.OfInt word, int[] sum,
            VfsFile.SyncType commitSync) {
        long frameSize = WalFormat.FRAME_HEADER + (long) pageSize;
        int perWindow = (int) Math.max(1, WINDOW_BYTES / frameSize);
        int n = pages.size();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment window = arena.allocate(Math.min(perWindow, n) * frameSize, 4096);
            IoBatch batch = wal.batch();
            if (header != null) {
                batch.write(header, 0);
                if (headerSync != null) {
                    batch.sync(headerSync);
                }
            }
            int frame = firstFrame;
            for (int i = 0; i < n; ) {
                int count = Math.min(perWindow, n - i);
                for (int k = 0; k < count; k++) {
                    Page p = pages.get(i + k);
                    long off = k * frameSize;
                    MemorySegment.copy(p.data, 0, window, off + WalFormat.FRAME_HEADER, pageSize);
                    WalFormat.sealFrame(window, off, pageSize, p.pgno, i + k == n - 1 ? dbSize : 0, salt1, salt2, word, sum);
                }
                batch.write(window.asSlice(0, count * frameSize), WalFormat.frameOffset(frame, pageSize));
                i += count;
                frame += count;
                if (i == n && commitSync != null) {
                    batch.sync(commitSync);
                }
                batch.execute();
                if (i < n) {
                    batch = wal.batch();
                }
            }
        }
    }
}
