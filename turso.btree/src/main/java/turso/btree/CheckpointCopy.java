/*
 * The copy at the heart of a checkpoint: the latest frame of each page read
 * from the WAL and written into the database file, a window of pages (1 MiB)
 * at a time through a ring of eight buffers: a window's reads are executed
 * (a run of consecutive frames as one scatter read, pages into place and
 * frame headers into a scratch slot: one preadv, or one read and a copy
 * with NIO), then its writes are submitted without waiting, and a buffer is
 * refilled only once the writes from it have completed, so that while the
 * next windows are read up to eight windows of writes are in flight. With
 * io_uring the writes bypass the OS cache (VfsFile.uncachedBatch: O_DIRECT,
 * the device takes them straight from these buffers, and the final sync
 * has nothing left to write back); NIO runs the same shape one call at a
 * time. Only a copy of 16 MiB or more bypasses the OS cache: a small one
 * (an automatic checkpoint every 1,000 frames rewrites the same few pages)
 * copies the hot pages, which the next reader would otherwise have to
 * fetch from the device, and its final sync has little to write back.
 * Pages are in page-number order and a run of consecutive pages is
 * written as requests of up to 256 KiB, so that even one long run keeps
 * several requests in flight. The caller syncs the WAL before and the
 * database file after, in SQLite's order.
 */
package turso.btree;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import turso.api.spi.IoBatch;
import turso.api.spi.IoCompletion;
import turso.api.spi.VfsFile;

final class CheckpointCopy {

    private static final long WINDOW_BYTES = 1 << 20;
    private static final int BUFFERS = 8;
    private static final long MAX_WRITE = 256 * 1024;
    /** The smallest copy whose writes bypass the OS cache (see above). */
    private static final long UNCACHED_MIN_BYTES = 16L << 20;
    /** O_DIRECT's buffer alignment (VfsFile.uncachedBatch). */
    private static final long BUFFER_ALIGNMENT = 4096;

    private CheckpointCopy() {
    }

    /** Copies page {@code pgnos[i]} (ascending) from WAL frame {@code frames[i]}, for every i. */
    static void copy(VfsFile wal, VfsFile db, int[] pgnos, int[] frames, int pageSize) {
        int n = pgnos.length;
        if (n == 0) {
            return;
        }
        int window = (int) Math.min(n, Math.max(1, WINDOW_BYTES / pageSize));
        int depth = Math.min(BUFFERS, (n + window - 1) / window);
        boolean uncached = (long) n * pageSize >= UNCACHED_MIN_BYTES;
        IoCompletion[] writing = new IoCompletion[depth];
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment[] buffers = new MemorySegment[depth];
            for (int b = 0; b < depth; b++) {
                buffers[b] = arena.allocate((long) window * pageSize, BUFFER_ALIGNMENT);
            }
            MemorySegment headers = arena.allocate(WalFormat.FRAME_HEADER);
            try {
                for (int start = 0, turn = 0; start < n; start += window, turn = (turn + 1) % depth) {
                    awaitWrites(writing, turn);
                    int count = Math.min(window, n - start);
                    MemorySegment buffer = buffers[turn];
                    readFrames(wal, buffer, frames, start, count, pageSize, headers);
                    writing[turn] = writeRuns(uncached ? db.uncachedBatch() : db.batch(), buffer, pgnos, start, count, pageSize)
                            .submit();
                }
                for (int b = 0; b < depth; b++) {
                    awaitWrites(writing, b);
                }
            } finally {
                for (IoCompletion left : writing) {
                    if (left != null) {
                        drain(left);
                    }
                }
            }
        }
    }

    /** Waits for the writes from buffer {@code turn}, if any; a failure leaves none recorded for the drain. */
    private static void awaitWrites(IoCompletion[] writing, int turn) {
        IoCompletion previous = writing[turn];
        if (previous != null) {
            writing[turn] = null;
            previous.await();
        }
    }

    /**
     * Reads a window's pages from their frames, executed: a run of
     * consecutive frames is one scatter read, the frame headers between the
     * pages landing in {@code headers} (overwritten, not needed).
     */
    private static void readFrames(VfsFile wal, MemorySegment buffer, int[] frames, int start, int count, int pageSize,
            MemorySegment headers) {
        IoBatch reads = wal.batch();
        List<MemorySegment> segments = new ArrayList<>();
        for (int k = 0; k < count; ) {
            // a run of r pages has r - 1 frame headers between them: 2r - 1 segments
            int run = consecutive(frames, start + k, start + count, (IoBatch.MAX_SCATTER + 1) / 2);
            long offset = WalFormat.frameOffset(frames[start + k], pageSize) + WalFormat.FRAME_HEADER;
            if (run == 1) {
                reads.read(buffer.asSlice((long) k * pageSize, pageSize), offset);
            } else {
                segments.clear();
                for (int r = 0; r < run; r++) {
                    if (r > 0) {
                        segments.add(headers);
                    }
                    segments.add(buffer.asSlice((long) (k + r) * pageSize, pageSize));
                }
                reads.readScattered(segments, offset);
            }
            k += run;
        }
        reads.execute();
    }

    private static IoBatch writeRuns(IoBatch writes, MemorySegment buffer, int[] pgnos, int start, int count,
            int pageSize) {
        for (int k = 0; k < count; ) {
            int run = consecutive(pgnos, start + k, start + count, (int) Math.max(1, MAX_WRITE / pageSize));
            writes.write(buffer.asSlice((long) k * pageSize, (long) run * pageSize),
                    (long) (pgnos[start + k] - 1) * pageSize);
            k += run;
        }
        return writes;
    }

    /** How many values from {@code values[from]} on, before {@code end}, go up by one each: at least 1, at most {@code max}. */
    private static int consecutive(int[] values, int from, int end, int max) {
        int run = 1;
        while (run < max && from + run < end && values[from + run] == values[from] + run) {
            run++;
        }
        return run;
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
