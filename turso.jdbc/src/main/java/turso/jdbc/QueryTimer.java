/*
 * Query timeouts: one daemon thread for the whole driver interrupts the
 * engine connection of a statement that runs past its setQueryTimeout.
 */
package turso.jdbc;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

final class QueryTimer {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "turso-jdbc-query-timeout");
        t.setDaemon(true);
        return t;
    });

    private QueryTimer() {
    }

    static ScheduledFuture<?> schedule(Runnable action, long millis) {
        return TIMER.schedule(action, millis, TimeUnit.MILLISECONDS);
    }
}
