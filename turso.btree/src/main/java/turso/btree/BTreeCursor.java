/*
 * A cursor over one B-tree (a table by rowid, or an index by key record),
 * the interface the VM drives: first/last/next/prev, seek with =, <, <=, >,
 * >=, reading the current entry without copying it when it has no overflow,
 * insert and delete. The cursor keeps the path from the root as page
 * numbers and child indexes and pins only the page it stands on; it keeps
 * the Nodes of that path too, so a scan does not look up its page in the
 * cache for every row, and drops them as soon as the pager's generation says
 * a page may have changed or left the cache. A step to the next (or
 * previous) cell of the same leaf is an index change; the cell it lands on
 * is decoded once, into fields (CellFields) shared by rowid() and record(),
 * so that a scan allocates nothing per row. In an index
 * tree entries live in interior pages too, so the cursor may stand on an
 * interior cell. After an insert or delete the cursor remembers the key and
 * re-seeks lazily: next() after delete() moves to the entry that followed
 * the deleted one, as SQLite's OP_Delete/OP_Next expect.
 */
package turso.btree;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import turso.api.ResultCode;
import turso.api.TursoException;

public final class BTreeCursor implements AutoCloseable {

    private enum State { INVALID, VALID, EOF, SAVED }

    private final Storage storage;
    private final BTree tree;
    /** tree.pager, held here: the generation test of every step is one load shorter. */
    private final Pager pager;
    private final int root;
    private final boolean table;
    private final KeyInfo keyInfo;
    private final int[] pages = new int[BTree.MAX_PATH + 1];
    private final int[] idx = new int[BTree.MAX_PATH + 1];
    private final Node[] nodes = new Node[BTree.MAX_PATH + 1];
    private long nodesGeneration = -1;
    /** The node of the entry the cursor stands on, as valid() found it while the pager's generation was hereGeneration. */
    private Node here;
    private long hereGeneration = -1;
    /** here's cell count when valid() kept it: no page changes while the generation holds, so neither does it. */
    private int hereCells;
    private int depth;
    private State state = State.INVALID;
    private Page pinned;
    private long savedRowid;
    private byte[] savedKey;
    private final Record record = new Record();
    private boolean recordLoaded;
    /** The current entry's cell, decoded once per position (when cellLoaded): no object per row. */
    private final CellFields currentCell = new CellFields();
    private boolean cellLoaded;
    private final Record probe = new Record();
    /** The cell a seek compares its key with. */
    private final CellFields probeCell = new CellFields();
    /**
     * The leaf the last rowid descent reached (0: none) and the bounds its
     * parents' dividers put on its rowids (low exclusive, high inclusive),
     * valid while the pager's generation is leafBoundsGeneration.
     */
    private int leafBoundsPage;
    private long leafBoundsGeneration = -1;
    private long leafLow;
    private long leafHigh;
    private boolean leafHasLow;
    private boolean leafHasHigh;

    BTreeCursor(Storage storage, BTree tree, int root, boolean table, KeyInfo keyInfo) {
        this.storage = storage;
        this.tree = tree;
        this.pager = tree.pager;
        this.root = root;
        this.table = table;
        this.keyInfo = keyInfo;
    }

    public int rootPage() {
        return root;
    }

    public boolean isTable() {
        return table;
    }

    /** Whether the cursor stands on an entry. */
    public boolean isValid() {
        return state == State.VALID || state == State.SAVED;
    }

    // ---- movement ----

    public boolean first() {
        begin();
        descendFrom(0, root, true);
        return settle(true);
    }

    public boolean last() {
        begin();
        descendFrom(0, root, false);
        return settle(false);
    }

    public boolean next() {
        begin();
        if (state == State.SAVED) {
            return table ? seek(savedRowid, SeekOp.GT) : seek(Record.of(savedKey), SeekOp.GT);
        }
        if (state != State.VALID) {
            return false;
        }
        Node n = hereNode();
        int cells = hereCellCount(n);
        if (!n.isLeaf()) {
            idx[depth]++;
            ReadAhead.siblings(tree.pager, n, idx[depth], true);
            descendFrom(depth + 1, n.child(idx[depth]), true);
            return settle(true);
        }
        int i = ++idx[depth];
        if (i < cells && n.page == pinned) {
            // the next cell of the same leaf: what settle() would conclude, without its walk
            moved();
            return true;
        }
        return settle(true);
    }

    public boolean prev() {
        begin();
        if (state == State.SAVED) {
            return table ? seek(savedRowid, SeekOp.LT) : seek(Record.of(savedKey), SeekOp.LT);
        }
        if (state != State.VALID) {
            return false;
        }
        Node n = hereNode();
        if (!n.isLeaf()) {
            ReadAhead.siblings(tree.pager, n, idx[depth], false);
            descendFrom(depth + 1, n.child(idx[depth]), false);
            return settle(false);
        }
        int i = --idx[depth];
        if (i >= 0 && i < n.cellCount() && n.page == pinned) {
            moved();
            return true;
        }
        return settle(false);
    }

    /** The cursor stands on another entry of the page it has pinned: what was decoded of the last one is stale. */
    private void moved() {
        recordLoaded = false;
        cellLoaded = false;
    }

    /** Descends from {@code pgno} at level {@code level} to the first (or last) leaf position. */
    private void descendFrom(int level, int pgno, boolean leftmost) {
        int d = level;
        int p = pgno;
        while (true) {
            Node n = load(d, p);
            if (n.isLeaf()) {
                idx[d] = leftmost ? 0 : n.cellCount() - 1;
                depth = d;
                return;
            }
            idx[d] = leftmost ? 0 : n.cellCount();
            p = n.child(idx[d]);
            d++;
        }
    }

    /**
     * Makes the position valid after a move: a leaf index past either end
     * climbs to the parent (stopping on an interior cell in an index tree),
     * and an interior child reached while moving descends again.
     */
    private boolean settle(boolean forward) {
        moved();
        long guard = 0;
        while (true) {
            if (++guard > 4L * (tree.pager.pageCount() + 2)) {
                throw Corrupt.at("b-tree cycle");
            }
            Node n = pathNode(depth);
            int cells = n.cellCount();
            if (n.isLeaf()) {
                if (idx[depth] >= 0 && idx[depth] < cells) {
                    return valid(n);
                }
            } else if (!table && idx[depth] >= 0 && idx[depth] < cells) {
                return valid(n);
            }
            if (depth == 0) {
                return eof();
            }
            depth--;
            Node parent = pathNode(depth);
            int c = idx[depth];
            int pc = parent.cellCount();
            if (forward) {
                if (c >= pc) {
                    idx[depth] = pc;
                } else {
                    if (!table) {
                        return valid(parent);
                    }
                    idx[depth] = c + 1;
                    ReadAhead.siblings(tree.pager, parent, c + 1, true);
                    descendFrom(depth + 1, parent.child(c + 1), true);
                }
            } else if (c > 0) {
                if (!table) {
                    idx[depth] = c - 1;
                    return valid(parent);
                }
                idx[depth] = c - 1;
                ReadAhead.siblings(tree.pager, parent, c - 1, false);
                descendFrom(depth + 1, parent.child(c - 1), false);
            } else {
                idx[depth] = -1;
            }
        }
    }

    private boolean valid(Node n) {
        state = State.VALID;
        pin(n.page);
        here = n;
        hereGeneration = nodesGeneration;
        hereCells = n.cellCount();
        return true;
    }

    private boolean eof() {
        state = State.EOF;
        pin(null);
        here = null;
        return false;
    }

    /** The node of the current position: the one valid() kept while no page may have changed, else the path's. */
    private Node hereNode() {
        Node n = here;
        return n != null && hereGeneration == pager.generation() ? n : pathNode(depth);
    }

    /** The cell count of {@code n}, hereNode()'s answer: the one valid() kept while the generation holds. */
    private int hereCellCount(Node n) {
        return n == here && hereGeneration == pager.generation() ? hereCells : n.cellCount();
    }

    private void pin(Page p) {
        if (pinned != null) {
            pinned.pins--;
        }
        pinned = p;
        if (p != null) {
            p.pins++;
        }
    }

    private Node node(int pgno) {
        Node n = tree.node(pgno);
        if (n.isTable() != table) {
            throw Corrupt.page(pgno, "page type does not match its b-tree");
        }
        return n;
    }

    /** Puts page {@code pgno} at level {@code d} of the path and returns its node; a path deeper than a b-tree can be is corruption. */
    private Node load(int d, int pgno) {
        if (d > PageFormat.MAX_DEPTH) {
            throw Corrupt.at("b-tree deeper than " + PageFormat.MAX_DEPTH);
        }
        keepNodes();
        Node n = nodes[d];
        if (n == null || n.page.pgno != pgno) {
            n = node(pgno);
            nodes[d] = n;
        }
        pages[d] = pgno;
        return n;
    }

    /** The node of level {@code d} of the path: the one kept while the pager's generation stands, else looked up again. */
    private Node pathNode(int d) {
        keepNodes();
        Node n = nodes[d];
        if (n == null || n.page.pgno != pages[d]) {
            n = node(pages[d]);
            nodes[d] = n;
        }
        return n;
    }

    private void keepNodes() {
        long g = pager.generation();
        if (g != nodesGeneration) {
            Arrays.fill(nodes, null);
            nodesGeneration = g;
        }
    }

    // ---- seeking ----

    /** How a sought key orders against cell {@code i} of node {@code n}: negative when the cell sorts before it. */
    @FunctionalInterface
    private interface CellOrder {
        int compare(Node n, int i);
    }

    /**
     * Descends from the root to the leaf slot where the sought key belongs
     * (after the cells equal to it when {@code strict}), recording the path.
     */
    private void descend(boolean strict, CellOrder order) {
        int d = 0;
        int p = root;
        while (true) {
            Node n = load(d, p);
            int lo = 0;
            int hi = n.cellCount();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                int c = order.compare(n, mid);
                if (c < 0 || (strict && c == 0)) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            idx[d] = lo;
            if (n.isLeaf()) {
                depth = d;
                return;
            }
            p = n.child(lo);
            d++;
        }
    }

    /**
     * Positions a table cursor by rowid; returns whether it stands on an
     * entry satisfying {@code op}. A rowid within the leaf the cursor stands
     * on is found there, without descending from the root (rows read in
     * rowid order, a join's consecutive keys).
     */
    public boolean seek(long rowid, SeekOp op) {
        requireTable(true);
        begin();
        boolean strict = op == SeekOp.GT || op == SeekOp.LE;
        if (!seekWithinLeaf(rowid, strict)) {
            descendToRowid(rowid, strict);
        }
        moved();
        if (op == SeekOp.EQ) {
            // the cell is decoded whole here rather than for its rowid alone: the row's columns are read next
            return settle(true) && loadCell().key == rowid;
        }
        if (op == SeekOp.GE || op == SeekOp.GT) {
            return settle(true);
        }
        idx[depth]--;
        return settle(false);
    }

    /**
     * Whether the cursor stands on the leaf its last rowid descent reached,
     * unchanged since, and the dividers above that leaf say {@code rowid}
     * belongs there; if so, moves to it there. No cell is read to decide.
     */
    private boolean seekWithinLeaf(long rowid, boolean strict) {
        Node n = here;
        long g = tree.pager.generation();
        if (state != State.VALID || n == null || hereGeneration != g || leafBoundsGeneration != g
                || n.pgno() != leafBoundsPage || (strict && rowid == Long.MAX_VALUE)) {
            return false;
        }
        long target = strict ? rowid + 1 : rowid;
        if ((leafHasLow && target <= leafLow) || (leafHasHigh && target > leafHigh)) {
            return false;
        }
        int i = leafHasLow && leafHasHigh && leafHigh - leafLow == n.cellCount()
                ? RowidSearch.inDenseLeaf(n, target, leafLow) : -1;
        idx[depth] = i >= 0 ? i : RowidSearch.lowerBound(n, target);
        return true;
    }

    /**
     * descend() for a rowid: each page searched in place by RowidSearch. The
     * dividers on either side of each child taken bound the rowids below it;
     * the leaf's bounds are kept for the next seek (seekWithinLeaf), and a
     * leaf holding as many cells as its bounds leave rowids holds each of
     * them, so the sought one is read at its place without a search.
     */
    private void descendToRowid(long rowid, boolean strict) {
        leafBoundsPage = 0;
        if (strict && rowid == Long.MAX_VALUE) {
            descendFrom(0, root, false);
            idx[depth]++;
            return;
        }
        long target = strict ? rowid + 1 : rowid;
        long low = 0;
        long high = 0;
        boolean hasLow = false;
        boolean hasHigh = false;
        int d = 0;
        int p = root;
        while (true) {
            Node n = load(d, p);
            if (n.isLeaf()) {
                int i = hasLow && hasHigh && high - low == n.cellCount() ? RowidSearch.inDenseLeaf(n, target, low) : -1;
                idx[d] = i >= 0 ? i : RowidSearch.lowerBound(n, target);
                depth = d;
                leafBoundsPage = p;
                leafBoundsGeneration = nodesGeneration;
                leafLow = low;
                leafHigh = high;
                leafHasLow = hasLow;
                leafHasHigh = hasHigh;
                return;
            }
            int count = n.cellCount();
            int i = RowidSearch.lowerBound(n, target);
            idx[d] = i;
            if (i > 0) {
                low = RowidSearch.key(n, i - 1, count);
                hasLow = true;
            }
            if (i < count) {
                high = RowidSearch.key(n, i, count);
                hasHigh = true;
            }
            p = n.child(i);
            d++;
        }
    }

    /** Positions an index cursor on a key (possibly a prefix of the stored keys); returns whether an entry satisfies {@code op}. */
    public boolean seek(Record key, SeekOp op) {
        requireTable(false);
        begin();
        descend(op == SeekOp.GT || op == SeekOp.LE, (n, i) -> compareCell(n, i, key));
        return finishSeek(op, () -> RecordComparator.compare(key(), key, keyInfo) == 0);
    }

    private int compareCell(Node n, int i, Record key) {
        CellFields f = probeCell;
        n.cell(i, f);
        if (f.overflow != 0) {
            CellInfo c = f.toInfo();
            MemorySegment payload = tree.payload(n, c, 0);
            probe.resetPrefix(payload, 0, (int) payload.byteSize(), c.payloadSize());
            long need;
            try {
                need = probe.prefixFor(key.columnCount());
            } catch (Record.HeaderBeyondPrefix e) {
                payload = tree.payload(n, c, e.headerSize);
                probe.resetPrefix(payload, 0, (int) payload.byteSize(), c.payloadSize());
                need = probe.prefixFor(key.columnCount());
            }
            if (need > payload.byteSize()) {
                payload = tree.payload(n, c, need);
            }
            probe.resetPrefix(payload, 0, (int) payload.byteSize(), c.payloadSize());
        } else {
            probe.reset(n.d, f.localOffset, f.localSize);
        }
        return RecordComparator.compare(probe, key, keyInfo);
    }

    /** compareCell for an insert's key: in place (KeyProbe) when the cell's record is all on its page. */
    private int compareCell(Node n, int i, KeyProbe k) {
        long at = KeyProbe.localRecord(n, i);
        if (at < 0) {
            return compareCell(n, i, k.record());
        }
        return k.compare(n.d, (int) at, (int) (at >>> 32));
    }

    /** Whether cell {@code i} holds exactly the key: equal over all columns, and as many columns. */
    private boolean equalsCell(Node n, int i, KeyProbe k) {
        long at = KeyProbe.localRecord(n, i);
        if (at < 0) {
            return compareCell(n, i, k.record()) == 0 && probe.columnCount() == k.columns();
        }
        int start = (int) at;
        int length = (int) (at >>> 32);
        return k.compare(n.d, start, length) == 0 && KeyProbe.columnCount(n.d, start, length) == k.columns();
    }

    private interface Match {
        boolean test();
    }

    private boolean finishSeek(SeekOp op, Match equal) {
        moved();
        if (op == SeekOp.EQ || op == SeekOp.GE || op == SeekOp.GT) {
            if (!settle(true)) {
                return false;
            }
            return op != SeekOp.EQ || equal.test();
        }
        idx[depth]--;
        return settle(false);
    }

    // ---- reading ----

    /** The rowid of the current table entry. */
    public long rowid() {
        if (cellLoaded && state == State.VALID && table) {
            return currentCell.key;
        }
        requireTable(true);
        restore();
        requireValid();
        // a row's columns usually come with its rowid: the cell decoded for them has it already
        return cellLoaded ? currentCell.key : hereNode().rowid(idx[depth]);
    }

    /** The current entry's record (a table row, or an index key), decoded lazily; valid until the cursor moves. */
    public Record record() {
        if (recordLoaded && state == State.VALID) {
            return record;
        }
        return loadRecord();
    }

    /** record() when the entry is not decoded yet (or the cursor must be restored first): kept out of its inlined fast path. */
    private Record loadRecord() {
        restore();
        requireValid();
        if (!recordLoaded) {
            Node n = hereNode();
            CellFields c = loadCell();
            if (c.overflow == 0) {
                record.reset(n.d, c.localOffset, c.localSize);
            } else {
                MemorySegment payload = tree.payload(n, c.toInfo());
                record.reset(payload, 0, (int) payload.byteSize());
            }
            recordLoaded = true;
        }
        return record;
    }

    /** The current (valid) position's cell, decoded into currentCell once per position. */
    private CellFields loadCell() {
        CellFields c = currentCell;
        if (!cellLoaded) {
            Node n = hereNode();
            n.cell(idx[depth], hereCellCount(n), c);
            cellLoaded = true;
        }
        return c;
    }

    /** The current index entry's key record. */
    public Record key() {
        return record();
    }

    /** Number of entries in the tree. */
    public long count() {
        begin();
        return tree.count(root);
    }

    // ---- writing ----

    /** Inserts or replaces the row {@code rowid} of a table. */
    public void insert(long rowid, byte[] recordBytes) {
        requireTable(true);
        storage.requireWrite();
        begin();
        if (!standsOnRow(rowid)) {
            descendTo(rowid);
        }
        Node n = tree.node(pages[depth]);
        boolean exists = idx[depth] < n.cellCount() && n.rowid(idx[depth]) == rowid;
        if (!exists || !CellOverwrite.tryOverwrite(tree, n, idx[depth], rowid, recordBytes)) {
            modifyLeaf(exists, tree.buildCell(PageFormat.TABLE_LEAF, rowid, recordBytes));
        } else {
            pin(null);
            recordLoaded = false;
        }
        savedRowid = rowid;
        state = State.SAVED;
    }

    /**
     * Whether the cursor already stands on row {@code rowid} of a leaf with
     * no page written or evicted since it got there (an UPDATE's seek just
     * before its write): the write then needs no second descent.
     */
    private boolean standsOnRow(long rowid) {
        if (state != State.VALID || hereGeneration != pager.generation()) {
            return false;
        }
        Node n = pathNode(depth);
        return n.isLeaf() && idx[depth] >= 0 && idx[depth] < n.cellCount() && n.rowid(idx[depth]) == rowid;
    }

    /** Inserts a key into an index; a key equal to a stored one (all columns) replaces it. */
    public void insert(byte[] keyBytes) {
        requireTable(false);
        storage.requireWrite();
        begin();
        int found = descendToKey(new KeyProbe(keyBytes, keyInfo));
        savedKey = keyBytes;
        if (found == 2) {
            state = State.SAVED;
            return;
        }
        byte[] cell = tree.buildCell(PageFormat.INDEX_LEAF, 0, keyBytes);
        modifyLeaf(found == 1, cell);
        state = State.SAVED;
    }

    /**
     * Adds an entry after every entry of the tree, without comparing keys:
     * VACUUM copies trees in their order, whatever the index's collations.
     */
    void append(long rowid, byte[] payload) {
        storage.requireWrite();
        begin();
        int d = 0;
        int p = root;
        while (true) {
            Node n = node(p);
            pages[d] = p;
            idx[d] = n.cellCount();
            if (n.isLeaf()) {
                depth = d;
                break;
            }
            p = n.rightChild();
            if (++d > PageFormat.MAX_DEPTH) {
                throw Corrupt.at("b-tree deeper than " + PageFormat.MAX_DEPTH);
            }
        }
        modifyLeaf(false, tree.buildCell(table ? PageFormat.TABLE_LEAF : PageFormat.INDEX_LEAF, rowid, payload));
        if (table) {
            savedRowid = rowid;
        } else {
            savedKey = payload;
        }
        state = State.SAVED;
    }

    /** Re-runs the descent of a seek to leave the path at the leaf insertion point (past the last cell). */
    private void descendTo(long rowid) {
        int d = 0;
        int p = root;
        while (true) {
            Node n = node(p);
            pages[d] = p;
            int lo = 0;
            int hi = n.cellCount();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (n.rowid(mid) < rowid) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            idx[d] = lo;
            if (n.isLeaf()) {
                depth = d;
                return;
            }
            p = n.child(lo);
            d++;
            if (d > PageFormat.MAX_DEPTH) {
                throw Corrupt.at("b-tree deeper than " + PageFormat.MAX_DEPTH);
            }
        }
    }

    /** Descends to the leaf insertion point of {@code key}: 0 if absent, 1 if equal to a leaf entry, 2 to an interior one. */
    private int descendToKey(KeyProbe k) {
        int d = 0;
        int p = root;
        while (true) {
            Node n = node(p);
            pages[d] = p;
            int lo = 0;
            int hi = n.cellCount();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (compareCell(n, mid, k) < 0) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            idx[d] = lo;
            boolean equal = lo < n.cellCount() && equalsCell(n, lo, k);
            if (n.isLeaf()) {
                depth = d;
                return equal ? 1 : 0;
            }
            if (equal) {
                depth = d;
                return 2;
            }
            p = n.child(lo);
            d++;
            if (d > PageFormat.MAX_DEPTH) {
                throw Corrupt.at("b-tree deeper than " + PageFormat.MAX_DEPTH);
            }
        }
    }

    private void modifyLeaf(boolean replace, byte[] cell) {
        pin(null);
        moved();
        Node n = tree.node(pages[depth]);
        tree.pager.write(n.page);
        int i = idx[depth];
        if (replace) {
            tree.freeOverflow(n.cell(i));
            n.dropCell(i, tree.pager.secureDelete() != 0);
        }
        if (n.insertCell(i, cell)) {
            PointerMap.mapCell(tree.pager, n, i);
        } else {
            BTree.Balancer b = tree.new Balancer(pages, idx);
            if (table && !replace && i == n.cellCount() && isRightmostPath()) {
                b.appendLeaf(depth, n, cell);
            } else {
                CellList cells = CellList.copyOf(n);
                cells.insert(i, cell);
                b.overflow(depth, cells, n.isLeaf() ? 0 : n.rightChild(), n.type);
                b.run(depth);
            }
        }
    }

    /** Whether the cursor's path runs down the right edge of the tree (an append of a new largest rowid). */
    private boolean isRightmostPath() {
        if (depth == 0) {
            return false;
        }
        for (int d = 0; d < depth; d++) {
            if (idx[d] != tree.node(pages[d]).cellCount()) {
                return false;
            }
        }
        return true;
    }

    /** Deletes the entry the cursor stands on; next() then moves to the entry after it. */
    public void delete() {
        storage.requireWrite();
        restore();
        requireValid();
        pin(null);
        moved();
        Node n = tree.node(pages[depth]);
        int i = idx[depth];
        CellInfo c = n.cell(i);
        if (table) {
            savedRowid = n.rowid(i);
        } else {
            savedKey = record().toByteArray();
        }
        BTree.Balancer b = tree.new Balancer(pages, idx);
        if (n.isLeaf()) {
            tree.freeOverflow(c);
            tree.pager.write(n.page);
            n.dropCell(i, tree.pager.secureDelete() != 0);
            b.touched[depth] = true;
            b.run(depth);
        } else {
            int top = depth;
            descendFrom(top + 1, n.child(i), false);
            Node leaf = tree.node(pages[depth]);
            int m = leaf.cellCount() - 1;
            if (m < 0) {
                throw Corrupt.page(leaf.pgno(), "empty leaf under an index entry");
            }
            byte[] moved = leaf.cellBytes(m);
            byte[] up = new byte[4 + moved.length];
            System.arraycopy(moved, 0, up, 4, moved.length);
            up = Arrays.copyOf(up, Node.cellSize(up, PageFormat.INDEX_INTERIOR, tree.usable()));
            Bytes.put32(up, 0, n.leftChild(i));
            tree.freeOverflow(c);
            tree.pager.write(leaf.page);
            leaf.dropCell(m, tree.pager.secureDelete() != 0);
            b.touched[depth] = true;
            tree.pager.write(n.page);
            n.dropCell(i, tree.pager.secureDelete() != 0);
            if (n.insertCell(i, up)) {
                PointerMap.mapCell(tree.pager, n, i);
            } else {
                CellList cells = CellList.copyOf(n);
                cells.insert(i, up);
                b.overflow(top, cells, n.rightChild(), n.type);
            }
            b.touched[top] = true;
            b.run(depth);
        }
        state = State.SAVED;
    }

    // ---- state ----

    private void begin() {
        if (pager.state() == Pager.State.NONE) {
            storage.requireRead();
        }
        pager.releasePages();
    }

    /**
     * Re-seeks the remembered entry before reading it. If it is gone
     * (deleted) the cursor stays on no entry but keeps the position, so
     * next() and prev() still move relative to it.
     */
    private void restore() {
        if (state == State.SAVED) {
            boolean found = table ? seek(savedRowid, SeekOp.EQ) : seek(Record.of(savedKey), SeekOp.EQ);
            if (!found) {
                pin(null);
                state = State.SAVED;
            }
        }
    }

    private void requireValid() {
        if (state != State.VALID) {
            throw new TursoException(ResultCode.MISUSE, "cursor is not on an entry");
        }
    }

    private void requireTable(boolean want) {
        if (table != want) {
            throw new TursoException(ResultCode.MISUSE, want ? "not a table cursor" : "not an index cursor");
        }
    }

    @Override
    public void close() {
        pin(null);
        state = State.INVALID;
    }
}
