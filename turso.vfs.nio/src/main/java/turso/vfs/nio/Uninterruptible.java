/*
 * Runs a FileChannel operation with the thread's interrupt status cleared.
 * A FileChannel is interruptible: an interrupt seen during an operation
 * closes it, and closing the channel of a database file drops every POSIX
 * lock this process holds on that file. Clearing the flag first keeps an
 * interrupt that arrived earlier (a cancelled query, a virtual thread being
 * shut down) from tearing down the shared channel; the flag is restored after.
 */
package turso.vfs.nio;

import java.io.IOException;

final class Uninterruptible {

    @FunctionalInterface
    interface IoCall<T> {
        T call() throws IOException;
    }

    private Uninterruptible() {
    }

    static <T> T call(IoCall<T> action) throws IOException {
        boolean interrupted = Thread.interrupted();
        try {
            return action.call();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
