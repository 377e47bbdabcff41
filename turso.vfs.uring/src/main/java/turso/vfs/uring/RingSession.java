/*
 * The ring of one open file and the requests in flight in it. Requests are
 * pushed as long as the submission queue has room and no more are in flight
 * than the completion queue holds; then one io_uring_enter hands them all to
 * the kernel. Waiting enters the kernel for at least one completion and
 * routes each completion to its request by user_data, resubmitting the ones
 * that are not finished.
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
    private final Object file;
    private final Map<Long, RingOp> inFlight = new HashMap<>();
    private final int fixedFd;
    /** Where errno lands for the requests run as plain system calls. */
    private final MemorySegment callState = Syscalls.callState(Arena.ofAuto());
    private long nextUserData = 1;
    private long parkNanos = MIN_PARK_NANOS;

    /**
     * @param fd the file's descriptor, registered with the ring as its fixed
     *           file where the kernel allows (requests on it then use it)
     */
    RingSession(Ring ring, Object file, int fd) {
        this.ring = ring;
        this.file = file;
        this.fixedFd = ring.registerFile(fd) ? fd : -1;
    }

    /** Puts every request in the ring and submits them; sync requests drain what came before them. */
    synchronized void start(List<RingOp> ops) {
        for (RingOp op : ops) {
            if (!op.finished()) {
                push(op, op.kind == RingOp.Kind.SYNC);
            }
        }
        submit();
    }

    /**
     * Starts {@code ops} and waits for them, handing them to the kernel in
     * the same io_uring_enter that waits (one system call for a batch that
     * fits the ring).
     */
    synchronized void run(List<RingOp> ops) {
        for (RingOp op : ops) {
            if (!op.finished()) {
                push(op, op.kind == RingOp.Kind.SYNC);
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
                waitForCompletions();
            }
        }
    }

    synchronized boolean allFinished(List<RingOp> ops) {
        ring.reap(this::dispatch);
        for (RingOp op : ops) {
            if (!op.finished()) {
                return false;
            }
        }
        return true;
    }

    private void push(RingOp op, boolean drain) {
        while (ring.freeSlots() == 0 || inFlight.size() >= ring.completionCapacity()) {
            waitForCompletions();
        }
        long userData = nextUserData++;
        inFlight.put(userData, op);
        op.push(ring, userData, drain, op.fd == fixedFd);
    }

    private void submit() {
        while (ring.unsubmitted() > 0) {
            int result = ring.enter(0);
            if (result < 0 && !retryable(result)) {
                failAll(-result);
                return;
            }
            if (result <= 0) {
                if (ring.reap(this::dispatch) == 0) {
                    waitForCompletions();
                }
            }
        }
    }

    private void waitForCompletions() {
        if (ring.reap(this::dispatch) > 0) {
            parkNanos = MIN_PARK_NANOS;
            return;
        }
        if (inFlight.isEmpty() && ring.unsubmitted() == 0) {
            throw new TursoException(ResultCode.IOERR, ResultCode.IOERR.defaultMessage(),
                    new IOException("io_uring: waiting with nothing in flight on " + file));
        }
        if (Thread.currentThread().isVirtual()) {
            int submitted = ring.unsubmitted() > 0 ? ring.enter(0) : 0;
            if (submitted < 0 && !retryable(submitted)) {
                failAll(-submitted);
                return;
            }
            if (ring.reap(this::dispatch) == 0) {
                LockSupport.parkNanos(parkNanos);
                parkNanos = Math.min(MAX_PARK_NANOS, parkNanos * 2);
            } else {
                parkNanos = MIN_PARK_NANOS;
            }
            return;
        }
        int result = ring.enter(1);
        if (result < 0 && !retryable(result)) {
            failAll(-result);
            return;
        }
        if (result < 0) {
            Thread.onSpinWait();
        }
        ring.reap(this::dispatch);
    }

    private static boolean retryable(int result) {
        return result == -Syscalls.EAGAIN || result == -Syscalls.EBUSY;
    }

    private void dispatch(long userData, int result) {
        RingOp op = inFlight.remove(userData);
        if (op != null && op.complete(result)) {
            push(op, false);
            submit();
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
            waitForCompletions();
        }
        ring.close();
    }
}
