/*
 * An IoBatch on io_uring. The requests are cut into phases at each sync:
 * a phase's reads and writes go into the ring together, in one
 * io_uring_enter, and the sync that ends the phase starts only once they
 * have all completed; the next phase starts only when the sync has
 * completed: the barrier the IoBatch contract asks for.
 *
 * Where the ring does not pay, plain system calls serve (measured,
 * docs/PERFORMANCE.md): on a platform thread a waited-for phase of a
 * single read or write is one pread or pwrite, and a sync is one fsync or
 * fdatasync once the phase's transfers have completed (through the ring,
 * an fsync is handed to an io-wq kernel worker, which made a small commit a
 * third slower than NIO's write and fsync). A virtual thread must not block its
 * carrier in the kernel, so there everything goes through the ring, the
 * sync flagged IOSQE_IO_DRAIN behind the phase's transfers; if a short write
 * had to be resubmitted for its remainder after that sync had already run,
 * the phase is synced once more before the batch moves on.
 *
 * submit() without await() means the caller has other work meanwhile (a
 * scan's read-ahead, a checkpoint's writes while it reads the next window):
 * those requests go to the file's polled ring (RingSession), whose kernel
 * thread copies the pages on the other core while the caller goes on, where
 * io_uring would otherwise do a buffered read or write inline, on the
 * caller's thread, before io_uring_enter returns; a lone transfer too (a
 * small checkpoint's window of consecutive pages can be one write).
 * Where the kernel refuses SQPOLL, the file's own ring serves them, the
 * writes handed to io-wq workers (IOSQE_ASYNC), the reads inline.
 * execute() (submit and wait) keeps the inline path: nothing else is
 * waiting to run.
 *
 * A batch from UringFile.uncachedBatch sends each write whose buffer,
 * offset and length are on 4 KiB through the file's O_DIRECT descriptor
 * (the others through the ordinary one); started without waiting, such
 * writes stay in the file's own ring (RingSession.start). If the kernel
 * refuses one (EINVAL), it goes through the ordinary descriptor and the
 * file stops using O_DIRECT.
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

    /** A waited-for phase of at most this many transfers runs them as plain system calls (platform threads). */
    static final int DIRECT_MAX = 1;

    /**
     * What an O_DIRECT write's buffer, offset and length must be multiples
     * of: 4 KiB satisfies every common device's logical block (512 or 4096);
     * a stricter one refuses with EINVAL and the write falls back.
     */
    private static final long UNCACHED_ALIGNMENT = 4096;

    private final RingSession session;
    private final int fd;
    /** The file's O_DIRECT descriptor for aligned writes, or -1 (an ordinary batch). */
    private final int uncachedFd;
    /** Told when the kernel refused an O_DIRECT write, so that the file stops trying. */
    private final Runnable uncachedRefused;
    private final Object file;
    private final boolean readOnly;
    private final List<RingOp> ops = new ArrayList<>();
    private final List<List<RingOp>> phases = new ArrayList<>();
    /** Whether syncs and lone transfers run as plain system calls: false on a virtual thread. */
    private boolean direct;
    private int phase;
    private int startedPhase = -1;
    private TursoException lateFailure;
    private Arena scratch;
    private boolean submitted;
    private boolean awaited;
    private TursoException failure;

    UringBatch(RingSession session, int fd, Object file, boolean readOnly) {
        this(session, fd, -1, file, readOnly, null);
    }

    /** A batch whose aligned writes go through {@code uncachedFd} (see UringFile.uncachedBatch). */
    UringBatch(RingSession session, int fd, int uncachedFd, Object file, boolean readOnly, Runnable uncachedRefused) {
        this.session = session;
        this.fd = fd;
        this.uncachedFd = uncachedFd;
        this.uncachedRefused = uncachedRefused;
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
    public int readScattered(List<MemorySegment> dsts, long offset) {
        checkOpen();
        checkOffset(offset);
        if (dsts.size() > MAX_SCATTER) {
            throw new TursoException(ResultCode.MISUSE, "a scatter read of more than " + MAX_SCATTER + " segments");
        }
        MemorySegment[] targets = dsts.toArray(MemorySegment[]::new);
        MemorySegment[] buffers = new MemorySegment[targets.length];
        for (int i = 0; i < targets.length; i++) {
            if (targets[i].isReadOnly()) {
                throw new TursoException(ResultCode.MISUSE, "read into a read-only segment");
            }
            buffers[i] = nativeView(targets[i], false);
        }
        MemorySegment iovecs = scratch().allocate(16L * Math.max(1, targets.length), 8);
        return add(new RingOp(fd, targets, buffers, iovecs, offset, file));
    }

    @Override
    public int write(MemorySegment src, long offset) {
        checkOpen();
        checkOffset(offset);
        if (readOnly) {
            throw new TursoException(ResultCode.READONLY);
        }
        if (uncachedFd >= 0 && aligned(src, offset)) {
            return add(new RingOp(RingOp.Kind.WRITE, uncachedFd, fd, src, src, offset, null, file));
        }
        return add(new RingOp(RingOp.Kind.WRITE, fd, src, nativeView(src, true), offset, null, file));
    }

    /** Whether O_DIRECT can take this write as it is: native memory, and address, offset and length on 4 KiB. */
    private static boolean aligned(MemorySegment src, long offset) {
        return src.isNative() && ((src.address() | offset | src.byteSize()) & (UNCACHED_ALIGNMENT - 1)) == 0
                && src.byteSize() > 0;
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
        MemorySegment copy = scratch().allocate(segment.byteSize(), 8);
        if (copyIn) {
            MemorySegment.copy(segment, 0, copy, 0, segment.byteSize());
        }
        return copy;
    }

    /** Native memory for bounce buffers and iovec arrays, freed when the batch has been awaited. */
    private Arena scratch() {
        if (scratch == null) {
            scratch = Arena.ofShared();
        }
        return scratch;
    }

    @Override
    public IoCompletion submit() {
        prepare();
        if (!phases.isEmpty()) {
            startedPhase = 0;
            start(phases.getFirst(), false);
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
        direct = !Thread.currentThread().isVirtual();
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

    /**
     * Puts a phase's requests in motion: in the ring, or (see the class
     * comment) a lone transfer as a system call, done on return. A direct
     * batch's sync is left for {@link #complete}.
     */
    private void start(List<RingOp> current, boolean block) {
        List<RingOp> transfers = transfers(current);
        if (direct && transfers.size() <= DIRECT_MAX && (block || transfers.isEmpty() || !session.polled())) {
            session.runDirect(transfers);
        } else if (block) {
            session.run(transfers);
        } else {
            session.start(transfers);
        }
    }

    /** What of a phase goes into the ring or runs as plain calls at its start: all but a direct batch's sync. */
    private List<RingOp> transfers(List<RingOp> current) {
        return direct && current.getLast().kind == RingOp.Kind.SYNC ? current.subList(0, current.size() - 1) : current;
    }

    /** Ends a phase whose transfers have completed: a direct batch runs its sync now (blocking, even from isDone). */
    private void complete(List<RingOp> current) {
        RingOp last = current.getLast();
        if (last.kind != RingOp.Kind.SYNC) {
            return;
        }
        if (direct) {
            session.runDirect(List.of(last));
        } else {
            resyncAfterLateWrites(current);
        }
    }

    /** Moves through the phases; without {@code block}, only as far as the kernel has already got. */
    private boolean advance(boolean block) {
        while (phase < phases.size()) {
            List<RingOp> current = phases.get(phase);
            if (startedPhase < phase) {
                startedPhase = phase;
                start(current, block);
            }
            List<RingOp> transfers = transfers(current);
            if (block) {
                session.finish(transfers);
            } else if (!session.allFinished(transfers)) {
                return false;
            }
            complete(current);
            phase++;
        }
        return true;
    }

    private void resyncAfterLateWrites(List<RingOp> current) {
        if (current.stream().noneMatch(RingOp::resubmitted)) {
            return;
        }
        RingOp last = current.getLast();
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
                if (scratch != null) {
                    scratch.close();
                }
            }
            for (RingOp op : ops) {
                if (op.failure() != null && failure == null) {
                    failure = op.failure();
                }
                if (op.fellBack() && uncachedRefused != null) {
                    uncachedRefused.run();
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
