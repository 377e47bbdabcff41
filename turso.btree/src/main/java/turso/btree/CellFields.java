/*
 * The parts of one B-tree cell (those of a CellInfo: payload size, rowid,
 * the local payload's offset and length, the first overflow page, the cell's
 * size on the page) decoded into the fields of a reusable holder. A cursor
 * keeps one and decodes its current cell into it once per position, so a
 * scan allocates nothing per row; Node.parse decodes through it too, so the
 * format's rules and checks live here only.
 */
package turso.btree;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

final class CellFields {

    private static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    int offset;
    long payloadSize;
    long key;
    int localOffset;
    int localSize;
    int overflow;
    int size;

    /**
     * Decodes the cell at {@code off} of segment {@code d} (a page, or a cell
     * copied into an array) for a page of {@code type}, reading nothing at
     * or past {@code limit}; damage is CORRUPT, naming page {@code pgno}.
     */
    void decode(MemorySegment d, int off, int type, int usable, int limit, long pgno) {
        offset = off;
        key = 0;
        if (type == PageFormat.TABLE_LEAF && off + 8 <= limit && wordHeader(d.get(WORD, off), off)) {
            local(d, usable, limit, pgno, true);
            return;
        }
        int p = off;
        if (!PageFormat.isLeaf(type)) {
            p += 4;
        }
        if (type == PageFormat.TABLE_INTERIOR) {
            key = Varint.read(d, p, limit);
            int len = Varint.lengthAt(d, p, limit);
            payloadSize = 0;
            localOffset = p + len;
            localSize = 0;
            overflow = 0;
            size = Math.max(4, p + len - off);
            return;
        }
        payloadSize = Varint.read(d, p, limit);
        p += Varint.lengthAt(d, p, limit);
        if (type == PageFormat.TABLE_LEAF) {
            key = Varint.read(d, p, limit);
            p += Varint.lengthAt(d, p, limit);
        }
        localOffset = p;
        local(d, usable, limit, pgno, type == PageFormat.TABLE_LEAF);
    }

    /**
     * A table row's payload size and rowid usually fit in the cell's first
     * eight bytes, {@code w}: decodes both from it and returns true, else
     * (a varint running past the word) sets nothing and returns false.
     */
    private boolean wordHeader(long w, int off) {
        int i = 0;
        long v = 0;
        int b;
        do {
            b = (int) (w >>> (56 - 8 * i)) & 0xff;
            v = (v << 7) | (b & 0x7f);
            i++;
        } while (b >= 0x80 && i < 8);
        if (b >= 0x80) {
            return false;
        }
        long rowid = 0;
        int j = i;
        do {
            b = (int) (w >>> (56 - 8 * j)) & 0xff;
            rowid = (rowid << 7) | (b & 0x7f);
            j++;
        } while (b >= 0x80 && j < 8);
        if (b >= 0x80) {
            return false;
        }
        payloadSize = v;
        key = rowid;
        localOffset = off + j;
        return true;
    }

    /** Sets the local part, the overflow page and the cell's size once the payload size and its offset are known. */
    private void local(MemorySegment d, int usable, int limit, long pgno, boolean tableLeaf) {
        long total = payloadSize;
        if (total < 0 || total > 0x7fffff00L) {
            throw Corrupt.page(pgno, "payload size " + total);
        }
        int local = PageFormat.localSize(total, usable, tableLeaf);
        int end = localOffset + local;
        int first = 0;
        if (local < total) {
            if (end + 4 > limit) {
                throw Corrupt.page(pgno, "cell extends past end of page");
            }
            first = Bytes.i32(d, end);
            end += 4;
        } else if (end > limit) {
            throw Corrupt.page(pgno, "cell extends past end of page");
        }
        localSize = local;
        overflow = first;
        size = Math.max(4, end - offset);
    }

    CellInfo toInfo() {
        return new CellInfo(offset, payloadSize, key, localOffset, localSize, overflow, size);
    }
}
