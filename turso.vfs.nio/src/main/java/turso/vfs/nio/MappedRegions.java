/*
 * The regions of a -shm file, mapped READ_WRITE and shared so that every
 * process that maps the file sees the same bytes. The file is grown before a
 * region past its end is mapped, by writing a byte in each new 4 KiB page so
 * that the blocks are allocated now: touching a mapped page the file system
 * cannot back (disk full, sparse file) would crash the JVM instead of failing.
 */
package turso.vfs.nio;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import turso.api.ResultCode;

final class MappedRegions implements RegionSource {

    private static final int PAGE = 4096;

    private final FileChannel channel;
    private final Path path;
    private final Arena arena = Arena.ofShared();

    MappedRegions(FileChannel channel, Path path) {
        this.channel = channel;
        this.path = path;
    }

    @Override
    public MemorySegment map(int index, int size, boolean extend) {
        long start = (long) index * size;
        long end = start + size;
        try {
            long current = Uninterruptible.call(channel::size);
            if (current < end) {
                if (!extend) {
                    return MemorySegment.NULL;
                }
                grow(current, end);
            }
        } catch (IOException e) {
            throw IoErrors.of(ResultCode.IOERR_SHMSIZE, "grow", path, e);
        }
        try {
            return Uninterruptible.call(() -> channel.map(FileChannel.MapMode.READ_WRITE, start, size, arena));
        } catch (IOException e) {
            throw IoErrors.of(ResultCode.IOERR_SHMMAP, "map", path, e);
        }
    }

    private void grow(long current, long end) throws IOException {
        for (long page = current / PAGE; page * PAGE < end; page++) {
            long last = Math.min(page * PAGE + PAGE, end) - 1;
            if (last >= current) {
                ByteBuffer zero = ByteBuffer.allocate(1);
                Uninterruptible.call(() -> channel.write(zero, last));
            }
        }
    }

    @Override
    public void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw IoErrors.of(ResultCode.IOERR_DELETE, "delete", path, e);
        }
    }

    @Override
    public void close() {
        try {
            arena.close();
        } finally {
            try {
                Uninterruptible.call(() -> {
                    channel.close();
                    return null;
                });
            } catch (IOException e) {
                throw IoErrors.of(ResultCode.IOERR_SHMOPEN, "close", path, e);
            }
        }
    }
}
