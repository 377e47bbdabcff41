/*
 * Code generation for CREATE VIEW: its row in sqlite_schema (type "view",
 * root page 0, the text from the view's name on after "CREATE VIEW ") and a
 * new schema cookie. As in SQLite, the SELECT is checked when the view is
 * used, not here.
 */
package turso.planner;

import turso.api.ResultCode;
import turso.api.TursoException;
import turso.parser.ast.Stmt;
import turso.vm.Op;
import turso.vm.Program;
import turso.vm.ProgramBuilder;

final class CreateViewCompiler {
    private CreateViewCompiler() {
    }

    static Program compile(Stmt.CreateView create, String sql, Schema schema) {
        if (create.temp()) {
            throw Unsupported.feature("TEMP views");
        }
        String name = create.name().name().value();
        if (create.name().schema() != null && !create.name().schema().is("main")) {
            throw new TursoException(ResultCode.ERROR, "unknown database " + create.name().schema().value());
        }
        ProgramBuilder b = new ProgramBuilder();
        b.markWrites();
        int init = b.emit(Op.INIT, 0, 0, 0);
        b.setJump(init, b.currentAddress());
        String existing = schema.kindOf(name);
        if (existing != null && !existing.equals("trigger")) {
            if (create.ifNotExists()) {
                b.emit(Op.HALT, 0, 0, 0);
                return b.build();
            }
            throw new TursoException(ResultCode.ERROR, existing.equals("index")
                    ? "there is already an index named " + name
                    : existing + " " + name + " already exists", create.name().span().start(), null);
        }
        if (name.regionMatches(true, 0, "sqlite_", 0, 7)) {
            throw new TursoException(ResultCode.ERROR, "object name reserved for internal use: " + name);
        }
        String stored = "CREATE VIEW " + sql.substring(create.name().name().span().start(), create.span().end());
        int root = b.newRegister();
        b.emit(Op.TRANSACTION, 0, 1, 0);
        b.emit(Op.INTEGER, 0, root, 0);
        SchemaRows.insert(b, "view", name, name, root, stored);
        b.emit(Op.BUMP_SCHEMA_COOKIE, 0, 0, 0);
        b.emit(Op.PARSE_SCHEMA, 0, 0, 0);
        b.emit(Op.HALT, 0, 0, 0);
        return b.build();
    }
}
