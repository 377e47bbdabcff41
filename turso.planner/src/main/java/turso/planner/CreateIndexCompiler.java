/*
 * Code generation for CREATE [UNIQUE] INDEX: a new index B-tree, its row in
 * sqlite_schema with the text stored as SQLite stores it ("CREATE INDEX "
 * then the statement from the index's name to its end), one entry per row of
 * the table (a partial index: per row its WHERE accepts), a UNIQUE index
 * failing on the first two rows with the same key, and a new schema cookie.
 * Also the autoindexes of a new table's UNIQUE and PRIMARY KEY constraints,
 * which CREATE TABLE makes through {@link #autoIndex}.
 */
package turso.planner;

import java.util.Set;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.parser.ast.Stmt;
import turso.vm.FunctionRegistry;
import turso.vm.Op;
import turso.vm.Program;
import turso.vm.ProgramBuilder;

final class CreateIndexCompiler {
    private CreateIndexCompiler() {
    }

    static Program compile(Stmt.CreateIndex create, String sql, Schema schema, FunctionRegistry functions) {
        String name = create.name().name().value();
        if (create.name().schema() != null && !create.name().schema().is("main")) {
            throw new TursoException(ResultCode.ERROR, "unknown database " + create.name().schema().value());
        }
        if (create.using() != null) {
            throw Unsupported.feature("CREATE INDEX ... USING");
        }
        ProgramBuilder b = new ProgramBuilder();
        b.markWrites();
        int init = b.emit(Op.INIT, 0, 0, 0);
        b.setJump(init, b.currentAddress());
        if (name.regionMatches(true, 0, "sqlite_", 0, 7)) {
            throw new TursoException(ResultCode.ERROR, "object name reserved for internal use: " + name);
        }
        Table table = schema.table(create.table().value());
        if (table == null || table.rootPage() == turso.btree.Storage.SCHEMA_ROOT) {
            String kind = schema.kindOf(create.table().value());
            if (table != null) {
                throw new TursoException(ResultCode.ERROR, "table " + table.name() + " may not be indexed");
            }
            if ("view".equals(kind)) {
                throw new TursoException(ResultCode.ERROR, "views may not be indexed");
            }
            if ("table".equals(kind)) {
                throw Unsupported.feature("the table " + create.table().value()
                        + " (its definition uses features not supported yet)");
            }
            throw new TursoException(ResultCode.ERROR, "no such table: main." + create.table().value());
        }
        String existing = schema.kindOf(name);
        if (existing != null) {
            if (existing.equals("index") && create.ifNotExists()) {
                b.emit(Op.HALT, 0, 0, 0);
                return b.build();
            }
            throw new TursoException(ResultCode.ERROR, existing.equals("index") ? "index " + name + " already exists"
                    : "there is already a " + existing + " named " + name);
        }
        table.checkWritable();
        Index index = IndexDefinition.read(create, table, 0);
        IndexDefinition.validate(index, table, functions);
        IndexMaintenance.keyInfo(index, functions);
        int start = create.name().name().span().start();
        String stored = (create.unique() ? "CREATE UNIQUE INDEX " : "CREATE INDEX ")
                + sql.substring(start, SqlText.statementEnd(sql, create.span().end()));
        b.emit(Op.TRANSACTION, 0, 1, 0);
        int root = b.newRegister();
        b.emit(Op.CREATE_BTREE, 1, root, 0);
        SchemaRows.insert(b, "index", name, table.name(), root, stored);
        fill(b, functions, schema, sql, table, index, root);
        b.emit(Op.BUMP_SCHEMA_COOKIE, 0, 0, 0);
        b.emit(Op.PARSE_SCHEMA, 0, 0, 0);
        b.emit(Op.HALT, 0, 0, 0);
        return b.build();
    }

    /** The B-tree and sqlite_schema row of a new table's autoindex (sql NULL, as SQLite stores it). */
    static void autoIndex(ProgramBuilder b, Index index) {
        int root = b.newRegister();
        b.emit(Op.CREATE_BTREE, 1, root, 0);
        SchemaRows.insert(b, "index", index.name(), index.tableName(), root, null);
    }

    /** One entry per row of {@code table} into the new index whose root page is in register {@code root}. */
    static void fill(ProgramBuilder b, FunctionRegistry functions, Schema schema, String sql, Table table,
            Index index, int root) {
        int tableCursor = b.newCursor();
        int indexCursor = b.newCursor();
        b.emit(Op.OPEN_READ, tableCursor, table.rootPage(), 0);
        b.comment(table.name());
        b.emit(Op.OPEN_WRITE, indexCursor, root, 0, IndexMaintenance.keyInfo(index, functions), Op.ROOT_IN_REGISTER);
        b.comment(index.name());
        ExprCompiler exprs = new ExprCompiler(b, functions);
        exprs.setContext(schema, sql, null);
        exprs.setScopes(java.util.List.of(new Scope(table, table.name(), tableCursor, Set.of())));
        int n = index.parts().size();
        int key = b.newRegisters(n + 1);
        int record = b.newRegister();
        int done = b.newLabel();
        b.emit(Op.REWIND, tableCursor, done, 0);
        int loop = b.currentAddress();
        int next = b.newLabel();
        if (index.where() != null) {
            b.emit(Op.IF_NOT, exprs.compile(index.where()), next, 1);
        }
        for (int p = 0; p < n; p++) {
            int column = index.parts().get(p).column();
            if (column == ColumnKey.ROWID) {
                b.emit(Op.ROWID, tableCursor, key + p, 0);
            } else if (column == Index.EXPRESSION) {
                exprs.compileInto(index.parts().get(p).expr(), key + p);
            } else {
                exprs.readColumn(tableCursor, column, key + p);
            }
        }
        b.emit(Op.ROWID, tableCursor, key + n, 0);
        if (index.unique()) {
            int unique = b.newLabel();
            b.emit(Op.NO_CONFLICT, indexCursor, unique, key, n, 0);
            b.emit(Op.HALT, ResultCode.CONSTRAINT_UNIQUE.code(), 0, 0, IndexMaintenance.uniqueFailure(table, index), 0);
            b.resolve(unique);
        }
        b.emit(Op.MAKE_RECORD, key, n + 1, record);
        b.emit(Op.IDX_INSERT, indexCursor, record, 0);
        b.resolve(next);
        b.emit(Op.NEXT, tableCursor, loop, 0);
        b.resolve(done);
    }
}
