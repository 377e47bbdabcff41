/*
 * The rows a DELETE or UPDATE acts on, when they are gathered before any is
 * changed: their rowids kept in a sorter, then changed in the order the scan
 * met them when SQLite would change them in one pass (which decides which
 * error comes first), else in rowid order (the order of the RowSet SQLite
 * gathers them in when a RETURNING clause, a REPLACE, a new rowid or a
 * subquery rules its one pass out). With LIMIT (SQLite's DELETE / UPDATE ... ORDER BY ... LIMIT, which needs
 * LIMIT whenever ORDER BY is given) they are sorted by the ORDER BY, OFFSET
 * and LIMIT pick some, and those are then changed in rowid order, as SQLite
 * does (it runs such a statement as "WHERE rowid IN (SELECT rowid ... ORDER
 * BY ... LIMIT ...)"). A WITHOUT ROWID table's rows are kept in its PRIMARY
 * KEY's order instead (SQLite gathers their keys in an index): the key
 * columns are kept before the stand-in rowid, and sort it.
 */
package turso.planner;

import java.util.List;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.Collation;
import turso.parser.ast.Expr;
import turso.parser.ast.Limit;
import turso.parser.ast.OrderingTerm;
import turso.vm.Op;
import turso.vm.ProgramBuilder;
import turso.vm.SortOrder;

final class PickedRows {
    private final ProgramBuilder b;
    private final ExprCompiler exprs;
    private final List<OrderingTerm> orderBy;
    private final Limit limit;
    private final int sorter;
    private final boolean onePass;
    /** With LIMIT: the picked rowids, in rowid order. */
    private final int picked;
    private int limitRegister;
    private int offsetRegister;
    /** The WITHOUT ROWID table whose key orders the rows, or null (rowid order). */
    private Table keyed;
    private turso.vm.FunctionRegistry functions;

    /**
     * {@code statement} ("DELETE" or "UPDATE") names the statement in
     * SQLite's error; {@code onePass}: whether SQLite would change the rows
     * as its scan meets them.
     */
    PickedRows(ProgramBuilder b, ExprCompiler exprs, List<OrderingTerm> orderBy, Limit limit, String statement,
            boolean onePass) {
        if (!orderBy.isEmpty() && limit == null) {
            throw new TursoException(ResultCode.ERROR, "ORDER BY without LIMIT on " + statement);
        }
        this.b = b;
        this.exprs = exprs;
        this.orderBy = orderBy;
        this.limit = limit;
        this.sorter = b.newCursor();
        this.picked = limit == null ? -1 : b.newCursor();
        this.onePass = onePass;
    }

    /**
     * Whether SQLite changes the rows of a DELETE or UPDATE in one pass, in
     * scan order: not when RETURNING (a trigger to SQLite) or a subquery in
     * WHERE is there, nor ({@code mayMove}) when a rowid may change or
     * REPLACE may delete rows.
     */
    static boolean onePass(List<?> returning, Expr where, boolean mayMove) {
        boolean[] subquery = {false};
        ExprWalker.walk(where, e -> {
            if (e instanceof Expr.Subquery || e instanceof Expr.Exists || e instanceof Expr.InSelect) {
                subquery[0] = true;
            }
            return true;
        });
        return returning.isEmpty() && !subquery[0] && !mayMove;
    }

    /** Keeps the rows of WITHOUT ROWID table {@code table} in its key's order (call before open). */
    void orderByKeyOf(Table table, turso.vm.FunctionRegistry functions) {
        if (table.withoutRowid()) {
            this.keyed = table;
            this.functions = functions;
        }
    }

    /** How many key columns are kept before the rowid: those of a WITHOUT ROWID table's key, else none. */
    private int keyWidth() {
        return keyed == null ? 0 : keyed.primaryKey().parts().size();
    }

    /** Opens the sorter and evaluates LIMIT and OFFSET; a LIMIT of 0 jumps to {@code done}. */
    void open(int done) {
        int n = orderBy.size();
        Collation[] collations = new Collation[n];
        boolean[] descending = new boolean[n];
        boolean[] nullsFirst = new boolean[n];
        for (int k = 0; k < n; k++) {
            OrderingTerm term = orderBy.get(k);
            collations[k] = exprs.sortCollation(term.expr());
            descending[k] = term.order() == OrderingTerm.SortOrder.DESC;
            nullsFirst[k] = switch (term.nulls()) {
                case FIRST -> true;
                case LAST -> false;
                case NONE -> !descending[k];
            };
        }
        SortOrder order = n > 0 ? new SortOrder(collations, descending, nullsFirst)
                : onePass ? new SortOrder(new Collation[0], new boolean[0], new boolean[0]) : byRowid();
        b.emit(Op.SORTER_OPEN, sorter, 0, 0, order, 0);
        if (limit != null) {
            limitRegister = exprs.compile(limit.limit());
            b.emit(Op.MUST_BE_INT, limitRegister, 0, 0);
            b.emit(Op.IF_NOT, limitRegister, done, 0);
            if (limit.offset() != null) {
                offsetRegister = exprs.compile(limit.offset());
                b.emit(Op.MUST_BE_INT, offsetRegister, 0, 0);
            }
        }
    }

    /** The order of rowids alone, ascending; of a WITHOUT ROWID table's keys, in the key's order. */
    private SortOrder byRowid() {
        if (keyed != null) {
            return WithoutRowid.keyOrder(functions, keyed);
        }
        return new SortOrder(new Collation[] {exprs.functions().collation("BINARY")}, new boolean[] {false},
                new boolean[] {true});
    }

    /** Keeps the row {@code cursor} stands on: its ORDER BY keys, then its rowid. */
    void add(int cursor) {
        int n = orderBy.size();
        int width = keyWidth();
        int block = b.newRegisters(n + width + 1);
        for (int k = 0; k < n; k++) {
            Expr e = orderBy.get(k).expr();
            exprs.compileInto(e instanceof Expr.Collate c ? c.expr() : e, block + k);
        }
        for (int p = 0; p < width; p++) {
            b.emit(Op.COLUMN, cursor, p, block + n + p);
        }
        b.emit(Op.ROWID, cursor, block + n + width, 0);
        b.emit(Op.SORTER_INSERT, sorter, block, n + width + 1);
    }

    /** Sorts the kept rows (jumping to {@code done} when there are none); returns where each row's code starts. */
    int sort(int done) {
        b.emit(Op.SORTER_SORT, sorter, done, 0);
        if (limit == null) {
            return b.currentAddress();
        }
        b.emit(Op.SORTER_OPEN, picked, 0, 0, byRowid(), 0);
        int width = keyWidth();
        int rowid = b.newRegisters(width + 1);
        int all = b.newLabel();
        int loop = b.currentAddress();
        int skip = b.newLabel();
        if (offsetRegister != 0) {
            b.emit(Op.IF_POS, offsetRegister, skip, 1);
        }
        for (int p = 0; p <= width; p++) {
            b.emit(Op.SORTER_COLUMN, sorter, orderBy.size() + p, rowid + p);
        }
        b.emit(Op.SORTER_INSERT, picked, rowid, width + 1);
        b.emit(Op.DECR_JUMP_ZERO, limitRegister, all, 0);
        b.resolve(skip);
        b.emit(Op.SORTER_NEXT, sorter, loop, 0);
        b.resolve(all);
        b.emit(Op.SORTER_SORT, picked, done, 0);
        return b.currentAddress();
    }

    /** The current row's rowid into {@code rowid}. */
    void read(int rowid) {
        if (limit == null) {
            b.emit(Op.SORTER_COLUMN, sorter, orderBy.size() + keyWidth(), rowid);
        } else {
            b.emit(Op.SORTER_COLUMN, picked, keyWidth(), rowid);
        }
    }

    /** Moves to the next row, whose code starts at {@code each}. */
    void next(int each) {
        b.emit(Op.SORTER_NEXT, limit == null ? sorter : picked, each, 0);
    }
}
