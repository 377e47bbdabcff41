/*
 * auto_vacuum's page moves (fileformat2 §1.6, pragma.html#pragma_auto_vacuum):
 * pages at the end of the file move into free slots nearer the start, found
 * through the pointer map, with the page that refers to each one rewritten,
 * so that the file can be cut short; FULL does it for every free page at
 * commit, PRAGMA incremental_vacuum(N) for N of them. Root pages are kept
 * together right after page 1 (pages 2..largest root, map pages aside), as
 * SQLite keeps them: a new root takes the next slot, moving what was there,
 * and a dropped root is filled with the last root, so roots never have to
 * move when the file shrinks.
 */
package turso.btree;

import org.eclipse.collections.api.list.primitive.MutableIntList;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;
import org.eclipse.collections.impl.set.mutable.primitive.IntHashSet;

final class AutoVacuum {

    private AutoVacuum() {
    }

    /** Whether the file is in INCREMENTAL mode (header field at offset 64), as opposed to FULL. */
    static boolean incremental(Pager pager) {
        return Bytes.i32(pager.get(1).data, DatabaseHeader.INCREMENTAL_VACUUM) != 0;
    }

    /** Free pages on the list, from the header. */
    static long freePages(Pager pager) {
        return Bytes.u32(pager.get(1).data, DatabaseHeader.FREELIST_COUNT);
    }

    /**
     * Takes up to {@code wanted} free pages (all of them if {@code wanted}
     * is not positive) out of the file: the pages in use past the new end
     * move into free pages before it, the rest of the freelist is rebuilt,
     * and the database is cut. Returns the number of free pages removed.
     */
    static long vacuum(BTree tree, long wanted) {
        Pager pager = tree.pager;
        long nFree = freePages(pager);
        long k = wanted <= 0 ? nFree : Math.min(wanted, nFree);
        if (k == 0) {
            return 0;
        }
        int nOrig = pager.pageCount();
        MutableIntList listed = Freelist.pages(pager);
        IntHashSet free = new IntHashSet(listed);
        int nFin = finalSize(pager, nOrig, k);
        MutableIntList targets = new IntArrayList();
        listed.forEach(p -> {
            if (p <= nFin) {
                targets.add(p);
            }
        });
        targets.sortThis();
        int t = 0;
        for (int p = nOrig; p > nFin; p--) {
            if (!PointerMap.isContentPage(pager, p) || free.contains(p)) {
                continue;
            }
            PointerMap.Entry e = PointerMap.get(pager, p);
            if (e.type() == PointerMap.ROOT || e.type() == PointerMap.FREE || t >= targets.size()) {
                throw Corrupt.page(p, "page in use past the end of an auto_vacuum file has pointer-map type " + e.type());
            }
            relocate(tree, p, targets.get(t++), e);
        }
        Page one = pager.get(1);
        pager.write(one);
        Bytes.put32(one.data, DatabaseHeader.FREELIST_TRUNK, 0);
        Bytes.put32(one.data, DatabaseHeader.FREELIST_COUNT, 0);
        pager.truncate(nFin);
        for (int i = t; i < targets.size(); i++) {
            Freelist.free(pager, targets.get(i));
        }
        return k;
    }

    /** The page count once {@code k} free pages are gone, map and lock-byte pages left at the end dropped too. */
    private static int finalSize(Pager pager, int nOrig, long k) {
        int n = nOrig;
        long left = k;
        while (n > 1) {
            if (PointerMap.isContentPage(pager, n)) {
                if (left == 0) {
                    break;
                }
                left--;
            }
            n--;
        }
        return n;
    }

    /** The header's largest root page, checked to lie in the file. */
    private static int largestRoot(Pager pager) {
        int largest = Bytes.i32(pager.get(1).data, DatabaseHeader.LARGEST_ROOT);
        if (largest < 1 || largest > pager.pageCount()) {
            throw Corrupt.at("largest root page " + largest + " outside the file");
        }
        return largest;
    }

    /** The page for a new root: the slot after the largest root, emptied if something else lives there. */
    static Page newRootPage(BTree tree) {
        Pager pager = tree.pager;
        Page one = pager.get(1);
        int largest = largestRoot(pager);
        int target = largest + 1;
        while (!PointerMap.isContentPage(pager, target)) {
            target++;
        }
        Page p;
        if (target > pager.pageCount()) {
            p = pager.appendPage();
            if (p.pgno != target) {
                throw Corrupt.at("largest root page " + largest + " is past the end of the file");
            }
        } else {
            if (!Freelist.take(pager, target)) {
                PointerMap.Entry e = PointerMap.get(pager, target);
                if (e.type() == PointerMap.ROOT || e.type() == PointerMap.FREE) {
                    throw Corrupt.page(target, "page after the largest root has pointer-map type " + e.type());
                }
                relocate(tree, target, Freelist.allocate(pager).pgno, e);
            }
            p = pager.get(target);
            pager.write(p);
            p.data.fill((byte) 0);
        }
        pager.write(one);
        Bytes.put32(one.data, DatabaseHeader.LARGEST_ROOT, target);
        return p;
    }

    /**
     * Frees root page {@code root}, whose tree's other pages are already
     * free: the largest root moves into it. Returns the page the moved root
     * came from, or 0 if none moved.
     */
    static int dropRootPage(BTree tree, int root) {
        Pager pager = tree.pager;
        Page one = pager.get(1);
        int largest = largestRoot(pager);
        if (root > largest) {
            Freelist.free(pager, root);
            return 0;
        }
        int moved = 0;
        if (root == largest) {
            Freelist.free(pager, root);
        } else {
            PointerMap.Entry e = PointerMap.get(pager, largest);
            if (e.type() != PointerMap.ROOT) {
                throw Corrupt.page(largest, "largest root page has pointer-map type " + e.type());
            }
            relocate(tree, largest, root, e);
            Freelist.free(pager, largest);
            moved = largest;
        }
        int next = largest - 1;
        while (next > 1 && !PointerMap.isContentPage(pager, next)) {
            next--;
        }
        pager.write(one);
        Bytes.put32(one.data, DatabaseHeader.LARGEST_ROOT, next);
        return moved;
    }

    /**
     * Moves page {@code from} (pointer-map entry {@code e}) into the free
     * page {@code to}: its bytes, the map entries of the pages it refers
     * to, and the pointer to it in the page that refers to it.
     */
    private static void relocate(BTree tree, int from, int to, PointerMap.Entry e) {
        Pager pager = tree.pager;
        Page src = pager.get(from);
        Page dst = pager.get(to);
        pager.write(dst);
        dst.data.copyFrom(src.data);
        PointerMap.put(pager, to, e.type(), e.parent());
        switch (e.type()) {
            case PointerMap.ROOT, PointerMap.BTREE -> PointerMap.mapChildren(pager, tree.node(to));
            default -> {
                int next = Bytes.i32(dst.data, 0);
                if (next != 0) {
                    PointerMap.put(pager, next, PointerMap.OVERFLOW2, to);
                }
            }
        }
        switch (e.type()) {
            case PointerMap.OVERFLOW2 -> {
                Page prev = pager.get(e.parent());
                if (Bytes.i32(prev.data, 0) != from) {
                    throw Corrupt.page(from, "pointer map names page " + e.parent() + " as previous overflow page");
                }
                pager.write(prev);
                Bytes.put32(prev.data, 0, to);
            }
            case PointerMap.OVERFLOW1 -> {
                Node n = tree.node(e.parent());
                for (int i = 0; i < n.cellCount(); i++) {
                    CellInfo c = n.cell(i);
                    if (c.overflow() == from) {
                        pager.write(n.page);
                        Bytes.put32(n.d, c.localOffset() + c.localSize(), to);
                        return;
                    }
                }
                throw Corrupt.page(from, "pointer map names page " + e.parent() + " as owner of overflow page");
            }
            case PointerMap.BTREE -> {
                Node n = tree.node(e.parent());
                if (!n.isLeaf()) {
                    if (n.rightChild() == from) {
                        pager.write(n.page);
                        Bytes.put32(n.d, n.hdr + 8, to);
                        return;
                    }
                    for (int i = 0; i < n.cellCount(); i++) {
                        if (n.leftChild(i) == from) {
                            pager.write(n.page);
                            Bytes.put32(n.d, n.cellOffset(i), to);
                            return;
                        }
                    }
                }
                throw Corrupt.page(from, "pointer map names page " + e.parent() + " as parent");
            }
            default -> {
            }
        }
    }
}
