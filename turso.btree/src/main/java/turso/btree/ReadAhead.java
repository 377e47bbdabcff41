/*
 * Read-ahead for b-tree scans. When a cursor walking forward (or backward)
 * crosses from one child of an interior page into the next, a scan is under
 * way and the pages it will visit next are the following children of that
 * same parent, whose numbers the parent holds. This keeps between one and
 * two batches of those siblings cached or in flight ahead of the cursor:
 * when the sibling a batch ahead is neither, the next batch of siblings not
 * yet asked for is submitted without waiting (Pager.readAhead; io_uring has
 * them in the kernel while the cursor decodes the pages it has, NIO reads
 * them in a loop), and the cache waits for a batch only when the cursor
 * reaches one of its pages. The child about to be read, if not cached, is
 * left to its own read, so that the cursor does not wait for a whole batch
 * to get it. Point lookups (seeks) never come here.
 */
package turso.btree;

final class ReadAhead {

    /** Pages per read-ahead batch (fewer with a small cache: at most an eighth of it). */
    static final int BATCH = 32;

    private ReadAhead() {
    }

    /** The cursor is about to descend into child {@code index} of {@code parent}, moving {@code forward} or not. */
    static void siblings(Pager pager, Node parent, int index, boolean forward) {
        int cells = parent.cellCount();
        if (index < 0 || index > cells) {
            return;
        }
        int batch = Math.min(BATCH, Math.max(1, pager.cacheCapacity() / 8));
        int step = forward ? 1 : -1;
        int far = Math.clamp(index + (long) step * batch, 0, cells);
        if (far == index || pager.isCached(parent.child(far))) {
            return;
        }
        int[] pgnos = new int[batch];
        int count = 0;
        for (int i = index + step; count < batch && i >= 0 && i <= cells && Math.abs(i - index) <= 2 * batch; i += step) {
            int pgno = parent.child(i);
            if (!pager.isCached(pgno)) {
                pgnos[count++] = pgno;
            }
        }
        if (count > 1) {
            pager.readAhead(pgnos, count);
        }
    }
}
