/*
 * The one daemon thread that lets go of the OS read locks ShmNode keeps a
 * little while after the last connection of this JVM released them. A WAL
 * read transaction takes and drops a read-mark lock: two fcntl system calls
 * per statement when a single connection reads, about 2 µs on a virtual
 * machine. Kept for LINGER after their last use, back-to-back statements make
 * none; another process sees at worst a reader that finished up to LINGER
 * later than it did (its checkpoint stops at that read mark, or it picks
 * another mark), which SQLite's protocol allows of any reader.
 */
package turso.vfs.nio;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

final class LockLinger {

    /** How long an unused read lock is kept. */
    static final long LINGER_NANOS = 2_000_000;

    private static final ScheduledThreadPoolExecutor TIMER = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "turso-shm-linger");
        t.setDaemon(true);
        return t;
    });

    static {
        TIMER.setRemoveOnCancelPolicy(true);
    }

    private LockLinger() {
    }

    /** Runs {@code task} after {@code nanos}. */
    static void after(long nanos, Runnable task) {
        TIMER.schedule(task, nanos, TimeUnit.NANOSECONDS);
    }
}
