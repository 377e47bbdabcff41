/*
 * The code of one table's loop in a join, for its AccessPath: where the
 * loop starts (a rewind, a rowid lookup, an index seek past any NULLs it
 * must not see), the checks at the top of each pass (past the end of a range
 * or of the equal entries: the loop is over; an index entry: the table's row
 * it points to), and the step to the next row. Values that drive a seek are
 * computed once, before the loop, with the affinity their comparison gives
 * them; a NULL among them matches nothing. A WITHOUT ROWID table's PRIMARY
 * KEY path walks the table's own cursor, whose entries are the rows.
 */
package turso.planner;

import java.util.List;
import turso.vm.Affinity;
import turso.vm.CompareOp;
import turso.vm.Comparison;
import turso.vm.FunctionRegistry;
import turso.vm.Op;
import turso.vm.ProgramBuilder;

final class ScanLoop {
    private final ProgramBuilder b;
    private final ExprCompiler exprs;
    private final FunctionRegistry functions;
    private final Scope scope;
    private final AccessPath path;
    /** The index cursor of an index path, else -1. */
    private final int indexCursor;
    private final boolean reverse;
    private Runnable refill;
    /** Whether the query reads the table's columns from the index alone (a covering index). */
    private boolean covering;
    /** Registers holding the key that ends the range (index) or the upper rowid, or -1. */
    private int endKey = -1;
    private int endCount;
    private int endOp;
    /** For a rowid range: how the rowid compares with endKey once the loop is past the range. */
    private CompareOp rowidPast;
    /** For x IN (...): the sorter of the values, where the next value's pass starts, and the label that moves to it. */
    private int values = -1;
    private int valueTop;
    private int nextValue;

    ScanLoop(ProgramBuilder b, ExprCompiler exprs, FunctionRegistry functions, Scope scope, AccessPath path) {
        this(b, exprs, functions, scope, path, false);
    }

    /** A loop that runs backwards when {@code reverse} (a whole-table scan, a rowid range or IN list, an index path). */
    ScanLoop(ProgramBuilder b, ExprCompiler exprs, FunctionRegistry functions, Scope scope, AccessPath path,
            boolean reverse) {
        this.reverse = reverse;
        this.b = b;
        this.exprs = exprs;
        this.functions = functions;
        this.scope = scope;
        this.path = path;
        this.indexCursor = path instanceof AccessPath.IndexRange i
                ? (WithoutRowid.isPrimaryKey(scope.table(), i.index()) ? scope.cursor() : b.newCursor()) : -1;
    }

    AccessPath path() {
        return path;
    }

    Scope scope() {
        return scope;
    }

    /** Reads the table's columns from the index of an index path, never the table (the index covers the query). */
    void readFromIndex() {
        if (indexCursor == scope.cursor()) {
            return;
        }
        AccessPath.IndexRange range = (AccessPath.IndexRange) path;
        covering = true;
        exprs.readFromIndex(scope.cursor(), indexCursor, WithoutRowid.entryIndex(scope.table(), range.index()),
                scope.table().columns().size());
    }

    /** What EXPLAIN QUERY PLAN says of this loop. */
    String describe() {
        String plan = path.describe(scope);
        return covering ? plan.replace(" USING INDEX ", " USING COVERING INDEX ")
                .replace(" USING AUTOMATIC INDEX", " USING AUTOMATIC COVERING INDEX")
                .replace(" USING AUTOMATIC PARTIAL INDEX", " USING AUTOMATIC PARTIAL COVERING INDEX") : plan;
    }

    /** The table stands on a row of NULLs (the unmatched side of a LEFT JOIN) until it moves. */
    void nullRow() {
        b.emit(Op.NULL_ROW, scope.cursor(), 0, 0);
        if (indexCursor >= 0 && indexCursor != scope.cursor()) {
            b.emit(Op.NULL_ROW, indexCursor, 0, 0);
        }
    }

    /** Opens the table's cursor (for writing if {@code write}) and its index's, for reading. */
    void open(boolean write) {
        if (path instanceof AccessPath.Virtual v) {
            b.emit(Op.VOPEN, scope.cursor(), 0, 0, v.request().source().vtab(), 0);
            b.comment(scope.table().name());
        } else if (scope.table().rootPage() != Table.EPHEMERAL) {
            b.emit(write ? Op.OPEN_WRITE : Op.OPEN_READ, scope.cursor(), scope.table().rootPage(), scope.table().db(),
                    WithoutRowid.tableKey(scope.table(), functions), 0);
            b.comment(scope.table().name());
        }
        openIndex();
    }

    /** Opens the index cursor of an index path, for a table cursor the caller opened. */
    void openIndex() {
        if (path instanceof AccessPath.IndexRange i && i.index().rootPage() == Table.EPHEMERAL) {
            fillAutomaticIndex(i.index());
        } else if (path instanceof AccessPath.IndexRange i && indexCursor != scope.cursor()) {
            b.emit(Op.OPEN_READ, indexCursor, i.index().rootPage(), scope.table().db(),
                    WithoutRowid.indexKey(scope.table(), i.index(), functions), 0);
            b.comment(i.index().name());
        }
    }

    /**
     * Builds an automatic index: one entry per row of the table, or per row
     * that passes the condition of a partial one (read through
     * the table's cursor, which the loop positions again afterwards). Once per
     * run of the statement where the rows cannot change meanwhile (a table of
     * the database, read by a statement that writes nothing); else each time
     * the loop opens, as a temporary table made of a correlated subquery's
     * rows is filled again each time.
     */
    private void fillAutomaticIndex(Index index) {
        int built = b.newLabel();
        if (scope.table().rootPage() != Table.EPHEMERAL && !b.writes()) {
            b.emit(Op.ONCE, 0, built, 0);
        }
        b.emit(Op.OPEN_EPHEMERAL, indexCursor, 0, 0, IndexMaintenance.keyInfo(index, functions), 0);
        b.comment("automatic index on " + scope.table().name());
        int n = index.parts().size();
        int key = b.newRegisters(n + 1);
        int record = b.newRegister();
        b.emit(Op.REWIND, scope.cursor(), built, 0);
        int top = b.currentAddress();
        int skip = b.newLabel();
        if (index.where() != null) {
            // the row's columns from the table itself: the loop's reads of them go to the index
            ExprCompiler row = new ExprCompiler(b, functions);
            row.setScopes(List.of(new Scope(scope.table(), scope.name(), scope.cursor(), java.util.Set.of())));
            b.emit(Op.IF_NOT, row.compile(index.where()), skip, 1);
        }
        for (int p = 0; p < n; p++) {
            GeneratedColumns.readColumn(b, functions, scope.table(), scope.cursor(), index.parts().get(p).column(),
                    key + p);
        }
        b.emit(Op.ROWID, scope.cursor(), key + n, 0);
        b.emit(Op.MAKE_RECORD, key, n + 1, record);
        b.emit(Op.IDX_INSERT, indexCursor, record, 0);
        b.resolve(skip);
        b.emit(Op.NEXT, scope.cursor(), top, 0);
        b.resolve(built);
    }

    /** Code that fills the table anew before each pass (a table-valued function), or null. */
    void refillWith(Runnable refill) {
        this.refill = refill;
    }

    /** Positions on the first candidate row, or jumps to {@code exhausted}. */
    void start(int exhausted) {
        if (refill != null) {
            refill.run();
        }
        switch (path) {
            case AccessPath.FullScan f -> b.emit(reverse ? Op.LAST : Op.REWIND, scope.cursor(), exhausted, 0);
            case AccessPath.RowidEq eq -> {
                int value = exprs.compile(eq.value());
                b.emit(Op.SEEK_ROWID, scope.cursor(), exhausted, value);
            }
            case AccessPath.RowidIn in -> {
                int rowid = eachValue(in.values(), Affinity.NUMERIC, functions.collation("BINARY"), reverse, exhausted);
                b.emit(Op.SEEK_ROWID, scope.cursor(), nextValue, rowid);
            }
            case AccessPath.RowidRange range -> {
                int upper = range.upper() == null ? -1 : value(range.upper().value(), Affinity.NONE, exhausted);
                int lower = range.lower() == null ? -1 : value(range.lower().value(), Affinity.NONE, exhausted);
                if (reverse) {
                    endKey = lower;
                    rowidPast = range.lower() == null ? null : range.lower().inclusive() ? CompareOp.LT : CompareOp.LE;
                    if (upper >= 0) {
                        b.emit(range.upper().inclusive() ? Op.SEEK_LE : Op.SEEK_LT, scope.cursor(), exhausted, upper, 1, 0);
                    } else {
                        b.emit(Op.LAST, scope.cursor(), exhausted, 0);
                    }
                } else {
                    endKey = upper;
                    rowidPast = range.upper() == null ? null : range.upper().inclusive() ? CompareOp.GT : CompareOp.GE;
                    if (lower >= 0) {
                        b.emit(range.lower().inclusive() ? Op.SEEK_GE : Op.SEEK_GT, scope.cursor(), exhausted, lower, 1, 0);
                    } else {
                        b.emit(Op.REWIND, scope.cursor(), exhausted, 0);
                    }
                }
            }
            case AccessPath.IndexRange i -> startIndex(i, exhausted);
            case AccessPath.Virtual v -> {
                int arguments = b.newRegisters(Math.max(1, v.arguments().size()));
                for (int k = 0; k < v.arguments().size(); k++) {
                    exprs.compileInto(v.arguments().get(k), arguments + k);
                }
                b.emit(Op.VFILTER, scope.cursor(), exhausted, arguments, new turso.vm.VirtualFilter(
                        v.plan().planNumber(), v.plan().planString(), v.arguments().size()), 0);
            }
        }
    }

    private void startIndex(AccessPath.IndexRange i, int exhausted) {
        int n = i.equal().size();
        boolean ranged = i.lower() != null || i.upper() != null;
        boolean descending = ranged && i.index().parts().get(n).descending();
        AccessPath.Bound first = descending ? i.upper() : i.lower();
        AccessPath.Bound last = descending ? i.lower() : i.upper();
        int key = b.newRegisters(n + 1);
        int computed = i.in() == null ? n : n - 1;
        for (int p = 0; p < computed; p++) {
            exprs.compileInto(i.equal().get(p), key + p);
            affinity(key + p, i.affinities().get(p));
            b.emit(Op.IS_NULL, key + p, exhausted, 0);
        }
        if (i.in() != null) {
            Index.Part part = i.index().parts().get(n - 1);
            int value = eachValue(i.in(), i.affinities().get(n - 1), functions.collation(part.collation()),
                    part.descending() != reverse, exhausted);
            b.emit(Op.COPY, value, key + n - 1, 0);
            endKey = key;
            endCount = n;
            endOp = reverse ? Op.IDX_LT : Op.IDX_GT;
            b.emit(reverse ? Op.SEEK_LE : Op.SEEK_GE, indexCursor, nextValue, key, n, 0);
            return;
        }
        // In the scan's direction: the bound it starts from, the one it stops at, and where NULLs must be passed by.
        AccessPath.Bound from = reverse ? last : first;
        AccessPath.Bound to = reverse ? first : last;
        boolean skipNullsAtStart = ranged && (reverse == descending);
        boolean stopAtNulls = ranged && (reverse != descending);
        if (to != null || stopAtNulls) {
            endKey = b.newRegisters(n + 1);
            for (int p = 0; p < n; p++) {
                b.emit(Op.COPY, key + p, endKey + p, 0);
            }
            endCount = n + 1;
            if (to != null) {
                exprs.compileInto(to.value(), endKey + n);
                affinity(endKey + n, i.rangeAffinity());
                b.emit(Op.IS_NULL, endKey + n, exhausted, 0);
                endOp = reverse ? (to.inclusive() ? Op.IDX_LT : Op.IDX_LE) : (to.inclusive() ? Op.IDX_GT : Op.IDX_GE);
            } else {
                b.emit(Op.NULL, 0, endKey + n, 0);
                endOp = reverse ? Op.IDX_LE : Op.IDX_GE;
            }
        } else if (n > 0) {
            endKey = key;
            endCount = n;
            endOp = reverse ? Op.IDX_LT : Op.IDX_GT;
        }
        if (from != null) {
            exprs.compileInto(from.value(), key + n);
            affinity(key + n, i.rangeAffinity());
            b.emit(Op.IS_NULL, key + n, exhausted, 0);
            int seek = reverse ? (from.inclusive() ? Op.SEEK_LE : Op.SEEK_LT) : (from.inclusive() ? Op.SEEK_GE : Op.SEEK_GT);
            b.emit(seek, indexCursor, exhausted, key, n + 1, 0);
        } else if (skipNullsAtStart) {
            b.emit(Op.NULL, 0, key + n, 0);
            b.emit(reverse ? Op.SEEK_LT : Op.SEEK_GT, indexCursor, exhausted, key, n + 1, 0);
        } else if (n > 0) {
            b.emit(reverse ? Op.SEEK_LE : Op.SEEK_GE, indexCursor, exhausted, key, n, 0);
        } else {
            b.emit(reverse ? Op.LAST : Op.REWIND, indexCursor, exhausted, 0);
        }
    }

    /** At the top of each pass: leaves for {@code exhausted} past the range, skips to {@code next} a row gone. */
    void enter(int next, int exhausted) {
        switch (path) {
            case AccessPath.RowidRange range when endKey >= 0 -> {
                int rowid = b.newRegister();
                int past = b.newRegister();
                b.emit(Op.ROWID, scope.cursor(), rowid, 0);
                b.emit(Op.COMPARE, rowid, endKey, past, new Comparison(rowidPast, Affinity.NUMERIC,
                        functions.collation("BINARY")), 0);
                b.emit(Op.IF, past, exhausted, 0);
            }
            case AccessPath.IndexRange i -> {
                if (endKey >= 0) {
                    b.emit(endOp, indexCursor, values >= 0 ? nextValue : exhausted, endKey, endCount, 0);
                }
                if (!covering && indexCursor != scope.cursor()) {
                    int rowid = b.newRegister();
                    if (scope.table().withoutRowid() && i.index().rootPage() == Table.EPHEMERAL) {
                        b.emit(Op.COLUMN, indexCursor, i.index().parts().size(), rowid);
                    } else {
                        b.emit(Op.IDX_ROWID, indexCursor, rowid, 0);
                    }
                    b.emit(Op.SEEK_ROWID, scope.cursor(), next, rowid);
                }
            }
            default -> { }
        }
    }

    /** Moves to the next candidate and jumps back to {@code top}; falls through when there is none. */
    void advance(int top) {
        switch (path) {
            case AccessPath.RowidEq eq -> { }
            case AccessPath.RowidIn in -> { }
            case AccessPath.IndexRange i -> b.emit(reverse ? Op.PREV : Op.NEXT, indexCursor, top, 0);
            case AccessPath.Virtual v -> b.emit(Op.VNEXT, scope.cursor(), top, 0);
            default -> b.emit(reverse ? Op.PREV : Op.NEXT, scope.cursor(), top, 0);
        }
        if (values >= 0) {
            b.resolve(nextValue);
            b.emit(Op.SORTER_NEXT, values, valueTop, 0);
        }
    }

    /**
     * For x IN (...): sorts the values (with {@code affinity}, NULLs left out)
     * and starts a pass per distinct value, as {@code collation} compares
     * them, in the index's order ({@code descending} for a DESC column);
     * returns the register holding the current value.
     */
    private int eachValue(java.util.List<turso.parser.ast.Expr> list, Affinity affinity,
            turso.api.spi.Collation collation, boolean descending, int exhausted) {
        values = b.newCursor();
        nextValue = b.newLabel();
        b.emit(Op.SORTER_OPEN, values, 0, 0, new turso.vm.SortOrder(new turso.api.spi.Collation[] {collation},
                new boolean[] {descending}, new boolean[1]), 0);
        int value = b.newRegister();
        for (turso.parser.ast.Expr e : list) {
            int skip = b.newLabel();
            exprs.compileInto(e, value);
            affinity(value, affinity);
            b.emit(Op.IS_NULL, value, skip, 0);
            b.emit(Op.SORTER_INSERT, values, value, 1);
            b.resolve(skip);
        }
        int previous = b.newRegister();
        int same = b.newRegister();
        b.emit(Op.NULL, 0, previous, 0);
        b.emit(Op.SORTER_SORT, values, exhausted, 0);
        valueTop = b.currentAddress();
        b.emit(Op.SORTER_COLUMN, values, 0, value);
        b.emit(Op.COMPARE, value, previous, same, new Comparison(CompareOp.EQ, Affinity.NONE, collation), 0);
        b.emit(Op.IF, same, nextValue, 0);
        b.emit(Op.COPY, value, previous, 0);
        return value;
    }

    private int value(turso.parser.ast.Expr e, Affinity affinity, int exhausted) {
        int r = exprs.compile(e);
        affinity(r, affinity);
        b.emit(Op.IS_NULL, r, exhausted, 0);
        return r;
    }

    private void affinity(int register, Affinity affinity) {
        if (affinity != Affinity.NONE) {
            b.emit(Op.AFFINITY, register, 1, 0, new Affinity[] {affinity}, 0);
        }
    }
}
