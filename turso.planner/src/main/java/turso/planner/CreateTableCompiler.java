/*
 * Code generation for CREATE TABLE: a new B-tree, its row in sqlite_schema
 * (type, name, tbl_name, rootpage, sql) with the text stored as SQLite
 * stores it ("CREATE TABLE " then the statement from the table's name on),
 * then the autoindexes its UNIQUE and PRIMARY KEY constraints imply, for the
 * first AUTOINCREMENT table the sqlite_sequence table, and a new schema
 * cookie so that every connection reloads the schema. CHECK expressions are
 * compiled once here so that their errors (an unknown column or function, a
 * parameter, a subquery) show when the table is created. CREATE TABLE ...
 * AS SELECT is CreateTableAsSelect's.
 */
package turso.planner;

import turso.api.ResultCode;
import turso.api.TursoException;
import turso.parser.ast.Expr;
import turso.parser.ast.Stmt;
import turso.vm.FunctionRegistry;
import turso.vm.Op;
import turso.vm.Program;
import turso.vm.ProgramBuilder;

final class CreateTableCompiler {
    private CreateTableCompiler() {
    }

    static Program compile(Stmt.CreateTable create, String sql, Schema schema, FunctionRegistry functions) {
        ProgramBuilder b = new ProgramBuilder();
        b.markWrites();
        int init = b.emit(Op.INIT, 0, 0, 0);
        b.setJump(init, b.currentAddress());
        int db = NewObjects.target(create.name(), create.temp(), "table", schema);
        if (!NewObjects.mayCreate(create.name(), create.ifNotExists(), schema, db)) {
            b.emit(Op.HALT, 0, 0, 0);
            return b.build();
        }
        b.emit(Op.TRANSACTION, db, 1, 0);
        if (create.asSelect() != null) {
            CreateTableAsSelect.emit(b, functions, create, sql, schema, db);
        } else {
            plain(b, create, sql, schema, functions, db);
        }
        b.emit(Op.BUMP_SCHEMA_COOKIE, db, 0, 0);
        b.emit(Op.PARSE_SCHEMA, db, 0, 0);
        b.emit(Op.HALT, 0, 0, 0);
        return b.build();
    }

    /** A table defined by its columns and constraints, with its autoindexes (and sqlite_sequence, if first needed). */
    private static void plain(ProgramBuilder b, Stmt.CreateTable create, String sql, Schema schema,
            FunctionRegistry functions, int db) {
        String name = create.name().name().value();
        Table table = TableDefinition.of(create, sql, 0);
        validateChecks(table, functions);
        GeneratedColumns.validateExpressions(table, functions);
        validateDefaults(table);
        String stored = "CREATE TABLE " + sql.substring(create.name().name().span().start(), create.span().end());
        int root = b.newRegister();
        b.emit(Op.CREATE_BTREE, table.withoutRowid() ? 1 : 0, root, db);
        SchemaRows.insert(b, db, "table", name, name, root, stored);
        for (Index index : table.indexes()) {
            if (!WithoutRowid.isPrimaryKey(table, index)) {
                CreateIndexCompiler.autoIndex(b, index, db);
            }
        }
        if (table.autoincrement() && schema.database(db).kindOf(Autoincrement.SEQUENCE) == null) {
            int sequenceRoot = b.newRegister();
            b.emit(Op.CREATE_BTREE, 0, sequenceRoot, db);
            SchemaRows.insert(b, db, "table", Autoincrement.SEQUENCE, Autoincrement.SEQUENCE, sequenceRoot,
                    "CREATE TABLE " + Autoincrement.SEQUENCE + "(name,seq)");
        }
    }

    /** Compiles each CHECK expression of {@code table} into a scratch program, for its errors only. */
    static void validateChecks(Table table, FunctionRegistry functions) {
        for (Table.Check check : table.checks()) {
            ExprWalker.walk(check.expr(), e -> {
                switch (e) {
                    case Expr.Parameter p -> throw new TursoException(ResultCode.ERROR,
                            "parameters prohibited in CHECK constraints");
                    case Expr.Subquery s -> throw subqueries();
                    case Expr.Exists s -> throw subqueries();
                    case Expr.InSelect s -> throw subqueries();
                    default -> {
                        return true;
                    }
                }
            });
            ProgramBuilder scratch = new ProgramBuilder();
            int values = scratch.newRegisters(table.columns().size());
            IndexMaintenance.rowExpressions(scratch, functions, table, values, scratch.newRegister())
                    .compile(check.expr());
        }
    }

    /**
     * A DEFAULT must be constant: no column (a bare identifier is text, not a
     * column), subquery or parameter, with SQLite's error.
     */
    private static void validateDefaults(Table table) {
        for (Column column : table.columns()) {
            Expr value = column.defaultValue();
            if (value == null || value instanceof Expr.ColumnRef) {
                continue;
            }
            ExprWalker.walk(value, e -> {
                if (e instanceof Expr.ColumnRef || e instanceof Expr.Subquery || e instanceof Expr.Exists
                        || e instanceof Expr.InSelect || e instanceof Expr.Parameter) {
                    throw new TursoException(ResultCode.ERROR,
                            "default value of column [" + column.name() + "] is not constant");
                }
                return true;
            });
        }
    }

    private static TursoException subqueries() {
        return new TursoException(ResultCode.ERROR, "subqueries prohibited in CHECK constraints");
    }
}
