/*
 * The rows already seen by a DISTINCT (of a SELECT, or of an aggregate's
 * arguments): a row is new unless an equal one was added, equality being
 * SQLite's value comparison under each column's collating sequence, with
 * NULLs equal to each other, as DISTINCT treats them.
 */
package turso.vm;

import java.util.TreeSet;

final class DistinctSet {
    private final TreeSet<Register[]> seen;
    private final int width;

    DistinctSet(SortOrder order) {
        this.seen = new TreeSet<>(order::compare);
        this.width = order.keyCount();
    }

    /** Adds a copy of the row in {@code registers[first..]}; false if an equal row was there already. */
    boolean add(Register[] registers, int first) {
        Register[] row = new Register[width];
        for (int k = 0; k < width; k++) {
            row[k] = new Register();
            row[k].copyFrom(registers[first + k]);
        }
        return seen.add(row);
    }
}
