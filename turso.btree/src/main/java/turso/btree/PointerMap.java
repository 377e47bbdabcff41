/*
 * auto_vacuum pointer maps (fileformat2 §1.6): page 2 and every
 * (usable/5 + 1)th page after it hold a 5-byte entry (type, parent page)
 * for each page that follows, up to the next map page. Entries say who
 * refers to a page, so that the page can be moved at commit (FULL) or by
 * PRAGMA incremental_vacuum and the reference rewritten. The B-tree code
 * records every change of role or parent here as it makes it.
 */
package turso.btree;

final class PointerMap {

    static final int ROOT = 1;
    static final int FREE = 2;
    static final int OVERFLOW1 = 3;
    static final int OVERFLOW2 = 4;
    static final int BTREE = 5;

    /** One page's entry. */
    record Entry(int type, int parent) {
    }

    private PointerMap() {
    }

    /** The map page holding {@code pgno}'s entry (the page itself if it is a map page); 0 for page 1. */
    static int mapPageOf(Pager pager, int pgno) {
        if (pgno < 2) {
            return 0;
        }
        int perMap = pager.usableSize() / 5 + 1;
        int map = (pgno - 2) / perMap * perMap + 2;
        if (map == pager.lockBytePage()) {
            map++;
        }
        return map;
    }

    static boolean isMapPage(Pager pager, int pgno) {
        return pgno >= 2 && mapPageOf(pager, pgno) == pgno;
    }

    /** Whether {@code pgno} can hold content: not page 1, not a map page, not the lock-byte page. */
    static boolean isContentPage(Pager pager, int pgno) {
        return pgno >= 2 && !isMapPage(pager, pgno) && pgno != pager.lockBytePage();
    }

    static void put(Pager pager, int pgno, int type, int parent) {
        if (!pager.autoVacuum()) {
            return;
        }
        int map = mapPageOf(pager, pgno);
        if (map == 0 || map == pgno || map > pager.pageCount()) {
            throw Corrupt.at("no pointer-map entry for page " + pgno);
        }
        Page m = pager.get(map);
        int off = 5 * (pgno - map - 1);
        if (Bytes.u8(m.data, off) == type && Bytes.i32(m.data, off + 1) == parent) {
            return;
        }
        pager.write(m);
        Bytes.put8(m.data, off, type);
        Bytes.put32(m.data, off + 1, parent);
    }

    static Entry get(Pager pager, int pgno) {
        int map = mapPageOf(pager, pgno);
        if (map == 0 || map == pgno || map > pager.pageCount()) {
            throw Corrupt.at("no pointer-map entry for page " + pgno);
        }
        Page m = pager.get(map);
        int off = 5 * (pgno - map - 1);
        int type = Bytes.u8(m.data, off);
        if (type < ROOT || type > BTREE) {
            throw Corrupt.page(map, "pointer-map entry of page " + pgno + " has type " + type);
        }
        return new Entry(type, Bytes.i32(m.data, off + 1));
    }

    /** The same as {@link #mapChildren(Pager, Node)} for page {@code pgno}, read only in an auto_vacuum file. */
    static void mapChildren(Pager pager, int pgno) {
        if (pager.autoVacuum()) {
            mapChildren(pager, new Node(pager.get(pgno), pager.usableSize()));
        }
    }

    /**
     * Records {@code n} as the parent of every child page and first overflow
     * page it refers to: called whenever cells land on a page.
     */
    static void mapChildren(Pager pager, Node n) {
        if (!pager.autoVacuum()) {
            return;
        }
        int cells = n.cellCount();
        for (int i = 0; i < cells; i++) {
            mapCell(pager, n, i);
        }
        if (!n.isLeaf()) {
            put(pager, n.rightChild(), BTREE, n.pgno());
        }
    }

    /** The same for cell {@code i} of {@code n} alone. */
    static void mapCell(Pager pager, Node n, int i) {
        if (!pager.autoVacuum()) {
            return;
        }
        CellInfo c = n.cell(i);
        if (!n.isLeaf()) {
            put(pager, n.leftChild(i), BTREE, n.pgno());
        }
        if (c.overflow() != 0) {
            put(pager, c.overflow(), OVERFLOW1, n.pgno());
        }
    }
}
