/*
 * ORDER BY ... LIMIT without an index keeps a bounded sorter, and a row
 * whose sort keys cannot make the top N is dropped (Op.SORTER_SKIP) before
 * the rest of its result columns are computed. That is only invisible when
 * computing them could neither fail nor have an effect: this decides it
 * from the instructions compiled for them.
 */
package turso.planner;

import turso.vm.Op;
import turso.vm.ProgramBuilder;

final class TopRows {

    private TopRows() {
    }

    /**
     * Whether the instructions from {@code from} to the end only read
     * columns, rowids, parameters and constants, in a program that opens no
     * virtual table (whose columns a module computes).
     */
    static boolean onlyReads(ProgramBuilder b, int from) {
        for (int addr = 0; addr < from; addr++) {
            if (b.opAt(addr) == Op.VOPEN) {
                return false;
            }
        }
        for (int addr = from; addr < b.currentAddress(); addr++) {
            switch (b.opAt(addr)) {
                case Op.COLUMN, Op.ROWID, Op.IDX_ROWID, Op.VARIABLE, Op.INTEGER, Op.INT64, Op.REAL, Op.STRING8,
                        Op.BLOB, Op.NULL, Op.COPY -> {
                }
                default -> {
                    return false;
                }
            }
        }
        return true;
    }
}
