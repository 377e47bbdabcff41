/*
 * The cells a balance redistributes, held as references (an array, an
 * offset, a length) rather than one byte[] per cell: the pages being
 * rebalanced are copied whole once into heap arrays (they are rewritten in
 * place while their cells are still being read), and each cell is copied
 * from that array when its new page is assembled (Node.write builds the page
 * image on the heap and copies it to the page once: a segment copy per small
 * cell cost more in checks than in bytes). Only the few cells a balance
 * makes itself (the new cell, the dividers) are arrays of their own.
 */
package turso.btree;

import java.lang.foreign.ValueLayout;
import java.util.Arrays;

final class CellList {

    private byte[][] source;
    private int[] offset;
    private int[] length;
    private int size;

    CellList(int capacity) {
        int c = Math.max(4, capacity);
        source = new byte[c][];
        offset = new int[c];
        length = new int[c];
    }

    /**
     * The cells of {@code n}, read from a copy of its page taken now (so the
     * page may be rewritten while the list is in use), with room for more.
     */
    static CellList copyOf(Node n) {
        int count = n.cellCount();
        CellList list = new CellList(count + 4);
        byte[] copy = n.d.toArray(ValueLayout.JAVA_BYTE);
        int pa = n.pointerArray();
        int min = pa + 2 * count;
        int usable = n.usable;
        boolean index = !n.isTable();
        int skip = n.isLeaf() ? 0 : 4;
        int maxLocal = PageFormat.maxLocal(usable, false);
        for (int i = 0; i < count; i++) {
            int off = ((copy[pa + 2 * i] & 0xff) << 8) | (copy[pa + 2 * i + 1] & 0xff);
            if (off < min || off > usable - 4) {
                throw Corrupt.page(n.pgno(), "cell " + i + " offset " + off + " out of bounds");
            }
            int size = -1;
            if (index && off + skip < usable) {
                // an index cell whose payload is under 128 bytes (one-byte length, no overflow): sized from that byte
                int len = copy[off + skip] & 0xff;
                if (len < 0x80 && len <= maxLocal) {
                    size = Math.max(4, skip + 1 + len);
                    if (off + size > usable) {
                        size = -1;
                    }
                }
            }
            list.add(copy, off, size >= 0 ? size : n.cellSizeAt(off));
        }
        return list;
    }

    int size() {
        return size;
    }

    int length(int i) {
        return length[i];
    }

    /** The big-endian 32-bit value at {@code at} of cell {@code i} (an interior cell's left child). */
    int i32(int i, int at) {
        return Bytes.i32(source[i], offset[i] + at);
    }

    /** A copy of cell {@code i}'s bytes. */
    byte[] bytes(int i) {
        return Arrays.copyOfRange(source[i], offset[i], offset[i] + length[i]);
    }

    /** Writes cell {@code i} at {@code at} of {@code dst}. */
    void copyTo(int i, byte[] dst, int at) {
        System.arraycopy(source[i], offset[i], dst, at, length[i]);
    }

    void add(byte[] cell) {
        add(cell, 0, cell.length);
    }

    /** Inserts {@code cell} as cell {@code i}. */
    void insert(int i, byte[] cell) {
        add(cell);
        byte[] s = source[size - 1];
        int o = offset[size - 1];
        int l = length[size - 1];
        int move = size - 1 - i;
        System.arraycopy(source, i, source, i + 1, move);
        System.arraycopy(offset, i, offset, i + 1, move);
        System.arraycopy(length, i, length, i + 1, move);
        source[i] = s;
        offset[i] = o;
        length[i] = l;
    }

    /** Appends cells {@code from} (inclusive) to {@code to} (exclusive) of {@code other}. */
    void addAll(CellList other, int from, int to) {
        int n = to - from;
        if (size + n > source.length) {
            grow(Math.max(size * 2, size + n));
        }
        System.arraycopy(other.source, from, source, size, n);
        System.arraycopy(other.offset, from, offset, size, n);
        System.arraycopy(other.length, from, length, size, n);
        size += n;
    }

    private void add(byte[] s, int off, int len) {
        if (size == source.length) {
            grow(size * 2);
        }
        source[size] = s;
        offset[size] = off;
        length[size] = len;
        size++;
    }

    private void grow(int capacity) {
        source = Arrays.copyOf(source, capacity);
        offset = Arrays.copyOf(offset, capacity);
        length = Arrays.copyOf(length, capacity);
    }
}
