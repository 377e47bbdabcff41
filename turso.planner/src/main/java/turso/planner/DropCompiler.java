/*
 * Code generation for DROP TABLE: every row of sqlite_schema that belongs to
 * the table (the table's own, its indexes' and its triggers') is deleted and
 * the B-trees they own are freed; then the schema cookie moves on (with
 * foreign keys enforced, the table's rows are deleted first: ForeignKeyDrop). DROP
 * INDEX does the same for one index. Views have their own DROP VIEW (which
 * drops their triggers too); DROP TRIGGER is TriggerCompiler's.
 */
package turso.planner;

import java.nio.charset.StandardCharsets;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.parser.ast.Stmt;
import turso.vm.Affinity;
import turso.vm.CompareOp;
import turso.vm.Comparison;
import turso.vm.FunctionRegistry;
import turso.vm.Op;
import turso.vm.Program;
import turso.vm.ProgramBuilder;

final class DropCompiler {
    private DropCompiler() {
    }

    static Program compile(Stmt.Drop drop, Schema schema, FunctionRegistry functions) {
        String name = drop.name().name().value();
        ProgramBuilder b = new ProgramBuilder();
        b.markWrites();
        int init = b.emit(Op.INIT, 0, 0, 0);
        b.setJump(init, b.currentAddress());
        if (drop.kind() == Stmt.ObjectKind.INDEX) {
            return dropIndex(b, drop, schema, functions);
        }
        if (drop.kind() == Stmt.ObjectKind.VIEW) {
            return dropView(b, drop, schema, functions);
        }
        if (drop.kind() == Stmt.ObjectKind.TRIGGER) {
            return TriggerCompiler.drop(drop, schema, functions);
        }
        int db = databaseOf(drop, schema);
        Schema in = db < 0 ? null : schema.database(db);
        String kind = in == null ? null : in.kindOf(name);
        if (kind == null) {
            if (drop.ifExists()) {
                b.emit(Op.HALT, 0, 0, 0);
                return b.build();
            }
            String shown = (drop.name().schema() == null ? "" : drop.name().schema().value() + ".") + name;
            throw new TursoException(ResultCode.ERROR, "no such table: " + shown);
        }
        if (kind.equals("view")) {
            throw new TursoException(ResultCode.ERROR, "use DROP VIEW to delete view " + name);
        }
        if (!kind.equals("table")) {
            throw new TursoException(ResultCode.ERROR, "no such table: " + name);
        }
        if (name.regionMatches(true, 0, "sqlite_", 0, 7)) {
            throw new TursoException(ResultCode.ERROR, "table " + name + " may not be dropped");
        }
        Table table = in.table(name);
        if (table != null && table.rootPage() == Table.VIRTUAL) {
            Runnable destroy = VirtualTableCompiler.destroy(schema, name);
            deleteSchemaRows(b, db, 2, name, functions, () -> b.emit(Op.VDDL, 0, 0, 0, destroy, 0));
            return b.build();
        }
        if (table != null) {
            ForeignKeyDrop.deleteRows(b, schema, table, functions);
        }
        Table sequence = in.table(Autoincrement.SEQUENCE);
        deleteSchemaRows(b, db, 2, name, functions, table != null && table.autoincrement() && sequence != null
                ? () -> deleteSequenceRow(b, sequence, table.name(), functions) : () -> { });
        return b.build();
    }

    /** DROP VIEW: its sqlite_schema row and its triggers' (their tbl_name is the view's). */
    private static Program dropView(ProgramBuilder b, Stmt.Drop drop, Schema schema, FunctionRegistry functions) {
        String name = drop.name().name().value();
        int db = databaseOf(drop, schema);
        String kind = db < 0 ? null : schema.database(db).kindOf(name);
        if (!"view".equals(kind)) {
            if ("table".equals(kind)) {
                throw new TursoException(ResultCode.ERROR, "use DROP TABLE to delete table " + name);
            }
            if (drop.ifExists()) {
                b.emit(Op.HALT, 0, 0, 0);
                return b.build();
            }
            throw new TursoException(ResultCode.ERROR, "no such view: "
                    + (drop.name().schema() == null ? "" : drop.name().schema().value() + ".") + name);
        }
        deleteSchemaRows(b, db, 2, name, functions, () -> { });
        return b.build();
    }

    /**
     * The database of the object {@code drop} names: the one its schema name
     * gives, else the first where the name is found (temp, main, then the
     * attached ones); -1 when there is none.
     */
    private static int databaseOf(Stmt.Drop drop, Schema schema) {
        if (drop.name().schema() != null) {
            return schema.databaseIndex(drop.name().schema().value());
        }
        return schema.databaseOf(drop.name().name().value());
    }

    /** DROP INDEX: its sqlite_schema row and its B-tree; an index a constraint made stays. */
    private static Program dropIndex(ProgramBuilder b, Stmt.Drop drop, Schema schema, FunctionRegistry functions) {
        String name = drop.name().name().value();
        int db = databaseOf(drop, schema);
        Index index = db < 0 ? null : schema.database(db).index(name);
        if (index == null && db < 0 && drop.name().schema() == null) {
            // a WITHOUT ROWID table's PRIMARY KEY index has no sqlite_schema row of its own
            index = schema.index(name);
        }
        if (index == null) {
            if (drop.ifExists()) {
                b.emit(Op.HALT, 0, 0, 0);
                return b.build();
            }
            throw new TursoException(ResultCode.ERROR, "no such index: "
                    + (drop.name().schema() == null ? "" : drop.name().schema().value() + ".") + name);
        }
        if (!index.origin().equals("c")) {
            throw new TursoException(ResultCode.ERROR,
                    "index associated with UNIQUE or PRIMARY KEY constraint cannot be dropped");
        }
        deleteSchemaRows(b, db, 1, index.name(), functions, () -> { });
        return b.build();
    }

    /**
     * Deletes the rows of database {@code db}'s sqlite_schema whose column {@code column} (1: name,
     * 2: tbl_name) is {@code name} (ASCII case ignored), freeing their
     * B-trees, and moves the schema cookie on; {@code first} emits what comes
     * first inside the write transaction.
     */
    private static void deleteSchemaRows(ProgramBuilder b, int db, int column, String name, FunctionRegistry functions,
            Runnable first) {
        int schemaCursor = b.newCursor();
        int wanted = b.newRegister();
        int owner = b.newRegister();
        int same = b.newRegister();
        int root = b.newRegister();
        int done = b.newLabel();
        b.emit(Op.STRING8, 0, wanted, 0, name.getBytes(StandardCharsets.UTF_8), 0);
        b.emit(Op.TRANSACTION, db, 1, 0);
        first.run();
        b.emit(Op.OPEN_WRITE, schemaCursor, 1, db);
        b.comment("sqlite_schema");
        b.emit(Op.REWIND, schemaCursor, done, 0);
        int loop = b.currentAddress();
        int next = b.newLabel();
        b.emit(Op.COLUMN, schemaCursor, column, owner);
        b.emit(Op.COMPARE, owner, wanted, same,
                new Comparison(CompareOp.EQ, Affinity.NONE, functions.collation("NOCASE")), 0);
        b.emit(Op.IF_NOT, same, next, 1);
        int keep = b.newLabel();
        b.emit(Op.COLUMN, schemaCursor, 3, root);
        b.emit(Op.IF_NOT, root, keep, 1);
        b.emit(Op.DESTROY, root, db, 0);
        b.resolve(keep);
        b.emit(Op.DELETE, schemaCursor, 0, 0);
        b.resolve(next);
        b.emit(Op.NEXT, schemaCursor, loop, 0);
        b.resolve(done);
        b.emit(Op.BUMP_SCHEMA_COOKIE, db, 0, 0);
        b.emit(Op.PARSE_SCHEMA, db, 0, 0);
        b.emit(Op.HALT, 0, 0, 0);
    }

    /** Deletes the sqlite_sequence row of the AUTOINCREMENT table {@code name}, as DROP TABLE does. */
    private static void deleteSequenceRow(ProgramBuilder b, Table sequence, String name, FunctionRegistry functions) {
        int cursor = b.newCursor();
        b.emit(Op.OPEN_WRITE, cursor, sequence.rootPage(), sequence.db());
        b.comment(Autoincrement.SEQUENCE);
        SchemaRows.deleteWhere(b, functions, cursor, 0, name, "BINARY");
    }
}
