/*
 * What a connection does when a lock it needs is held elsewhere
 * (SQLITE_BUSY): with a timeout set, it retries after sleeps that grow as
 * SQLite's default busy handler's do (1, 2, 5, 10, 15, 20, 25, 25, 25, 50,
 * 50, then 100 ms), until the timeout has passed; with none it fails at
 * once. interrupt() ends the wait with SQLITE_INTERRUPT.
 *
 * Before the first millisecond sleep it retries a few times after far
 * shorter waits (a yield, then 10 to 400 µs, under a millisecond in all):
 * the usual holder is another connection of this JVM whose write
 * transaction lasts tens of microseconds, and four threads updating the
 * same database spent a third of their time asleep in 1 ms waits for locks
 * that had long been released.
 */
package turso.engine;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import turso.api.ResultCode;
import turso.api.TursoException;

final class BusyHandler {

    private static final int[] DELAYS_MS = {1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100};
    /** The short waits tried first, in µs; 0 is a yield. */
    private static final int[] SHORT_WAITS_US = {0, 10, 20, 50, 100, 200, 400};

    private long timeoutNanos;

    void setTimeout(Duration timeout) {
        if (timeout.isNegative()) {
            throw new TursoException(ResultCode.MISUSE, "busy timeout must not be negative");
        }
        timeoutNanos = timeout.compareTo(Duration.ofDays(365)) > 0 ? Duration.ofDays(365).toNanos() : timeout.toNanos();
    }

    /**
     * Runs {@code action}; while it fails with SQLITE_BUSY and {@code retry}
     * is true, runs it again after a sleep, until the timeout.
     */
    void run(Runnable action, boolean retry, BooleanSupplier interrupted) {
        long start = System.nanoTime();
        for (int attempt = 0; ; attempt++) {
            try {
                action.run();
                return;
            } catch (TursoException e) {
                if (!retry || e.primaryResultCode() != ResultCode.BUSY) {
                    throw withStack(e);
                }
                long left = timeoutNanos - (System.nanoTime() - start);
                if (left <= 0) {
                    throw withStack(e);
                }
                if (attempt < SHORT_WAITS_US.length) {
                    shortWait(Math.min(SHORT_WAITS_US[attempt] * 1_000L, left));
                } else {
                    int step = Math.min(attempt - SHORT_WAITS_US.length, DELAYS_MS.length - 1);
                    long delay = Math.min(DELAYS_MS[step] * 1_000_000L, left);
                    try {
                        Thread.sleep(Duration.ofNanos(delay));
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        throw new TursoException(ResultCode.INTERRUPT, "interrupted");
                    }
                }
                if (interrupted.getAsBoolean()) {
                    throw new TursoException(ResultCode.INTERRUPT, "interrupted");
                }
            }
        }
    }

    /**
     * The exception to give the caller: a retry signal thrown without a
     * stack trace (the WAL's write lock refused or its snapshot overtaken)
     * gets one, from here.
     */
    private static TursoException withStack(TursoException e) {
        return e.getStackTrace().length == 0 ? new TursoException(e.resultCode(), e.getMessage()) : e;
    }

    private static void shortWait(long nanos) {
        if (nanos == 0) {
            Thread.yield();
        } else {
            LockSupport.parkNanos(nanos);
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new TursoException(ResultCode.INTERRUPT, "interrupted");
        }
    }
}
