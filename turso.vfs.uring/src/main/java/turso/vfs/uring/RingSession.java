/*
 * The ring of one open file and the requests in flight in it. Requests are
 * pushed as long as the submission queue has room and no more are in flight
 * than the completion queue holds; then one io_uring_enter hands them all to
 * the kernel. Waiting enters the kernel for at least one completion and
 * routes each completion to its request by user_data, resubmitting the ones
 * that are not finished.
 *
 * Threading model: the thread that awaits a batch enters the kernel itself
 * (IORING_ENTER_GETEVENTS); there is no reaper thread. The session's monitor
 * serialises the file's users, as the VFS contract has one thread at a time
 * on a file. A virtual thread waiting here keeps its carrier for the
 * duration of the system call, as with any blocking file I/O in the JDK.
 */
package turso.vfs.uring;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import turso.api.ResultCode;
import turso.api.TursoException;

final class RingSession implements AutoCloseable {

    private final Ring ring;
    private final Object file;
    private final Map<Long, RingOp> inFlight = new HashMap<>();
    private long nextUserData = 1;

    RingSession(Ring ring, Object file) {
        this.ring = ring;
        this.file = file;
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
        op.push(ring, userData, drain);
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
            return;
        }
        if (inFlight.isEmpty() && ring.unsubmitted() == 0) {
            throw new TursoException(ResultCode.IOERR, ResultCode.IOERR.defaultMessage(),
                    new IOException("io_uring: waiting with nothing in flight on " + file));
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
