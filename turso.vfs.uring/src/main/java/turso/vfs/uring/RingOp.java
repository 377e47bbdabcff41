/*
 * One read, write or fsync of a batch while it is in the ring. It keeps
 * going until the whole range is transferred: a short read or write is
 * resubmitted for the rest, EINTR and EAGAIN are retried, a read that meets
 * the end of the file zero-fills the remainder (SQLite's short read), and
 * any other error is kept as the request's failure. Heap segments are
 * served through a native bounce buffer, as the kernel needs addresses.
 *
 * A request may carry a run of other requests (VectoredRun): neighbours in
 * the file that go to the kernel as one READV or WRITEV, whose outcome is
 * handed to each of them when it finishes.
 *
 * Where the file also has an O_DIRECT descriptor (the io_uring-direct VFS),
 * a transfer whose memory address, file offset and length are all aligned
 * goes through it; anything else (the 100-byte header, a heap page's bounce
 * buffer, the remainder of a short transfer) through the buffered one.
 */
package turso.vfs.uring;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.util.function.IntUnaryOperator;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.VfsFile;

final class RingOp {

    enum Kind { READ, WRITE, SYNC }

    /** The kernel moves at most this much in one read or write. */
    static final long MAX_TRANSFER = 1L << 30;

    /** What O_DIRECT needs of a transfer's address, offset and length (a multiple of any device's logical block). */
    static final long DIRECT_ALIGNMENT = 4096;

    final Kind kind;
    final int fd;
    /** The file's O_DIRECT descriptor, or -1. */
    final int directFd;
    final long offset;
    final long length;
    final VfsFile.SyncType syncType;
    private final MemorySegment target;
    private final MemorySegment buffer;
    private final Object file;
    /** The requests this one carries as a single vectored transfer, or null. */
    private final VectoredRun run;
    private long done;
    private boolean finished;
    private boolean resubmitted;
    /** Whether the kernel should run this request in a worker rather than inline in the submitting call. */
    private boolean background;
    private int errno;

    RingOp(Kind kind, int fd, MemorySegment target, MemorySegment buffer, long offset, VfsFile.SyncType syncType,
            Object file) {
        this(kind, fd, -1, target, buffer, offset, syncType, file);
    }

    RingOp(Kind kind, int fd, int directFd, MemorySegment target, MemorySegment buffer, long offset,
            VfsFile.SyncType syncType, Object file) {
        this.kind = kind;
        this.fd = fd;
        this.directFd = directFd;
        this.target = target;
        this.buffer = buffer;
        this.offset = offset;
        this.length = target == null ? 0 : target.byteSize();
        this.syncType = syncType;
        this.file = file;
        this.run = null;
        if (length == 0 && kind != Kind.SYNC) {
            finished = true;
        }
    }

    /** The request that transfers {@code run}'s members as one. */
    RingOp(VectoredRun run, int fd, int directFd, Object file) {
        this.kind = run.kind();
        this.fd = fd;
        this.directFd = directFd;
        this.target = null;
        this.buffer = null;
        this.offset = run.offset();
        this.length = run.length();
        this.syncType = null;
        this.file = file;
        this.run = run;
    }

    /** Whether this read or write can go through an O_DIRECT descriptor as a whole. */
    boolean directCapable() {
        return directFd >= 0 && run == null && aligned(buffer.address(), offset, length);
    }

    MemorySegment buffer() {
        return buffer;
    }

    /** The run of requests this one carries, or null. */
    VectoredRun run() {
        return run;
    }

    static boolean aligned(long address, long offset, long length) {
        return ((address | offset | length) & (DIRECT_ALIGNMENT - 1)) == 0;
    }

    /** The descriptor the rest of this request goes through: O_DIRECT while everything left is aligned. */
    private int currentFd() {
        if (directFd < 0 || kind == Kind.SYNC) {
            return fd;
        }
        boolean aligned = run == null ? aligned(buffer.address() + done, offset + done, length - done)
                : run.direct() && (done & (DIRECT_ALIGNMENT - 1)) == 0;
        return aligned ? directFd : fd;
    }

    /**
     * Asks that the request be handed to a kernel worker (IOSQE_ASYNC)
     * instead of being tried inline in the io_uring_enter that submits it,
     * where a read or write that the OS cache can serve would be copied on
     * the submitting thread before the call returns. O_DIRECT transfers are
     * asynchronous in the block layer already, so they ignore it.
     */
    void runInBackground() {
        background = true;
    }

    /**
     * Puts the (remaining part of the) request in the ring; {@code fixed}
     * gives the ring's registered file index of a descriptor, or -1.
     */
    void push(Ring ring, long userData, boolean drain, IntUnaryOperator fixed) {
        int descriptor = currentFd();
        int index = fixed.applyAsInt(descriptor);
        byte flags = (byte) ((drain ? Ring.SQE_IO_DRAIN : 0) | (index >= 0 ? Ring.SQE_FIXED_FILE : 0)
                | (background && descriptor != directFd ? Ring.SQE_ASYNC : 0));
        int target = index >= 0 ? index : descriptor;
        if (kind == Kind.SYNC) {
            ring.push(Ring.OP_FSYNC, flags, target, 0, 0, 0,
                    syncType == VfsFile.SyncType.DATA_ONLY ? Ring.FSYNC_DATASYNC : 0, userData);
        } else if (run != null) {
            int vectors = run.vectorsFrom(done);
            ring.push(kind == Kind.READ ? Ring.OP_READV : Ring.OP_WRITEV, flags, target, offset + done,
                    run.vectors().address(), vectors, 0, userData);
        } else {
            ring.push(kind == Kind.READ ? Ring.OP_READ : Ring.OP_WRITE, flags, target, offset + done,
                    buffer.address() + done, (int) Math.min(MAX_TRANSFER, length - done), 0, userData);
        }
    }

    /**
     * Performs the request on the calling thread with plain system calls
     * (pread, pwrite, fsync or fdatasync), under the same rules as in the
     * ring: the remainder of a short transfer is asked for again, EINTR and
     * EAGAIN are retried. {@code state} receives errno.
     */
    void runDirect(MemorySegment state) {
        if (run != null) {
            throw new IllegalStateException("a vectored run goes through the ring");
        }
        while (!finished) {
            int descriptor = currentFd();
            long result = switch (kind) {
                case SYNC -> Syscalls.fsync(state, fd, syncType == VfsFile.SyncType.DATA_ONLY);
                case READ -> Syscalls.pread(state, descriptor,
                        buffer.asSlice(done, Math.min(MAX_TRANSFER, length - done)), offset + done);
                case WRITE -> Syscalls.pwrite(state, descriptor,
                        buffer.asSlice(done, Math.min(MAX_TRANSFER, length - done)), offset + done);
            };
            complete((int) result);
        }
    }

    /**
     * Takes the kernel's result; returns true if the request must go back
     * into the ring for its remainder (or a retry).
     */
    boolean complete(int result) {
        if (result == -Syscalls.EINTR || result == -Syscalls.EAGAIN) {
            return true;
        }
        if (result < 0) {
            fail(-result);
            return false;
        }
        switch (kind) {
            case SYNC -> finished = true;
            case READ -> {
                if (result == 0) {
                    zeroFillRest();
                    finish();
                } else {
                    done += result;
                    if (done < length) {
                        return true;
                    }
                    finish();
                }
            }
            case WRITE -> {
                if (result == 0) {
                    fail(Syscalls.EIO);
                    return false;
                }
                done += result;
                if (done < length) {
                    resubmitted = true;
                    return true;
                }
                finish();
            }
        }
        return false;
    }

    void fail(int error) {
        errno = error;
        finished = true;
        if (run != null) {
            run.fail(error);
        }
    }

    private void zeroFillRest() {
        if (run != null) {
            run.zeroFrom(done);
        } else {
            buffer.asSlice(done).fill((byte) 0);
        }
    }

    private void finish() {
        finished = true;
        if (run != null) {
            run.finish(done, resubmitted);
        } else if (kind == Kind.READ && buffer != target) {
            MemorySegment.copy(buffer, 0, target, 0, length);
        }
    }

    /** Takes the outcome of the vectored run that carried this request. */
    void finishedInRun(long transferred, boolean rewritten) {
        done = transferred;
        resubmitted = rewritten;
        if (kind == Kind.READ && buffer != target) {
            MemorySegment.copy(buffer, 0, target, 0, length);
        }
        finished = true;
    }

    /** Whether the run that carried this request failed with {@code error}. */
    void failedInRun(int error) {
        errno = error;
        finished = true;
    }

    boolean finished() {
        return finished;
    }

    /** Whether part of this write went back into the ring after its first completion. */
    boolean resubmitted() {
        return resubmitted;
    }

    long transferred() {
        return kind == Kind.SYNC ? 0 : done;
    }

    /** The failure of this request as SQLite reports it, or null. */
    TursoException failure() {
        if (errno == 0) {
            return null;
        }
        ResultCode code = switch (kind) {
            case READ -> ResultCode.IOERR_READ;
            case WRITE -> errno == Syscalls.ENOSPC || errno == Syscalls.EDQUOT ? ResultCode.FULL : ResultCode.IOERR_WRITE;
            case SYNC -> ResultCode.IOERR_FSYNC;
        };
        return new TursoException(code, code.defaultMessage(), new IOException("io_uring " + kind.name().toLowerCase()
                + (kind == Kind.SYNC ? "" : " at offset " + offset) + " of " + file + ": errno " + errno));
    }
}
