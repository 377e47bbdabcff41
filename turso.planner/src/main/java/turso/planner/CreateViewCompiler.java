/*
 * Code generation for CREATE VIEW: its row in sqlite_schema (type "view",
 * root page 0, the text from the view's name on after "CREATE VIEW ") and a
 * new schema cookie. As in SQLite, the SELECT is checked when the view is
 * used, not here.
 */
package turso.planner;

import turso.parser.ast.Stmt;
import turso.vm.Op;
import turso.vm.Program;
import turso.vm.ProgramBuilder;

final class CreateViewCompiler {
    private CreateViewCompiler() {
    }

    static Program compile(Stmt.CreateView create, String sql, Schema schema) {
        String name = create.name().name().value();
        ProgramBuilder b = new ProgramBuilder();
        b.markWrites();
        int init = b.emit(Op.INIT, 0, 0, 0);
        b.setJump(init, b.currentAddress());
        int db = NewObjects.target(create.name(), create.temp(), "table", schema);
        if (!NewObjects.mayCreate(create.name(), create.ifNotExists(), schema, db)) {
            b.emit(Op.HALT, 0, 0, 0);
            return b.build();
        }
        String stored = "CREATE VIEW " + sql.substring(create.name().name().span().start(), create.span().end());
        int root = b.newRegister();
        b.emit(Op.TRANSACTION, db, 1, 0);
        b.emit(Op.INTEGER, 0, root, 0);
        SchemaRows.insert(b, db, "view", name, name, root, stored);
        b.emit(Op.BUMP_SCHEMA_COOKIE, db, 0, 0);
        b.emit(Op.PARSE_SCHEMA, db, 0, 0);
        b.emit(Op.HALT, 0, 0, 0);
        return b.build();
    }
}
