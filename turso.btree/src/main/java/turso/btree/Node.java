/*
 * A view of one B-tree page: header fields, the cell pointer array, cell
 * parsing (payload size, rowid, local bytes, overflow page) with bounds
 * checks that turn a damaged page into CORRUPT, and the in-place edits of a
 * page: inserting a cell into free space, freeing a cell's space into the
 * freeblock list, defragmenting, and rewriting a page from a list of cells.
 */
package turso.btree;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import turso.api.ResultCode;
import turso.api.TursoException;

final class Node {

    final Page page;
    final MemorySegment d;
    final int hdr;
    final int usable;
    final int type;

    Node(Page page, int usable) {
        this.page = page;
        this.d = page.data;
        this.hdr = page.headerOffset();
        this.usable = usable;
        this.type = Bytes.u8(d, hdr);
        if (!PageFormat.isValidType(type)) {
            throw Corrupt.page(page.pgno, "invalid page type " + type);
        }
        int n = Bytes.u16(d, hdr + 3);
        if (hdr + headerSize() + 2L * n > usable) {
            throw Corrupt.page(page.pgno, "too many cells (" + n + ")");
        }
        int content = contentStart();
        if (content > usable || content < hdr + headerSize() + 2 * n) {
            throw Corrupt.page(page.pgno, "cell content area starts at " + content);
        }
    }

    int pgno() {
        return page.pgno;
    }

    boolean isLeaf() {
        return PageFormat.isLeaf(type);
    }

    boolean isTable() {
        return PageFormat.isTable(type);
    }

    int headerSize() {
        return PageFormat.headerSize(type);
    }

    int cellCount() {
        return Bytes.u16(d, hdr + 3);
    }

    int contentStart() {
        int v = Bytes.u16(d, hdr + 5);
        return v == 0 ? 65536 : v;
    }

    int firstFreeblock() {
        return Bytes.u16(d, hdr + 1);
    }

    int fragmented() {
        return Bytes.u8(d, hdr + 7);
    }

    int rightChild() {
        return Bytes.i32(d, hdr + 8);
    }

    int pointerArray() {
        return hdr + headerSize();
    }

    /** Offset of cell {@code i}, checked to lie in the cell content area. */
    int cellOffset(int i) {
        return cellOffset(i, cellCount());
    }

    /** cellOffset(i) for a caller that knows the page's cell count, {@code cells}, already (a cursor on its leaf). */
    int cellOffset(int i, int cells) {
        int off = Bytes.u16(d, pointerArray() + 2L * i);
        if (off < pointerArray() + 2 * cells || off > usable - 4) {
            throw Corrupt.page(page.pgno, "cell " + i + " offset " + off + " out of bounds");
        }
        return off;
    }

    /** The left child pointer of interior cell {@code i}. */
    int leftChild(int i) {
        return Bytes.i32(d, cellOffset(i));
    }

    /** Child {@code i} of an interior page: cell i's left child, or the right child for i == cellCount. */
    int child(int i) {
        return i == cellCount() ? rightChild() : leftChild(i);
    }

    /** Rowid of a table cell (leaf or interior). */
    long rowid(int i) {
        int off = cellOffset(i);
        if (type == PageFormat.TABLE_INTERIOR) {
            return Varint.read(d, off + 4, usable);
        }
        int n = d.get(ValueLayout.JAVA_BYTE, off) >= 0 ? 1 : Varint.lengthAt(d, off, usable);
        return Varint.read(d, off + n, usable);
    }

    /** Where the payload of the cell at {@code off} is: its total size, the local part's offset and length. */
    CellInfo parse(int off) {
        return parse(d, off, type, usable, usable, page.pgno);
    }

    /**
     * Parses the cell at {@code off} of segment {@code d} (a page, or a cell
     * copied into an array) for a page of {@code type}, reading nothing at
     * or past {@code limit}.
     */
    static CellInfo parse(MemorySegment d, int off, int type, int usable, int limit, long pgno) {
        CellFields f = new CellFields();
        f.decode(d, off, type, usable, limit, pgno);
        return f.toInfo();
    }

    /** The size on a page of {@code type} of the cell held in {@code cell}. */
    static int cellSize(byte[] cell, int type, int usable) {
        return parse(MemorySegment.ofArray(cell), 0, type, usable, cell.length, 0).size();
    }

    /**
     * The size of the cell at {@code off}: an index cell whose payload is
     * under 128 bytes (one-byte length, no overflow) is sized from that
     * byte, as the balancer asks of every cell it moves; any other cell is
     * parsed.
     */
    int cellSizeAt(int off) {
        if (!isTable()) {
            int p = isLeaf() ? off : off + 4;
            if (p < usable) {
                int n = Bytes.u8(d, p);
                if (n < 0x80 && n <= PageFormat.maxLocal(usable, false)) {
                    int size = Math.max(4, p + 1 + n - off);
                    if (off + size <= usable) {
                        return size;
                    }
                }
            }
        }
        return parse(off).size();
    }

    CellInfo cell(int i) {
        return parse(cellOffset(i));
    }

    /** Decodes cell {@code i} into {@code f}, allocating nothing: what a cursor does on every row. */
    void cell(int i, CellFields f) {
        f.decode(d, cellOffset(i), type, usable, usable, page.pgno);
    }

    /** cell(i, f) when the page's cell count, {@code cells}, is known. */
    void cell(int i, int cells, CellFields f) {
        f.decode(d, cellOffset(i, cells), type, usable, usable, page.pgno);
    }

    int cellSize(int i) {
        return parse(cellOffset(i)).size();
    }

    /** A copy of cell {@code i}'s bytes (local part, overflow pointer included). */
    byte[] cellBytes(int i) {
        CellInfo c = cell(i);
        return d.asSlice(c.offset(), c.size()).toArray(ValueLayout.JAVA_BYTE);
    }

    /**
     * Free bytes on the page as its header and freeblock list tell them (the
     * gap, the freeblocks, the fragments), without parsing every cell: what
     * the balancer asks after each write, and an insert before it
     * defragments.
     */
    int freeBytes() {
        int free = contentStart() - (pointerArray() + 2 * cellCount()) + fragmented();
        int cur = firstFreeblock();
        int guard = 0;
        while (cur != 0) {
            if (++guard > usable / 4 || cur > usable - 4) {
                throw Corrupt.page(page.pgno, "bad freeblock list");
            }
            free += Bytes.u16(d, cur + 2);
            cur = Bytes.u16(d, cur);
        }
        return free;
    }

    /** Room a page of this kind and header offset has for cells and their pointers. */
    static int capacity(int usable, int hdr, int type) {
        return usable - hdr - PageFormat.headerSize(type);
    }

    /**
     * Inserts {@code cell} as cell number {@code i} if it fits in the page's
     * free space (defragmenting if needed); returns false if it does not fit.
     */
    boolean insertCell(int i, byte[] cell) {
        int n = cellCount();
        int len = cell.length;
        int ptrEnd = pointerArray() + 2 * n;
        int gap = contentStart() - ptrEnd;
        if (gap < 0) {
            throw Corrupt.page(page.pgno, "cell content area overlaps pointer array");
        }
        int off = -1;
        if (gap >= 2) {
            off = allocateFromFreeblocks(len, ptrEnd + 2);
        }
        if (off < 0) {
            if (gap >= len + 2) {
                off = contentStart() - len;
                setContentStart(off);
            } else if (freeBytes() >= len + 2) {
                defragment();
                off = contentStart() - len;
                if (off < ptrEnd + 2) {
                    throw Corrupt.page(page.pgno, "free space count inconsistent with cells");
                }
                setContentStart(off);
            } else {
                return false;
            }
        }
        MemorySegment.copy(MemorySegment.ofArray(cell), 0, d, off, len);
        int pa = pointerArray();
        MemorySegment.copy(d, pa + 2L * i, d, pa + 2L * i + 2, 2L * (n - i));
        Bytes.put16(d, pa + 2L * i, off);
        Bytes.put16(d, hdr + 3, n + 1);
        return true;
    }

    private void setContentStart(int off) {
        Bytes.put16(d, hdr + 5, off == 65536 ? 0 : off);
    }

    /** First-fit allocation from the freeblock list; -1 if no block is big enough. */
    private int allocateFromFreeblocks(int len, int minOffset) {
        int prev = hdr + 1;
        int cur = firstFreeblock();
        int guard = 0;
        while (cur != 0) {
            if (++guard > usable / 4 || cur < contentStart() || cur < minOffset || cur > usable - 4) {
                throw Corrupt.page(page.pgno, "bad freeblock list");
            }
            int size = Bytes.u16(d, cur + 2);
            if (cur + size > usable) {
                throw Corrupt.page(page.pgno, "freeblock past end of page");
            }
            if (size >= len) {
                int rest = size - len;
                if (rest < 4) {
                    int frag = fragmented() + rest;
                    if (frag > 60) {
                        return -1;
                    }
                    Bytes.put16(d, prev, Bytes.u16(d, cur));
                    Bytes.put8(d, hdr + 7, frag);
                    return cur;
                }
                Bytes.put16(d, cur + 2, rest);
                return cur + rest;
            }
            prev = cur;
            cur = Bytes.u16(d, cur);
        }
        return -1;
    }

    /**
     * Removes cell {@code i}, returning its space to the freeblock list;
     * with {@code zero} (PRAGMA secure_delete) its bytes are overwritten.
     */
    void dropCell(int i, boolean zero) {
        int n = cellCount();
        int off = cellOffset(i);
        int size = cellSize(i);
        if (zero) {
            d.asSlice(off, size).fill((byte) 0);
        }
        int pa = pointerArray();
        MemorySegment.copy(d, pa + 2L * i + 2, d, pa + 2L * i, 2L * (n - i - 1));
        Bytes.put16(d, hdr + 3, n - 1);
        freeSpace(off, size);
        if (fragmented() > 60) {
            defragment();
        }
    }

    private void freeSpace(int off, int size) {
        int prevLink = hdr + 1;
        int prev = 0;
        int cur = firstFreeblock();
        int guard = 0;
        while (cur != 0 && cur < off) {
            if (++guard > usable / 4) {
                throw Corrupt.page(page.pgno, "bad freeblock list");
            }
            prev = cur;
            prevLink = cur;
            cur = Bytes.u16(d, cur);
        }
        if (cur != 0 && (cur > usable - 4 || cur < off + size)) {
            throw Corrupt.page(page.pgno, "bad freeblock list");
        }
        int start = off;
        int end = off + size;
        int next = cur;
        int frag = fragmented();
        if (cur != 0 && cur - end <= 3) {
            frag -= cur - end;
            end = cur + Bytes.u16(d, cur + 2);
            next = Bytes.u16(d, cur);
        }
        if (prev != 0) {
            int prevEnd = prev + Bytes.u16(d, prev + 2);
            if (prevEnd > off) {
                throw Corrupt.page(page.pgno, "freeblocks overlap");
            }
            if (off - prevEnd <= 3) {
                frag -= off - prevEnd;
                start = prev;
                prevLink = findLinkTo(prev);
            }
        }
        if (frag < 0) {
            throw Corrupt.page(page.pgno, "fragment count inconsistent");
        }
        Bytes.put8(d, hdr + 7, frag);
        if (start <= contentStart()) {
            if (start < contentStart()) {
                throw Corrupt.page(page.pgno, "free space before content area");
            }
            setContentStart(end);
            Bytes.put16(d, prevLink, next);
        } else {
            Bytes.put16(d, start, next);
            Bytes.put16(d, start + 2, end - start);
            Bytes.put16(d, prevLink, start);
        }
    }

    private int findLinkTo(int block) {
        int link = hdr + 1;
        int cur = firstFreeblock();
        while (cur != block) {
            link = cur;
            cur = Bytes.u16(d, cur);
        }
        return link;
    }

    /** Moves every cell to the end of the page so that all free space is one gap. */
    void defragment() {
        int n = cellCount();
        int[] offs = new int[n];
        int[] sizes = new int[n];
        for (int i = 0; i < n; i++) {
            offs[i] = cellOffset(i);
            sizes[i] = cellSize(i);
        }
        byte[] copy = d.asSlice(0, usable).toArray(ValueLayout.JAVA_BYTE);
        MemorySegment src = MemorySegment.ofArray(copy);
        int top = usable;
        int pa = pointerArray();
        for (int i = 0; i < n; i++) {
            top -= sizes[i];
            if (top < pa + 2 * n) {
                throw Corrupt.page(page.pgno, "cells overlap");
            }
            MemorySegment.copy(src, offs[i], d, top, sizes[i]);
            Bytes.put16(d, pa + 2L * i, top);
        }
        d.asSlice(pa + 2L * n, top - (pa + 2L * n)).fill((byte) 0);
        Bytes.put16(d, hdr + 1, 0);
        setContentStart(top);
        Bytes.put8(d, hdr + 7, 0);
    }

    /** Whether cells (with their pointers) fit on a page of {@code type} at header offset {@code hdr}. */
    static boolean fits(int usable, int hdr, int type, CellList cells) {
        long need = 0;
        for (int i = 0; i < cells.size(); i++) {
            need += cells.length(i) + 2;
        }
        return need <= capacity(usable, hdr, type);
    }

    /**
     * Rewrites page {@code p} from scratch as a B-tree page holding cells
     * {@code from} to {@code to} of {@code cells}: the image (header to the
     * end of the usable space) is assembled on the heap, then copied to the
     * page at once.
     */
    static void write(Page p, int usable, int type, CellList cells, int from, int to, int rightChild) {
        int hdr = p.headerOffset();
        byte[] img = new byte[usable - hdr];
        int count = to - from;
        img[0] = (byte) type;
        img[3] = (byte) (count >>> 8);
        img[4] = (byte) count;
        if (!PageFormat.isLeaf(type)) {
            Bytes.put32(img, 8, rightChild);
        }
        int top = usable;
        int pa = PageFormat.headerSize(type);
        for (int i = from; i < to; i++) {
            int len = cells.length(i);
            top -= len;
            if (top - hdr < pa + 2 * count) {
                throw new TursoException(ResultCode.INTERNAL, "cells do not fit page " + p.pgno);
            }
            cells.copyTo(i, img, top - hdr);
            int ptr = pa + 2 * (i - from);
            img[ptr] = (byte) (top >>> 8);
            img[ptr + 1] = (byte) top;
        }
        int content = top == 65536 ? 0 : top;
        img[5] = (byte) (content >>> 8);
        img[6] = (byte) content;
        MemorySegment.copy(img, 0, p.data, ValueLayout.JAVA_BYTE, hdr, img.length);
    }

    /** Clears page {@code p} to an empty page header of {@code type} announcing {@code count} cells. */
    private static MemorySegment startPage(Page p, int usable, int type, int count, int rightChild) {
        int hdr = p.headerOffset();
        MemorySegment d = p.data;
        d.asSlice(hdr, usable - hdr).fill((byte) 0);
        Bytes.put8(d, hdr, type);
        Bytes.put16(d, hdr + 3, count);
        if (!PageFormat.isLeaf(type)) {
            Bytes.put32(d, hdr + 8, rightChild);
        }
        return d;
    }

    /** Rewrites page {@code p} from scratch as a B-tree page holding {@code cells}. */
    static void write(Page p, int usable, int type, List<byte[]> cells, int rightChild) {
        int hdr = p.headerOffset();
        MemorySegment d = startPage(p, usable, type, cells.size(), rightChild);
        int hs = PageFormat.headerSize(type);
        int top = usable;
        int pa = hdr + hs;
        for (int i = 0; i < cells.size(); i++) {
            byte[] c = cells.get(i);
            top -= c.length;
            MemorySegment.copy(MemorySegment.ofArray(c), 0, d, top, c.length);
            Bytes.put16(d, pa + 2L * i, top);
        }
        Bytes.put16(d, hdr + 5, top == 65536 ? 0 : top);
    }
}
