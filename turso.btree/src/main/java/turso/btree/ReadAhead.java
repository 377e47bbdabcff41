/*
 * Read-ahead for b-tree scans. When a cursor walking forward (or backward)
 * crosses from one child of an interior page into the next, a scan is under
 * way and the pages it will visit next are the following children of that
 * same parent, whose numbers the parent holds. If the child about to be
 * read is not cached, this asks the pager to read it and up to WINDOW - 1
 * of its following siblings in one batch (one io_uring submission; NIO reads
 * them in a loop), so the next leaves are already cached when the cursor gets
 * there. Point lookups (seeks) never come here.
 */
package turso.btree;

final class ReadAhead {

    static final int WINDOW = 32;

    private ReadAhead() {
    }

    /** The cursor is about to descend into child {@code index} of {@code parent}, moving {@code forward} or not. */
    static void siblings(Pager pager, Node parent, int index, boolean forward) {
        int cells = parent.cellCount();
        if (index < 0 || index > cells || pager.isCached(parent.child(index))) {
            return;
        }
        int window = Math.min(WINDOW, Math.max(1, pager.cacheCapacity() / 4));
        int[] pgnos = new int[window];
        int count = 0;
        for (int i = index; count < window && i >= 0 && i <= cells; i += forward ? 1 : -1) {
            pgnos[count++] = parent.child(i);
        }
        if (count > 1) {
            pager.readAhead(pgnos, count);
        }
    }
}
