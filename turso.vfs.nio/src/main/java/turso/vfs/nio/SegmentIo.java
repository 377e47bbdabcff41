/*
 * Positional reads and writes of MemorySegments on a FileChannel. A segment
 * is viewed as a ByteBuffer where it can be (native segments and byte[]-backed
 * heap segments); others (a long[]-backed heap segment) go through a
 * temporary native buffer. Large segments are moved in chunks, since a
 * ByteBuffer holds at most 2 GiB.
 */
package turso.vfs.nio;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

final class SegmentIo {

    private static final long CHUNK = 1L << 30;

    private SegmentIo() {
    }

    /** Reads {@code dst.byteSize()} bytes at {@code offset}; zero-fills past the end of file; returns the bytes that existed. */
    static long read(FileChannel channel, MemorySegment dst, long offset) throws IOException {
        if (dst.isReadOnly()) {
            throw IoErrors.misuse("read into a read-only segment");
        }
        long total = 0;
        long size = dst.byteSize();
        while (total < size) {
            MemorySegment chunk = dst.asSlice(total, Math.min(CHUNK, size - total));
            long got = readChunk(channel, chunk, offset + total);
            total += got;
            if (got < chunk.byteSize()) {
                dst.asSlice(total).fill((byte) 0);
                break;
            }
        }
        return total;
    }

    private static long readChunk(FileChannel channel, MemorySegment chunk, long position) throws IOException {
        ByteBuffer buffer = asBuffer(chunk);
        if (buffer == null) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment temp = arena.allocate(chunk.byteSize());
                long got = readChunk(channel, temp, position);
                MemorySegment.copy(temp, 0, chunk, 0, got);
                return got;
            }
        }
        long got = 0;
        while (buffer.hasRemaining()) {
            int n = Uninterruptible.call(() -> channel.read(buffer, position + buffer.position()));
            if (n < 0) {
                break;
            }
            got += n;
        }
        return got;
    }

    /** Writes all of {@code src} at {@code offset}. */
    static void write(FileChannel channel, MemorySegment src, long offset) throws IOException {
        long size = src.byteSize();
        for (long done = 0; done < size; ) {
            MemorySegment chunk = src.asSlice(done, Math.min(CHUNK, size - done));
            writeChunk(channel, chunk, offset + done);
            done += chunk.byteSize();
        }
    }

    private static void writeChunk(FileChannel channel, MemorySegment chunk, long position) throws IOException {
        ByteBuffer buffer = asBuffer(chunk);
        if (buffer == null) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment temp = arena.allocate(chunk.byteSize());
                MemorySegment.copy(chunk, 0, temp, 0, chunk.byteSize());
                writeChunk(channel, temp, position);
                return;
            }
        }
        while (buffer.hasRemaining()) {
            Uninterruptible.call(() -> channel.write(buffer, position + buffer.position()));
        }
    }

    private static ByteBuffer asBuffer(MemorySegment segment) {
        if (segment.isNative() || segment.heapBase().map(base -> base instanceof byte[]).orElse(false)) {
            return segment.asByteBuffer();
        }
        return null;
    }
}
