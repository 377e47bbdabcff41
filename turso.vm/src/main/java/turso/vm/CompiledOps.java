/*
 * The parts of instructions that compiled programs (ProgramCompiler) call
 * rather than spell out in bytecode: each does what the interpreter's case
 * for the same opcode does in Vm.run(), on state the compiled code passes in.
 */
package turso.vm;

import turso.btree.BTreeCursor;
import turso.btree.KeyInfo;
import turso.btree.Record;
import turso.btree.SeekOp;
import turso.btree.Storage;

final class CompiledOps {
    private CompiledOps() {
    }

    /** IF_POS: whether to jump; subtracts {@code step} from a positive value. */
    static boolean ifPos(Register v, int step) {
        if (v.longValue() > 0) {
            v.setLong(v.longValue() - step);
            return true;
        }
        return false;
    }

    /** DECR_JUMP_ZERO: whether to jump; counts a positive value down by one. */
    static boolean decrJumpZero(Register v) {
        if (v.longValue() > 0) {
            v.setLong(v.longValue() - 1);
            return v.longValue() == 0;
        }
        return false;
    }

    /** IS_TRUE (p3 = 0) and IS FALSE (p3 = 1): 1 or 0, NULL giving 0. */
    static void isTrue(Register v, int p3, Register out) {
        boolean truth = !v.isNull() && v.isTrue() == (p3 == 0);
        out.setLong(truth ? 1 : 0);
    }

    /** SORTER_BOUND: {@code offset} is null when the instruction has none. */
    static void sorterBound(Sorter sorter, Register limit, Register offset) {
        long n = limit.longValue();
        long skip = offset == null ? 0 : Math.max(0, offset.longValue());
        if (n >= 0) {
            sorter.bound(n + skip);
        }
    }

    /** IDX_ROWID of a rowid index entry: its last field. */
    static long lastField(Record key) {
        return key.getLong(key.columnCount() - 1);
    }

    /** SEEK_ROWID on a table with rowids: whether the cursor found the row whose rowid {@code key} holds exactly. */
    static boolean seekRowid(BTreeCursor cursor, Register key) {
        Long rowid = Rowids.exact(key);
        return rowid != null && cursor.seek(rowid, SeekOp.EQ);
    }

    /**
     * OPEN_READ / OPEN_WRITE once the cursor slot is closed: opens cursor
     * {@code c}, or returns true when it must be opened on an empty table
     * (reading a database that has no page yet).
     */
    static boolean openCursor(Storage storage, BTreeCursor[] cursors, KeyInfo[] keyInfos, int[][] rowKeys, int c,
            int root, Object p4, boolean write) {
        if (p4 instanceof KeyInfo keyInfo) {
            cursors[c] = storage.openIndexCursor(root, keyInfo);
            keyInfos[c] = keyInfo;
        } else if (p4 instanceof RowKey rowKey) {
            cursors[c] = storage.openIndexCursor(root, rowKey.keyInfo());
            keyInfos[c] = rowKey.keyInfo();
            rowKeys[c] = rowKey.columns();
        } else if (!write && storage.pageCount() == 0) {
            return true;
        } else {
            cursors[c] = storage.openTableCursor(root);
            keyInfos[c] = null;
        }
        return false;
    }
}
