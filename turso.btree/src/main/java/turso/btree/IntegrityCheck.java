/*
 * The walker behind PRAGMA integrity_check: visits every B-tree from its
 * root, every overflow chain and the freelist, checking page types, cell
 * bounds, rowid order, equal leaf depth, the accounting of every byte of
 * each page (cells, freeblocks, fragments), and that every page is used
 * exactly once (auto_vacuum pointer-map pages count as used; their
 * entries are not verified yet). Problems are worded as SQLite 3.54 words
 * them (the pragma adds the "*** in database main ***" line). Every walk
 * is bounded by the page count, so a damaged file cannot make it loop.
 */
package turso.btree;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import turso.api.ResultCode;
import turso.api.TursoException;

final class IntegrityCheck {

    private final Pager pager;
    private final BTree tree;
    private final int maxErrors;
    private final List<String> errors = new ArrayList<>();
    private final BitSet seen = new BitSet();
    private final int usable;
    private final int pageCount;

    IntegrityCheck(Pager pager, BTree tree, int maxErrors) {
        this.pager = pager;
        this.tree = tree;
        this.maxErrors = maxErrors;
        this.usable = pager.usableSize();
        this.pageCount = pager.pageCount();
    }

    List<String> run(int[] roots) {
        if (pageCount == 0) {
            return List.of("ok");
        }
        int lockByte = pager.lockBytePage();
        if (lockByte <= pageCount) {
            seen.set(lockByte);
        }
        if (pager.autoVacuum()) {
            int perMap = usable / 5 + 1;
            for (long p = 2; p <= pageCount; p += perMap) {
                seen.set((int) p);
            }
        }
        try {
            Page one = pager.get(1);
            checkFreelist(Bytes.i32(one.data, DatabaseHeader.FREELIST_TRUNK), Bytes.u32(one.data, DatabaseHeader.FREELIST_COUNT));
            checkTree(1);
            for (int r : roots) {
                if (r != 1 && !full()) {
                    checkTree(r);
                }
            }
            for (int p = 1; p <= pageCount && !full(); p++) {
                if (!seen.get(p)) {
                    error("Page " + p + ": never used");
                }
            }
        } catch (TursoException e) {
            error(e.getMessage());
        }
        return errors.isEmpty() ? List.of("ok") : List.copyOf(errors);
    }

    private boolean full() {
        return errors.size() >= maxErrors;
    }

    private void error(String msg) {
        if (!full()) {
            errors.add(msg);
        }
    }

    /** Marks a page as used; false (with the error reported) if it is out of range or already used. */
    private boolean claim(int pgno, String context) {
        if (pgno < 1 || pgno > pageCount) {
            error(context + "invalid page number " + pgno);
            return false;
        }
        if (seen.get(pgno)) {
            error(context + "2nd reference to page " + pgno);
            return false;
        }
        seen.set(pgno);
        return true;
    }

    private void checkFreelist(int trunk, long expected) {
        String ctx = "Freelist: ";
        long found = 0;
        int pgno = trunk;
        while (pgno != 0 && found < expected && !full()) {
            if (!claim(pgno, ctx)) {
                return;
            }
            found++;
            Page p = pager.get(pgno);
            long leaves = Bytes.u32(p.data, 4);
            if (leaves > usable / 4 - 2) {
                error(ctx + "freelist leaf count too big on page " + pgno);
                return;
            }
            for (int i = 0; i < leaves; i++) {
                int leaf = Bytes.i32(p.data, 8 + 4 * i);
                if (claim(leaf, ctx)) {
                    found++;
                }
            }
            pgno = Bytes.i32(p.data, 0);
        }
        if (found != expected) {
            error(ctx + "size is " + found + " but should be " + expected);
        }
    }

    private static String cellContext(int root, int pgno, int cell) {
        return "Tree " + root + " page " + pgno + " cell " + cell + ": ";
    }

    private void checkOverflow(int first, long pages, int root, int treePage, int cell) {
        int pgno = first;
        long found = 0;
        while (found < pages && !full()) {
            if (!claim(pgno, cellContext(root, treePage, cell))) {
                return;
            }
            found++;
            pgno = Bytes.i32(pager.get(pgno).data, 0);
            if (found < pages && pgno == 0) {
                break;
            }
        }
        if (found < pages) {
            error(cellContext(root, treePage, cell) + (pages - found) + " of " + pages
                    + " pages missing from overflow list starting at " + first);
        }
    }

    private void checkTree(int root) {
        checkPage(root, root, 0, Long.MIN_VALUE, Long.MAX_VALUE, null);
    }

    /** Checks the subtree at {@code pgno}; returns its depth, or -1 if it could not be read. */
    private int checkPage(int root, int pgno, int level, long minKey, long maxKey, int[] leafDepth) {
        if (level > PageFormat.MAX_DEPTH) {
            error("Tree " + root + " page " + pgno + ": b-tree too deep");
            return -1;
        }
        if (!claim(pgno, level == 0 ? "" : "Tree " + root + " page " + pgno + ": ")) {
            return -1;
        }
        Node n;
        try {
            n = tree.node(pgno);
        } catch (TursoException e) {
            // SQLite's wording: a page that cannot be read versus one whose header is invalid.
            int code = e.resultCode().primaryCode();
            error("Tree " + root + " page " + pgno + ": " + (code == ResultCode.CORRUPT.code()
                    ? "btreeInitPage() returns error code " + code
                    : "unable to get the page. error code=" + code));
            return -1;
        }
        int cells = n.cellCount();
        BitSet used = new BitSet(usable);
        used.set(0, n.pointerArray() + 2 * cells);
        long prevKey = minKey;
        int childDepth = -1;
        for (int i = 0; i <= cells && !full(); i++) {
            if (i < cells) {
                CellInfo c;
                try {
                    c = n.cell(i);
                } catch (TursoException e) {
                    error(cellContext(root, pgno, i) + "Extends off end of page");
                    continue;
                }
                int start = c.offset();
                int end = start + c.size();
                if (end > usable) {
                    error(cellContext(root, pgno, i) + "Extends off end of page");
                    continue;
                }
                int overlap = used.nextSetBit(start);
                if (overlap >= 0 && overlap < end) {
                    error("Multiple uses for byte " + overlap + " of page " + pgno);
                }
                used.set(start, end);
                if (n.isTable()) {
                    long key = c.key();
                    if (n.isLeaf() ? key <= prevKey && !(i == 0 && prevKey == Long.MIN_VALUE && key == Long.MIN_VALUE)
                            : key < prevKey) {
                        error(cellContext(root, pgno, i) + "Rowid " + key + " out of order");
                    }
                    if (key > maxKey) {
                        error(cellContext(root, pgno, i) + "Rowid " + key + " out of order");
                    }
                    if (n.isLeaf()) {
                        prevKey = key;
                    }
                }
                if (c.overflow() != 0) {
                    long pages = (c.payloadSize() - c.localSize() + usable - 5) / (usable - 4);
                    checkOverflow(c.overflow(), pages, root, pgno, i);
                }
            }
            if (!n.isLeaf()) {
                int child;
                long lo = prevKey;
                long hi = maxKey;
                if (n.isTable() && i < cells) {
                    hi = n.rowid(i);
                }
                child = n.child(i);
                int d = checkPage(root, child, level + 1, lo, hi, leafDepth);
                if (d >= 0) {
                    if (childDepth >= 0 && d != childDepth) {
                        error(cellContext(root, pgno, i) + "Child page depth differs");
                    }
                    childDepth = d;
                }
                if (n.isTable() && i < cells) {
                    prevKey = n.rowid(i);
                }
            }
        }
        checkSpace(n, used, pgno);
        return n.isLeaf() ? 0 : (childDepth < 0 ? -1 : childDepth + 1);
    }

    private void checkSpace(Node n, BitSet used, int pgno) {
        int fb = n.firstFreeblock();
        int guard = 0;
        while (fb != 0 && !full()) {
            if (++guard > usable / 4 || fb < n.contentStart() || fb > usable - 4) {
                error("Freeblock list corrupt on page " + pgno);
                return;
            }
            int size = Bytes.u16(n.d, fb + 2);
            if (fb + size > usable) {
                error("Freeblock extends off end of page " + pgno);
                return;
            }
            int overlap = used.nextSetBit(fb);
            if (overlap >= 0 && overlap < fb + size) {
                error("Multiple uses for byte " + overlap + " of page " + pgno);
            }
            used.set(fb, fb + size);
            int next = Bytes.u16(n.d, fb);
            if (next != 0 && next <= fb + size) {
                error("Freeblock list corrupt on page " + pgno);
                return;
            }
            fb = next;
        }
        int gapEnd = n.contentStart();
        int gapStart = n.pointerArray() + 2 * n.cellCount();
        if (gapEnd > gapStart) {
            used.set(gapStart, Math.min(gapEnd, usable));
        }
        int frag = usable - used.cardinality();
        if (frag != n.fragmented()) {
            error("Fragmentation of " + frag + " bytes reported as " + n.fragmented() + " on page " + pgno);
        }
    }
}
