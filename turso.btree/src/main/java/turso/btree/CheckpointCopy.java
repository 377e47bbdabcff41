/*
 * The copy at the heart of a checkpoint: the latest frame of each page read
 * from the WAL and written into the database file, in batches of 256 pages
 * on two alternating buffers: a window's reads are executed (io_uring:
 * one io_uring_enter copies them from the OS cache on this thread), then
 * its writes are submitted without waiting, so that while they are in
 * flight the next window is read (io_uring hands submitted-only requests
 * to kernel workers, so the writes are copied on the other core meanwhile;
 * NIO runs the same shape one call at a time). Pages are in page-number order and a run of consecutive pages is
 * written as one request. The caller syncs the WAL before and the database
 * file after, in SQLite's order.
 */
package turso.btree;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import turso.api.spi.IoBatch;
import turso.api.spi.IoCompletion;
import turso.api.spi.VfsFile;

final class CheckpointCopy {

    private static final int WINDOW_PAGES = 256;

    private CheckpointCopy() {
    }

    /** Copies page {@code pgnos[i]} (ascending) from WAL frame {@code frames[i]}, for every i. */
    static void copy(VfsFile wal, VfsFile db, int[] pgnos, int[] frames, int pageSize) {
        int n = pgnos.length;
        if (n == 0) {
            return;
        }
        int window = Math.min(WINDOW_PAGES, n);
        IoCompletion writing = null;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment[] buffers = {arena.allocate((long) window * pageSize, 4096),
                    arena.allocate((long) window * pageSize, 4096)};
            try {
                for (int start = 0, turn = 0; start < n; start += window, turn ^= 1) {
                    int count = Math.min(window, n - start);
                    MemorySegment buffer = buffers[turn];
                    IoBatch reads = wal.batch();
                    for (int k = 0; k < count; k++) {
                        reads.read(buffer.asSlice((long) k * pageSize, pageSize),
                                WalFormat.frameOffset(frames[start + k], pageSize) + WalFormat.FRAME_HEADER);
                    }
                    reads.execute();
                    if (writing != null) {
                        IoCompletion previous = writing;
                        writing = null;
                        previous.await();
                    }
                    writing = writeRuns(db, buffer, pgnos, start, count, pageSize).submit();
                }
                IoCompletion last = writing;
                writing = null;
                last.await();
            } finally {
                if (writing != null) {
                    drain(writing);
                }
            }
        }
    }

    private static IoBatch writeRuns(VfsFile db, MemorySegment buffer, int[] pgnos, int start, int count, int pageSize) {
        IoBatch writes = db.batch();
        for (int k = 0; k < count; ) {
            int run = 1;
            while (k + run < count && pgnos[start + k + run] == pgnos[start + k] + run) {
                run++;
            }
            writes.write(buffer.asSlice((long) k * pageSize, (long) run * pageSize),
                    (long) (pgnos[start + k] - 1) * pageSize);
            k += run;
        }
        return writes;
    }

    /** Lets writes still in flight finish before their buffers are freed; the first failure is already being thrown. */
    private static void drain(IoCompletion writing) {
        try {
            writing.await();
        } catch (RuntimeException ignored) {
            // The failure that stopped the copy is the one reported.
        }
    }
}
