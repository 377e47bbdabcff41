/*
 * The planner's entry point: turns one parsed statement into a Program for
 * the VM. It knows the SQL text the statement came from, because SQLite
 * names a result column after the expression's text as written.
 *
 * What it compiles so far: CREATE TABLE / INDEX / VIEW / TRIGGER / VIRTUAL TABLE, INSERT (with
 * upsert), UPDATE, DELETE (with RETURNING), SELECT (see SelectCompiler),
 * ALTER TABLE, DROP TABLE / INDEX / VIEW / TRIGGER, REINDEX, PRAGMA, ATTACH / DETACH, BEGIN / COMMIT /
 * ROLLBACK, SAVEPOINT / RELEASE / ROLLBACK TO, and EXPLAIN (QUERY PLAN) of
 * them. Everything else fails with a "not supported yet" error that
 * names the feature (see Unsupported), until the query engine is complete.
 */
package turso.planner;

import java.util.List;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.parser.ast.Stmt;
import turso.vm.FunctionRegistry;
import turso.vm.Op;
import turso.vm.Program;
import turso.vm.ProgramBuilder;

public final class Planner {
    private final FunctionRegistry functions;

    public Planner(FunctionRegistry functions) {
        this.functions = functions;
    }

    /** Compiles {@code stmt}, parsed from {@code sql}, against {@code schema}. */
    public Program compile(Stmt stmt, String sql, Schema schema) {
        return switch (stmt) {
            case Stmt.SelectStmt s -> SelectCompiler.compile(s.select(), sql, schema, functions);
            case Stmt.CreateTable c -> CreateTableCompiler.compile(c, sql, schema, functions);
            case Stmt.CreateIndex c -> CreateIndexCompiler.compile(c, sql, schema, functions);
            case Stmt.CreateView v -> CreateViewCompiler.compile(v, sql, schema);
            case Stmt.CreateTrigger t -> TriggerCompiler.create(t, sql, schema);
            case Stmt.Reindex r -> ReindexCompiler.compile(r, sql, schema, functions);
            case Stmt.Analyze a -> AnalyzeCompiler.compile(a, schema, functions);
            case Stmt.CreateVirtualTable c -> VirtualTableCompiler.create(c, sql, schema);
            case Stmt.Insert i when VirtualTableCompiler.targets(i.table(), schema) ->
                    VirtualTableCompiler.insert(i, sql, schema, functions);
            case Stmt.Update u when VirtualTableCompiler.targets(u.table(), schema) ->
                    VirtualTableCompiler.update(u, sql, schema, functions);
            case Stmt.Delete d when VirtualTableCompiler.targets(d.table(), schema) ->
                    VirtualTableCompiler.delete(d, sql, schema, functions);
            case Stmt.Insert i -> InsertCompiler.compile(i, sql, schema, functions);
            case Stmt.Update u -> UpdateCompiler.compile(u, sql, schema, functions);
            case Stmt.Delete d -> DeleteCompiler.compile(d, sql, schema, functions);
            case Stmt.Drop d -> DropCompiler.compile(d, schema, functions);
            case Stmt.AlterTable a -> AlterTableCompiler.compile(a, sql, schema, functions);
            case Stmt.Pragma p when ForeignKeyCheckPragma.is(p) -> ForeignKeyCheckPragma.compile(p, schema, functions);
            case Stmt.Pragma p -> PragmaCompiler.compile(p, schema);
            case Stmt.Attach a -> AttachCompiler.attach(a, sql, schema, functions);
            case Stmt.Detach d -> AttachCompiler.detach(d, sql, schema, functions);
            case Stmt.Vacuum v -> vacuum(v, sql, schema);
            case Stmt.Begin begin -> transaction(Op.BEGIN, switch (begin.type()) {
                case DEFAULT, DEFERRED -> 0;
                case IMMEDIATE -> 1;
                case EXCLUSIVE -> 2;
                case CONCURRENT -> throw Unsupported.feature("BEGIN CONCURRENT");
            });
            case Stmt.Commit c -> transaction(Op.COMMIT, 0);
            case Stmt.Rollback r when r.savepoint() == null -> transaction(Op.ROLLBACK, 0);
            case Stmt.Rollback r -> savepoint(Op.ROLLBACK_TO, r.savepoint().value());
            case Stmt.Savepoint sp -> savepoint(Op.SAVEPOINT, sp.name().value());
            case Stmt.Release rel -> savepoint(Op.RELEASE, rel.name().value());
            case Stmt.Explain e when e.queryPlan() -> queryPlan(e.stmt(), sql, schema);
            case Stmt.Explain e -> explain(compile(e.stmt(), sql, schema));
            default -> throw Unsupported.feature(statementKind(stmt));
        };
    }

    /** VACUUM [main] [INTO file]: the connection does the work (Op.VACUUM); the file name is any expression. */
    private Program vacuum(Stmt.Vacuum v, String sql, Schema schema) {
        if (v.schema() != null && !v.schema().is("main")) {
            throw new TursoException(ResultCode.ERROR, "unknown database " + v.schema().value());
        }
        ProgramBuilder b = new ProgramBuilder();
        int init = b.emit(Op.INIT, 0, 0, 0);
        b.setJump(init, b.currentAddress());
        int file = 0;
        if (v.into() != null) {
            ExprCompiler exprs = new ExprCompiler(b, functions);
            exprs.setScopes(List.of());
            exprs.setContext(schema, sql, null);
            file = exprs.compile(v.into()) + 1;
        }
        b.markWrites();
        b.emit(Op.VACUUM, file, 0, 0);
        b.emit(Op.HALT, 0, 0, 0);
        return b.build();
    }

    /** BEGIN, COMMIT or ROLLBACK: the connection acts on it when the statement ends. */
    private static Program transaction(int action, int beginKind) {
        ProgramBuilder b = new ProgramBuilder();
        int init = b.emit(Op.INIT, 0, 0, 0);
        b.setJump(init, b.currentAddress());
        b.emit(Op.AUTOCOMMIT, action, beginKind, 0);
        b.emit(Op.HALT, 0, 0, 0);
        return b.build();
    }

    /** SAVEPOINT, RELEASE or ROLLBACK TO the savepoint {@code name}: the connection acts on it at once. */
    private static Program savepoint(int action, String name) {
        ProgramBuilder b = new ProgramBuilder();
        int init = b.emit(Op.INIT, 0, 0, 0);
        b.setJump(init, b.currentAddress());
        b.emit(Op.AUTOCOMMIT, action, 0, 0, name, 0);
        b.emit(Op.HALT, 0, 0, 0);
        return b.build();
    }

    /**
     * EXPLAIN: a program whose rows are the listing of {@code inner}, with
     * SQLite's columns (p4 and comment NULL when empty).
     */
    private static Program explain(Program inner) {
        ProgramBuilder b = new ProgramBuilder();
        for (String column : new String[] {"addr", "opcode", "p1", "p2", "p3", "p4", "p5", "comment"}) {
            b.addColumn(column);
        }
        int init = b.emit(Op.INIT, 0, 0, 0);
        b.setJump(init, b.currentAddress());
        int r = b.newRegisters(8);
        for (Program.Instruction in : inner.explain()) {
            b.emit(Op.INTEGER, in.addr(), r, 0);
            text(b, in.opcode(), r + 1);
            b.emit(Op.INTEGER, in.p1(), r + 2, 0);
            b.emit(Op.INTEGER, in.p2(), r + 3, 0);
            b.emit(Op.INTEGER, in.p3(), r + 4, 0);
            text(b, in.p4(), r + 5);
            b.emit(Op.INTEGER, in.p5(), r + 6, 0);
            text(b, in.comment(), r + 7);
            b.emit(Op.RESULT_ROW, r, 8, 0);
        }
        b.emit(Op.HALT, 0, 0, 0);
        return b.build();
    }

    private static void text(ProgramBuilder b, String s, int target) {
        if (s.isEmpty()) {
            b.emit(Op.NULL, 0, target, 0);
        } else {
            b.emit(Op.STRING8, 0, target, 0, s.getBytes(java.nio.charset.StandardCharsets.UTF_8), 0);
        }
    }

    /**
     * EXPLAIN QUERY PLAN: SQLite's rows (id, parent, notused, detail), one
     * per line of the compiled statement's plan, all at the top level (the
     * nesting SQLite shows for subqueries and compounds is not kept).
     */
    private Program queryPlan(Stmt stmt, String sql, Schema schema) {
        java.util.List<String> lines = compile(stmt, sql, schema).queryPlan();
        ProgramBuilder b = new ProgramBuilder();
        for (String column : new String[] {"id", "parent", "notused", "detail"}) {
            b.addColumn(column);
        }
        int init = b.emit(Op.INIT, 0, 0, 0);
        b.setJump(init, b.currentAddress());
        int r = b.newRegisters(4);
        for (int i = 0; i < lines.size(); i++) {
            b.emit(Op.INTEGER, i + 2, r, 0);
            b.emit(Op.INTEGER, 0, r + 1, 0);
            b.emit(Op.INTEGER, 0, r + 2, 0);
            text(b, lines.get(i), r + 3);
            b.emit(Op.RESULT_ROW, r, 4, 0);
        }
        b.emit(Op.HALT, 0, 0, 0);
        return b.build();
    }

    private static String statementKind(Stmt stmt) {
        return switch (stmt) {
            case Stmt.Insert x -> "INSERT";
            case Stmt.Update x -> "UPDATE";
            case Stmt.Delete x -> "DELETE";
            case Stmt.CreateTable x -> "CREATE TABLE";
            case Stmt.CreateIndex x -> "CREATE INDEX";
            case Stmt.CreateView x -> "CREATE VIEW";
            case Stmt.CreateTrigger x -> "CREATE TRIGGER";
            case Stmt.CreateVirtualTable x -> "CREATE VIRTUAL TABLE";
            case Stmt.Drop x -> "DROP";
            case Stmt.AlterTable x -> "ALTER TABLE";
            case Stmt.Begin x -> "BEGIN";
            case Stmt.Commit x -> "COMMIT";
            case Stmt.Rollback x -> "ROLLBACK";
            case Stmt.Savepoint x -> "SAVEPOINT";
            case Stmt.Release x -> "RELEASE";
            case Stmt.Pragma x -> "PRAGMA";
            case Stmt.Vacuum x -> "VACUUM";
            case Stmt.Analyze x -> "ANALYZE";
            case Stmt.Reindex x -> "REINDEX";
            case Stmt.Attach x -> "ATTACH";
            case Stmt.Detach x -> "DETACH";
            case Stmt.SelectStmt x -> "SELECT";
            case Stmt.Explain x -> "EXPLAIN";
        };
    }
}
