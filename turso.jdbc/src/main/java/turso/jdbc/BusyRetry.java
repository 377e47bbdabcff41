/*
 * SQLite's busy handler, as far as the driver can apply it: a statement that
 * finds the database locked (SQLITE_BUSY) on its first step is reset and
 * tried again with a growing pause until busy_timeout has passed. The
 * engine's own Connection.busyTimeout does not wait yet; once it does, a BUSY
 * reaching here means the time is already up.
 *
 * Only where a retry cannot apply a change twice: read-only statements, and
 * statements inside an explicit transaction (there a BUSY can only come from
 * taking the lock, before anything ran). A writing statement in auto-commit
 * mode is not retried: its BUSY may come from the commit at its end, after
 * the change was made, and the engine keeps that change pending. Statements
 * that begin or end transactions are not retried either.
 */
package turso.jdbc;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import turso.api.ResultCode;
import turso.api.Statement;
import turso.api.TursoException;

final class BusyRetry {

    private static final long MAX_PAUSE_MILLIS = 20;

    private BusyRetry() {
    }

    /** Steps {@code statement} once, retrying while the database is busy, up to {@code timeout}, where safe. */
    static boolean firstStep(Statement statement, boolean inTransaction, Duration timeout, BooleanSupplier stopped) {
        boolean retry = (statement.isReadOnly() || inTransaction) && !SqlText.isTransactionControl(statement.sql());
        long deadline = 0;
        long pause = 1;
        while (true) {
            try {
                return statement.step();
            } catch (TursoException e) {
                if (!retry || e.resultCode().primary() != ResultCode.BUSY || timeout.isZero() || stopped.getAsBoolean()) {
                    throw e;
                }
                long now = System.nanoTime();
                if (deadline == 0) {
                    deadline = now + timeout.toNanos();
                } else if (now - deadline >= 0) {
                    throw e;
                }
                statement.reset();
                try {
                    Thread.sleep(Math.min(pause, Math.max(1, (deadline - now) / 1_000_000)));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pause = Math.min(MAX_PAUSE_MILLIS, pause * 2);
            }
        }
    }
}
