/*
 * Constants of the B-tree page format (fileformat2 §1.6): page types, header
 * sizes, and SQLite's local-payload thresholds that decide how much of a
 * cell's payload stays on the page and how much spills to overflow pages.
 */
package turso.btree;

final class PageFormat {

    static final int INDEX_INTERIOR = 2;
    static final int TABLE_INTERIOR = 5;
    static final int INDEX_LEAF = 10;
    static final int TABLE_LEAF = 13;

    /** B-tree depth limit: SQLite's BTCURSOR_MAX_DEPTH. */
    static final int MAX_DEPTH = 20;

    private PageFormat() {
    }

    static boolean isValidType(int t) {
        return t == INDEX_INTERIOR || t == TABLE_INTERIOR || t == INDEX_LEAF || t == TABLE_LEAF;
    }

    static boolean isLeaf(int t) {
        return t == INDEX_LEAF || t == TABLE_LEAF;
    }

    static boolean isTable(int t) {
        return t == TABLE_LEAF || t == TABLE_INTERIOR;
    }

    static int headerSize(int t) {
        return isLeaf(t) ? 8 : 12;
    }

    static int leafType(boolean table) {
        return table ? TABLE_LEAF : INDEX_LEAF;
    }

    static int interiorType(boolean table) {
        return table ? TABLE_INTERIOR : INDEX_INTERIOR;
    }

    static int maxLocal(int usable, boolean tableLeaf) {
        return tableLeaf ? usable - 35 : (usable - 12) * 64 / 255 - 23;
    }

    static int minLocal(int usable) {
        return (usable - 12) * 32 / 255 - 23;
    }

    /** Bytes of a payload of {@code size} bytes kept on the page. */
    static int localSize(long size, int usable, boolean tableLeaf) {
        int max = maxLocal(usable, tableLeaf);
        if (size <= max) {
            return (int) size;
        }
        int min = minLocal(usable);
        long k = min + (size - min) % (usable - 4);
        return k <= max ? (int) k : min;
    }
}
