/*
 * AUTOINCREMENT for INSERT (autoinc.html): the table's row of sqlite_sequence
 * is read when the statement starts, every rowid the statement meets (given or
 * chosen, even for a row then ignored) raises the remembered largest one, new
 * rowids are chosen above it so that none is ever reused, and the row is
 * written back (created if missing) when the statement ends, as SQLite does.
 */
package turso.planner;

import java.nio.charset.StandardCharsets;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.vm.Affinity;
import turso.vm.CompareOp;
import turso.vm.Comparison;
import turso.vm.FunctionRegistry;
import turso.vm.Op;
import turso.vm.ProgramBuilder;

final class Autoincrement {
    /** The name of the table that keeps the largest rowid of each AUTOINCREMENT table. */
    static final String SEQUENCE = "sqlite_sequence";

    private final ProgramBuilder b;
    private final FunctionRegistry functions;
    private final int cursor;
    /** Two registers: the table's name, then the largest rowid (the sqlite_sequence record). */
    private final int row;
    private final int sequenceRowid;

    private Autoincrement(ProgramBuilder b, FunctionRegistry functions) {
        this.b = b;
        this.functions = functions;
        this.cursor = b.newCursor();
        this.row = b.newRegisters(2);
        this.sequenceRowid = b.newRegister();
    }

    /**
     * Reads {@code table}'s largest rowid from sqlite_sequence (inside the
     * write transaction); null when the table is not AUTOINCREMENT.
     */
    static Autoincrement start(ProgramBuilder b, FunctionRegistry functions, Schema schema, Table table) {
        if (!table.autoincrement()) {
            return null;
        }
        Table sequence = schema.table(schema.databaseName(table.db()), SEQUENCE);
        if (sequence == null) {
            throw new TursoException(ResultCode.CORRUPT, "database disk image is malformed");
        }
        Autoincrement a = new Autoincrement(b, functions);
        b.emit(Op.OPEN_WRITE, a.cursor, sequence.rootPage(), sequence.db());
        b.comment(SEQUENCE);
        b.emit(Op.STRING8, 0, a.row, 0, table.name().getBytes(StandardCharsets.UTF_8), 0);
        b.emit(Op.INTEGER, 0, a.row + 1, 0);
        b.emit(Op.NULL, 0, a.sequenceRowid, 0);
        int done = b.newLabel();
        int name = b.newRegister();
        int same = b.newRegister();
        b.emit(Op.REWIND, a.cursor, done, 0);
        int loop = b.currentAddress();
        int next = b.newLabel();
        b.emit(Op.COLUMN, a.cursor, 0, name);
        b.emit(Op.COMPARE, name, a.row, same, new Comparison(CompareOp.EQ, Affinity.NONE,
                functions.collation("BINARY")), 0);
        b.emit(Op.IF_NOT, same, next, 1);
        b.emit(Op.COLUMN, a.cursor, 1, a.row + 1);
        b.emit(Op.ROWID, a.cursor, a.sequenceRowid, 0);
        b.emit(Op.GOTO, 0, done, 0);
        b.resolve(next);
        b.emit(Op.NEXT, a.cursor, loop, 0);
        b.resolve(done);
        return a;
    }

    /** A new rowid for {@code tableCursor}'s table into {@code target}, above every rowid it ever had. */
    void newRowid(int tableCursor, int target) {
        b.emit(Op.NEW_ROWID, tableCursor, target, row + 1, null, 1);
    }

    /** Raises the largest rowid to {@code rowid} (an integer register) when it is larger. */
    void observe(int rowid) {
        int larger = b.newRegister();
        int keep = b.newLabel();
        b.emit(Op.COMPARE, rowid, row + 1, larger, new Comparison(CompareOp.GT, Affinity.NONE,
                functions.collation("BINARY")), 0);
        b.emit(Op.IF_NOT, larger, keep, 1);
        b.emit(Op.COPY, rowid, row + 1, 0);
        b.resolve(keep);
    }

    /** Writes the table's row of sqlite_sequence back, creating it the first time. */
    void finish() {
        int record = b.newRegister();
        int have = b.newLabel();
        b.emit(Op.NOT_NULL, sequenceRowid, have, 0);
        b.emit(Op.NEW_ROWID, cursor, sequenceRowid, 0);
        b.resolve(have);
        b.emit(Op.MAKE_RECORD, row, 2, record);
        b.emit(Op.INSERT, cursor, record, sequenceRowid);
    }
}
