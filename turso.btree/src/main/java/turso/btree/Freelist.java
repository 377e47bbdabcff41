/*
 * The freelist (fileformat2 §1.5): trunk pages listing leaf pages, the first
 * trunk and the total count in the database header. Freed pages are reused
 * before the file grows. Walks are bounded by the page count, so a cycle is
 * CORRUPT rather than a hang.
 */
package turso.btree;

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

    private static void checkPage(Pager pager, int pgno) {
        if (pgno < 2 || pgno > pager.pageCount()) {
            throw Corrupt.at("freelist page " + pgno + " out of range");
        }
    }
}
