/*
 * Where a rowid falls on one page of a table B-tree: the search a rowid seek
 * runs on each page of its descent. The keys (interior dividers, leaf rowids)
 * are read in place as varints, with no object and no call through an
 * interface per probe. Rowids on a page are strictly increasing and, in the
 * common case of rows inserted in rowid order, close to evenly spaced, so the
 * search first guesses the position by interpolating between the page's first
 * and last keys: on a leaf of consecutive rowids the guess is the cell itself,
 * three cells read where a binary search reads seven or eight, and each cell
 * read on a page not yet in the CPU's cache is a memory miss. A wrong guess
 * only narrows the range a binary search then finishes, so a page of
 * unevenly spread rowids costs at most a few probes more. A leaf the parent's
 * dividers show to be full of consecutive rowids needs no search at all.
 */
package turso.btree;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

final class RowidSearch {

    private RowidSearch() {
    }

    /**
     * The index of the first cell of table page {@code n} whose key is at
     * least {@code target}, or the cell count if none is: on an interior
     * page, the child to descend into; on a leaf, where the rowid is or
     * would be.
     */
    static int lowerBound(Node n, long target) {
        int count = n.cellCount();
        if (count == 0) {
            return 0;
        }
        long first = key(n, 0, count);
        if (target <= first) {
            return 0;
        }
        long last = key(n, count - 1, count);
        if (target > last) {
            return count;
        }
        return between(n, target, count, first, last);
    }

    /**
     * On a leaf whose parent's dividers say it holds rowids in (low, low +
     * cell count], so every one of them: the cell of {@code target} read
     * directly, with no search (rows inserted in rowid order and never
     * deleted fill leaves like this); -1 when that cell does not hold it.
     */
    static int inDenseLeaf(Node n, long target, long low) {
        int count = n.cellCount();
        long g = target - low - 1;
        if (g < 0 || g >= count || key(n, (int) g, count) != target) {
            return -1;
        }
        return (int) g;
    }

    /** The first cell whose key is at least {@code rowid}, given first &lt; rowid &lt;= last (so the answer is in 1..count-1). */
    private static int between(Node n, long rowid, int count, long first, long last) {
        int lo = 1;
        int hi = count - 1;
        if (lo < hi) {
            // multiplied before dividing so that consecutive rowids give the exact cell
            int g = (int) (((double) rowid - first) * (count - 1) / ((double) last - first));
            g = Math.max(lo, Math.min(hi, g));
            long k = key(n, g, count);
            if (k == rowid) {
                return g;
            }
            if (k > rowid) {
                hi = g;
                if (key(n, g - 1, count) < rowid) {
                    return g;
                }
                hi = g - 1;
            } else {
                lo = g + 1;
                if (lo >= hi || key(n, lo, count) >= rowid) {
                    return lo;
                }
                lo++;
            }
        }
        // invariant: key(lo - 1) < rowid <= key(hi)
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (key(n, mid, count) < rowid) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The key of cell {@code i} of a table page with {@code count} cells: the interior divider or the leaf rowid. */
    static long key(Node n, int i, int count) {
        MemorySegment d = n.d;
        int pa = n.pointerArray();
        int off = Bytes.u16(d, pa + 2L * i);
        if (off < pa + 2 * count || off > n.usable - 4) {
            throw Corrupt.page(n.pgno(), "cell " + i + " offset " + off + " out of bounds");
        }
        if (n.type == PageFormat.TABLE_INTERIOR) {
            return Varint.read(d, off + 4, n.usable);
        }
        if (d.get(ValueLayout.JAVA_BYTE, off) >= 0) {
            return Varint.read(d, off + 1, n.usable);
        }
        return Varint.read(d, off + Varint.lengthAt(d, off, n.usable), n.usable);
    }
}
