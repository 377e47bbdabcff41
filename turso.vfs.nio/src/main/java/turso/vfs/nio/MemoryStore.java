/*
 * The content of one in-memory file: 64 KiB chunks allocated on first write,
 * so a sparse file costs only what was written and growing never copies.
 * Missing chunks read as zeros. Also holds what connections to the file
 * share: its lock levels and its wal-index.
 */
package turso.vfs.nio;

import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

final class MemoryStore {

    private static final int CHUNK_SHIFT = 16;
    private static final int CHUNK = 1 << CHUNK_SHIFT;

    private final ReadWriteLock guard = new ReentrantReadWriteLock();
    private final Map<Long, MemorySegment> chunks = new HashMap<>();
    private long size;
    private final DatabaseLocks locks = new DatabaseLocks(RangeLocks.NONE);
    private ShmNode shm;

    long size() {
        guard.readLock().lock();
        try {
            return size;
        } finally {
            guard.readLock().unlock();
        }
    }

    long read(MemorySegment dst, long offset) {
        guard.readLock().lock();
        try {
            long available = Math.max(0, Math.min(dst.byteSize(), size - offset));
            long done = 0;
            while (done < available) {
                long position = offset + done;
                int within = (int) (position & (CHUNK - 1));
                long n = Math.min(available - done, CHUNK - within);
                MemorySegment chunk = chunks.get(position >>> CHUNK_SHIFT);
                if (chunk == null) {
                    dst.asSlice(done, n).fill((byte) 0);
                } else {
                    MemorySegment.copy(chunk, within, dst, done, n);
                }
                done += n;
            }
            if (available < dst.byteSize()) {
                dst.asSlice(available).fill((byte) 0);
            }
            return available;
        } finally {
            guard.readLock().unlock();
        }
    }

    void write(MemorySegment src, long offset) {
        guard.writeLock().lock();
        try {
            long total = src.byteSize();
            long done = 0;
            while (done < total) {
                long position = offset + done;
                int within = (int) (position & (CHUNK - 1));
                long n = Math.min(total - done, CHUNK - within);
                MemorySegment chunk = chunks.computeIfAbsent(position >>> CHUNK_SHIFT,
                        k -> MemorySegment.ofArray(new byte[CHUNK]));
                MemorySegment.copy(src, done, chunk, within, n);
                done += n;
            }
            size = Math.max(size, offset + total);
        } finally {
            guard.writeLock().unlock();
        }
    }

    void truncate(long newSize) {
        guard.writeLock().lock();
        try {
            if (newSize < size) {
                long firstGone = (newSize + CHUNK - 1) >>> CHUNK_SHIFT;
                chunks.keySet().removeIf(index -> index >= firstGone);
                MemorySegment partial = chunks.get(newSize >>> CHUNK_SHIFT);
                if (partial != null) {
                    partial.asSlice(newSize & (CHUNK - 1)).fill((byte) 0);
                }
            }
            size = newSize;
        } finally {
            guard.writeLock().unlock();
        }
    }

    DatabaseLocks locks() {
        return locks;
    }

    synchronized ShmNode joinShm() {
        if (shm == null) {
            shm = new ShmNode(RangeLocks.NONE, new MemoryRegions());
        }
        shm.retain();
        return shm;
    }

    synchronized void leaveShm(boolean delete) {
        if (shm != null && shm.release(delete)) {
            shm = null;
        }
    }
}
