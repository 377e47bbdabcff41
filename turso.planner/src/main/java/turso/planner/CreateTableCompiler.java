/*
 * Code generation for CREATE TABLE: a new B-tree, its row in sqlite_schema
 * (type, name, tbl_name, rootpage, sql) with the text stored as SQLite
 * stores it ("CREATE TABLE " then the statement from the table's name on),
 * then the autoindexes its UNIQUE and PRIMARY KEY constraints imply, and a
 * new schema cookie so that every connection reloads the schema.
 */
package turso.planner;

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
        Table table = TableDefinition.of(create, 0);
        String stored = "CREATE TABLE " + sql.substring(create.name().name().span().start(), create.span().end());
        int root = b.newRegister();
        b.emit(Op.TRANSACTION, 0, 1, 0);
        b.emit(Op.CREATE_BTREE, 0, root, 0);
        SchemaRows.insert(b, "table", name, name, root, stored);
        for (Index index : table.indexes()) {
            CreateIndexCompiler.autoIndex(b, index);
        }
        b.emit(Op.BUMP_SCHEMA_COOKIE, 0, 0, 0);
        b.emit(Op.PARSE_SCHEMA, 0, 0, 0);
        b.emit(Op.HALT, 0, 0, 0);
        return b.build();
    }
}
