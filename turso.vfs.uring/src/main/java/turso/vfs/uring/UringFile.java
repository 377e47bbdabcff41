/*
 * A file opened through UringVfs. Batches go through this handle's
 * io_uring ring on a native descriptor of the file, except where the ring
 * does not pay (UringBatch: on a platform thread a lone read or write is a
 * pread or pwrite, a sync an fsync; a lone read into native memory is a
 * pread here, see read()); everything else (size, truncate, SQLite's lock levels, the -shm wal-index)
 * is delegated to a NioVfs handle on the same file, so that locking is the
 * one implementation that is compatible with sqlite3 processes.
 */
package turso.vfs.uring;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.IoBatch;
import turso.api.spi.SharedMemory;
import turso.api.spi.VfsFile;

final class UringFile implements VfsFile {

    private final VfsFile nio;
    private final NativeFiles.Descriptor descriptor;
    private final RingSession session;
    private final Path name;
    private final boolean readOnly;
    /** Where pread's errno lands; one per handle, as a handle is used by one thread at a time. */
    private final MemorySegment callState = Syscalls.callState(Arena.ofAuto());
    private boolean closed;

    UringFile(VfsFile nio, NativeFiles.Descriptor descriptor, RingSession session, Path name, boolean readOnly) {
        this.nio = nio;
        this.descriptor = descriptor;
        this.session = session;
        this.name = name;
        this.readOnly = readOnly;
    }

    @Override
    public IoBatch batch() {
        checkOpen();
        return new UringBatch(session, descriptor.fd(), name, readOnly);
    }

    /**
     * Writes aligned to 4 KiB (buffer address, offset and length) go through
     * the file's O_DIRECT descriptor: straight from the caller's memory to
     * the device, several in flight at once, with no copy into the OS cache
     * for the final sync to write back (a checkpoint: measured in
     * docs/PERFORMANCE.md). The kernel keeps the OS cache coherent (it drops
     * the cached pages a direct write replaces), so reads need nothing.
     */
    @Override
    public IoBatch uncachedBatch() {
        checkOpen();
        if (readOnly) {
            return batch();
        }
        int uncachedFd = descriptor.uncachedFd();
        return uncachedFd < 0 ? batch() : new UringBatch(session, descriptor.fd(), uncachedFd, name, false,
                descriptor::refuseUncached);
    }

    /**
     * A lone read into native memory is one pread(2), not a ring round trip:
     * it has nothing to share a submission with, and a read that misses the
     * OS cache costs more through io_uring's asynchronous path (measured:
     * about 70 µs more per cold page here, docs/PERFORMANCE.md). Batches,
     * where io_uring pays, still go through the ring.
     */
    @Override
    public int read(MemorySegment dst, long offset) {
        checkOpen();
        if (!dst.isNative() || dst.isReadOnly() || offset < 0) {
            IoBatch batch = batch();
            batch.read(dst, offset);
            return (int) batch.execute().transferred(0);
        }
        long length = dst.byteSize();
        long done = 0;
        while (done < length) {
            long result = Syscalls.pread(callState, descriptor.fd(), dst.asSlice(done), offset + done);
            if (result == -Syscalls.EINTR || result == -Syscalls.EAGAIN) {
                continue;
            }
            if (result < 0) {
                throw new TursoException(ResultCode.IOERR_READ, ResultCode.IOERR_READ.defaultMessage(),
                        new IOException("pread at offset " + offset + " of " + name + ": errno " + -result));
            }
            if (result == 0) {
                dst.asSlice(done).fill((byte) 0);
                break;
            }
            done += result;
        }
        return (int) done;
    }

    @Override
    public void write(MemorySegment src, long offset) {
        IoBatch batch = batch();
        batch.write(src, offset);
        batch.execute();
    }

    @Override
    public void sync(SyncType type) {
        if (readOnly) {
            checkOpen();
            return;
        }
        IoBatch batch = batch();
        batch.sync(type);
        batch.execute();
    }

    @Override
    public void truncate(long size) {
        nio.truncate(size);
    }

    @Override
    public long size() {
        return nio.size();
    }

    @Override
    public boolean lock(LockLevel level) {
        return nio.lock(level);
    }

    @Override
    public void unlock(LockLevel level) {
        nio.unlock(level);
    }

    @Override
    public boolean checkReservedLock() {
        return nio.checkReservedLock();
    }

    @Override
    public LockLevel lockLevel() {
        return nio.lockLevel();
    }

    @Override
    public int sectorSize() {
        return nio.sectorSize();
    }

    @Override
    public Set<DeviceCharacteristic> deviceCharacteristics() {
        return nio.deviceCharacteristics();
    }

    @Override
    public Optional<SharedMemory> sharedMemory() {
        return nio.sharedMemory();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            session.close();
        } finally {
            try {
                nio.close();
            } finally {
                NativeFiles.release(descriptor);
            }
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new TursoException(ResultCode.MISUSE, "file used after close: " + name);
        }
    }
}
