/*
 * Keeps a table's indexes in step with its rows, for INSERT, UPDATE, DELETE
 * and CREATE INDEX: one write cursor per index, the key of a row (its indexed
 * columns, then the rowid), UNIQUE checks before a row is written (the most
 * recently created index first, as SQLite keeps its list; NULLs never
 * conflict; a partial index only holds, and only checks, rows its WHERE
 * accepts), and the conflict clause applied as SQLite does: ABORT, FAIL and
 * ROLLBACK fail with "UNIQUE constraint failed: t.a, t.b", IGNORE skips the
 * row, and REPLACE deletes the row in the way, checked after the others
 * (with the foreign key checks and actions of a deleted row, when there
 * are any, and its DELETE triggers under PRAGMA recursive_triggers: SQLite
 * deletes it as DELETE would; those can change the table, so SQLite then
 * checks the row's rowid and UNIQUE constraints again, failing as ABORT
 * would on one still broken: a BEFORE DELETE trigger's RAISE(IGNORE) keeps
 * the row in the way). A WITHOUT ROWID table's
 * PRIMARY KEY is checked through the table's own cursor (the table is that
 * index), and its other indexes' keys end with the key columns they lack
 * instead of a rowid (WithoutRowid).
 */
package turso.planner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import turso.api.ResultCode;
import turso.btree.KeyInfo;
import turso.parser.ast.ConflictResolution;
import turso.parser.ast.Stmt;
import turso.vm.FunctionRegistry;
import turso.vm.Op;
import turso.vm.ProgramBuilder;

final class IndexMaintenance {
    private final ProgramBuilder b;
    private final FunctionRegistry functions;
    private final Table table;
    private final int tableCursor;
    private final List<Index> indexes;
    private final int[] cursors;
    /** Per index: n+1 registers for a key (its columns, then the rowid), and one for the record. */
    private final int[] keys;
    private final int record;
    /** The foreign key work of a row REPLACE deletes, or null. */
    private ForeignKeyChecks replaced;
    /** The DELETE triggers a row REPLACE deletes fires, or null; and the registers of its OLD row. */
    private TriggerCompiler replacedTriggers;
    private int replacedRowid;
    private int replacedValues;
    /** A register set once such a deleted row's triggers or foreign keys ran, or -1 when none can. */
    private int replacedWithSideEffects = -1;

    /** No jump target (labels and addresses are never this). */
    static final int NO_LABEL = Integer.MIN_VALUE;

    /** Maintains those of {@code table}'s indexes that {@code affected} accepts. */
    IndexMaintenance(ProgramBuilder b, FunctionRegistry functions, Table table, int tableCursor,
            java.util.function.Predicate<Index> affected) {
        this.b = b;
        this.functions = functions;
        this.table = table;
        this.tableCursor = tableCursor;
        this.indexes = table.indexes().stream().filter(affected).toList();
        this.cursors = new int[indexes.size()];
        this.keys = new int[indexes.size()];
        for (int k = 0; k < indexes.size(); k++) {
            cursors[k] = WithoutRowid.isPrimaryKey(table, indexes.get(k)) ? tableCursor : b.newCursor();
            keys[k] = b.newRegisters(WithoutRowid.entryWidth(table, indexes.get(k)) + 1);
        }
        this.record = b.newRegister();
    }

    IndexMaintenance(ProgramBuilder b, FunctionRegistry functions, Table table, int tableCursor) {
        this(b, functions, table, tableCursor, i -> true);
    }

    /**
     * Makes the rows REPLACE deletes go through the table's foreign keys as a
     * DELETE would, and fire its DELETE triggers under PRAGMA
     * recursive_triggers, as SQLite does.
     */
    void watchReplacedRows(Schema schema) {
        replaced = ForeignKeyChecks.forStatement(b, functions, schema, table, Stmt.TriggerEvent.DELETE, Set.of(), true);
        replacedTriggers = schema.recursiveTriggers()
                ? TriggerCompiler.forStatement(b, functions, schema, table, Stmt.TriggerEvent.DELETE, Set.of()) : null;
        if (replacedTriggers != null) {
            replacedRowid = b.newRegister();
            replacedValues = b.newRegisters(table.columns().size());
        }
        if (replacedTriggers != null || replaced != null) {
            replacedWithSideEffects = b.newRegister();
        }
    }

    /**
     * After the rowid and UNIQUE checks of the row in registers (values,
     * rowid; {@code ownRowid} as for checkUnique): if REPLACE deleted a row
     * whose DELETE triggers or foreign key actions ran, checks the rowid and
     * every UNIQUE index again, failing as ABORT does where the row is still
     * in conflict.
     */
    void recheckAfterReplace(int values, int rowid, int ownRowid) {
        if (replacedWithSideEffects < 0) {
            return;
        }
        int done = b.newLabel();
        b.emit(Op.IF_NOT, replacedWithSideEffects, done, 1);
        b.emit(Op.INTEGER, 0, replacedWithSideEffects, 0);
        if (!table.withoutRowid()) {
            int free = b.newLabel();
            if (ownRowid >= 0) {
                int same = b.newRegister();
                b.emit(Op.COMPARE, rowid, ownRowid, same, new turso.vm.Comparison(turso.vm.CompareOp.EQ,
                        turso.vm.Affinity.NONE, functions.collation("BINARY")), 0);
                b.emit(Op.IF, same, free, 0);
            }
            b.emit(Op.NOT_EXISTS, tableCursor, free, rowid);
            b.emit(Op.HALT, ResultCode.CONSTRAINT_PRIMARYKEY.code(), RowConstraints.undo(ConflictResolution.ABORT),
                    0, RowConstraints.rowidFailure(table), 0);
            b.resolve(free);
        }
        checkUnique(values, rowid, ownRowid, ConflictResolution.ABORT, NO_LABEL);
        b.resolve(done);
    }

    /** Deletes the row the table cursor stands on, in the way of the row being written (REPLACE). */
    void deleteRowInTheWay() {
        int gone = b.newLabel();
        if (replacedTriggers != null) {
            b.emit(Op.ROWID, tableCursor, replacedRowid, 0);
            GeneratedColumns.readRow(b, functions, table, tableCursor, replacedValues, replacedRowid);
            replacedTriggers.fire(Stmt.TriggerTime.BEFORE, replacedRowid, replacedValues, -1, -1,
                    gone);
            b.emit(Op.SEEK_ROWID, tableCursor, gone, replacedRowid);
        }
        if (replaced != null) {
            replaced.loadCurrentRow(tableCursor);
            replaced.checkOld();
        }
        deleteKeysOfCurrentRow();
        b.emit(Op.DELETE, tableCursor, 0, 0);
        if (replaced != null) {
            replaced.actions();
        }
        if (replacedTriggers != null) {
            replacedTriggers.fire(Stmt.TriggerTime.AFTER, replacedRowid, replacedValues, -1, -1,
                    gone);
        }
        b.resolve(gone);
        if (replacedWithSideEffects >= 0) {
            b.emit(Op.INTEGER, 1, replacedWithSideEffects, 0);
        }
    }

    boolean isEmpty() {
        return indexes.isEmpty();
    }

    /** How the keys of {@code index} compare: its collations and orders. */
    static KeyInfo keyInfo(Index index, FunctionRegistry functions) {
        return WithoutRowid.keyInfo(index.parts(), functions);
    }

    /** Opens a write cursor on every maintained index (inside the write transaction). */
    void open() {
        for (int k = 0; k < indexes.size(); k++) {
            if (cursors[k] == tableCursor) {
                continue;
            }
            b.emit(Op.OPEN_WRITE, cursors[k], indexes.get(k).rootPage(), table.db(),
                    WithoutRowid.indexKey(table, indexes.get(k), functions), 0);
            b.comment(indexes.get(k).name());
        }
    }

    /**
     * UNIQUE checks of the row about to be written (values: one register per
     * column; rowid), as the statement's conflict clause ({@code onConflict},
     * null if none) or else each index's says. {@code ownRowid} (a register,
     * or -1) is the row's rowid before an UPDATE: its own entries are no
     * conflict. IGNORE jumps to {@code skipRow}.
     */
    void checkUnique(int values, int rowid, int ownRowid, ConflictResolution onConflict, int skipRow) {
        checkUnique(values, rowid, ownRowid, onConflict, skipRow, Set.of(), NO_LABEL, -1);
    }

    /**
     * The same for an INSERT with upsert clauses: the indexes named in
     * {@code checked} were checked already (they are a clause's target), and a
     * conflict on any other jumps to {@code anyConflict} (unless NO_LABEL: a
     * clause without a target) with the rowid of the row in the way in
     * register {@code conflictRowid}.
     */
    void checkUnique(int values, int rowid, int ownRowid, ConflictResolution onConflict, int skipRow,
            Set<String> checked, int anyConflict, int conflictRowid) {
        List<Integer> order = new ArrayList<>();
        for (int k = indexes.size() - 1; k >= 0; k--) {
            if (indexes.get(k).unique() && indexes.get(k).onConflict() != ConflictResolution.REPLACE) {
                order.add(k);
            }
        }
        for (int k = indexes.size() - 1; k >= 0; k--) {
            if (indexes.get(k).unique() && indexes.get(k).onConflict() == ConflictResolution.REPLACE) {
                order.add(k);
            }
        }
        for (int k : order) {
            Index index = indexes.get(k);
            if (checked.contains(index.name())) {
                continue;
            }
            int ok = b.newLabel();
            skipUnlessIndexed(index, values, rowid, ok);
            int key = buildKey(k, values, rowid);
            int n = index.parts().size();
            b.emit(Op.NO_CONFLICT, cursors[k], ok, key, n, 0);
            int other = b.newRegister();
            b.emit(Op.IDX_ROWID, cursors[k], other, 0);
            if (ownRowid >= 0) {
                int same = b.newRegister();
                b.emit(Op.COMPARE, other, ownRowid, same, new turso.vm.Comparison(turso.vm.CompareOp.EQ,
                        turso.vm.Affinity.NONE, functions.collation("BINARY")), 0);
                b.emit(Op.IF, same, ok, 0);
            }
            if (anyConflict != NO_LABEL) {
                b.emit(Op.COPY, other, conflictRowid, 0);
                b.emit(Op.GOTO, 0, anyConflict, 0);
                b.resolve(ok);
                continue;
            }
            switch (action(index, onConflict)) {
                case IGNORE -> b.emit(Op.GOTO, 0, skipRow, 0);
                case REPLACE -> {
                    int gone = b.newLabel();
                    b.emit(Op.SEEK_ROWID, tableCursor, gone, other);
                    deleteRowInTheWay();
                    b.resolve(gone);
                }
                default -> b.emit(Op.HALT, (index.origin().equals("pk") ? ResultCode.CONSTRAINT_PRIMARYKEY
                        : ResultCode.CONSTRAINT_UNIQUE).code(), RowConstraints.undo(action(index, onConflict)), 0,
                        uniqueFailure(table, index), 0);
            }
            b.resolve(ok);
        }
    }

    /**
     * Jumps to {@code conflict}, with the rowid of the row in the way in
     * register {@code conflictRowid}, when the row in registers (values,
     * rowid) would break UNIQUE index {@code index} (one of those maintained).
     */
    void findConflict(Index index, int values, int rowid, int conflict, int conflictRowid) {
        int k = -1;
        for (int i = 0; i < indexes.size(); i++) {
            if (indexes.get(i).name().equalsIgnoreCase(index.name())) {
                k = i;
            }
        }
        int ok = b.newLabel();
        skipUnlessIndexed(index, values, rowid, ok);
        int key = buildKey(k, values, rowid);
        b.emit(Op.NO_CONFLICT, cursors[k], ok, key, index.parts().size(), 0);
        b.emit(Op.IDX_ROWID, cursors[k], conflictRowid, 0);
        b.emit(Op.GOTO, 0, conflict, 0);
        b.resolve(ok);
    }

    private static ConflictResolution action(Index index, ConflictResolution onConflict) {
        return onConflict != null ? onConflict : index.onConflict() != null ? index.onConflict() : ConflictResolution.ABORT;
    }

    /** SQLite's message for a row that would break UNIQUE index {@code index} of {@code table}. */
    static String uniqueFailure(Table table, Index index) {
        if (index.parts().stream().anyMatch(p -> p.column() == Index.EXPRESSION)) {
            return "UNIQUE constraint failed: index '" + index.name() + "'";
        }
        StringBuilder s = new StringBuilder("UNIQUE constraint failed: ");
        for (int p = 0; p < index.parts().size(); p++) {
            s.append(p == 0 ? "" : ", ").append(table.name()).append('.')
                    .append(table.columnLabel(index.parts().get(p).column()));
        }
        return s.toString();
    }

    /** Adds the row's entry to every maintained index (a partial index: if its WHERE accepts the row). */
    void insertKeys(int values, int rowid) {
        for (int k = 0; k < indexes.size(); k++) {
            if (cursors[k] == tableCursor) {
                continue;
            }
            int skip = b.newLabel();
            skipUnlessIndexed(indexes.get(k), values, rowid, skip);
            int key = buildKey(k, values, rowid);
            b.emit(Op.MAKE_RECORD, key, WithoutRowid.entryWidth(table, indexes.get(k)), record);
            b.emit(Op.IDX_INSERT, cursors[k], record, 0);
            b.resolve(skip);
        }
    }

    /** Removes the entries of the row in registers (values, rowid) from every maintained index. */
    void deleteKeys(int values, int rowid) {
        for (int k = 0; k < indexes.size(); k++) {
            if (cursors[k] == tableCursor) {
                continue;
            }
            int key = buildKey(k, values, rowid);
            b.emit(Op.IDX_DELETE, cursors[k], key, WithoutRowid.entryWidth(table, indexes.get(k)));
        }
    }

    /** Removes the entries of the row the table cursor stands on from every maintained index. */
    void deleteKeysOfCurrentRow() {
        for (int k = 0; k < indexes.size(); k++) {
            if (cursors[k] == tableCursor) {
                continue;
            }
            Index index = indexes.get(k);
            int key = keys[k];
            for (int p = 0; p < index.parts().size(); p++) {
                int column = index.parts().get(p).column();
                if (column == ColumnKey.ROWID) {
                    b.emit(Op.ROWID, tableCursor, key + p, 0);
                } else if (column == Index.EXPRESSION) {
                    ExprCompiler row = new ExprCompiler(b, functions);
                    row.setScopes(List.of(new Scope(table, table.name(), tableCursor, Set.of())));
                    row.compileInto(index.parts().get(p).expr(), key + p);
                } else {
                    GeneratedColumns.readColumn(b, functions, table, tableCursor, column, key + p);
                }
            }
            if (table.withoutRowid()) {
                List<Index.Part> extra = WithoutRowid.extraParts(table, index);
                for (int p = 0; p < extra.size(); p++) {
                    GeneratedColumns.readColumn(b, functions, table, tableCursor, extra.get(p).column(),
                            key + index.parts().size() + p);
                }
            } else {
                b.emit(Op.ROWID, tableCursor, key + index.parts().size(), 0);
            }
            b.emit(Op.IDX_DELETE, cursors[k], key, WithoutRowid.entryWidth(table, index));
        }
    }

    /** The key of the row for index {@code k}, in its registers. */
    private int buildKey(int k, int values, int rowid) {
        Index index = indexes.get(k);
        int key = keys[k];
        for (int p = 0; p < index.parts().size(); p++) {
            int column = index.parts().get(p).column();
            if (column == Index.EXPRESSION) {
                rowExpressions(b, functions, table, values, rowid).compileInto(index.parts().get(p).expr(), key + p);
            } else {
                b.emit(Op.COPY, column == ColumnKey.ROWID ? rowid : values + column, key + p, 0);
            }
        }
        if (table.withoutRowid()) {
            List<Index.Part> extra = WithoutRowid.extraParts(table, index);
            for (int p = 0; p < extra.size(); p++) {
                b.emit(Op.COPY, values + extra.get(p).column(), key + index.parts().size() + p, 0);
            }
        } else {
            b.emit(Op.COPY, rowid, key + index.parts().size(), 0);
        }
        return key;
    }

    /** For a partial index, jumps to {@code skip} when its WHERE does not accept the row in registers. */
    private void skipUnlessIndexed(Index index, int values, int rowid, int skip) {
        if (index.where() == null) {
            return;
        }
        ExprCompiler row = rowExpressions(b, functions, table, values, rowid);
        b.emit(Op.IF_NOT, row.compile(index.where()), skip, 1);
    }

    /** Expressions over the columns of a row held in registers rather than read from a cursor. */
    static ExprCompiler rowExpressions(ProgramBuilder b, FunctionRegistry functions, Table table, int values,
            int rowid) {
        return rowExpressions(b, functions, table, table.name(), values, rowid);
    }

    /** The same, with the table known by {@code name} (an alias). */
    static ExprCompiler rowExpressions(ProgramBuilder b, FunctionRegistry functions, Table table, String name,
            int values, int rowid) {
        ExprCompiler exprs = new ExprCompiler(b, functions);
        int cursor = b.newCursor();
        exprs.setScopes(List.of(new Scope(table, name, cursor, Set.of())));
        Map<ColumnKey, Integer> holders = new HashMap<>();
        for (int j = 0; j < table.columns().size(); j++) {
            holders.put(new ColumnKey(cursor, j), j == table.rowidAlias() ? rowid : values + j);
        }
        holders.put(new ColumnKey(cursor, ColumnKey.ROWID), rowid);
        exprs.setAggregateOutput(Map.of(), holders);
        return exprs;
    }
}
