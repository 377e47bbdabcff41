/*
 * Code generation for ATTACH [DATABASE] file AS name and DETACH [DATABASE]
 * name: the values are computed, then the connection opens or closes the
 * database (Op.ATTACH / Op.DETACH) and reads its schema again when the
 * statement ends. As in SQLite, a bare identifier in these statements is
 * its own name as text, not a column, and the statements do not write any
 * database file (they are read-only statements).
 */
package turso.planner;

import java.nio.charset.StandardCharsets;
import turso.parser.ast.Expr;
import turso.parser.ast.Stmt;
import turso.vm.FunctionRegistry;
import turso.vm.Op;
import turso.vm.Program;
import turso.vm.ProgramBuilder;

final class AttachCompiler {
    private AttachCompiler() {
    }

    static Program attach(Stmt.Attach attach, String sql, Schema schema, FunctionRegistry functions) {
        ProgramBuilder b = new ProgramBuilder();
        int init = b.emit(Op.INIT, 0, 0, 0);
        b.setJump(init, b.currentAddress());
        ExprCompiler exprs = new ExprCompiler(b, functions);
        exprs.setContext(schema, sql, null);
        int file = value(b, exprs, attach.file());
        int name = value(b, exprs, attach.schema());
        if (attach.key() != null) {
            value(b, exprs, attach.key());
        }
        b.emit(Op.ATTACH, file, name, 0);
        b.emit(Op.HALT, 0, 0, 0);
        return b.build();
    }

    static Program detach(Stmt.Detach detach, String sql, Schema schema, FunctionRegistry functions) {
        ProgramBuilder b = new ProgramBuilder();
        int init = b.emit(Op.INIT, 0, 0, 0);
        b.setJump(init, b.currentAddress());
        ExprCompiler exprs = new ExprCompiler(b, functions);
        exprs.setContext(schema, sql, null);
        b.emit(Op.DETACH, value(b, exprs, detach.schema()), 0, 0);
        b.emit(Op.HALT, 0, 0, 0);
        return b.build();
    }

    /** The register holding {@code e}'s value: a bare identifier is its name. */
    private static int value(ProgramBuilder b, ExprCompiler exprs, Expr e) {
        if (e instanceof Expr.ColumnRef c && c.table() == null && c.schema() == null) {
            int target = b.newRegister();
            b.emit(Op.STRING8, 0, target, 0, c.column().value().getBytes(StandardCharsets.UTF_8), 0);
            return target;
        }
        return exprs.compile(e);
    }
}
