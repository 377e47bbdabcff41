/*
 * Code generation for DELETE on a rowid table: one pass over the table,
 * deleting each row WHERE holds for, with its index entries (the cursor then
 * moves on to the row after the deleted one); or, when WHERE lets a rowid or
 * an index find the rows, their rowids gathered first, then each deleted.
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
import turso.vm.SortOrder;

final class DeleteCompiler {
    private DeleteCompiler() {
    }

    static Program compile(Stmt.Delete delete, String sql, Schema schema, FunctionRegistry functions) {
        if (delete.with() != null) {
            throw Unsupported.feature("WITH");
        }
        if (!delete.returning().isEmpty()) {
            throw Unsupported.feature("RETURNING");
        }
        if (!delete.orderBy().isEmpty() || delete.limit() != null) {
            throw Unsupported.feature("DELETE ... ORDER BY / LIMIT");
        }
        if (delete.indexed() != null && delete.indexed().index() != null) {
            throw Unsupported.feature("INDEXED BY");
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
        exprs.setScopes(List.of(scope));
        int init = b.emit(Op.INIT, 0, 0, 0);
        b.setJump(init, b.currentAddress());
        int done = b.newLabel();
        b.emit(Op.TRANSACTION, 0, 1, 0);
        b.emit(Op.OPEN_WRITE, cursor, table.rootPage(), 0);
        b.comment(table.name());
        IndexMaintenance indexes = new IndexMaintenance(b, functions, table, cursor);
        indexes.open();
        List<Expr> terms = new ArrayList<>();
        Conjuncts.split(delete.where(), terms);
        ScanLoop scan = new ScanLoop(b, exprs, functions, scope,
                AccessPaths.choose(scope, terms, exprs, e -> Conjuncts.constant(e, exprs)));
        if (scan.path() instanceof AccessPath.FullScan) {
            b.emit(Op.REWIND, cursor, done, 0);
            int loop = b.currentAddress();
            int next = b.newLabel();
            if (delete.where() != null) {
                b.emit(Op.IF_NOT, exprs.compile(delete.where()), next, 1);
            }
            indexes.deleteKeysOfCurrentRow();
            b.emit(Op.DELETE, cursor, 0, 0, null, Op.COUNT_CHANGE);
            b.resolve(next);
            b.emit(Op.NEXT, cursor, loop, 0);
        } else {
            int rowids = b.newCursor();
            b.emit(Op.SORTER_OPEN, rowids, 0, 0, new SortOrder(new turso.api.spi.Collation[0], new boolean[0],
                    new boolean[0]), 0);
            scan.openIndex();
            int gathered = b.newLabel();
            scan.start(gathered);
            int loop = b.currentAddress();
            int next = b.newLabel();
            scan.enter(next, gathered);
            if (delete.where() != null) {
                b.emit(Op.IF_NOT, exprs.compile(delete.where()), next, 1);
            }
            int rowid = b.newRegister();
            b.emit(Op.ROWID, cursor, rowid, 0);
            b.emit(Op.SORTER_INSERT, rowids, rowid, 1);
            b.resolve(next);
            scan.advance(loop);
            b.resolve(gathered);
            b.emit(Op.SORTER_SORT, rowids, done, 0);
            int each = b.currentAddress();
            int gone = b.newLabel();
            b.emit(Op.SORTER_COLUMN, rowids, 0, rowid);
            b.emit(Op.SEEK_ROWID, cursor, gone, rowid);
            indexes.deleteKeysOfCurrentRow();
            b.emit(Op.DELETE, cursor, 0, 0, null, Op.COUNT_CHANGE);
            b.resolve(gone);
            b.emit(Op.SORTER_NEXT, rowids, each, 0);
        }
        b.resolve(done);
        b.emit(Op.HALT, 0, 0, 0);
        return b.build();
    }
}
