/*
 * The rows of an ORDER BY, held in memory and sorted once all are in: each
 * row is a copy of a run of registers whose first values are the sort keys.
 * With no keys it is a plain buffer of rows, which compound SELECTs combine.
 * The sort is stable, so rows with equal keys keep the order they came in.
 * Registers share their bytes safely, as a register never changes the bytes
 * it points to. Spilling to disk for large sorts is still to come.
 */
package turso.vm;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

final class Sorter {
    private final SortOrder order;
    private final List<Register[]> rows = new ArrayList<>();
    private int current = -1;
    /** How many rows, first in sort order, are wanted (top-N); 0 for all. */
    private long bound;
    /** Under a bound, the last row kept by the latest trim: a row not sorting before it cannot make the top N. */
    private Register[] worstKept;

    Sorter(SortOrder order) {
        this.order = order;
    }

    void insert(Register[] registers, int first, int count) {
        if (cannotEnter(registers, first)) {
            return;
        }
        Register[] row = new Register[count];
        for (int k = 0; k < count; k++) {
            row[k] = new Register();
            row[k].copyFrom(registers[first + k]);
        }
        rows.add(row);
        if (bound > 0 && rows.size() >= 2 * bound + 64) {
            trim();
        }
    }

    /** Whether a row whose sort keys start at {@code registers[first]} would be dropped under the bound. */
    boolean cannotEnter(Register[] registers, int first) {
        return worstKept != null && order.compare(registers, first, worstKept) >= 0;
    }

    /**
     * Keeps only the first {@code n} rows in sort order from now on (ORDER BY
     * ... LIMIT): the rows are sorted and cut whenever they reach twice that
     * many, so a top-N sort holds O(n) rows. The sort being stable, the rows
     * kept are those a full sort would give first; and a row arriving later
     * that does not sort strictly before the last one kept is dropped
     * without being copied (a stable sort would put it after that one).
     */
    void bound(long n) {
        bound = Math.max(n, 1);
    }

    private void trim() {
        rows.sort(order::compare);
        rows.subList((int) Math.min(bound, rows.size()), rows.size()).clear();
        if (rows.size() == bound) {
            worstKept = rows.getLast();
        }
    }

    /** Sorts and moves to the first row; false if there is none. */
    boolean sort() {
        rows.sort(order::compare);
        current = 0;
        return !rows.isEmpty();
    }

    /** Whether a sorted row's first value equals {@code value} (a binary search; after sort()). */
    boolean contains(Register value) {
        Register[] probe = {value};
        int lo = 0;
        int hi = rows.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = order.compare(rows.get(mid), probe);
            if (c == 0) {
                return true;
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return false;
    }

    /** How COMBINE merges another sorter's rows into this one's. */
    enum Combine { UNION_ALL, UNION, EXCEPT, INTERSECT }

    /**
     * Merges {@code other}'s rows into this one's as a compound SELECT does:
     * UNION ALL appends; the others leave distinct rows (equal as {@code
     * distinct} compares them) in its order, as SQLite's temporary B-tree
     * leaves them, where a row replaces an equal one inserted before it (so
     * 'y' wins over 'Y' under NOCASE when it comes later, as in SQLite).
     */
    void combine(Sorter other, Combine how, SortOrder distinct) {
        if (how == Combine.UNION_ALL) {
            rows.addAll(other.rows);
            return;
        }
        TreeSet<Register[]> result = new TreeSet<>(distinct::compare);
        rows.forEach(row -> replace(result, row));
        switch (how) {
            case UNION -> other.rows.forEach(row -> replace(result, row));
            case EXCEPT -> other.rows.forEach(result::remove);
            case INTERSECT -> {
                TreeSet<Register[]> right = new TreeSet<>(distinct::compare);
                right.addAll(other.rows);
                result.removeIf(row -> !right.contains(row));
            }
            case UNION_ALL -> throw new IllegalStateException();
        }
        rows.clear();
        rows.addAll(result);
    }

    private static void replace(TreeSet<Register[]> set, Register[] row) {
        set.remove(row);
        set.add(row);
    }

    /** The rows as they stand, for Op.WINDOW to extend in place. */
    List<Register[]> rows() {
        return rows;
    }

    boolean next() {
        return ++current < rows.size();
    }

    Register column(int k) {
        return rows.get(current)[k];
    }
}
