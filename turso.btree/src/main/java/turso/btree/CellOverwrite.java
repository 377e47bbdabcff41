/*
 * Replacing a table row by one of the same size on the page, in place (as
 * SQLite's btreeOverwriteCell): an UPDATE that changes a number or a text of
 * the same length writes the new bytes over the old cell, instead of freeing
 * the cell into the freeblock list and allocating it again. Only rows
 * without overflow pages on either side qualify; anything else goes through
 * the general delete-and-insert.
 */
package turso.btree;

import java.lang.foreign.MemorySegment;

final class CellOverwrite {

    private CellOverwrite() {
    }

    /**
     * Overwrites cell {@code i} of table leaf {@code n} (whose rowid is
     * {@code rowid}) with the cell for {@code payload} if both have the same
     * size and no overflow; returns whether it did.
     */
    static boolean tryOverwrite(BTree tree, Node n, int i, long rowid, byte[] payload) {
        int usable = tree.usable();
        if (payload.length > PageFormat.maxLocal(usable, true)) {
            return false;
        }
        CellInfo old = n.cell(i);
        if (old.overflow() != 0) {
            return false;
        }
        int head = Varint.length(payload.length) + Varint.length(rowid);
        if (Math.max(4, head + payload.length) != old.size()) {
            return false;
        }
        tree.pager.write(n.page);
        byte[] header = new byte[18];
        int h = Varint.write(header, 0, payload.length);
        h += Varint.write(header, h, rowid);
        MemorySegment.copy(MemorySegment.ofArray(header), 0, n.d, old.offset(), h);
        MemorySegment.copy(MemorySegment.ofArray(payload), 0, n.d, old.offset() + h, payload.length);
        return true;
    }
}
