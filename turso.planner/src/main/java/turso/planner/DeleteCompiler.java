/*
 * Code generation for DELETE on a rowid table: one pass over the table,
 * deleting each row WHERE holds for, with its index entries (the cursor then
 * moves on to the row after the deleted one); or, when WHERE lets a rowid or
 * an index find the rows, or ORDER BY / LIMIT pick them (PickedRows), their
 * rowids gathered first, then each deleted. RETURNING is computed from the
 * deleted row's values after it is gone, as SQLite does. With DELETE
 * triggers the rowids are always gathered first, and the triggers fire
 * before and after each row is deleted (TriggerCompiler); so it is with
 * foreign keys to check, whose actions run after the row is deleted
 * (ForeignKeyChecks).
 */
package turso.planner;

import java.util.ArrayList;
import java.util.List;
import turso.parser.ast.Expr;
import turso.parser.ast.Stmt;
import turso.vm.FunctionRegistry;
import turso.vm.Op;
import turso.vm.Program;
import turso.vm.ProgramBuilder;

final class DeleteCompiler {
    private DeleteCompiler() {
    }

    static Program compile(Stmt.Delete delete, String sql, Schema schema, FunctionRegistry functions) {
        if (delete.with() != null) {
            schema = SelectCompiler.withTables(schema, delete.with());
        }
        Program onView = ViewTriggerCompiler.compile(delete, sql, schema, functions);
        if (onView != null) {
            return onView;
        }
        Table table = Tables.find(schema, delete.table());
        table.checkWritable();
        ProgramBuilder b = new ProgramBuilder();
        b.markCountsChanges();
        ExprCompiler exprs = new ExprCompiler(b, functions);
        exprs.setContext(schema, sql, null);
        int cursor = b.newCursor();
        String name = delete.alias() == null ? table.name() : delete.alias().value();
        Scope scope = new Scope(table, name, cursor, java.util.Set.of());
        IndexedBy indexedBy = delete.indexed() == null ? null : IndexedBy.of(table, delete.indexed());
        Scope pathScope = indexedBy == null ? scope : new Scope(indexedBy.table(), name, cursor, java.util.Set.of());
        exprs.setScopes(List.of(scope));
        int oldRowid = b.newRegister();
        int oldValues = b.newRegisters(table.columns().size());
        ExprCompiler returned = IndexMaintenance.rowExpressions(b, functions, table, oldValues, oldRowid);
        returned.setContext(schema, sql, null);
        Returning returning = Returning.of(b, delete.returning(), table, table.name(), returned, sql);
        int init = b.emit(Op.INIT, 0, 0, 0);
        b.setJump(init, b.currentAddress());
        if (returning != null) {
            returning.open();
        }
        int done = b.newLabel();
        b.emit(Op.TRANSACTION, table.db(), 1, 0);
        b.emit(Op.OPEN_WRITE, cursor, table.rootPage(), table.db(), WithoutRowid.tableKey(table, functions), 0);
        b.comment(table.name());
        IndexMaintenance indexes = new IndexMaintenance(b, functions, table, cursor);
        indexes.open();
        TriggerCompiler triggers = TriggerCompiler.forStatement(b, functions, schema, table,
                Stmt.TriggerEvent.DELETE, java.util.Set.of());
        ForeignKeyChecks foreignKeys = ForeignKeyChecks.forStatement(b, functions, schema, table,
                Stmt.TriggerEvent.DELETE, java.util.Set.of(), true);
        List<Expr> terms = new ArrayList<>();
        Conjuncts.split(delete.where(), terms);
        AccessPath chosen = AccessPaths.choose(pathScope, terms, exprs, e -> Conjuncts.constant(e, exprs));
        ScanLoop scan = new ScanLoop(b, exprs, functions, pathScope,
                indexedBy == null ? chosen : indexedBy.path(terms, chosen));
        Conjuncts.testBeforeLoops(terms, exprs, b, done);
        if (scan.path() instanceof AccessPath.FullScan && delete.orderBy().isEmpty() && delete.limit() == null
                && triggers == null && foreignKeys == null) {
            b.emit(Op.REWIND, cursor, done, 0);
            int loop = b.currentAddress();
            int next = b.newLabel();
            if (delete.where() != null) {
                b.emit(Op.IF_NOT, exprs.compile(delete.where()), next, 1);
            }
            if (returning != null) {
                keepRow(b, functions, table, cursor, oldValues, oldRowid);
            }
            indexes.deleteKeysOfCurrentRow();
            b.emit(Op.DELETE, cursor, 0, 0, null, Op.COUNT_CHANGE);
            if (returning != null) {
                returning.row(returned);
            }
            b.resolve(next);
            b.emit(Op.NEXT, cursor, loop, 0);
        } else {
            PickedRows rowids = new PickedRows(b, exprs, delete.orderBy(), delete.limit(), "DELETE",
                    PickedRows.onePass(delete.returning(), delete.where(), triggers != null || foreignKeys != null));
            rowids.orderByKeyOf(table, functions);
            rowids.open(done);
            scan.openIndex();
            int gathered = b.newLabel();
            scan.start(gathered);
            int loop = b.currentAddress();
            int next = b.newLabel();
            scan.enter(next, gathered);
            if (delete.where() != null) {
                b.emit(Op.IF_NOT, exprs.compile(delete.where()), next, 1);
            }
            rowids.add(cursor);
            b.resolve(next);
            scan.advance(loop);
            b.resolve(gathered);
            int each = rowids.sort(done);
            int gone = b.newLabel();
            int rowid = b.newRegister();
            rowids.read(rowid);
            b.emit(Op.SEEK_ROWID, cursor, gone, rowid);
            if (returning != null || triggers != null || foreignKeys != null) {
                keepRow(b, functions, table, cursor, oldValues, oldRowid);
            }
            if (triggers != null && triggers.fires(Stmt.TriggerTime.BEFORE)) {
                triggers.fire(Stmt.TriggerTime.BEFORE, oldRowid, oldValues, -1, -1, gone);
                b.emit(Op.SEEK_ROWID, cursor, gone, rowid);
            }
            if (foreignKeys != null) {
                foreignKeys.load(oldRowid, oldValues, -1, -1);
                foreignKeys.checkOld();
                b.emit(Op.SEEK_ROWID, cursor, gone, rowid);
            }
            indexes.deleteKeysOfCurrentRow();
            b.emit(Op.DELETE, cursor, 0, 0, null, Op.COUNT_CHANGE);
            if (returning != null) {
                returning.row(returned);
            }
            if (foreignKeys != null) {
                foreignKeys.actions();
            }
            if (triggers != null) {
                triggers.fire(Stmt.TriggerTime.AFTER, oldRowid, oldValues, -1, -1, gone);
            }
            b.resolve(gone);
            rowids.next(each);
        }
        b.resolve(done);
        if (returning != null) {
            returning.emit();
        }
        b.emit(Op.HALT, 0, 0, 0);
        return b.build();
    }

    /** Reads the row {@code cursor} stands on into registers, for RETURNING after it is deleted. */
    private static void keepRow(ProgramBuilder b, FunctionRegistry functions, Table table, int cursor, int values,
            int rowid) {
        b.emit(Op.ROWID, cursor, rowid, 0);
        GeneratedColumns.readRow(b, functions, table, cursor, values, rowid);
    }
}
