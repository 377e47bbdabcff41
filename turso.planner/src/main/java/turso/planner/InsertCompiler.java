/*
 * Code generation for INSERT ... VALUES, INSERT ... SELECT and INSERT ...
 * DEFAULT VALUES into a rowid table (the rows of a SELECT are all gathered
 * before the first is written, so a SELECT reading the same table sees it as
 * it was): values in table order (defaults for columns not listed), the
 * rowid from an INTEGER PRIMARY KEY or a rowid column when given (else one
 * more than the largest), column affinities applied, and the row checked
 * (RowConstraints) as the conflict clause says.
 */
package turso.planner;

import java.util.List;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.parser.ast.ConflictResolution;
import turso.parser.ast.Expr;
import turso.parser.ast.Name;
import turso.parser.ast.SelectCore;
import turso.parser.ast.Stmt;
import turso.vm.Affinity;
import turso.vm.FunctionRegistry;
import turso.vm.Op;
import turso.vm.Program;
import turso.vm.ProgramBuilder;
import turso.vm.SortOrder;

final class InsertCompiler {
    private InsertCompiler() {
    }

    /** Puts value {@code k} of the row being inserted into register {@code target}. */
    @FunctionalInterface
    private interface ValueSource {
        void valueInto(int k, int target);
    }

    static Program compile(Stmt.Insert insert, String sql, Schema schema, FunctionRegistry functions) {
        if (insert.with() != null) {
            throw Unsupported.feature("WITH");
        }
        if (!insert.upserts().isEmpty()) {
            throw Unsupported.feature("upsert (ON CONFLICT)");
        }
        if (!insert.returning().isEmpty()) {
            throw Unsupported.feature("RETURNING");
        }
        Table table = Tables.find(schema, insert.table());
        table.checkWritable();
        int[] target = targets(insert.columns(), table);
        ConflictResolution onConflict = insert.orConflict() == null ? ConflictResolution.ABORT : insert.orConflict();

        ProgramBuilder b = new ProgramBuilder();
        b.markCountsChanges();
        ExprCompiler exprs = new ExprCompiler(b, functions);
        exprs.setContext(schema, sql, null);
        int init = b.emit(Op.INIT, 0, 0, 0);
        b.setJump(init, b.currentAddress());
        int cursor = b.newCursor();
        IndexMaintenance indexes = new IndexMaintenance(b, functions, table, cursor);
        Writer writer = new Writer(b, exprs, table, target, onConflict, insert.orConflict(), cursor, indexes);
        if (insert.select() != null && !(insert.select().first() instanceof SelectCore.Values)
                || insert.select() != null && (!insert.select().compounds().isEmpty()
                        || !insert.select().orderBy().isEmpty() || insert.select().limit() != null
                        || insert.select().with() != null)) {
            int rows = b.newCursor();
            b.emit(Op.SORTER_OPEN, rows, 0, 0, new SortOrder(new turso.api.spi.Collation[0], new boolean[0],
                    new boolean[0]), 0);
            int selected = b.newLabel();
            int width = SelectCompiler.generateInto(b, functions, insert.select(), sql, schema,
                    (first, count) -> b.emit(Op.SORTER_INSERT, rows, first, count), selected, null);
            b.resolve(selected);
            checkWidth(insert, table, target, width);
            b.emit(Op.TRANSACTION, 0, 1, 0);
            b.emit(Op.OPEN_WRITE, cursor, table.rootPage(), 0);
            b.comment(table.name());
            indexes.open();
            int done = b.newLabel();
            b.emit(Op.SORTER_SORT, rows, done, 0);
            int loop = b.currentAddress();
            writer.row((k, reg) -> b.emit(Op.SORTER_COLUMN, rows, k, reg));
            b.emit(Op.SORTER_NEXT, rows, loop, 0);
            b.resolve(done);
        } else {
            List<List<Expr>> rows = insert.select() == null ? List.of(List.of())
                    : ((SelectCore.Values) insert.select().first()).rows();
            for (List<Expr> row : rows) {
                checkWidth(insert, table, target, row.size());
            }
            b.emit(Op.TRANSACTION, 0, 1, 0);
            b.emit(Op.OPEN_WRITE, cursor, table.rootPage(), 0);
            b.comment(table.name());
            indexes.open();
            for (List<Expr> row : rows) {
                writer.row((k, reg) -> exprs.compileInto(row.get(k), reg));
            }
        }
        b.emit(Op.HALT, 0, 0, 0);
        return b.build();
    }

    private static void checkWidth(Stmt.Insert insert, Table table, int[] target, int given) {
        if (given != target.length) {
            throw new TursoException(ResultCode.ERROR, insert.columns().isEmpty()
                    ? "table " + table.name() + " has " + target.length + " columns but " + given + " values were supplied"
                    : given + " values for " + target.length + " columns");
        }
    }

    /**
     * The code that writes one row: defaults, rowid, affinity, checks, index
     * entries, then the record. {@code onConflict} is the statement's clause
     * or ABORT; {@code clause} the statement's clause or null, which lets each
     * UNIQUE constraint's own clause apply.
     */
    private record Writer(ProgramBuilder b, ExprCompiler exprs, Table table, int[] target,
            ConflictResolution onConflict, ConflictResolution clause, int cursor, IndexMaintenance indexes, int rowid,
            int values, int record, int explicitRowid) {

        Writer(ProgramBuilder b, ExprCompiler exprs, Table table, int[] target, ConflictResolution onConflict,
                ConflictResolution clause, int cursor, IndexMaintenance indexes) {
            this(b, exprs, table, target, onConflict, clause, cursor, indexes, b.newRegister(),
                    b.newRegisters(table.columns().size()), b.newRegister(), InsertCompiler.explicitRowid(target, table));
        }

        void row(ValueSource source) {
            int width = table.columns().size();
            int nextRow = b.newLabel();
            boolean[] given = new boolean[width];
            int rowidFrom = -1;
            for (int k = 0; k < target.length; k++) {
                if (target[k] == ROWID_COLUMN) {
                    rowidFrom = k;
                } else {
                    given[target[k]] = true;
                    source.valueInto(k, values + target[k]);
                }
            }
            for (int j = 0; j < width; j++) {
                Expr value = table.columns().get(j).defaultValue();
                if (given[j]) {
                    continue;
                }
                if (value == null) {
                    b.emit(Op.NULL, 0, values + j, 0);
                } else {
                    defaultValue(exprs, value, values + j);
                }
            }
            if (explicitRowid != NO_ROWID) {
                int fresh = b.newLabel();
                int have = b.newLabel();
                if (rowidFrom >= 0) {
                    source.valueInto(rowidFrom, rowid);
                } else {
                    b.emit(Op.COPY, values + explicitRowid, rowid, 0);
                }
                b.emit(Op.IS_NULL, rowid, fresh, 0);
                b.emit(Op.MUST_BE_INT, rowid, 0, 0);
                RowConstraints.rowidFree(b, table, cursor, rowid, onConflict, nextRow, indexes);
                b.emit(Op.GOTO, 0, have, 0);
                b.resolve(fresh);
                b.emit(Op.NEW_ROWID, cursor, rowid, 0);
                b.resolve(have);
            } else {
                b.emit(Op.NEW_ROWID, cursor, rowid, 0);
            }
            if (table.rowidAlias() >= 0) {
                b.emit(Op.NULL, 0, values + table.rowidAlias(), 0);
            }
            Affinity[] affinities = table.columns().stream().map(Column::affinity).toArray(Affinity[]::new);
            b.emit(Op.AFFINITY, values, width, 0, affinities, 0);
            RowConstraints.notNull(b, table, values, onConflict, nextRow);
            indexes.checkUnique(values, rowid, -1, clause, nextRow);
            indexes.insertKeys(values, rowid);
            b.emit(Op.MAKE_RECORD, values, width, record);
            b.emit(Op.INSERT, cursor, record, rowid, null, Op.COUNT_CHANGE | Op.SET_LAST_ROWID);
            b.resolve(nextRow);
        }
    }

    private static final int ROWID_COLUMN = -1;
    private static final int NO_ROWID = -2;

    /** For each value of a row, the table column it goes to ({@link #ROWID_COLUMN} for rowid). */
    private static int[] targets(List<Name> columns, Table table) {
        if (columns.isEmpty()) {
            int[] all = new int[table.columns().size()];
            for (int j = 0; j < all.length; j++) {
                all[j] = j;
            }
            return all;
        }
        int[] target = new int[columns.size()];
        for (int k = 0; k < target.length; k++) {
            String name = columns.get(k).value();
            int index = table.columnIndex(name);
            if (index < 0 && Scope.isRowidName(name)) {
                index = ROWID_COLUMN;
            } else if (index < 0) {
                throw new TursoException(ResultCode.ERROR, "table " + table.name() + " has no column named " + name);
            }
            target[k] = index;
        }
        return target;
    }

    /** Where an explicit rowid may come from: the rowid alias column's index, ROWID_COLUMN, or NO_ROWID. */
    private static int explicitRowid(int[] target, Table table) {
        for (int t : target) {
            if (t == ROWID_COLUMN) {
                return ROWID_COLUMN;
            }
        }
        if (table.rowidAlias() >= 0) {
            for (int t : target) {
                if (t == table.rowidAlias()) {
                    return t;
                }
            }
            return table.rowidAlias();
        }
        return NO_ROWID;
    }

    /** A DEFAULT that is a bare identifier is its name as text, as in SQLite (TRUE and FALSE excepted). */
    private static void defaultValue(ExprCompiler exprs, Expr value, int target) {
        if (value instanceof Expr.ColumnRef ref && ref.table() == null
                && !ref.column().is("true") && !ref.column().is("false")) {
            exprs.compileInto(new Expr.Literal(Expr.LiteralKind.STRING, ref.column().value(), ref.span()), target);
        } else {
            exprs.compileInto(value, target);
        }
    }
}
