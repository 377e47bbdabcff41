/*
 * A batch of I/O requests on one file, submitted together and awaited
 * together: the shape that lets io_uring have a whole commit, checkpoint or
 * read-ahead in flight at once, while NIO simply loops (SequentialIoBatch).
 *
 * Ordering: reads and writes of a batch may complete in any order, so a batch
 * must not hold overlapping writes or a read of a range it writes. A sync
 * request is a barrier: it starts after every request added before it has
 * completed, and requests added after it start after it.
 */
package turso.api.spi;

import java.lang.foreign.MemorySegment;
import java.util.List;

public interface IoBatch {

    /** The most segments one scatter read may fill (Linux's IOV_MAX). */
    int MAX_SCATTER = 1024;

    /** Adds a read of {@code dst.byteSize()} bytes at {@code offset}; returns the request's index. */
    int read(MemorySegment dst, long offset);

    /**
     * Adds a scatter read (preadv): the bytes from {@code offset} on fill
     * {@code dsts} one after another, at most {@link #MAX_SCATTER} of them,
     * as one request (past the end of the file they are zero-filled, as
     * for a read); returns the request's index, whose transferred() counts
     * the bytes of all of them that existed in the file.
     */
    int readScattered(List<MemorySegment> dsts, long offset);

    /** Adds a write of all of {@code src} at {@code offset}; returns the request's index. */
    int write(MemorySegment src, long offset);

    /** Adds a sync barrier; returns the request's index. */
    int sync(VfsFile.SyncType type);

    /** How many requests have been added. */
    int size();

    /**
     * Starts every request added. The batch may not be reused. If a request
     * fails, the others still run to completion and {@link IoCompletion#await()}
     * throws the first failure.
     */
    IoCompletion submit();

    /** Submits and waits: the common case. */
    default IoCompletion execute() {
        IoCompletion completion = submit();
        completion.await();
        return completion;
    }
}
