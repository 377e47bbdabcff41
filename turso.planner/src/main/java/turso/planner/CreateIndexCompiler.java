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
        String database = create.name().schema() == null ? null : create.name().schema().value();
        if (database != null && schema.databaseIndex(database) < 0) {
            throw new TursoException(ResultCode.ERROR, "unknown database " + database);
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
        boolean temp = database != null && schema.databaseIndex(database) == 1;
        Table table = schema.table(temp ? null : database, create.table().value());
        if (table != null && table.rootPage() == Table.VIRTUAL) {
            throw new TursoException(ResultCode.ERROR, "virtual tables may not be indexed");
        }
        if (temp && table != null && table.db() != 1) {
            throw new TursoException(ResultCode.ERROR, "cannot create a TEMP index on non-TEMP table \""
                    + table.name() + "\"");
        }
        if (table == null || table.rootPage() == turso.btree.Storage.SCHEMA_ROOT) {
            String kind = (database == null || temp ? schema : schema.database(schema.databaseIndex(database)))
                    .kindOf(create.table().value());
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
            throw new TursoException(ResultCode.ERROR, "no such table: "
                    + (temp ? "" : (database == null ? "main" : database) + ".") + create.table().value());
        }
        int db = table.db();
        String existing = schema.database(db).kindOf(name);
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
        b.emit(Op.TRANSACTION, db, 1, 0);
        int root = b.newRegister();
        b.emit(Op.CREATE_BTREE, 1, root, db);
        SchemaRows.insert(b, db, "index", name, table.name(), root, stored);
        fill(b, functions, schema, sql, table, index, root);
        b.emit(Op.BUMP_SCHEMA_COOKIE, db, 0, 0);
        b.emit(Op.PARSE_SCHEMA, db, 0, 0);
        b.emit(Op.HALT, 0, 0, 0);
        return b.build();
    }

    /** The B-tree and sqlite_schema row of a new table's autoindex (sql NULL, as SQLite stores it). */
    static void autoIndex(ProgramBuilder b, Index index, int db) {
        int root = b.newRegister();
        b.emit(Op.CREATE_BTREE, 1, root, db);
        SchemaRows.insert(b, db, "index", index.name(), index.tableName(), root, null);
    }

    /** One entry per row of {@code table} into the new index whose root page is in register {@code root}. */
    static void fill(ProgramBuilder b, FunctionRegistry functions, Schema schema, String sql, Table table,
            Index index, int root) {
        int tableCursor = b.newCursor();
        int indexCursor = b.newCursor();
        b.emit(Op.OPEN_READ, tableCursor, table.rootPage(), table.db(), WithoutRowid.tableKey(table, functions), 0);
        b.comment(table.name());
        b.emit(Op.OPEN_WRITE, indexCursor, root, table.db(), WithoutRowid.indexKey(table, index, functions),
                Op.ROOT_IN_REGISTER);
        b.comment(index.name());
        ExprCompiler exprs = new ExprCompiler(b, functions);
        exprs.setContext(schema, sql, null);
        exprs.setScopes(java.util.List.of(new Scope(table, table.name(), tableCursor, Set.of())));
        int n = index.parts().size();
        int width = WithoutRowid.entryWidth(table, index);
        int key = b.newRegisters(width);
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
        if (table.withoutRowid()) {
            java.util.List<Index.Part> extra = WithoutRowid.extraParts(table, index);
            for (int p = 0; p < extra.size(); p++) {
                exprs.readColumn(tableCursor, extra.get(p).column(), key + n + p);
            }
        } else {
            b.emit(Op.ROWID, tableCursor, key + n, 0);
        }
        if (index.unique()) {
            int unique = b.newLabel();
            b.emit(Op.NO_CONFLICT, indexCursor, unique, key, n, 0);
            b.emit(Op.HALT, ResultCode.CONSTRAINT_UNIQUE.code(), 0, 0, IndexMaintenance.uniqueFailure(table, index), 0);
            b.resolve(unique);
        }
        b.emit(Op.MAKE_RECORD, key, width, record);
        b.emit(Op.IDX_INSERT, indexCursor, record, 0);
        b.resolve(next);
        b.emit(Op.NEXT, tableCursor, loop, 0);
        b.resolve(done);
    }
}
