/*
 * The rows of an ORDER BY, held in memory and sorted once all are in: each
 * row is a copy of a run of registers whose first values are the sort keys.
 * The sort is stable, so rows with equal keys keep the order they came in.
 * Registers share their bytes safely, as a register never changes the bytes
 * it points to. Spilling to disk for large sorts is still to come.
 */
package turso.vm;

import java.util.ArrayList;
import java.util.List;

final class Sorter {
    private final SortOrder order;
    private final List<Register[]> rows = new ArrayList<>();
    private int current = -1;

    Sorter(SortOrder order) {
        this.order = order;
    }

    void insert(Register[] registers, int first, int count) {
        Register[] row = new Register[count];
        for (int k = 0; k < count; k++) {
            row[k] = new Register();
            row[k].copyFrom(registers[first + k]);
        }
        rows.add(row);
    }

    /** Sorts and moves to the first row; false if there is none. */
    boolean sort() {
        rows.sort(order::compare);
        current = 0;
        return !rows.isEmpty();
    }

    boolean next() {
        return ++current < rows.size();
    }

    Register column(int k) {
        return rows.get(current)[k];
    }
}
