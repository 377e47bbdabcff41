/*
 * DROP TABLE with foreign keys enforced: before the table goes, its rows
 * are deleted as "DELETE FROM t" would delete them, without firing its
 * triggers, so that its children's keys are checked and their actions run
 * (with the triggers of the rows those write) (a child
 * table's own rows matter only while deferred violations are pending). An
 * immediate violation fails the DROP before anything is dropped; a
 * deferred one waits for COMMIT. As in SQLite, a key whose parent key is
 * missing or unusable ("foreign key mismatch") does not stop the DROP.
 */
package turso.planner;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.parser.SqlParser;
import turso.parser.ast.Stmt;
import turso.vm.FunctionRegistry;
import turso.vm.Op;
import turso.vm.Program;
import turso.vm.ProgramBuilder;
import turso.vm.SubProgram;

final class ForeignKeyDrop {
    private ForeignKeyDrop() {
    }

    /** Emits the implicit DELETE of {@code table}'s rows, when foreign keys require one. */
    static void deleteRows(ProgramBuilder b, Schema schema, Table table, FunctionRegistry functions) {
        if (!schema.enforcesForeignKeys()) {
            return;
        }
        ForeignKeys keys = schema.foreignKeys();
        boolean parent = !keys.referencing(table.name()).isEmpty();
        boolean deferredChild = keys.of(table.name()).stream().anyMatch(k -> k.deferred() || schema.defersForeignKeys());
        if (!parent && !deferredChild) {
            return;
        }
        Set<String> ownTriggers = schema.triggersOn(table.name()).stream()
                .map(t -> t.name().toLowerCase(java.util.Locale.ROOT)).collect(Collectors.toSet());
        Schema quiet = schema.firing(new TriggerScope(table, Stmt.TriggerEvent.DELETE, ownTriggers,
                new java.util.HashMap<>()));
        String text = "DELETE FROM " + ForeignKeys.quote(table.name());
        Program delete;
        try {
            delete = DeleteCompiler.compile((Stmt.Delete) SqlParser.parseOne(text), text, quiet, functions);
        } catch (TursoException e) {
            if (e.primaryResultCode() != ResultCode.ERROR) {
                throw e;
            }
            return;
        }
        int skip = b.newLabel();
        if (!parent) {
            b.emit(Op.FK_IF_ZERO, 1, skip, 0);
        }
        int next = b.newLabel();
        b.emit(Op.PROGRAM, 0, next, 0, new SubProgram(null, List.of(delete)), 0);
        b.comment("implicit DELETE FROM " + table.name());
        b.resolve(next);
        if (!schema.defersForeignKeys()) {
            b.emit(Op.FK_IF_ZERO, 0, skip, 0);
            b.emit(Op.HALT, ResultCode.CONSTRAINT_FOREIGNKEY.code(), 0, 0, "FOREIGN KEY constraint failed", 0);
        }
        b.resolve(skip);
    }
}
