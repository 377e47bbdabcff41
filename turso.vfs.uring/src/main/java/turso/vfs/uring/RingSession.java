/*
 * The rings of one open file and the requests in flight in them. Requests are
 * pushed as long as the submission queue has room and no more are in flight
 * than the completion queue holds; then one io_uring_enter hands them all to
 * the kernel. Waiting enters the kernel for at least one completion and
 * routes each completion to its request by user_data, resubmitting the ones
 * that are not finished (into the ring they came from).
 *
 * Two rings: the file's own, where io_uring_enter runs a cached read or
 * write inline on the calling thread (execute(): the caller waits anyway),
 * and, for requests started without waiting (start()), a polled ring
 * attached to the VFS's one SQPOLL kernel thread (PolledRings), created on
 * the first such batch, which copies the pages on the other core while the
 * caller goes on. Where SQPOLL is refused, start() uses the file's ring with
 * the writes handed to io-wq workers (IOSQE_ASYNC) as before.
 *
 * Threading model: there is no reaper thread; the thread that awaits a
 * batch reaps its completions itself. A platform thread blocks in
 * io_uring_enter with IORING_ENTER_GETEVENTS (submission and wait in one
 * system call). A virtual thread never blocks in the kernel, which would
 * hold its carrier for the whole fsync: it submits without waiting, then
 * parks (LockSupport.parkNanos, 1 µs doubling up to 100 µs) and reaps what
 * the kernel has completed meanwhile, so its carrier runs other virtual
 * threads while the device works. The session's monitor serialises the
 * file's users, as the VFS contract has one thread at a time on a file
 * (a monitor no longer pins a virtual thread since JDK 24).
 */
package turso.vfs.uring;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import turso.api.ResultCode;
import turso.api.TursoException;

final class RingSession implements AutoCloseable {

    private static final long MIN_PARK_NANOS = 1_000;
    private static final long MAX_PARK_NANOS = 100_000;

    private final Ring ring;
    /** The polling thread to attach to; null: the VFS's shared one, looked up when first needed. */
    private final PolledRings polling;
    /** The ring for started-only requests: a polled one once set up, else {@link #ring}; null until first needed. */
    private Ring background;
    private final Object file;
    private final Map<Long, RingOp> inFlight = new HashMap<>();
    /** The file's descriptor if the kernel let the file's ring register it, else -1 (not registered anywhere). */
    private final int registeredFd;
    /** Where errno lands for the requests run as plain system calls. */
    private final MemorySegment callState = Syscalls.callState(Arena.ofAuto());
    private long nextUserData = 1;
    private long parkNanos = MIN_PARK_NANOS;

    /**
     * @param fd the file's descriptor, registered with the ring as its fixed
     *           file where the kernel allows (requests on it then use it)
     */
    RingSession(Ring ring, Object file, int fd) {
        this(ring, null, file, fd);
    }

    /** With a polling thread of its own to attach to ({@link PolledRings#unavailable} for none). */
    RingSession(Ring ring, PolledRings polling, Object file, int fd) {
        this.ring = ring;
        this.polling = polling;
        this.file = file;
        this.registeredFd = ring.registerFile(fd) ? fd : -1;
    }

    /**
     * Puts every request in the ring for work nobody waits for yet (the
     * polled one, else the file's own with its writes flagged for io-wq)
     * and submits them; sync requests drain what came before them. Requests
     * that all go through an O_DIRECT descriptor stay in the file's own
     * ring: io_uring_enter only queues them to the device and returns (no
     * copy to move off this thread), and a polling thread would spin on the
     * other core the whole time for nothing (measured: the checkpoint was
     * slower through it).
     */
    synchronized void start(List<RingOp> ops) {
        Ring target = ops.stream().allMatch(RingOp::uncached) ? ring : backgroundRing();
        for (RingOp op : ops) {
            if (!op.finished()) {
                if (!target.polled() && op.kind == RingOp.Kind.WRITE && !op.uncached()) {
                    op.runInBackground();
                }
                push(op, op.kind == RingOp.Kind.SYNC, target);
            }
        }
        submit(target);
    }

    /** Whether started-only requests go to a kernel polling thread (false: SQPOLL was refused). */
    synchronized boolean polled() {
        return backgroundRing().polled();
    }

    private Ring backgroundRing() {
        if (background == null) {
            Ring polled = (polling != null ? polling : PolledRings.shared()).attach(ring.submissionCapacity());
            if (polled != null && registeredFd >= 0) {
                polled.registerFile(registeredFd);
            }
            background = polled != null ? polled : ring;
        }
        return background;
    }

    /**
     * Starts {@code ops} and waits for them, handing them to the kernel in
     * the same io_uring_enter that waits (one system call for a batch that
     * fits the ring).
     */
    synchronized void run(List<RingOp> ops) {
        for (RingOp op : ops) {
            if (!op.finished()) {
                push(op, op.kind == RingOp.Kind.SYNC, ring);
            }
        }
        finish(ops);
    }

    /** Performs {@code ops} one after the other with plain system calls, bypassing the ring. */
    synchronized void runDirect(List<RingOp> ops) {
        for (RingOp op : ops) {
            op.runDirect(callState);
        }
    }

    /** Waits until every request of {@code ops} has finished. */
    synchronized void finish(List<RingOp> ops) {
        for (RingOp op : ops) {
            while (!op.finished()) {
                waitForCompletions(op.ring());
            }
        }
    }

    synchronized boolean allFinished(List<RingOp> ops) {
        reapAll();
        for (RingOp op : ops) {
            if (!op.finished()) {
                return false;
            }
        }
        return true;
    }

    private void push(RingOp op, boolean drain, Ring target) {
        while (target.freeSlots() == 0 || target.pending() >= target.completionCapacity()) {
            waitForCompletions(target);
        }
        long userData = nextUserData++;
        inFlight.put(userData, op);
        op.push(target, userData, drain, op.fd() == target.fixedFile());
    }

    private void submit(Ring target) {
        while (target.unsubmitted() > 0) {
            int result = target.enter(0);
            if (result < 0 && !retryable(result)) {
                failAll(-result);
                return;
            }
            if (result <= 0) {
                if (reapAll() == 0) {
                    waitForCompletions(target);
                }
            }
        }
    }

    /** Reaps both rings without entering the kernel. */
    private int reapAll() {
        int count = ring.reap(this::dispatch);
        if (background != null && background != ring) {
            count += background.reap(this::dispatch);
        }
        return count;
    }

    private void waitForCompletions(Ring target) {
        if (reapAll() > 0) {
            parkNanos = MIN_PARK_NANOS;
            return;
        }
        if (target.pending() == 0) {
            throw new TursoException(ResultCode.IOERR, ResultCode.IOERR.defaultMessage(),
                    new IOException("io_uring: waiting with nothing in flight on " + file));
        }
        if (Thread.currentThread().isVirtual()) {
            int submitted = target.unsubmitted() > 0 ? target.enter(0) : 0;
            if (submitted < 0 && !retryable(submitted)) {
                failAll(-submitted);
                return;
            }
            if (reapAll() == 0) {
                LockSupport.parkNanos(parkNanos);
                parkNanos = Math.min(MAX_PARK_NANOS, parkNanos * 2);
            } else {
                parkNanos = MIN_PARK_NANOS;
            }
            return;
        }
        int result = target.enter(1);
        if (result < 0 && !retryable(result)) {
            failAll(-result);
            return;
        }
        if (result < 0) {
            Thread.onSpinWait();
        }
        reapAll();
    }

    private static boolean retryable(int result) {
        return result == -Syscalls.EAGAIN || result == -Syscalls.EBUSY;
    }

    private void dispatch(long userData, int result) {
        RingOp op = inFlight.remove(userData);
        if (op != null && op.complete(result)) {
            Ring from = op.ring();
            push(op, false, from);
            submit(from);
        }
    }

    /** The ring itself failed (not one request): every request in it fails with that errno. */
    private void failAll(int errno) {
        for (RingOp op : inFlight.values()) {
            op.fail(errno);
        }
        inFlight.clear();
    }

    @Override
    public synchronized void close() {
        while (!inFlight.isEmpty()) {
            waitForCompletions(inFlight.values().iterator().next().ring());
        }
        if (background != null && background != ring) {
            background.close();
        }
        ring.close();
    }
}
