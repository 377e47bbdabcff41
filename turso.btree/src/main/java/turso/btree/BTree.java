/*
 * B-tree algorithms over the pager: creating, clearing and dropping trees,
 * building cells (spilling payload to overflow chains at SQLite's exact
 * thresholds), reading payloads back, and keeping trees balanced after an
 * insert or delete. Balancing works bottom-up along the cursor's path: a
 * page that overflows (its new cell list held aside) or falls under a third
 * full is redistributed with up to two siblings into as many pages as the
 * cells need; the parent's dividers are replaced in place (the parent is
 * rebuilt only when they do not fit it), and the parent is examined in
 * turn. The root keeps its page number: it grows a level when it overflows
 * and absorbs its only child when that fits.
 */
package turso.btree;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import turso.api.ResultCode;
import turso.api.TursoException;

final class BTree {

    static final int MAX_PATH = PageFormat.MAX_DEPTH + 2;

    final Pager pager;

    BTree(Pager pager) {
        this.pager = pager;
    }

    int usable() {
        return pager.usableSize();
    }

    Node node(int pgno) {
        return new Node(pager.get(pgno), pager.usableSize());
    }

    /** Creates an empty tree; returns its root page. */
    int create(boolean table) {
        Page p = pager.autoVacuum() ? AutoVacuum.newRootPage(this) : Freelist.allocate(pager);
        Node.write(p, usable(), PageFormat.leafType(table), List.of(), 0);
        PointerMap.put(pager, p.pgno, PointerMap.ROOT, 0);
        return p.pgno;
    }

    /** Removes every entry of a tree, freeing all its pages but the root. */
    void clear(int root) {
        Node r = node(root);
        boolean table = r.isTable();
        freeTree(root, false);
        Page p = pager.get(root);
        pager.write(p);
        Node.write(p, usable(), PageFormat.leafType(table), List.of(), 0);
    }

    /**
     * Drops a tree: all its pages, root included, go to the freelist. In an
     * auto_vacuum file the last root page moves into the freed root so that
     * roots stay at the start of the file; returns the page it moved from
     * (whose sqlite_schema row must now name {@code root}), or 0.
     */
    int drop(int root) {
        if (pager.autoVacuum()) {
            freeTree(root, false);
            return AutoVacuum.dropRootPage(this, root);
        }
        freeTree(root, true);
        return 0;
    }

    private void freeTree(int root, boolean includeRoot) {
        int[] stack = new int[MAX_PATH * 2];
        int[] next = new int[MAX_PATH * 2];
        int sp = 0;
        stack[0] = root;
        next[0] = 0;
        long budget = pager.pageCount();
        while (sp >= 0) {
            Node n = node(stack[sp]);
            int i = next[sp];
            int cells = n.cellCount();
            if (i == 0) {
                if (--budget < 0) {
                    throw Corrupt.at("cycle in b-tree rooted at " + root);
                }
                for (int c = 0; c < cells; c++) {
                    freeOverflow(n.cell(c));
                }
            }
            if (!n.isLeaf() && i <= cells) {
                next[sp] = i + 1;
                if (sp + 1 > PageFormat.MAX_DEPTH) {
                    throw Corrupt.at("b-tree too deep");
                }
                sp++;
                stack[sp] = n.child(i);
                next[sp] = 0;
                continue;
            }
            if (stack[sp] != root || includeRoot) {
                Freelist.free(pager, stack[sp]);
            }
            sp--;
        }
    }

    /** Number of entries in a tree. */
    long count(int root) {
        int[] stack = new int[MAX_PATH * 2];
        int[] next = new int[MAX_PATH * 2];
        int sp = 0;
        stack[0] = root;
        long total = 0;
        long budget = pager.pageCount();
        while (sp >= 0) {
            Node n = node(stack[sp]);
            int i = next[sp];
            if (i == 0) {
                if (--budget < 0) {
                    throw Corrupt.at("cycle in b-tree rooted at " + root);
                }
                if (n.isLeaf() || !n.isTable()) {
                    total += n.cellCount();
                }
            }
            if (!n.isLeaf() && i <= n.cellCount()) {
                next[sp] = i + 1;
                if (sp + 1 > PageFormat.MAX_DEPTH) {
                    throw Corrupt.at("b-tree too deep");
                }
                sp++;
                stack[sp] = n.child(i);
                next[sp] = 0;
                continue;
            }
            sp--;
        }
        return total;
    }

    // ---- cells and payloads ----

    /** A cell for a page of {@code type} carrying {@code payload}; the part past the local size goes to new overflow pages. */
    byte[] buildCell(int type, long rowid, byte[] payload) {
        boolean tableLeaf = type == PageFormat.TABLE_LEAF;
        long size = payload.length;
        int head = Varint.length(size) + (tableLeaf ? Varint.length(rowid) : 0);
        int local = PageFormat.localSize(size, usable(), tableLeaf);
        int len = Math.max(4, head + local + (local < size ? 4 : 0));
        byte[] cell = new byte[len];
        int p = Varint.write(cell, 0, size);
        if (tableLeaf) {
            p += Varint.write(cell, p, rowid);
        }
        System.arraycopy(payload, 0, cell, p, local);
        if (local < size) {
            Bytes.put32(cell, p + local, writeOverflow(payload, local));
        }
        return cell;
    }

    private int writeOverflow(byte[] payload, int from) {
        int chunk = usable() - 4;
        Page first = Freelist.allocate(pager);
        Page cur = first;
        int pos = from;
        while (true) {
            int n = Math.min(chunk, payload.length - pos);
            MemorySegment.copy(MemorySegment.ofArray(payload), pos, cur.data, 4, n);
            pos += n;
            if (pos >= payload.length) {
                Bytes.put32(cur.data, 0, 0);
                break;
            }
            Page next = Freelist.allocate(pager);
            Bytes.put32(cur.data, 0, next.pgno);
            PointerMap.put(pager, next.pgno, PointerMap.OVERFLOW2, cur.pgno);
            cur = next;
        }
        return first.pgno;
    }

    /** The whole payload of a cell: in place when it has no overflow, else gathered from the chain. */
    MemorySegment payload(Node n, CellInfo c) {
        return payload(n, c, Long.MAX_VALUE);
    }

    /**
     * The first {@code want} bytes (at least) of a cell's payload: comparing
     * an index key with a huge entry reads only the columns it needs.
     */
    MemorySegment payload(Node n, CellInfo c, long want) {
        if (c.overflow() == 0 || want <= c.localSize()) {
            return n.d.asSlice(c.localOffset(), c.localSize());
        }
        int chunk = usable() - 4;
        long remaining = c.payloadSize() - c.localSize();
        if (remaining > (long) pager.pageCount() * chunk) {
            throw Corrupt.page(n.pgno(), "payload of " + c.payloadSize() + " bytes larger than the database");
        }
        long total = Math.min(c.payloadSize(), want);
        remaining = total - c.localSize();
        byte[] out = new byte[(int) total];
        MemorySegment dst = MemorySegment.ofArray(out);
        MemorySegment.copy(n.d, c.localOffset(), dst, 0, c.localSize());
        long pos = c.localSize();
        int pgno = c.overflow();
        while (remaining > 0) {
            if (pgno < 2 || pgno > pager.pageCount()) {
                throw Corrupt.page(n.pgno(), "overflow page " + pgno + " out of range");
            }
            Page p = pager.get(pgno);
            int take = (int) Math.min(chunk, remaining);
            MemorySegment.copy(p.data, 4, dst, pos, take);
            pos += take;
            remaining -= take;
            pgno = Bytes.i32(p.data, 0);
        }
        return dst;
    }

    /** Frees the overflow chain of a cell. */
    void freeOverflow(CellInfo c) {
        if (c.overflow() == 0) {
            return;
        }
        int chunk = usable() - 4;
        long pages = (c.payloadSize() - c.localSize() + chunk - 1) / chunk;
        if (pages > pager.pageCount()) {
            throw Corrupt.at("overflow chain longer than the database");
        }
        int pgno = c.overflow();
        for (long i = 0; i < pages; i++) {
            if (pgno < 2 || pgno > pager.pageCount()) {
                throw Corrupt.at("overflow page " + pgno + " out of range");
            }
            int next = Bytes.i32(pager.get(pgno).data, 0);
            Freelist.free(pager, pgno);
            pgno = next;
        }
    }

    // ---- modification and balancing ----

    /** Scratch state of one balancing pass along a path. */
    final class Balancer {
        final int[] pages;
        final int[] idx;
        final CellList[] pend = new CellList[MAX_PATH + 1];
        final int[] pendRight = new int[MAX_PATH + 1];
        final int[] pendType = new int[MAX_PATH + 1];
        final boolean[] touched = new boolean[MAX_PATH + 1];

        Balancer(int[] pages, int[] idx) {
            this.pages = pages;
            this.idx = idx;
        }

        /** Holds aside the cell list of the page at level {@code d}, which does not fit its page. */
        void overflow(int d, CellList cells, int right, int type) {
            pend[d] = cells;
            pendRight[d] = right;
            pendType[d] = type;
            touched[d] = true;
        }

        void run(int depth) {
            int d = depth;
            while (d >= 0) {
                if (d == 0) {
                    if (pend[0] != null) {
                        deepen();
                        d = 1;
                        continue;
                    }
                    if (touched[0]) {
                        shallow();
                    }
                    return;
                }
                if (pend[d] != null || (touched[d] && node(pages[d]).freeBytes() > usable() * 2 / 3)) {
                    balanceNonRoot(d);
                }
                d--;
            }
        }

        /**
         * Appending past the last rowid of a full rightmost leaf: the new
         * row starts a new rightmost leaf instead of splitting the full one,
         * so sequentially inserted tables get full pages (SQLite's
         * balance_quick).
         */
        void appendLeaf(int d, Node leaf, byte[] cell) {
            Page fresh = Freelist.allocate(pager);
            Node.write(fresh, usable(), leaf.type, List.of(cell), 0);
            PointerMap.mapChildren(pager, fresh.pgno);
            long lastKey = leaf.rowid(leaf.cellCount() - 1);
            byte[] divider = new byte[4 + Varint.length(lastKey)];
            Bytes.put32(divider, 0, leaf.pgno());
            Varint.write(divider, 4, lastKey);
            Node parent = node(pages[d - 1]);
            pager.write(parent.page);
            int n = parent.cellCount();
            if (parent.insertCell(n, divider)) {
                Bytes.put32(parent.d, parent.hdr + 8, fresh.pgno);
                PointerMap.put(pager, fresh.pgno, PointerMap.BTREE, parent.pgno());
            } else {
                CellList cells = CellList.copyOf(parent);
                cells.add(divider);
                overflow(d - 1, cells, fresh.pgno, parent.type);
            }
            touched[d - 1] = true;
            run(d - 1);
        }

        private void deepen() {
            Page root = pager.get(pages[0]);
            Page child = Freelist.allocate(pager);
            int type = pendType[0];
            pager.write(root);
            Node.write(root, usable(), PageFormat.interiorType(PageFormat.isTable(type)), List.of(), child.pgno);
            PointerMap.put(pager, child.pgno, PointerMap.BTREE, root.pgno);
            pend[1] = pend[0];
            pendRight[1] = pendRight[0];
            pendType[1] = type;
            touched[1] = true;
            pend[0] = null;
            pages[1] = child.pgno;
            idx[0] = 0;
            balanceNonRoot(1);
        }

        private void shallow() {
            Node r = node(pages[0]);
            if (r.isLeaf() || r.cellCount() > 0) {
                return;
            }
            int childNo = r.rightChild();
            if (childNo == pages[0]) {
                throw Corrupt.page(childNo, "page is its own child");
            }
            Node c = node(childNo);
            CellList cells = CellList.copyOf(c);
            if (!Node.fits(usable(), r.hdr, c.type, cells)) {
                return;
            }
            int right = c.isLeaf() ? 0 : c.rightChild();
            pager.write(r.page);
            Node.write(r.page, usable(), c.type, cells, 0, cells.size(), right);
            PointerMap.mapChildren(pager, r.pgno());
            Freelist.free(pager, childNo);
        }

        private void balanceNonRoot(int d) {
            Page parentPage = pager.get(pages[d - 1]);
            // A parent that is a page (not a cell list held aside) is read in place and, when the new
            // dividers fit, edited in place: only its dividers change, as in SQLite.
            Node pn = pend[d - 1] == null ? new Node(parentPage, usable()) : null;
            CellList pCells = pend[d - 1];
            int pRight;
            int pType;
            int nParent;
            if (pn == null) {
                pRight = pendRight[d - 1];
                pType = pendType[d - 1];
                nParent = pCells.size();
            } else {
                pType = pn.type;
                pRight = pn.isLeaf() ? 0 : pn.rightChild();
                nParent = pn.cellCount();
            }
            if (PageFormat.isLeaf(pType)) {
                throw Corrupt.page(pages[d - 1], "leaf page on a b-tree path");
            }
            int ci = idx[d - 1];
            if (ci < 0 || ci > nParent) {
                throw Corrupt.page(pages[d - 1], "child index out of range");
            }
            int lo = Math.max(0, ci - 1);
            int hi = Math.min(nParent, lo + 2);
            lo = Math.max(0, hi - 2);
            int cnt = hi - lo + 1;
            int[] oldPg = new int[cnt];
            byte[][] oldDividers = new byte[cnt - 1][];
            for (int j = 0; j < cnt; j++) {
                if (j < cnt - 1) {
                    oldDividers[j] = pn == null ? pCells.bytes(lo + j) : pn.cellBytes(lo + j);
                    oldPg[j] = Bytes.i32(oldDividers[j], 0);
                } else if (lo + j < nParent) {
                    oldPg[j] = pn == null ? pCells.i32(lo + j, 0) : pn.leftChild(lo + j);
                } else {
                    oldPg[j] = pRight;
                }
                if (oldPg[j] < 2 || oldPg[j] > pager.pageCount()) {
                    throw Corrupt.page(pages[d - 1], "child page " + oldPg[j] + " out of range");
                }
                for (int k = 0; k < j; k++) {
                    if (oldPg[k] == oldPg[j]) {
                        throw Corrupt.page(pages[d - 1], "child page " + oldPg[j] + " referenced twice");
                    }
                }
            }
            if (pages[d] != oldPg[ci - lo]) {
                throw Corrupt.page(pages[d - 1], "cursor path inconsistent");
            }
            int type = -1;
            int finalRight = 0;
            CellList[] siblings = new CellList[cnt];
            int[] rights = new int[cnt];
            int total = cnt;
            for (int j = 0; j < cnt; j++) {
                int t;
                if (lo + j == ci && pend[d] != null) {
                    siblings[j] = pend[d];
                    rights[j] = pendRight[d];
                    t = pendType[d];
                } else {
                    Node sn = node(oldPg[j]);
                    siblings[j] = CellList.copyOf(sn);
                    rights[j] = sn.isLeaf() ? 0 : sn.rightChild();
                    t = sn.type;
                }
                if (type == -1) {
                    type = t;
                } else if (t != type) {
                    throw Corrupt.page(oldPg[j], "sibling pages of different types");
                }
                if (PageFormat.isTable(type) != PageFormat.isTable(pType)) {
                    throw Corrupt.page(oldPg[j], "child type does not match parent");
                }
                total += siblings[j].size();
            }
            CellList all = new CellList(total);
            for (int j = 0; j < cnt; j++) {
                all.addAll(siblings[j], 0, siblings[j].size());
                if (j < cnt - 1) {
                    switch (type) {
                        case PageFormat.TABLE_LEAF -> {
                        }
                        case PageFormat.INDEX_LEAF -> {
                            byte[] div = oldDividers[j];
                            all.add(trim(Arrays.copyOfRange(div, 4, div.length), type));
                        }
                        default -> {
                            byte[] c = oldDividers[j].clone();
                            Bytes.put32(c, 0, rights[j]);
                            all.add(c);
                        }
                    }
                } else {
                    finalRight = rights[j];
                }
            }
            boolean copy = type == PageFormat.TABLE_LEAF;
            int cap = usable() - PageFormat.headerSize(type);
            List<int[]> ranges = distribute(all, cap, copy);
            int k = ranges.size();
            int[] newPg = new int[k];
            for (int j = 0; j < k; j++) {
                newPg[j] = j < cnt ? oldPg[j] : Freelist.allocate(pager).pgno;
            }
            List<byte[]> dividers = new ArrayList<>(k);
            for (int j = 0; j < k; j++) {
                int[] r = ranges.get(j);
                int right = 0;
                if (!PageFormat.isLeaf(type)) {
                    right = j < k - 1 ? all.i32(r[1], 0) : finalRight;
                }
                Page p = pager.get(newPg[j]);
                pager.write(p);
                Node.write(p, usable(), type, all, r[0], r[1], right);
                PointerMap.mapChildren(pager, p.pgno);
                if (j < k - 1) {
                    dividers.add(divider(type, all, r, newPg[j]));
                }
            }
            for (int j = k; j < cnt; j++) {
                Freelist.free(pager, oldPg[j]);
            }
            pend[d] = null;
            if (pn != null && replaceDividers(pn, lo, cnt - 1, dividers, hi < nParent, newPg[k - 1])) {
                PointerMap.mapChildren(pager, parentPage.pgno);
                touched[d - 1] = true;
                return;
            }
            if (pCells == null) {
                pCells = CellList.copyOf(pn);
            }
            CellList np = new CellList(nParent - cnt + k + 1);
            np.addAll(pCells, 0, lo);
            for (byte[] divider : dividers) {
                np.add(divider);
            }
            int newRight = pRight;
            if (hi < nParent) {
                byte[] c = pCells.bytes(hi);
                Bytes.put32(c, 0, newPg[k - 1]);
                np.add(c);
                np.addAll(pCells, hi + 1, nParent);
            } else {
                newRight = newPg[k - 1];
            }
            if (Node.fits(usable(), parentPage.headerOffset(), pType, np)) {
                pager.write(parentPage);
                Node.write(parentPage, usable(), pType, np, 0, np.size(), newRight);
                PointerMap.mapChildren(pager, parentPage.pgno);
                pend[d - 1] = null;
                touched[d - 1] = true;
            } else {
                overflow(d - 1, np, newRight, pType);
            }
        }

        /**
         * Replaces the {@code count} dividers at {@code at} of parent page
         * {@code pn} by {@code dividers}, in place, and points the child after
         * them (the cell that follows when {@code cellFollows}, else the right
         * child) at {@code lastChild}; false, leaving the page untouched, when
         * the new dividers would not fit.
         */
        private boolean replaceDividers(Node pn, int at, int count, List<byte[]> dividers, boolean cellFollows,
                int lastChild) {
            long room = pn.freeBytes();
            for (int j = 0; j < count; j++) {
                room += pn.cellSize(at + j) + 2;
            }
            for (byte[] div : dividers) {
                room -= div.length + 2;
            }
            if (room < 0) {
                return false;
            }
            pager.write(pn.page);
            boolean zero = pager.secureDelete() != 0;
            for (int j = 0; j < count; j++) {
                pn.dropCell(at, zero);
            }
            for (int j = 0; j < dividers.size(); j++) {
                if (!pn.insertCell(at + j, dividers.get(j))) {
                    throw new TursoException(ResultCode.INTERNAL, "divider does not fit page " + pn.pgno());
                }
            }
            if (cellFollows) {
                Bytes.put32(pn.d, pn.cellOffset(at + dividers.size()), lastChild);
            } else {
                Bytes.put32(pn.d, pn.hdr + 8, lastChild);
            }
            return true;
        }

        private byte[] divider(int type, CellList all, int[] r, int leftChild) {
            if (type == PageFormat.TABLE_LEAF) {
                byte[] last = all.bytes(r[1] - 1);
                int n = Varint.lengthAt(last, 0, last.length);
                long rowid = Varint.read(last, n, last.length);
                byte[] c = new byte[4 + Varint.length(rowid)];
                Bytes.put32(c, 0, leftChild);
                Varint.write(c, 4, rowid);
                return c;
            }
            byte[] up = all.bytes(r[1]);
            byte[] c;
            if (type == PageFormat.INDEX_LEAF) {
                c = new byte[4 + up.length];
                System.arraycopy(up, 0, c, 4, up.length);
                c = trim(c, PageFormat.INDEX_INTERIOR);
            } else {
                c = up;
            }
            Bytes.put32(c, 0, leftChild);
            return c;
        }
    }

    /** Cuts the padding off a cell moved to a page of another type, so its bytes are exactly its size. */
    private byte[] trim(byte[] cell, int type) {
        int size = Node.cellSize(cell, type, usable());
        if (size == cell.length) {
            return cell;
        }
        return Arrays.copyOf(cell, size);
    }

    /**
     * Splits the cell list into page-sized runs: how many pages the cells
     * need, filled evenly. With {@code copy} (table leaves) every cell stays
     * on a page; otherwise the cell after each run moves up as the divider.
     */
    static List<int[]> distribute(CellList cells, int cap, boolean copy) {
        List<int[]> greedy = pack(cells, cap, copy, -1);
        if (greedy.size() <= 1) {
            return greedy;
        }
        List<int[]> even = pack(cells, cap, copy, greedy.size());
        return even != null ? even : greedy;
    }

    private static List<int[]> pack(CellList cells, int cap, boolean copy, int pages) {
        int n = cells.size();
        long remaining = 0;
        for (int c = 0; c < n; c++) {
            remaining += cells.length(c) + 2;
        }
        List<int[]> out = new ArrayList<>();
        int i = 0;
        while (i < n || out.isEmpty()) {
            int start = i;
            long used = 0;
            int left = Math.max(1, pages - out.size());
            long target = pages < 0 ? cap : (remaining + left - 1) / left;
            while (i < n) {
                int size = cells.length(i) + 2;
                if (used + size > cap || (pages >= 0 && i > start && used + size / 2 > target)) {
                    break;
                }
                used += size;
                i++;
            }
            if (i == start && i < n) {
                throw new TursoException(ResultCode.INTERNAL, "cell of " + cells.length(i) + " bytes does not fit a page");
            }
            if (!copy && i < n && i + 1 == n) {
                if (i - start < 2) {
                    if (pages >= 0) {
                        return null;
                    }
                    throw new TursoException(ResultCode.INTERNAL, "cannot choose a divider cell");
                }
                i--;
                used -= cells.length(i) + 2;
            }
            remaining -= used;
            out.add(new int[] {start, i});
            if (!copy && i < n) {
                remaining -= cells.length(i) + 2;
                i++;
            }
            if (pages >= 0 && out.size() > pages) {
                return null;
            }
        }
        return out;
    }
}
