/*
 * The one kernel submission-polling thread (IORING_SETUP_SQPOLL) that the
 * VFS's files share for the batches submitted without waiting (a scan's
 * read-ahead, a checkpoint's writes): that thread takes the entries as soon
 * as they are published and copies the pages from or into the OS cache on
 * the other core, with no io_uring_enter and no io-wq hand-off, while the
 * caller goes on decoding or reading the next window.
 *
 * A small anchor ring owns the thread; each file's polled ring attaches to
 * it (IORING_SETUP_ATTACH_WQ), so that there is one such thread however many
 * files are open. The thread sleeps after IDLE_MILLIS without work (it then
 * costs nothing; while awake it spins on the other core), and the next
 * submission wakes it (Ring.needsWakeup). Where the kernel refuses SQPOLL
 * (EPERM before Linux 5.11 without CAP_SYS_NICE, EINVAL on older kernels,
 * ENOMEM) attach() returns null and the file's own ring serves as before.
 */
package turso.vfs.uring;

final class PolledRings {

    /** How long the polling thread spins without work before it sleeps. */
    static final int IDLE_MILLIS = 2;

    private static final int ANCHOR_ENTRIES = 2;

    private static volatile PolledRings shared;

    private final Ring anchor;
    private final String failure;

    private PolledRings(Ring anchor, String failure) {
        this.anchor = anchor;
        this.failure = failure;
    }

    /** The VFS-wide polling thread, set up on first use (a failure is remembered). */
    static PolledRings shared() {
        PolledRings rings = shared;
        if (rings == null) {
            synchronized (PolledRings.class) {
                rings = shared;
                if (rings == null) {
                    rings = start(IDLE_MILLIS);
                    shared = rings;
                }
            }
        }
        return rings;
    }

    /** Starts a polling thread of its own (tests use it to see the thread sleep and wake). */
    static PolledRings start(int idleMillis) {
        try {
            return new PolledRings(Ring.createPolled(ANCHOR_ENTRIES, idleMillis, -1), "");
        } catch (UringException e) {
            return new PolledRings(null, e.getMessage());
        }
    }

    /** A polling thread that cannot be had, for the fallback path; {@code reason} says why. */
    static PolledRings unavailable(String reason) {
        return new PolledRings(null, reason);
    }

    /** Why there is no polling thread, or "" if there is one. */
    String failure() {
        return failure;
    }

    /** Ends a polling thread from {@link #start}; rings attached to it keep it until they close. */
    void close() {
        if (anchor != null) {
            anchor.close();
        }
    }

    /** A new ring served by this polling thread, or null if polling is unavailable (the caller falls back). */
    Ring attach(int entries) {
        if (anchor == null) {
            return null;
        }
        try {
            return Ring.createPolled(entries, IDLE_MILLIS, anchor.fd());
        } catch (UringException e) {
            return null;
        }
    }
}
