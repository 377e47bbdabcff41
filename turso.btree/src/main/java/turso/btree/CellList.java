/*
 * The cells a balance redistributes, held as references (a segment, an
 * offset, a length) rather than one byte[] per cell: the pages being
 * rebalanced are copied whole once (they are rewritten in place while their
 * cells are still being read), and each cell is read from that copy when it
 * is written to its new page. Only the few cells a balance makes itself
 * (the new cell, the dividers) are arrays of their own.
 */
package turso.btree;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

final class CellList {

    private MemorySegment[] source;
    private int[] offset;
    private int[] length;
    private int size;

    CellList(int capacity) {
        int c = Math.max(4, capacity);
        source = new MemorySegment[c];
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
        MemorySegment copy = MemorySegment.ofArray(n.d.toArray(ValueLayout.JAVA_BYTE));
        for (int i = 0; i < count; i++) {
            int off = n.cellOffset(i);
            list.add(copy, off, n.cellSizeAt(off));
        }
        return list;
    }

    /** The cells of {@code n} read in place: only while {@code n}'s page is not written. */
    static CellList of(Node n) {
        int count = n.cellCount();
        CellList list = new CellList(count);
        for (int i = 0; i < count; i++) {
            int off = n.cellOffset(i);
            list.add(n.d, off, n.cellSizeAt(off));
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
        return source[i].asSlice(offset[i], length[i]).toArray(ValueLayout.JAVA_BYTE);
    }

    /** Writes cell {@code i} at {@code at} of {@code dst}. */
    void copyTo(int i, MemorySegment dst, long at) {
        MemorySegment.copy(source[i], offset[i], dst, at, length[i]);
    }

    void add(byte[] cell) {
        add(MemorySegment.ofArray(cell), 0, cell.length);
    }

    /** Inserts {@code cell} as cell {@code i}. */
    void insert(int i, byte[] cell) {
        add(cell);
        MemorySegment s = source[size - 1];
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
            int c = Math.max(size * 2, size + n);
            source = Arrays.copyOf(source, c);
            offset = Arrays.copyOf(offset, c);
            length = Arrays.copyOf(length, c);
        }
        System.arraycopy(other.source, from, source, size, n);
        System.arraycopy(other.offset, from, offset, size, n);
        System.arraycopy(other.length, from, length, size, n);
        size += n;
    }

    private void add(MemorySegment s, int off, int len) {
        if (size == source.length) {
            int c = size * 2;
            source = Arrays.copyOf(source, c);
            offset = Arrays.copyOf(offset, c);
            length = Arrays.copyOf(length, c);
        }
        source[size] = s;
        offset[size] = off;
        length[size] = len;
        size++;
    }
}
