/*
 * What a connection does when a lock it needs is held elsewhere
 * (SQLITE_BUSY): with a timeout set, it retries after sleeps that grow as
 * SQLite's default busy handler's do (1, 2, 5, 10, 15, 20, 25, 25, 25, 50,
 * 50, then 100 ms), until the timeout has passed; with none it fails at
 * once. interrupt() ends the wait with SQLITE_INTERRUPT.
 */
package turso.engine;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import turso.api.ResultCode;
import turso.api.TursoException;

final class BusyHandler {

    private static final int[] DELAYS_MS = {1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100};

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
                    throw e;
                }
                long left = timeoutNanos - (System.nanoTime() - start);
                if (left <= 0) {
                    throw e;
                }
                long delay = Math.min(DELAYS_MS[Math.min(attempt, DELAYS_MS.length - 1)] * 1_000_000L, left);
                try {
                    Thread.sleep(Duration.ofNanos(delay));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new TursoException(ResultCode.INTERRUPT, "interrupted");
                }
                if (interrupted.getAsBoolean()) {
                    throw new TursoException(ResultCode.INTERRUPT, "interrupted");
                }
            }
        }
    }
}
