/*
 * One read, write or fsync of a batch while it is in the ring. It keeps
 * going until the whole range is transferred: a short read or write is
 * resubmitted for the rest, EINTR and EAGAIN are retried, a read that meets
 * the end of the file zero-fills the remainder (SQLite's short read), and
 * any other error is kept as the request's failure. Heap segments are
 * served through a native bounce buffer, as the kernel needs addresses.
 * A scatter read (readv) fills several segments from consecutive bytes,
 * its remainder after a short read described afresh from where it stopped.
 * A write through a descriptor opened with O_DIRECT that the kernel refuses
 * (EINVAL: the file system's alignment is stricter than the caller's, or a
 * short write left an unaligned remainder) goes again, from where it
 * stopped, through the file's ordinary descriptor.
 */
package turso.vfs.uring;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.VfsFile;

final class RingOp {

    enum Kind { READ, WRITE, SYNC }

    /** The kernel moves at most this much in one read or write. */
    private static final long MAX_TRANSFER = 1L << 30;

    final Kind kind;
    /** The descriptor the request goes through now. */
    private int fd;
    /** The ordinary descriptor a refused O_DIRECT write falls back to; {@link #fd} when there is none. */
    private final int bufferedFd;
    /** Whether the request was made through an O_DIRECT descriptor. */
    private final boolean uncached;
    final long offset;
    final long length;
    final VfsFile.SyncType syncType;
    private final MemorySegment target;
    private final MemorySegment buffer;
    private final Object file;
    /** A scatter read's segments (the caller's, and what the kernel fills: a bounce buffer for a heap one); else null. */
    private final MemorySegment[] targets;
    private final MemorySegment[] buffers;
    /** A scatter read's iovec array, room for one entry per segment; else null. */
    private final MemorySegment iovecs;
    private long done;
    private boolean finished;
    private boolean resubmitted;
    /** Whether the kernel should run this request in a worker rather than inline in the submitting call. */
    private boolean background;
    private int errno;
    /** The ring this request was last put in, where its completion (or its remainder's) comes from. */
    private Ring ring;

    RingOp(Kind kind, int fd, MemorySegment target, MemorySegment buffer, long offset, VfsFile.SyncType syncType,
            Object file) {
        this(kind, fd, fd, target, buffer, offset, syncType, file);
    }

    /** A request through {@code fd} that, if the kernel refuses it with EINVAL, goes again through {@code bufferedFd}. */
    RingOp(Kind kind, int fd, int bufferedFd, MemorySegment target, MemorySegment buffer, long offset,
            VfsFile.SyncType syncType, Object file) {
        this.kind = kind;
        this.fd = fd;
        this.bufferedFd = bufferedFd;
        this.uncached = fd != bufferedFd;
        this.target = target;
        this.buffer = buffer;
        this.offset = offset;
        this.length = target == null ? 0 : target.byteSize();
        this.syncType = syncType;
        this.file = file;
        this.targets = null;
        this.buffers = null;
        this.iovecs = null;
        if (length == 0 && kind != Kind.SYNC) {
            finished = true;
        }
    }

    /**
     * A scatter read of consecutive bytes at {@code offset} into
     * {@code buffers} one after another, copied into {@code targets} where
     * they differ; {@code iovecs} holds 16 bytes per segment.
     */
    RingOp(int fd, MemorySegment[] targets, MemorySegment[] buffers, MemorySegment iovecs, long offset, Object file) {
        this.kind = Kind.READ;
        this.fd = fd;
        this.bufferedFd = fd;
        this.uncached = false;
        this.target = null;
        this.buffer = null;
        this.offset = offset;
        long total = 0;
        for (MemorySegment segment : buffers) {
            total += segment.byteSize();
        }
        this.length = total;
        this.syncType = null;
        this.file = file;
        this.targets = targets;
        this.buffers = buffers;
        this.iovecs = iovecs;
        if (length == 0) {
            finished = true;
        }
    }

    /** Describes the scatter read's segments from byte {@code done} on in the iovec array; returns how many entries. */
    int describeRemainder() {
        List<MemorySegment> left = remainder();
        for (int i = 0; i < left.size(); i++) {
            iovecs.setAtIndex(ValueLayout.JAVA_LONG, 2L * i, left.get(i).address());
            iovecs.setAtIndex(ValueLayout.JAVA_LONG, 2L * i + 1, left.get(i).byteSize());
        }
        return left.size();
    }

    /** The scatter read's segments from byte {@code done} on, the first cut to what is left of it. */
    private List<MemorySegment> remainder() {
        List<MemorySegment> left = new ArrayList<>(buffers.length);
        long skip = done;
        for (MemorySegment segment : buffers) {
            if (skip >= segment.byteSize()) {
                skip -= segment.byteSize();
            } else {
                left.add(segment.asSlice(skip));
                skip = 0;
            }
        }
        return left;
    }

    /**
     * Asks that the request be handed to a kernel worker (IOSQE_ASYNC)
     * instead of being tried inline in the io_uring_enter that submits it,
     * where a read or write that the OS cache can serve would be copied on
     * the submitting thread before the call returns.
     */
    void runInBackground() {
        background = true;
    }

    /**
     * Puts the (remaining part of the) request in the ring; {@code fixed}
     * when this request's descriptor is the ring's registered file 0.
     */
    void push(Ring ring, long userData, boolean drain, boolean fixed) {
        this.ring = ring;
        byte flags = (byte) ((drain ? Ring.SQE_IO_DRAIN : 0) | (fixed ? Ring.SQE_FIXED_FILE : 0)
                | (background ? Ring.SQE_ASYNC : 0));
        int target = fixed ? 0 : fd;
        switch (kind) {
            case SYNC -> ring.push(Ring.OP_FSYNC, flags, target, 0, 0, 0,
                    syncType == VfsFile.SyncType.DATA_ONLY ? Ring.FSYNC_DATASYNC : 0, userData);
            case READ, WRITE -> {
                if (iovecs != null) {
                    ring.push(Ring.OP_READV, flags, target, offset + done, iovecs.address(), describeRemainder(), 0, userData);
                    return;
                }
                ring.push(kind == Kind.READ ? Ring.OP_READ : Ring.OP_WRITE, flags, target, offset + done,
                    buffer.address() + done, (int) Math.min(MAX_TRANSFER, length - done), 0, userData);
            }
        }
    }

    /**
     * Performs the request on the calling thread with plain system calls
     * (pread, pwrite, fsync or fdatasync), under the same rules as in the
     * ring: the remainder of a short transfer is asked for again, EINTR and
     * EAGAIN are retried. {@code state} receives errno.
     */
    void runDirect(MemorySegment state) {
        while (!finished) {
            long result = switch (kind) {
                case SYNC -> Syscalls.fsync(state, fd, syncType == VfsFile.SyncType.DATA_ONLY);
                case READ -> iovecs != null ? Syscalls.preadv(state, fd, iovecs, describeRemainder(), offset + done)
                        : Syscalls.pread(state, fd, buffer.asSlice(done, Math.min(MAX_TRANSFER, length - done)),
                                offset + done);
                case WRITE -> Syscalls.pwrite(state, fd, buffer.asSlice(done, Math.min(MAX_TRANSFER, length - done)),
                        offset + done);
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
        if (result == -Syscalls.EINVAL && fd != bufferedFd) {
            fd = bufferedFd;
            resubmitted = true;
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
                    if (iovecs != null) {
                        remainder().forEach(segment -> segment.fill((byte) 0));
                    } else {
                        buffer.asSlice(done).fill((byte) 0);
                    }
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
                finished = true;
            }
        }
        return false;
    }

    void fail(int error) {
        errno = error;
        finished = true;
    }

    private void finish() {
        if (iovecs != null) {
            for (int i = 0; i < buffers.length; i++) {
                if (buffers[i] != targets[i]) {
                    MemorySegment.copy(buffers[i], 0, targets[i], 0, buffers[i].byteSize());
                }
            }
        } else if (buffer != target) {
            MemorySegment.copy(buffer, 0, target, 0, length);
        }
        finished = true;
    }

    Ring ring() {
        return ring;
    }

    int fd() {
        return fd;
    }

    /** Whether this request goes through an O_DIRECT descriptor now (the kernel queues it to the device without copying). */
    boolean uncached() {
        return uncached && fd != bufferedFd;
    }

    /** Whether an O_DIRECT request had to go through the ordinary descriptor instead. */
    boolean fellBack() {
        return uncached && fd == bufferedFd;
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
