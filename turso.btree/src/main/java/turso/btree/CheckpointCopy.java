/*
 * The copy at the heart of a checkpoint: the latest frame of each page read
 * from the WAL and written into the database file, in windows of 256 pages
 * on four buffers used in turn: a window's reads are executed (io_uring:
 * consecutive frames as one vectored read, copied from the OS cache on this
 * thread), then its writes are submitted without waiting, so that while
 * they are in flight the next windows are read (io_uring hands
 * submitted-only buffered writes to a kernel worker, on the other core;
 * O_DIRECT writes go to the device, several windows at once; NIO runs the
 * same shape one call at a time). A buffer is reused once the writes of the
 * window it held have completed. Pages are in page-number order and a run
 * of consecutive pages is written as one request. The caller syncs the WAL
 * before and the database file after, in SQLite's order.
 */
package turso.btree;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import turso.api.spi.IoBatch;
import turso.api.spi.IoCompletion;
import turso.api.spi.VfsFile;

final class CheckpointCopy {

    private static final int WINDOW_PAGES = 256;
    /** Buffers: the window being read and up to three whose writes are in flight. */
    private static final int BUFFERS = 4;

    private CheckpointCopy() {
    }

    /** Copies page {@code pgnos[i]} (ascending) from WAL frame {@code frames[i]}, for every i. */
    static void copy(VfsFile wal, VfsFile db, int[] pgnos, int[] frames, int pageSize) {
        int n = pgnos.length;
        if (n == 0) {
            return;
        }
        int window = Math.min(WINDOW_PAGES, n);
        int windows = (n + window - 1) / window;
        MemorySegment[] buffers = new MemorySegment[Math.min(BUFFERS, windows)];
        IoCompletion[] writing = new IoCompletion[buffers.length];
        try (Arena arena = Arena.ofConfined()) {
            for (int b = 0; b < buffers.length; b++) {
                buffers[b] = arena.allocate((long) window * pageSize, 4096);
            }
            try {
                for (int start = 0, turn = 0; start < n; start += window, turn = (turn + 1) % buffers.length) {
                    if (writing[turn] != null) {
                        IoCompletion previous = writing[turn];
                        writing[turn] = null;
                        previous.await();
                    }
                    int count = Math.min(window, n - start);
                    MemorySegment buffer = buffers[turn];
                    IoBatch reads = wal.batch();
                    for (int k = 0; k < count; k++) {
                        reads.read(buffer.asSlice((long) k * pageSize, pageSize),
                                WalFormat.frameOffset(frames[start + k], pageSize) + WalFormat.FRAME_HEADER);
                    }
                    reads.execute();
                    writing[turn] = writeRuns(db, buffer, pgnos, start, count, pageSize).submit();
                }
                for (int b = 0; b < writing.length; b++) {
                    if (writing[b] != null) {
                        IoCompletion last = writing[b];
                        writing[b] = null;
                        last.await();
                    }
                }
            } finally {
                for (IoCompletion pending : writing) {
                    if (pending != null) {
                        drain(pending);
                    }
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
