/*
 * The virtual table cursors of a running program, numbered like the
 * B-tree cursors (a cursor number is one or the other), and the calls the
 * VM makes on them and on their tables: the VOPEN, VFILTER, VNEXT and
 * VUPDATE opcodes, and COLUMN and ROWID when they name a virtual cursor.
 * A module's error reported through FunctionResult.setError fails the
 * statement as a function's does.
 */
package turso.vm;

import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.VirtualCursor;
import turso.api.spi.VirtualTable;

final class VirtualCursors {
    private final VirtualCursor[] cursors;
    private final RegisterArguments arguments = new RegisterArguments();
    private final RegisterResult result = new RegisterResult();

    VirtualCursors(int count) {
        this.cursors = new VirtualCursor[count];
    }

    boolean isVirtual(int c) {
        return cursors[c] != null;
    }

    void open(int c, VirtualTable table) {
        close(c);
        cursors[c] = table.open();
    }

    /** Starts the scan; false when it has no row. */
    boolean filter(int c, VirtualFilter plan, Register[] registers, int first) {
        cursors[c].filter(plan.planNumber(), plan.planString(),
                arguments.bind(registers, first, plan.argumentCount()));
        return !cursors[c].eof();
    }

    /** Moves to the next row; false at the end. */
    boolean next(int c) {
        cursors[c].next();
        return !cursors[c].eof();
    }

    void column(int c, int column, Register out) {
        result.reset(out);
        cursors[c].column(column, result);
        result.throwIfError();
    }

    long rowid(int c) {
        return cursors[c].rowid();
    }

    /**
     * xUpdate with SQLite's argument layout: {@code count} registers from
     * {@code first}: old rowid, then new rowid and the columns. Returns the
     * rowid of an inserted row, else null.
     */
    Long update(VirtualTable table, Register[] registers, int first, int count) {
        Register old = registers[first];
        if (count == 1) {
            table.delete(rowid(old));
            return null;
        }
        Register newRowid = registers[first + 1];
        RegisterArguments columns = new RegisterArguments(registers, first + 2, count - 2);
        if (old.isNull()) {
            return table.insert(newRowid.isNull() ? null : rowid(newRowid), columns);
        }
        long oldRowid = rowid(old);
        table.update(oldRowid, newRowid.isNull() ? oldRowid : rowid(newRowid), columns);
        return null;
    }

    private static long rowid(Register r) {
        Long rowid = Rowids.exact(r);
        if (rowid == null) {
            throw new TursoException(ResultCode.MISMATCH, "datatype mismatch");
        }
        return rowid;
    }

    void close(int c) {
        if (cursors[c] != null) {
            VirtualCursor cursor = cursors[c];
            cursors[c] = null;
            cursor.close();
        }
    }
}
