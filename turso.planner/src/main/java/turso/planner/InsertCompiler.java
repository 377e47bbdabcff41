/*
 * Code generation for INSERT ... VALUES, INSERT ... SELECT and INSERT ...
 * DEFAULT VALUES into a rowid table (the rows of a SELECT are all gathered
 * before the first is written, so a SELECT reading the same table sees it as
 * it was): values in table order (defaults for columns not listed), the
 * rowid from an INTEGER PRIMARY KEY or a rowid column when given (else one
 * more than the largest, or from sqlite_sequence for AUTOINCREMENT), column
 * affinities applied, and the row checked (NOT NULL and CHECK, then the
 * uniqueness constraints) as the conflict clause says, or as the ON CONFLICT
 * clauses say (UpsertClauses); RETURNING gets each row written, and the
 * table's INSERT triggers fire before and after it (TriggerCompiler). With
 * foreign keys enforced, each row is checked before it is written, and a
 * row REPLACE deletes is deleted as DELETE would (ForeignKeyChecks).
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
            schema = SelectCompiler.withTables(schema, insert.with());
        }
        Program onView = ViewTriggerCompiler.compile(insert, sql, schema, functions);
        if (onView != null) {
            return onView;
        }
        Table table = Tables.find(schema, insert.table());
        table.checkWritable();
        int[] target = insert.select() == null ? new int[0] : targets(insert.columns(), table);
        ConflictResolution onConflict = insert.orConflict() == null ? ConflictResolution.ABORT : insert.orConflict();

        ProgramBuilder b = new ProgramBuilder();
        b.markCountsChanges();
        ExprCompiler exprs = new ExprCompiler(b, functions);
        exprs.setContext(schema, sql, null);
        int init = b.emit(Op.INIT, 0, 0, 0);
        b.setJump(init, b.currentAddress());
        int cursor = b.newCursor();
        IndexMaintenance indexes = new IndexMaintenance(b, functions, table, cursor);
        Writer writer = new Writer(b, exprs, functions, table, target, onConflict, insert.orConflict(), cursor, indexes);
        writer.returning(insert.returning(), schema, sql);
        writer.triggers = TriggerCompiler.forStatement(b, functions, schema, table, Stmt.TriggerEvent.INSERT,
                java.util.Set.of());
        boolean mayReplace = table.mayReplace(insert.orConflict());
        boolean singleRow = insert.select() == null || insert.select().first() instanceof SelectCore.Values v
                && v.rows().size() == 1 && insert.select().compounds().isEmpty() && insert.select().with() == null;
        writer.foreignKeys = ForeignKeyChecks.forStatement(b, functions, schema, table, Stmt.TriggerEvent.INSERT,
                java.util.Set.of(), !singleRow || writer.triggers != null || mayReplace || !insert.upserts().isEmpty());
        if (mayReplace) {
            indexes.watchReplacedRows(schema);
        }
        writer.upserts = UpsertClauses.of(insert.upserts(), table,
                insert.alias() == null ? table.name() : insert.alias().value());
        if (singleRow && writer.triggers == null && writer.foreignKeys == null && !mayReplace
                && insert.upserts().isEmpty()) {
            b.markSingleRowWrite();
        }
        if (insert.select() != null && !(insert.select().first() instanceof SelectCore.Values)
                || insert.select() != null && (!insert.select().compounds().isEmpty()
                        || !insert.select().orderBy().isEmpty() || insert.select().limit() != null
                        || insert.select().with() != null)) {
            int rows = b.newCursor();
            b.emit(Op.SORTER_OPEN, rows, 0, 0, new SortOrder(new turso.api.spi.Collation[0], new boolean[0],
                    new boolean[0]), 0);
            int selected = b.newLabel();
            int width = SelectCompiler.generateInto(b, functions, insert.select(), sql, schema,
                    (first, count) -> b.emit(Op.SORTER_INSERT, rows, first, count), selected, null).size();
            b.resolve(selected);
            checkWidth(insert, table, target, width);
            b.emit(Op.TRANSACTION, table.db(), 1, 0);
            b.emit(Op.OPEN_WRITE, cursor, table.rootPage(), table.db(), WithoutRowid.tableKey(table, functions), 0);
            b.comment(table.name());
            indexes.open();
            writer.startAutoincrement(schema);
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
            b.emit(Op.TRANSACTION, table.db(), 1, 0);
            b.emit(Op.OPEN_WRITE, cursor, table.rootPage(), table.db(), WithoutRowid.tableKey(table, functions), 0);
            b.comment(table.name());
            indexes.open();
            writer.startAutoincrement(schema);
            for (List<Expr> row : rows) {
                writer.row((k, reg) -> exprs.compileInto(row.get(k), reg));
            }
        }
        writer.finish();
        if (writer.returning != null) {
            writer.returning.emit();
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
    private static final class Writer {
        private final ProgramBuilder b;
        private final ExprCompiler exprs;
        private final FunctionRegistry functions;
        private final Table table;
        private final int[] target;
        private final ConflictResolution onConflict;
        private final ConflictResolution clause;
        private final int cursor;
        private final IndexMaintenance indexes;
        private final int rowid;
        private final int values;
        private final int record;
        private final int explicitRowid;
        /** The table's AUTOINCREMENT bookkeeping, or null. */
        private Autoincrement autoincrement;
        /** The ON CONFLICT clauses, or null; and the schema and text they are compiled with. */
        private UpsertClauses upserts;
        private Schema schema;
        private String sql;
        /** The triggers the rows fire, or null. */
        private TriggerCompiler triggers;
        /** The foreign key checks of each row, or null. */
        private ForeignKeyChecks foreignKeys;
        /** The RETURNING clause, or null; and the expressions over the written row it is computed with. */
        private Returning returning;
        private ExprCompiler returned;

        Writer(ProgramBuilder b, ExprCompiler exprs, FunctionRegistry functions, Table table, int[] target,
                ConflictResolution onConflict, ConflictResolution clause, int cursor, IndexMaintenance indexes) {
            this.b = b;
            this.exprs = exprs;
            this.functions = functions;
            this.table = table;
            this.target = target;
            this.onConflict = onConflict;
            this.clause = clause;
            this.cursor = cursor;
            this.indexes = indexes;
            this.rowid = b.newRegister();
            this.values = b.newRegisters(table.columns().size());
            this.record = b.newRegister();
            this.explicitRowid = InsertCompiler.explicitRowid(target, table);
        }

        /** Sets up the RETURNING clause {@code terms} (nothing when empty), over the row as written. */
        void returning(List<turso.parser.ast.ResultColumn> terms, Schema schema, String sql) {
            this.schema = schema;
            this.sql = sql;
            returned = IndexMaintenance.rowExpressions(b, functions, table, values, rowid);
            returned.setContext(schema, sql, null);
            returning = Returning.of(b, terms, table, table.name(), returned, sql);
            if (returning != null) {
                returning.open();
            }
        }

        /** Reads the table's sqlite_sequence row, if it is AUTOINCREMENT (inside the write transaction). */
        void startAutoincrement(Schema schema) {
            autoincrement = Autoincrement.start(b, functions, schema, table);
        }

        /** Code for the end of the statement, after the last row. */
        void finish() {
            if (autoincrement != null) {
                autoincrement.finish();
            }
        }

        private void newRowid() {
            if (autoincrement != null) {
                autoincrement.newRowid(cursor, rowid);
            } else {
                b.emit(Op.NEW_ROWID, cursor, rowid, 0);
            }
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
            if (triggers != null && triggers.fires(Stmt.TriggerTime.BEFORE)) {
                fireBefore(source, rowidFrom, nextRow);
            }
            int rowidGiven = -1;
            if (explicitRowid != NO_ROWID) {
                int fresh = b.newLabel();
                int have = b.newLabel();
                rowidGiven = b.newRegister();
                if (rowidFrom >= 0) {
                    source.valueInto(rowidFrom, rowid);
                } else {
                    b.emit(Op.COPY, values + explicitRowid, rowid, 0);
                }
                b.emit(Op.IS_NULL, rowid, fresh, 0);
                b.emit(Op.MUST_BE_INT, rowid, 0, 0);
                if (autoincrement != null) {
                    autoincrement.observe(rowid);
                }
                b.emit(Op.INTEGER, 1, rowidGiven, 0);
                b.emit(Op.GOTO, 0, have, 0);
                b.resolve(fresh);
                newRowid();
                b.emit(Op.INTEGER, 0, rowidGiven, 0);
                b.resolve(have);
            } else if (!table.withoutRowid()) {
                newRowid();
            }
            if (table.rowidAlias() >= 0) {
                b.emit(Op.NULL, 0, values + table.rowidAlias(), 0);
            }
            Affinity[] affinities = table.columns().stream().map(Column::affinity).toArray(Affinity[]::new);
            b.emit(Op.AFFINITY, values, width, 0, affinities, 0);
            GeneratedColumns.compute(b, functions, table, values, rowid);
            if (table.withoutRowid()) {
                WithoutRowid.rowKeyOfValues(b, table, values, rowid);
            }
            RowConstraints.notNull(b, functions, table, values, clause, nextRow);
            RowConstraints.types(b, table, values);
            RowConstraints.checks(b, functions, table, values, rowid, onConflict, nextRow);
            UpsertClauses.Handlers handlers = null;
            if (upserts != null) {
                handlers = upserts.checks(b, table, cursor, indexes, values, rowid, rowidGiven, clause,
                        nextRow);
            } else {
                if (rowidGiven >= 0) {
                    int free = b.newLabel();
                    b.emit(Op.IF_NOT, rowidGiven, free, 0);
                    RowConstraints.rowidFree(b, table, cursor, rowid, clause, nextRow, indexes);
                    b.resolve(free);
                }
                indexes.checkUnique(values, rowid, -1, clause, nextRow);
            }
            indexes.recheckAfterReplace(values, rowid, -1);
            if (foreignKeys != null) {
                foreignKeys.load(-1, -1, rowid, values);
                foreignKeys.checkNew();
            }
            indexes.insertKeys(values, rowid);
            GeneratedColumns.makeRecord(b, table, values, record);
            b.emit(Op.INSERT, cursor, record, rowid, null, Op.COUNT_CHANGE | Op.SET_LAST_ROWID);
            if (returning != null) {
                returning.row(returned, IntRealLeak.onInsert(table));
            }
            if (triggers != null) {
                triggers.fire(Stmt.TriggerTime.AFTER, -1, -1, rowid, values, nextRow);
            }
            if (handlers != null) {
                b.emit(Op.GOTO, 0, nextRow, 0);
                upserts.handlers(handlers, b, functions, schema, sql, cursor, indexes, values, rowid, returning,
                        nextRow);
            }
            b.resolve(nextRow);
        }

        /**
         * BEFORE triggers see the row with affinities applied and, as in
         * SQLite, NEW.rowid -1 until the rowid is chosen, after them.
         */
        private void fireBefore(ValueSource source, int rowidFrom, int nextRow) {
            int newRowid = b.newRegister();
            if (explicitRowid == NO_ROWID) {
                b.emit(Op.INTEGER, -1, newRowid, 0);
            } else {
                int none = b.newLabel();
                int have = b.newLabel();
                if (rowidFrom >= 0) {
                    source.valueInto(rowidFrom, newRowid);
                } else {
                    b.emit(Op.COPY, values + explicitRowid, newRowid, 0);
                }
                b.emit(Op.IS_NULL, newRowid, none, 0);
                b.emit(Op.MUST_BE_INT, newRowid, 0, 0);
                b.emit(Op.GOTO, 0, have, 0);
                b.resolve(none);
                b.emit(Op.INTEGER, -1, newRowid, 0);
                b.resolve(have);
            }
            Affinity[] affinities = table.columns().stream().map(Column::affinity).toArray(Affinity[]::new);
            b.emit(Op.AFFINITY, values, table.columns().size(), 0, affinities, 0);
            triggers.fire(Stmt.TriggerTime.BEFORE, -1, -1, newRowid, values, nextRow);
        }
    }

    private static final int ROWID_COLUMN = -1;
    private static final int NO_ROWID = -2;

    /** For each value of a row, the table column it goes to ({@link #ROWID_COLUMN} for rowid). */
    private static int[] targets(List<Name> columns, Table table) {
        if (columns.isEmpty()) {
            // a generated column takes no value: VALUES lists the others
            return java.util.stream.IntStream.range(0, table.columns().size())
                    .filter(j -> table.columns().get(j).generated() == null).toArray();
        }
        int[] target = new int[columns.size()];
        for (int k = 0; k < target.length; k++) {
            String name = columns.get(k).value();
            int index = table.columnIndex(name);
            if (index < 0 && Scope.isRowidName(name) && !table.withoutRowid()) {
                index = ROWID_COLUMN;
            } else if (index < 0) {
                throw new TursoException(ResultCode.ERROR, "table " + table.name() + " has no column named " + name);
            } else if (table.columns().get(index).generated() != null) {
                throw new TursoException(ResultCode.ERROR, "cannot INSERT into generated column \"" + name + "\"");
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
    static void defaultValue(ExprCompiler exprs, Expr value, int target) {
        if (value instanceof Expr.ColumnRef ref && ref.table() == null
                && !ref.column().is("true") && !ref.column().is("false")) {
            exprs.compileInto(new Expr.Literal(Expr.LiteralKind.STRING, ref.column().value(), ref.span()), target);
        } else {
            exprs.compileInto(value, target);
        }
    }
}
