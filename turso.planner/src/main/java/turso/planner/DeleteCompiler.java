/*
 * Code generation for DELETE on a rowid table: one pass over the table,
 * deleting each row WHERE holds for, with its index entries (the cursor then
 * moves on to the row after the deleted one).
 */
package turso.planner;

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
        exprs.setScopes(java.util.List.of(new Scope(table, name, cursor, java.util.Set.of())));
        int init = b.emit(Op.INIT, 0, 0, 0);
        b.setJump(init, b.currentAddress());
        int done = b.newLabel();
        b.emit(Op.TRANSACTION, 0, 1, 0);
        b.emit(Op.OPEN_WRITE, cursor, table.rootPage(), 0);
        b.comment(table.name());
        IndexMaintenance indexes = new IndexMaintenance(b, functions, table, cursor);
        indexes.open();
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
        b.resolve(done);
        b.emit(Op.HALT, 0, 0, 0);
        return b.build();
    }
}
