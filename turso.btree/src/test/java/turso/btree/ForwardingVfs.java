/*
 * A VFS for tests that passes everything to another one: tests that watch
 * or interfere with the engine's I/O (counting syncs, recording batches,
 * copying files aside at a chosen write) extend it and its File, and
 * override only what they look at. File forwards just the methods every
 * VfsFile must have, so a wrapped file keeps VfsFile's defaults (sector
 * size, device characteristics, no shared memory, a batch run request by
 * request through the wrapper's own methods) unless a test forwards them.
 */
package turso.btree;

import java.lang.foreign.MemorySegment;
import turso.api.spi.Vfs;
import turso.api.spi.VfsFile;

abstract class ForwardingVfs implements Vfs {
    final Vfs inner;

    ForwardingVfs(Vfs inner) {
        this.inner = inner;
    }

    @Override
    public void delete(String path, boolean syncDirectory) {
        inner.delete(path, syncDirectory);
    }

    @Override
    public boolean access(String path, Access mode) {
        return inner.access(path, mode);
    }

    @Override
    public String fullPath(String path) {
        return inner.fullPath(path);
    }

    /** A file that passes the methods every VfsFile must have to {@code inner}. */
    static class File implements VfsFile {
        final VfsFile inner;

        File(VfsFile inner) {
            this.inner = inner;
        }

        @Override
        public int read(MemorySegment dst, long offset) {
            return inner.read(dst, offset);
        }

        @Override
        public void write(MemorySegment src, long offset) {
            inner.write(src, offset);
        }

        @Override
        public void truncate(long size) {
            inner.truncate(size);
        }

        @Override
        public void sync(SyncType type) {
            inner.sync(type);
        }

        @Override
        public long size() {
            return inner.size();
        }

        @Override
        public boolean lock(LockLevel level) {
            return inner.lock(level);
        }

        @Override
        public void unlock(LockLevel level) {
            inner.unlock(level);
        }

        @Override
        public boolean checkReservedLock() {
            return inner.checkReservedLock();
        }

        @Override
        public LockLevel lockLevel() {
            return inner.lockLevel();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
