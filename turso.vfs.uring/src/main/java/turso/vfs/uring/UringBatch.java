/*
 * An IoBatch on io_uring. The requests are cut into phases at each sync:
 * a phase's reads and writes go into the ring together, in one
 * io_uring_enter, with the sync that ends the phase flagged IOSQE_IO_DRAIN so
 * that the kernel starts it only once they have all completed. The next
 * phase is put in the ring only when the sync has completed: the barrier
 * the IoBatch contract asks for, including when a short write had to be
 * resubmitted for its remainder after the sync had already run; in that
 * case the phase is synced once more before the batch moves on.
 */
package turso.vfs.uring;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.IoBatch;
import turso.api.spi.IoCompletion;
import turso.api.spi.VfsFile;

final class UringBatch implements IoBatch, IoCompletion {

    private final RingSession session;
    private final int fd;
    private final Object file;
    private final boolean readOnly;
    private final List<RingOp> ops = new ArrayList<>();
    private final List<List<RingOp>> phases = new ArrayList<>();
    private int phase;
    private int startedPhase = -1;
    private TursoException lateFailure;
    private Arena bounce;
    private boolean submitted;
    private boolean awaited;
    private TursoException failure;

    UringBatch(RingSession session, int fd, Object file, boolean readOnly) {
        this.session = session;
        this.fd = fd;
        this.file = file;
        this.readOnly = readOnly;
    }

    @Override
    public int read(MemorySegment dst, long offset) {
        checkOpen();
        checkOffset(offset);
        if (dst.isReadOnly()) {
            throw new TursoException(ResultCode.MISUSE, "read into a read-only segment");
        }
        return add(new RingOp(RingOp.Kind.READ, fd, dst, nativeView(dst, false), offset, null, file));
    }

    @Override
    public int write(MemorySegment src, long offset) {
        checkOpen();
        checkOffset(offset);
        if (readOnly) {
            throw new TursoException(ResultCode.READONLY);
        }
        return add(new RingOp(RingOp.Kind.WRITE, fd, src, nativeView(src, true), offset, null, file));
    }

    @Override
    public int sync(VfsFile.SyncType type) {
        return add(new RingOp(RingOp.Kind.SYNC, fd, null, null, 0, type, file));
    }

    @Override
    public int size() {
        return ops.size();
    }

    private void checkOpen() {
        if (submitted) {
            throw new TursoException(ResultCode.MISUSE, "I/O batch already submitted");
        }
    }

    private int add(RingOp op) {
        checkOpen();
        ops.add(op);
        return ops.size() - 1;
    }

    /** The segment itself if the kernel can address it, else a native copy (filled now for a write). */
    private MemorySegment nativeView(MemorySegment segment, boolean copyIn) {
        if (segment.isNative() || segment.byteSize() == 0) {
            return segment;
        }
        if (bounce == null) {
            bounce = Arena.ofShared();
        }
        MemorySegment copy = bounce.allocate(segment.byteSize(), 8);
        if (copyIn) {
            MemorySegment.copy(segment, 0, copy, 0, segment.byteSize());
        }
        return copy;
    }

    @Override
    public IoCompletion submit() {
        prepare();
        if (!phases.isEmpty()) {
            startedPhase = 0;
            session.start(phases.getFirst());
        }
        return this;
    }

    /** Submits and waits with one io_uring_enter per phase, where submit() then await() would need two. */
    @Override
    public IoCompletion execute() {
        prepare();
        await();
        return this;
    }

    /** Splits the requests into phases that each end with a sync (the barrier). */
    private void prepare() {
        checkOpen();
        submitted = true;
        List<RingOp> current = new ArrayList<>();
        for (RingOp op : ops) {
            current.add(op);
            if (op.kind == RingOp.Kind.SYNC) {
                phases.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            phases.add(current);
        }
    }

    /** Moves through the phases; without {@code block}, only as far as the kernel has already got. */
    private boolean advance(boolean block) {
        while (phase < phases.size()) {
            List<RingOp> current = phases.get(phase);
            if (startedPhase < phase) {
                startedPhase = phase;
                if (block) {
                    session.run(current);
                } else {
                    session.start(current);
                }
            }
            if (block) {
                session.finish(current);
            } else if (!session.allFinished(current)) {
                return false;
            }
            resyncAfterLateWrites(current);
            phase++;
        }
        return true;
    }

    private void resyncAfterLateWrites(List<RingOp> current) {
        RingOp last = current.getLast();
        if (last.kind != RingOp.Kind.SYNC || current.stream().noneMatch(RingOp::resubmitted)) {
            return;
        }
        RingOp sync = new RingOp(RingOp.Kind.SYNC, fd, null, null, 0, last.syncType, file);
        session.start(List.of(sync));
        session.finish(List.of(sync));
        if (sync.failure() != null && lateFailure == null) {
            lateFailure = sync.failure();
        }
    }

    @Override
    public void await() {
        if (!submitted) {
            throw new TursoException(ResultCode.MISUSE, "I/O batch not submitted");
        }
        if (!awaited) {
            awaited = true;
            try {
                advance(true);
            } finally {
                if (bounce != null) {
                    bounce.close();
                }
            }
            for (RingOp op : ops) {
                if (op.failure() != null) {
                    failure = op.failure();
                    break;
                }
            }
            if (failure == null) {
                failure = lateFailure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public boolean isDone() {
        return awaited || advance(false);
    }

    @Override
    public long transferred(int index) {
        return ops.get(index).transferred();
    }

    private static void checkOffset(long offset) {
        if (offset < 0) {
            throw new TursoException(ResultCode.MISUSE, "negative file offset " + offset);
        }
    }
}
