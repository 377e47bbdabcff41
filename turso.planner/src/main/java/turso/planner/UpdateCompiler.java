/*
 * Code generation for UPDATE on a rowid table, in two passes so that a row
 * whose rowid changes is not met again: first the rowids of the rows WHERE
 * holds for are gathered, then each row is read, its new values computed
 * from the old ones, checked (RowConstraints, UNIQUE indexes) and written
 * back, moving it when its INTEGER PRIMARY KEY changed. Only the indexes
 * holding a changed column are rewritten, unless a rowid changes or REPLACE
 * may delete other rows. ORDER BY / LIMIT pick the rows (PickedRows); with
 * FROM the first pass is a join (UpdateFrom) that also computes the new
 * values; RETURNING gets each new row. The table's UPDATE triggers fire
 * before each row is checked and after it is written (TriggerCompiler).
 * Foreign keys are checked before the row is written, and their ON UPDATE
 * actions run after it (ForeignKeyChecks).
 */
package turso.planner;

import java.util.List;
import java.util.Set;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.parser.ast.ConflictResolution;
import turso.parser.ast.Expr;
import turso.parser.ast.Stmt;
import turso.vm.Affinity;
import turso.vm.CompareOp;
import turso.vm.Comparison;
import turso.vm.FunctionRegistry;
import turso.vm.Op;
import turso.vm.Program;
import turso.vm.ProgramBuilder;

final class UpdateCompiler {
    private UpdateCompiler() {
    }

    static Program compile(Stmt.Update update, String sql, Schema schema, FunctionRegistry functions) {
        if (update.with() != null) {
            schema = SelectCompiler.withTables(schema, update.with());
        }
        Program onView = ViewTriggerCompiler.compile(update, sql, schema, functions);
        if (onView != null) {
            return onView;
        }
        Table table = Tables.find(schema, update.table());
        table.checkWritable();
        int width = table.columns().size();
        SetAssignments assignments = SetAssignments.of(table, update.sets());
        Expr[] newValue = assignments.newValue();
        Expr newRowid = assignments.newRowid();
        ConflictResolution onConflict = update.orConflict() == null ? ConflictResolution.ABORT : update.orConflict();

        ProgramBuilder b = new ProgramBuilder();
        b.markCountsChanges();
        ExprCompiler exprs = new ExprCompiler(b, functions);
        exprs.setContext(schema, sql, null);
        int cursor = b.newCursor();
        String name = update.alias() == null ? table.name() : update.alias().value();
        Scope scope = new Scope(table, name, cursor, Set.of());
        IndexedBy indexedBy = update.indexed() == null ? null : IndexedBy.of(table, update.indexed());
        Scope pathScope = indexedBy == null ? scope : new Scope(indexedBy.table(), name, cursor, Set.of());
        exprs.setScopes(List.of(scope));
        int init = b.emit(Op.INIT, 0, 0, 0);
        b.setJump(init, b.currentAddress());
        int rowid = b.newRegister();
        int values = b.newRegisters(width);
        ExprCompiler returned = IndexMaintenance.rowExpressions(b, functions, table, values, rowid);
        returned.setContext(schema, sql, null);
        Returning returning = Returning.of(b, update.returning(), table, table.name(), returned, sql);
        if (returning != null) {
            returning.open();
        }
        int done = b.newLabel();
        UpdateFrom joined = update.from() == null ? null : new UpdateFrom(b, update, name, newValue, newRowid, table);
        boolean mayReplace = table.mayReplace(update.orConflict());
        java.util.Set<String> changed = new java.util.HashSet<>();
        update.sets().forEach(set -> set.columns().forEach(c -> changed.add(c.value().toLowerCase(java.util.Locale.ROOT))));
        TriggerCompiler triggers = TriggerCompiler.forStatement(b, functions, schema, table,
                Stmt.TriggerEvent.UPDATE, changed);
        ForeignKeyChecks foreignKeys = ForeignKeyChecks.forStatement(b, functions, schema, table,
                Stmt.TriggerEvent.UPDATE, changed, true);
        boolean keyChanges = table.withoutRowid()
                && table.primaryKey().parts().stream().anyMatch(p -> newValue[p.column()] != null);
        List<Expr> terms = new java.util.ArrayList<>();
        Conjuncts.split(update.where(), terms);
        // a join's WHERE is resolved with the join (UpdateFrom), after its SET expressions, as SQLite words errors
        AccessPath chosen = joined != null ? null
                : AccessPaths.choose(pathScope, terms, exprs, e -> Conjuncts.constant(e, exprs));
        AccessPath path = joined != null || indexedBy == null ? chosen : indexedBy.path(terms, chosen);
        PickedRows rowids = joined != null ? null
                : new PickedRows(b, exprs, update.orderBy(), update.limit(), "UPDATE",
                        PickedRows.onePass(update.returning(), update.where(), newRowid != null || mayReplace
                                || keyChanges || triggers != null
                                || foreignKeys != null || table.hasGenerated()
                                || path instanceof AccessPath.IndexRange range && changes(range.index(), newValue)));
        if (joined != null) {
            joined.gather(functions, schema, sql);
        } else {
            rowids.orderByKeyOf(table, functions);
            rowids.open(done);
        }
        if (path instanceof AccessPath.RowidEq && !table.withoutRowid() && newRowid == null && !mayReplace
                && triggers == null && foreignKeys == null) {
            b.markSingleRowWrite();
        }
        b.emit(Op.TRANSACTION, table.db(), 1, 0);
        b.emit(Op.OPEN_WRITE, cursor, table.rootPage(), table.db(), WithoutRowid.tableKey(table, functions), 0);
        b.comment(table.name());
        boolean everyIndex = mayReplace || newRowid != null || table.hasGenerated() || keyChanges;
        IndexMaintenance indexes = new IndexMaintenance(b, functions, table, cursor,
                i -> everyIndex || i.where() != null || i.parts().stream().anyMatch(
                        p -> p.column() == Index.EXPRESSION || p.column() != ColumnKey.ROWID && newValue[p.column()] != null));
        indexes.open();
        if (mayReplace) {
            indexes.watchReplacedRows(schema);
        }
        if (joined == null) {
            Conjuncts.testBeforeLoops(terms, exprs, b, done);
            gatherRows(b, update, functions, exprs, pathScope, path, rowids, cursor);
        }
        int each = joined != null ? joined.sort(done) : rowids.sort(done);
        int skipRow = b.newLabel();
        int record = b.newRegister();
        int oldRowid = b.newRegister();
        if (joined != null) {
            joined.read(oldRowid, skipRow, functions);
        } else {
            rowids.read(oldRowid);
        }
        b.emit(Op.NOT_EXISTS, cursor, skipRow, oldRowid);
        int oldValues = b.newRegisters(width);
        if (!indexes.isEmpty() || triggers != null || foreignKeys != null) {
            GeneratedColumns.readRow(b, functions, table, cursor, oldValues, oldRowid);
        }
        for (int j = 0; j < width; j++) {
            if (newValue[j] != null && joined != null) {
                joined.valueInto(j, values + j);
            } else if (newValue[j] != null) {
                exprs.compileInto(newValue[j], values + j);
            } else if (j != table.rowidAlias() && table.columns().get(j).generated() == null) {
                b.emit(Op.COLUMN, cursor, table.storageIndex(j), values + j);
            }
        }
        Affinity[] affinities = table.columns().stream().map(Column::affinity).toArray(Affinity[]::new);
        if (newRowid == null) {
            b.emit(Op.COPY, oldRowid, rowid, 0);
        } else {
            if (joined != null) {
                joined.rowidInto(rowid);
            } else {
                exprs.compileInto(newRowid, rowid);
            }
            b.emit(Op.MUST_BE_INT, rowid, 0, 0);
        }
        if (triggers != null && triggers.fires(Stmt.TriggerTime.BEFORE)) {
            b.emit(Op.AFFINITY, values, width, 0, affinities, 0);
            triggers.fire(Stmt.TriggerTime.BEFORE, oldRowid, oldValues, rowid, values, skipRow);
            b.emit(Op.NOT_EXISTS, cursor, skipRow, oldRowid);
        }
        if (newRowid != null) {
            int same = b.newRegister();
            int unchanged = b.newLabel();
            b.emit(Op.COMPARE, rowid, oldRowid, same, new Comparison(CompareOp.EQ, Affinity.NONE,
                    functions.collation("BINARY")), 0);
            b.emit(Op.IF, same, unchanged, 0);
            RowConstraints.rowidFree(b, table, cursor, rowid, update.orConflict(), skipRow, indexes);
            int gone = b.newLabel();
            b.emit(Op.NOT_EXISTS, cursor, gone, oldRowid);
            b.emit(Op.DELETE, cursor, 0, 0);
            b.resolve(gone);
            b.resolve(unchanged);
        }
        if (table.rowidAlias() >= 0) {
            b.emit(Op.NULL, 0, values + table.rowidAlias(), 0);
        }
        b.emit(Op.AFFINITY, values, width, 0, affinities, 0);
        GeneratedColumns.compute(b, functions, table, values, rowid);
        if (table.withoutRowid()) {
            WithoutRowid.rowKeyOfValues(b, table, values, rowid);
        }
        RowConstraints.notNull(b, functions, table, values, update.orConflict(), skipRow);
        RowConstraints.types(b, table, values);
        RowConstraints.checks(b, functions, table, values, rowid, onConflict, skipRow);
        indexes.checkUnique(values, rowid, oldRowid, update.orConflict(), skipRow);
        indexes.recheckAfterReplace(values, rowid, oldRowid);
        if (foreignKeys != null) {
            foreignKeys.load(oldRowid, oldValues, rowid, values);
            foreignKeys.checkOld();
            foreignKeys.checkNew();
        }
        indexes.deleteKeys(oldValues, oldRowid);
        if (keyChanges) {
            WithoutRowid.deleteIfKeyChanged(b, functions, cursor, rowid, oldRowid);
        }
        indexes.insertKeys(values, rowid);
        GeneratedColumns.makeRecord(b, table, values, record);
        b.emit(Op.INSERT, cursor, record, rowid, null, Op.COUNT_CHANGE);
        if (returning != null) {
            returning.row(returned, IntRealLeak.onUpdate(table, newValue, newRowid != null));
        }
        if (foreignKeys != null) {
            foreignKeys.actions();
        }
        if (triggers != null) {
            triggers.fire(Stmt.TriggerTime.AFTER, oldRowid, oldValues, rowid, values, skipRow);
        }
        b.resolve(skipRow);
        if (joined != null) {
            joined.next(each);
        } else {
            rowids.next(each);
        }
        b.resolve(done);
        if (returning != null) {
            returning.emit();
        }
        b.emit(Op.HALT, 0, 0, 0);
        return b.build();
    }

    /** Whether the SET changes a column {@code index} holds (then SQLite does not scan it in one pass). */
    private static boolean changes(Index index, Expr[] newValue) {
        return index.where() != null || index.parts().stream()
                .anyMatch(p -> p.column() == Index.EXPRESSION || p.column() != ColumnKey.ROWID && newValue[p.column()] != null);
    }

    /** The first pass: the rowids of the rows WHERE holds for, kept by {@code rowids}. */
    private static void gatherRows(ProgramBuilder b, Stmt.Update update, FunctionRegistry functions,
            ExprCompiler exprs, Scope scope, AccessPath path, PickedRows rowids, int cursor) {
        int gathered = b.newLabel();
        ScanLoop scan = new ScanLoop(b, exprs, functions, scope, path);
        scan.openIndex();
        scan.start(gathered);
        int loop = b.currentAddress();
        int next = b.newLabel();
        scan.enter(next, gathered);
        if (update.where() != null) {
            b.emit(Op.IF_NOT, exprs.compile(update.where()), next, 1);
        }
        rowids.add(cursor);
        b.resolve(next);
        scan.advance(loop);
        b.resolve(gathered);
    }
}
