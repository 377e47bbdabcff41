/*
 * Code generation for CREATE TABLE: a new B-tree, its row in sqlite_schema
 * (type, name, tbl_name, rootpage, sql) with the text stored as SQLite
 * stores it ("CREATE TABLE " then the statement from the table's name on),
 * and a new schema cookie so that every connection reloads the schema.
 */
package turso.planner;

import java.nio.charset.StandardCharsets;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.parser.ast.Stmt;
import turso.vm.Op;
import turso.vm.Program;
import turso.vm.ProgramBuilder;

final class CreateTableCompiler {
    private CreateTableCompiler() {
    }

    static Program compile(Stmt.CreateTable create, String sql, Schema schema) {
        if (create.temp()) {
            throw Unsupported.feature("TEMP tables");
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
        TableDefinition.of(create, 0);
        String stored = "CREATE TABLE " + sql.substring(create.name().name().span().start(), create.span().end());
        int schemaCursor = b.newCursor();
        int root = b.newRegister();
        int rowid = b.newRegister();
        int row = b.newRegisters(5);
        int record = b.newRegister();
        b.emit(Op.TRANSACTION, 0, 1, 0);
        b.emit(Op.CREATE_BTREE, 0, root, 0);
        b.emit(Op.OPEN_WRITE, schemaCursor, 1, 0);
        b.comment("sqlite_schema");
        b.emit(Op.NEW_ROWID, schemaCursor, rowid, 0);
        text(b, "table", row);
        text(b, name, row + 1);
        text(b, name, row + 2);
        b.emit(Op.COPY, root, row + 3, 0);
        text(b, stored, row + 4);
        b.emit(Op.MAKE_RECORD, row, 5, record);
        b.emit(Op.INSERT, schemaCursor, record, rowid);
        b.emit(Op.BUMP_SCHEMA_COOKIE, 0, 0, 0);
        b.emit(Op.PARSE_SCHEMA, 0, 0, 0);
        b.emit(Op.HALT, 0, 0, 0);
        return b.build();
    }

    private static void text(ProgramBuilder b, String s, int target) {
        b.emit(Op.STRING8, 0, target, 0, s.getBytes(StandardCharsets.UTF_8), 0);
    }
}
