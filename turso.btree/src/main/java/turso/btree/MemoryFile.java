/*
 * The file behind an anonymous in-memory database (no VFS path): a growable
 * heap buffer with the VfsFile contract, private to one connection, so
 * locks always succeed.
 */
package turso.btree;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import turso.api.spi.VfsFile;

final class MemoryFile implements VfsFile {

    private byte[] bytes = new byte[0];
    private long length;
    private LockLevel level = LockLevel.NONE;

    @Override
    public int read(MemorySegment dst, long offset) {
        long n = Math.max(0, Math.min(dst.byteSize(), length - offset));
        if (n > 0) {
            MemorySegment.copy(MemorySegment.ofArray(bytes), offset, dst, 0, n);
        }
        if (n < dst.byteSize()) {
            dst.asSlice(n).fill((byte) 0);
        }
        return (int) n;
    }

    @Override
    public void write(MemorySegment src, long offset) {
        long end = offset + src.byteSize();
        if (end > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.max(end, bytes.length * 2L));
        }
        MemorySegment.copy(src, 0, MemorySegment.ofArray(bytes), offset, src.byteSize());
        length = Math.max(length, end);
    }

    @Override
    public void truncate(long size) {
        if (size < length) {
            Arrays.fill(bytes, (int) size, (int) length, (byte) 0);
            length = size;
        }
    }

    @Override
    public void sync(SyncType type) {
    }

    @Override
    public long size() {
        return length;
    }

    @Override
    public boolean lock(LockLevel level) {
        if (level.compareTo(this.level) > 0) {
            this.level = level;
        }
        return true;
    }

    @Override
    public void unlock(LockLevel level) {
        if (level.compareTo(this.level) < 0) {
            this.level = level;
        }
    }

    @Override
    public boolean checkReservedLock() {
        return false;
    }

    @Override
    public LockLevel lockLevel() {
        return level;
    }

    @Override
    public void close() {
        bytes = new byte[0];
        length = 0;
    }
}
