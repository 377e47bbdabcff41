/*
 * The checks a row must pass before it is written, shared by INSERT and
 * UPDATE: NOT NULL on every column, CHECK constraints (in the order they are
 * written; only false fails, NULL passes; REPLACE acts as ABORT), and a rowid already taken by another
 * row, each handled as the statement's conflict clause says, else as the
 * constraint's ON CONFLICT clause says (NOT NULL, INTEGER PRIMARY KEY), else
 * as ABORT (ABORT, FAIL and
 * ROLLBACK fail the statement; IGNORE skips the row; REPLACE deletes the
 * row with the same rowid, and gives up on a NULL it cannot replace). UNIQUE
 * indexes are checked by IndexMaintenance.
 */
package turso.planner;

import turso.api.ResultCode;
import turso.parser.ast.ConflictResolution;
import turso.vm.FunctionRegistry;
import turso.vm.Op;
import turso.vm.ProgramBuilder;
import turso.vm.StrictTypes;
import turso.vm.Vm;

final class RowConstraints {
    private RowConstraints() {
    }

    /**
     * HALT's p2 for a constraint failing under {@code onConflict}: what the
     * connection undoes (FAIL keeps the statement's earlier changes,
     * ROLLBACK ends the transaction, ABORT undoes the statement).
     */
    static int undo(ConflictResolution onConflict) {
        return onConflict == null ? 0 : switch (onConflict) {
            case FAIL -> Vm.HALT_FAIL;
            case ROLLBACK -> Vm.HALT_ROLLBACK;
            default -> 0;
        };
    }

    /**
     * How a failure of {@code column}'s constraint is resolved: as the
     * statement's {@code clause} says, else as the constraint's own, else ABORT.
     */
    static ConflictResolution resolution(ConflictResolution clause, Column column) {
        return clause != null ? clause : column.onConflict() != null ? column.onConflict() : ConflictResolution.ABORT;
    }

    /**
     * NOT NULL checks of the row in {@code values} (one register per
     * column), resolved as {@link #resolution} says for the statement's
     * {@code clause} (null: none): jumps to {@code skipRow} on IGNORE; on
     * REPLACE a column with a default takes it instead of the NULL; else the
     * statement fails.
     */
    static void notNull(ProgramBuilder b, FunctionRegistry functions, Table table, int values,
            ConflictResolution clause, int skipRow) {
        for (int j = 0; j < table.columns().size(); j++) {
            Column column = table.columns().get(j);
            ConflictResolution onConflict = resolution(clause, column);
            if (column.notNull() && j != table.rowidAlias()) {
                int ok = b.newLabel();
                b.emit(Op.NOT_NULL, values + j, ok, 0);
                if (onConflict == ConflictResolution.IGNORE) {
                    b.emit(Op.GOTO, 0, skipRow, 0);
                } else if (onConflict == ConflictResolution.REPLACE && column.defaultValue() != null) {
                    // REPLACE puts the column's default in place of the NULL, as SQLite (lang_conflict.html)
                    InsertCompiler.defaultValue(new ExprCompiler(b, functions), column.defaultValue(), values + j);
                    b.emit(Op.AFFINITY, values + j, 1, 0, new turso.vm.Affinity[] {column.affinity()}, 0);
                } else {
                    b.emit(Op.HALT, ResultCode.CONSTRAINT_NOTNULL.code(), undo(onConflict), 0,
                            "NOT NULL constraint failed: " + table.name() + "." + column.name(), 0);
                }
                b.resolve(ok);
            }
        }
    }

    /**
     * The column types of a STRICT table, for the row in {@code values} (one
     * register per column, after affinity): a value of another type fails
     * whatever the conflict clause, as in SQLite.
     */
    static void types(ProgramBuilder b, Table table, int values) {
        int width = table.columns().size();
        String[] names = new String[width];
        String[] types = new String[width];
        boolean any = false;
        for (int j = 0; j < width; j++) {
            Column column = table.columns().get(j);
            names[j] = column.name();
            if (column.strict() && j != table.rowidAlias() && !column.declaredType().equals("ANY")) {
                types[j] = column.declaredType();
                any = true;
            }
        }
        if (any) {
            b.emit(Op.TYPE_CHECK, values, width, 0, new StrictTypes(table.name(), names, types), 0);
        }
    }

    /**
     * CHECK constraints of the row in {@code values} (one register per column,
     * after affinity) with rowid {@code rowid}; jumps to {@code skipRow} on IGNORE.
     */
    static void checks(ProgramBuilder b, FunctionRegistry functions, Table table, int values, int rowid,
            ConflictResolution onConflict, int skipRow) {
        for (Table.Check check : table.checks()) {
            ExprCompiler row = IndexMaintenance.rowExpressions(b, functions, table, values, rowid);
            int ok = b.newLabel();
            b.emit(Op.IF, row.compile(check.expr()), ok, 1);
            if (onConflict == ConflictResolution.IGNORE) {
                b.emit(Op.GOTO, 0, skipRow, 0);
            } else {
                b.emit(Op.HALT, ResultCode.CONSTRAINT_CHECK.code(), undo(onConflict), 0,
                        "CHECK constraint failed: " + check.label(), 0);
            }
            b.resolve(ok);
        }
    }

    /**
     * What to do when rowid {@code rowid} is already taken in {@code cursor}'s
     * table, resolved as {@link #resolution} says for the statement's
     * {@code clause} and the INTEGER PRIMARY KEY: continue when it is not,
     * jump to {@code skipRow} on IGNORE, delete the row in the way (with its
     * index entries) on REPLACE, else fail. Moves the cursor.
     */
    static void rowidFree(ProgramBuilder b, Table table, int cursor, int rowid, ConflictResolution clause,
            int skipRow, IndexMaintenance indexes) {
        ConflictResolution onConflict = table.rowidAlias() < 0 ? clause != null ? clause : ConflictResolution.ABORT
                : resolution(clause, table.columns().get(table.rowidAlias()));
        int free = b.newLabel();
        b.emit(Op.NOT_EXISTS, cursor, free, rowid);
        switch (onConflict) {
            case IGNORE -> b.emit(Op.GOTO, 0, skipRow, 0);
            case REPLACE -> indexes.deleteRowInTheWay();
            default -> b.emit(Op.HALT, ResultCode.CONSTRAINT_PRIMARYKEY.code(), undo(onConflict), 0,
                    rowidFailure(table), 0);
        }
        b.resolve(free);
    }

    /** SQLite's message for a rowid that is already taken in {@code table}. */
    static String rowidFailure(Table table) {
        return "UNIQUE constraint failed: " + table.name() + "."
                + (table.rowidAlias() >= 0 ? table.columns().get(table.rowidAlias()).name() : "rowid");
    }
}
