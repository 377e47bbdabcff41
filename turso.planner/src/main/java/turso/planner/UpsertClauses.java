/*
 * The ON CONFLICT clauses of an INSERT (lang_upsert.html). Each clause's
 * target is matched, when the statement is compiled, to the rowid (its
 * INTEGER PRIMARY KEY, or the name rowid) or to a UNIQUE index (same columns or expressions in any order, same collations, and
 * for a partial index the same WHERE); only the last clause may have no
 * target, and it then takes any uniqueness conflict. As in SQLite, the
 * targeted constraints are checked first, in the order of the clauses, then
 * the rowid, then the other UNIQUE indexes. On a conflict, DO NOTHING skips
 * the row; DO UPDATE updates the row in the way (with ABORT for its own
 * constraints, and its foreign keys checked and their ON UPDATE actions run
 * as UPDATE does), reading the proposed row as "excluded", and fires the
 * table's UPDATE triggers as an UPDATE would.
 */
package turso.planner;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.parser.ast.ConflictResolution;
import turso.parser.ast.Expr;
import turso.parser.ast.OrderingTerm;
import turso.parser.ast.Stmt;
import turso.parser.ast.Upsert;
import turso.vm.Affinity;
import turso.vm.CompareOp;
import turso.vm.Comparison;
import turso.vm.FunctionRegistry;
import turso.vm.Op;
import turso.vm.ProgramBuilder;

final class UpsertClauses {
    /** What a clause's target names: the rowid, a UNIQUE index, or (null) anything. */
    private record Clause(Upsert upsert, boolean rowid, Index index) {
    }

    private final List<Clause> clauses;
    private final Table table;
    private final String name;

    private UpsertClauses(List<Clause> clauses, Table table, String name) {
        this.clauses = clauses;
        this.table = table;
        this.name = name;
    }

    /** The clauses of an INSERT into {@code table} (known as {@code name}), targets matched; null when none. */
    static UpsertClauses of(List<Upsert> upserts, Table table, String name) {
        if (upserts.isEmpty()) {
            return null;
        }
        List<Clause> clauses = new ArrayList<>();
        for (int k = 0; k < upserts.size(); k++) {
            Upsert u = upserts.get(k);
            if (u.target().isEmpty()) {
                if (k != upserts.size() - 1) {
                    throw new TursoException(ResultCode.ERROR, "ON CONFLICT clause does not match any PRIMARY KEY or UNIQUE constraint");
                }
                clauses.add(new Clause(u, false, null));
            } else if (isRowidTarget(u, table)) {
                clauses.add(new Clause(u, true, null));
            } else {
                clauses.add(new Clause(u, false, matchIndex(u, table)));
            }
        }
        return new UpsertClauses(clauses, table, name);
    }

    private static boolean isRowidTarget(Upsert u, Table table) {
        if (u.target().size() != 1 || u.targetWhere() != null) {
            return false;
        }
        Expr e = u.target().getFirst().expr();
        if (e instanceof Expr.Collate c) {
            e = c.expr();
        }
        if (!(e instanceof Expr.ColumnRef ref) || ref.table() != null) {
            return false;
        }
        int column = table.columnIndex(ref.column().value());
        return column >= 0 ? column == table.rowidAlias() : Scope.isRowidName(ref.column().value());
    }

    private static Index matchIndex(Upsert u, Table table) {
        for (Index index : table.indexes()) {
            if (index.unique() && sameColumns(u.target(), index, table)
                    && (index.where() == null ? u.targetWhere() == null : index.where().equals(u.targetWhere()))) {
                return index;
            }
        }
        throw new TursoException(ResultCode.ERROR, "ON CONFLICT clause does not match any PRIMARY KEY or UNIQUE constraint");
    }

    /** Marks the expression part of {@code index} that target term {@code e} is (with its collation); false if none. */
    private static boolean matchExpression(Expr e, String collation, Index index, Set<Integer> matched) {
        for (int p = 0; p < index.parts().size(); p++) {
            Index.Part part = index.parts().get(p);
            if (part.column() == Index.EXPRESSION && !matched.contains(p) && SameExpr.same(part.expr(), e)
                    && (collation == null || collation.equalsIgnoreCase(part.collation()))) {
                matched.add(p);
                return true;
            }
        }
        return false;
    }

    /** Whether the target terms name exactly the index's columns or expressions, in any order, with its collations. */
    private static boolean sameColumns(List<OrderingTerm> target, Index index, Table table) {
        if (target.size() != index.parts().size()) {
            return false;
        }
        Set<Integer> matched = new HashSet<>();
        for (OrderingTerm term : target) {
            Expr e = term.expr();
            String collation = null;
            if (e instanceof Expr.Collate c) {
                collation = c.collation().value();
                e = c.expr();
            }
            if (!(e instanceof Expr.ColumnRef ref) || ref.table() != null) {
                if (!matchExpression(e, collation, index, matched)) {
                    return false;
                }
                continue;
            }
            int column = table.columnIndex(ref.column().value());
            if (column < 0) {
                throw new TursoException(ResultCode.ERROR, "no such column: " + ref.column().value());
            }
            int key = column == table.rowidAlias() ? ColumnKey.ROWID : column;
            boolean found = false;
            for (int p = 0; p < index.parts().size(); p++) {
                Index.Part part = index.parts().get(p);
                if (part.column() == key && !matched.contains(p)
                        && (collation == null || collation.equalsIgnoreCase(part.collation()))) {
                    matched.add(p);
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /**
     * The uniqueness checks of the proposed row in registers (values, rowid)
     * with the upsert clauses applied, then (when no clause took the row) the
     * rest as the statement's {@code clause} (null: none) and the constraints say; falls through when the
     * row can be inserted. {@code given}: a register true when the rowid was
     * given (so it may be taken), or -1 when the table chooses every rowid.
     * The handlers of the clauses follow the code the caller emits for the
     * insertion; see {@link #handlers}.
     */
    Handlers checks(ProgramBuilder b, Table table, int cursor, IndexMaintenance indexes, int values, int rowid,
            int given, ConflictResolution clause, int nextRow) {
        boolean checkRowid = given >= 0;
        int[] labels = new int[clauses.size()];
        for (int k = 0; k < labels.length; k++) {
            labels[k] = b.newLabel();
        }
        int conflictRowid = b.newRegister();
        Set<String> checked = new HashSet<>();
        boolean rowidChecked = false;
        for (int k = 0; k < clauses.size(); k++) {
            Clause c = clauses.get(k);
            if (c.rowid() && !rowidChecked && checkRowid) {
                int free = b.newLabel();
                b.emit(Op.IF_NOT, given, free, 0);
                b.emit(Op.NOT_EXISTS, cursor, free, rowid);
                b.emit(Op.COPY, rowid, conflictRowid, 0);
                b.emit(Op.GOTO, 0, labels[k], 0);
                b.resolve(free);
                rowidChecked = true;
            } else if (c.index() != null && checked.add(c.index().name())) {
                indexes.findConflict(c.index(), values, rowid, labels[k], conflictRowid);
            }
        }
        int any = IndexMaintenance.NO_LABEL;
        for (int k = 0; k < clauses.size(); k++) {
            if (clauses.get(k).index() == null && !clauses.get(k).rowid()) {
                any = labels[k];
            }
        }
        if (checkRowid && !rowidChecked) {
            int free = b.newLabel();
            b.emit(Op.IF_NOT, given, free, 0);
            if (any != IndexMaintenance.NO_LABEL) {
                b.emit(Op.NOT_EXISTS, cursor, free, rowid);
                b.emit(Op.COPY, rowid, conflictRowid, 0);
                b.emit(Op.GOTO, 0, any, 0);
            } else {
                RowConstraints.rowidFree(b, table, cursor, rowid, clause, nextRow, indexes);
            }
            b.resolve(free);
        }
        indexes.checkUnique(values, rowid, -1, clause, nextRow, checked, any, conflictRowid);
        return new Handlers(labels, conflictRowid);
    }

    /** Where each clause's handler starts, and the register holding the rowid of the row in the way. */
    record Handlers(int[] labels, int conflictRowid) {
    }

    /**
     * The code of each clause: DO NOTHING goes to {@code nextRow}; DO UPDATE
     * updates the row in the way and then goes to {@code nextRow}.
     * {@code returning} (or null) gets the updated row.
     */
    void handlers(Handlers h, ProgramBuilder b, FunctionRegistry functions, Schema schema, String sql, int cursor,
            IndexMaintenance indexes, int values, int rowid, Returning returning, int nextRow) {
        for (int k = 0; k < clauses.size(); k++) {
            b.resolve(h.labels()[k]);
            Upsert u = clauses.get(k).upsert();
            if (u.set() == null) {
                b.emit(Op.GOTO, 0, nextRow, 0);
            } else {
                doUpdate(u, b, functions, schema, sql, cursor, indexes, values, rowid, h.conflictRowid(), returning,
                        nextRow);
            }
        }
    }

    private void doUpdate(Upsert u, ProgramBuilder b, FunctionRegistry functions, Schema schema, String sql,
            int cursor, IndexMaintenance indexes, int values, int rowid, int oldRowid, Returning returning,
            int nextRow) {
        int width = table.columns().size();
        SetAssignments assignments = SetAssignments.of(table, u.set());
        Expr[] newValue = assignments.newValue();
        Expr newRowidExpr = assignments.newRowid();
        ExprCompiler excluded = IndexMaintenance.rowExpressions(b, functions, table, "excluded", values, rowid);
        excluded.setContext(schema, sql, null);
        ExprCompiler exprs = new ExprCompiler(b, functions);
        exprs.setScopes(List.of(new Scope(table, name, cursor, Set.of())));
        exprs.setContext(schema, sql, excluded);

        b.emit(Op.SEEK_ROWID, cursor, nextRow, oldRowid);
        if (u.where() != null) {
            b.emit(Op.IF_NOT, exprs.compile(u.where()), nextRow, 1);
        }
        int oldValues = b.newRegisters(width);
        int newValues = b.newRegisters(width);
        int newRowid = b.newRegister();
        int record = b.newRegister();
        GeneratedColumns.readRow(b, functions, table, cursor, oldValues, oldRowid);
        for (int j = 0; j < width; j++) {
            if (newValue[j] != null) {
                exprs.compileInto(newValue[j], newValues + j);
            } else if (j != table.rowidAlias()) {
                b.emit(Op.COPY, oldValues + j, newValues + j, 0);
            }
        }
        if (newRowidExpr == null) {
            b.emit(Op.COPY, oldRowid, newRowid, 0);
        } else {
            exprs.compileInto(newRowidExpr, newRowid);
            b.emit(Op.MUST_BE_INT, newRowid, 0, 0);
        }
        if (table.rowidAlias() >= 0) {
            b.emit(Op.NULL, 0, newValues + table.rowidAlias(), 0);
        }
        Affinity[] affinities = table.columns().stream().map(Column::affinity).toArray(Affinity[]::new);
        Set<String> changed = new HashSet<>();
        u.set().forEach(set -> set.columns().forEach(c -> changed.add(c.value().toLowerCase(java.util.Locale.ROOT))));
        TriggerCompiler triggers = TriggerCompiler.forStatement(b, functions, schema, table,
                Stmt.TriggerEvent.UPDATE, changed);
        if (triggers != null && triggers.fires(Stmt.TriggerTime.BEFORE)) {
            b.emit(Op.AFFINITY, newValues, width, 0, affinities, 0);
            triggers.fire(Stmt.TriggerTime.BEFORE, oldRowid, oldValues, newRowid, newValues, nextRow);
            b.emit(Op.NOT_EXISTS, cursor, nextRow, oldRowid);
        }
        b.emit(Op.AFFINITY, newValues, width, 0, affinities, 0);
        GeneratedColumns.compute(b, functions, table, newValues, newRowid);
        if (table.withoutRowid()) {
            WithoutRowid.rowKeyOfValues(b, table, newValues, newRowid);
        }
        RowConstraints.notNull(b, functions, table, newValues, ConflictResolution.ABORT, nextRow);
        RowConstraints.types(b, table, newValues);
        RowConstraints.checks(b, functions, table, newValues, newRowid, ConflictResolution.ABORT, nextRow);
        if (newRowidExpr != null) {
            int same = b.newRegister();
            int unchanged = b.newLabel();
            b.emit(Op.COMPARE, newRowid, oldRowid, same, new Comparison(CompareOp.EQ, Affinity.NONE,
                    functions.collation("BINARY")), 0);
            b.emit(Op.IF, same, unchanged, 0);
            RowConstraints.rowidFree(b, table, cursor, newRowid, ConflictResolution.ABORT, nextRow, indexes);
            int gone = b.newLabel();
            b.emit(Op.NOT_EXISTS, cursor, gone, oldRowid);
            b.emit(Op.DELETE, cursor, 0, 0);
            b.resolve(gone);
            b.resolve(unchanged);
        }
        indexes.checkUnique(newValues, newRowid, oldRowid, ConflictResolution.ABORT, nextRow);
        ForeignKeyChecks foreignKeys = ForeignKeyChecks.forStatement(b, functions, schema, table,
                turso.parser.ast.Stmt.TriggerEvent.UPDATE, changed, true);
        if (foreignKeys != null) {
            foreignKeys.load(oldRowid, oldValues, newRowid, newValues);
            foreignKeys.checkOld();
            foreignKeys.checkNew();
        }
        indexes.deleteKeys(oldValues, oldRowid);
        if (table.withoutRowid()) {
            WithoutRowid.deleteIfKeyChanged(b, functions, cursor, newRowid, oldRowid);
        }
        indexes.insertKeys(newValues, newRowid);
        GeneratedColumns.makeRecord(b, table, newValues, record);
        b.emit(Op.INSERT, cursor, record, newRowid, null, Op.COUNT_CHANGE);
        if (foreignKeys != null) {
            foreignKeys.actions();
        }
        if (returning != null) {
            ExprCompiler returned = IndexMaintenance.rowExpressions(b, functions, table, newValues, newRowid);
            returned.setContext(schema, sql, null);
            returning.row(returned, IntRealLeak.onUpdate(table, newValue, newRowidExpr != null));
        }
        if (triggers != null) {
            triggers.fire(Stmt.TriggerTime.AFTER, oldRowid, oldValues, newRowid, newValues, nextRow);
        }
        b.emit(Op.GOTO, 0, nextRow, 0);
    }
}
