/*
 * The freelist (fileformat2 §1.5): trunk pages listing leaf pages, the first
 * trunk and the total count in the database header. Freed pages are reused
 * before the file grows. Walks are bounded by the page count, so a cycle is
 * CORRUPT rather than a hang.
 */
package turso.btree;

import java.lang.foreign.MemorySegment;
import org.eclipse.collections.api.list.primitive.MutableIntList;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

final class Freelist {

    private Freelist() {
    }

    /** A page for new content: from the freelist if it has one, else appended to the file. Writable and zeroed. */
    static Page allocate(Pager pager) {
        Page one = pager.get(1);
        long count = Bytes.u32(one.data, DatabaseHeader.FREELIST_COUNT);
        int trunkNo = Bytes.i32(one.data, DatabaseHeader.FREELIST_TRUNK);
        if (count == 0 || trunkNo == 0) {
            return pager.appendPage();
        }
        checkPage(pager, trunkNo);
        Page trunk = pager.get(trunkNo);
        long leaves = Bytes.u32(trunk.data, 4);
        if (leaves > pager.usableSize() / 4 - 2) {
            throw Corrupt.page(trunkNo, "freelist trunk holds " + leaves + " leaves");
        }
        pager.write(one);
        Bytes.put32(one.data, DatabaseHeader.FREELIST_COUNT, count - 1);
        Page out;
        if (leaves > 0) {
            int leafNo = Bytes.i32(trunk.data, 8 + 4 * (leaves - 1));
            checkPage(pager, leafNo);
            pager.write(trunk);
            Bytes.put32(trunk.data, 4, leaves - 1);
            out = pager.get(leafNo);
        } else {
            int next = Bytes.i32(trunk.data, 0);
            if (next != 0) {
                checkPage(pager, next);
            }
            Bytes.put32(one.data, DatabaseHeader.FREELIST_TRUNK, next);
            out = trunk;
        }
        pager.write(out);
        out.data.fill((byte) 0);
        return out;
    }

    /** Puts page {@code pgno} on the freelist. */
    static void free(Pager pager, int pgno) {
        checkPage(pager, pgno);
        PointerMap.put(pager, pgno, PointerMap.FREE, 0);
        Page one = pager.get(1);
        pager.write(one);
        long count = Bytes.u32(one.data, DatabaseHeader.FREELIST_COUNT);
        int trunkNo = Bytes.i32(one.data, DatabaseHeader.FREELIST_TRUNK);
        Bytes.put32(one.data, DatabaseHeader.FREELIST_COUNT, count + 1);
        if (trunkNo != 0) {
            checkPage(pager, trunkNo);
            Page trunk = pager.get(trunkNo);
            long leaves = Bytes.u32(trunk.data, 4);
            if (leaves < pager.usableSize() / 4 - 8) {
                if (pager.secureDelete() == 1) {
                    Page leaf = pager.get(pgno);
                    pager.write(leaf);
                    leaf.data.fill((byte) 0);
                }
                pager.write(trunk);
                Bytes.put32(trunk.data, 8 + 4 * leaves, pgno);
                Bytes.put32(trunk.data, 4, leaves + 1);
                return;
            }
        }
        Page p = pager.get(pgno);
        pager.write(p);
        p.data.fill((byte) 0);
        Bytes.put32(p.data, 0, trunkNo);
        Bytes.put32(p.data, 4, 0);
        Bytes.put32(one.data, DatabaseHeader.FREELIST_TRUNK, pgno);
    }

    /** Every page on the freelist, trunks included, in list order. */
    static MutableIntList pages(Pager pager) {
        MutableIntList out = new IntArrayList();
        Page one = pager.get(1);
        long count = Bytes.u32(one.data, DatabaseHeader.FREELIST_COUNT);
        int trunkNo = Bytes.i32(one.data, DatabaseHeader.FREELIST_TRUNK);
        while (trunkNo != 0) {
            checkPage(pager, trunkNo);
            if (out.size() >= count || out.size() >= pager.pageCount()) {
                throw Corrupt.at("freelist longer than its count " + count);
            }
            out.add(trunkNo);
            Page trunk = pager.get(trunkNo);
            long leaves = Bytes.u32(trunk.data, 4);
            if (leaves > pager.usableSize() / 4 - 2 || out.size() + leaves > count) {
                throw Corrupt.page(trunkNo, "freelist trunk holds " + leaves + " leaves");
            }
            for (int i = 0; i < leaves; i++) {
                int leaf = Bytes.i32(trunk.data, 8 + 4 * i);
                checkPage(pager, leaf);
                out.add(leaf);
            }
            trunkNo = Bytes.i32(trunk.data, 0);
        }
        if (out.size() != count) {
            throw Corrupt.at("freelist holds " + out.size() + " pages, header says " + count);
        }
        return out;
    }

    /**
     * Takes page {@code pgno} off the freelist, wherever it is on it;
     * returns false if it is not free. A trunk that goes keeps its list:
     * its last leaf becomes the trunk in its place.
     */
    static boolean take(Pager pager, int pgno) {
        Page one = pager.get(1);
        long count = Bytes.u32(one.data, DatabaseHeader.FREELIST_COUNT);
        Page prev = null;
        int trunkNo = Bytes.i32(one.data, DatabaseHeader.FREELIST_TRUNK);
        for (long seen = 0; trunkNo != 0; ) {
            checkPage(pager, trunkNo);
            if (++seen > count || seen > pager.pageCount()) {
                throw Corrupt.at("freelist longer than its count " + count);
            }
            Page trunk = pager.get(trunkNo);
            int leaves = (int) Math.min(Bytes.u32(trunk.data, 4), pager.usableSize() / 4 - 2);
            if (trunkNo == pgno) {
                int next = Bytes.i32(trunk.data, 0);
                int replacement = next;
                if (leaves > 0) {
                    replacement = Bytes.i32(trunk.data, 8 + 4 * (leaves - 1));
                    checkPage(pager, replacement);
                    Page r = pager.get(replacement);
                    pager.write(r);
                    r.data.fill((byte) 0);
                    Bytes.put32(r.data, 0, next);
                    Bytes.put32(r.data, 4, leaves - 1);
                    MemorySegment.copy(trunk.data, 8, r.data, 8, 4L * (leaves - 1));
                }
                if (prev == null) {
                    pager.write(one);
                    Bytes.put32(one.data, DatabaseHeader.FREELIST_TRUNK, replacement);
                } else {
                    pager.write(prev);
                    Bytes.put32(prev.data, 0, replacement);
                }
                pager.write(one);
                Bytes.put32(one.data, DatabaseHeader.FREELIST_COUNT, count - 1);
                return true;
            }
            for (int i = 0; i < leaves; i++) {
                if (Bytes.i32(trunk.data, 8 + 4 * i) == pgno) {
                    pager.write(trunk);
                    Bytes.put32(trunk.data, 8 + 4 * i, Bytes.i32(trunk.data, 8 + 4 * (leaves - 1)));
                    Bytes.put32(trunk.data, 4, leaves - 1);
                    pager.write(one);
                    Bytes.put32(one.data, DatabaseHeader.FREELIST_COUNT, count - 1);
                    return true;
                }
            }
            seen += leaves;
            prev = trunk;
            trunkNo = Bytes.i32(trunk.data, 0);
        }
        return false;
    }

    private static void checkPage(Pager pager, int pgno) {
        if (pgno < 2 || pgno > pager.pageCount()) {
            throw Corrupt.at("freelist page " + pgno + " out of range");
        }
    }
}
