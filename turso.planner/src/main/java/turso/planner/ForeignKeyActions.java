/*
 * The ON DELETE and ON UPDATE actions of foreign keys, compiled as SQLite
 * compiles them: as trigger programs on the parent table, whose statement
 * writes the child rows of the parent's OLD key (CASCADE deletes them or
 * gives them the NEW key, SET NULL and SET DEFAULT set their key columns)
 * or, for RESTRICT, fails if there are any. An ON UPDATE action runs only
 * when the key really changed. The statements are ordinary DELETE and
 * UPDATE statements, so they check foreign keys and fire triggers
 * themselves, and cascade further; an action reached again while it is
 * compiled (a self-referencing table) reuses the program being made, which
 * then runs itself recursively.
 */
package turso.planner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import turso.parser.SqlParser;
import turso.parser.ast.Expr;
import turso.parser.ast.ForeignKey;
import turso.parser.ast.Stmt;
import turso.vm.FunctionRegistry;
import turso.vm.Program;
import turso.vm.SubProgram;

final class ForeignKeyActions {
    private ForeignKeyActions() {
    }

    /** What an action does, and whether it is ON UPDATE. */
    enum Kind { CASCADE, SET_NULL, SET_DEFAULT, RESTRICT }

    record Action(Kind kind, boolean onUpdate) {
        /** The action for {@code a}, or null for NO ACTION (and RESTRICT under PRAGMA defer_foreign_keys). */
        static Action of(ForeignKey.Action a, boolean onUpdate, boolean deferAll) {
            return switch (a) {
                case CASCADE -> new Action(Kind.CASCADE, onUpdate);
                case SET_NULL -> new Action(Kind.SET_NULL, onUpdate);
                case SET_DEFAULT -> new Action(Kind.SET_DEFAULT, onUpdate);
                case RESTRICT -> deferAll ? null : new Action(Kind.RESTRICT, onUpdate);
                case NONE, NO_ACTION -> null;
            };
        }
    }

    /**
     * The program of {@code action} for key {@code fk}, compiled with
     * {@code inner} (whose parameters are the parent's OLD and NEW rows), once
     * per statement: {@code compiled} holds those made so far.
     */
    static SubProgram program(ForeignKeys.Key fk, ForeignKeys.ParentKey parentKey, Action action, Schema inner,
            FunctionRegistry functions, Map<Object, SubProgram> compiled) {
        List<Object> cacheKey = List.of("foreign key", fk.child().toLowerCase(Locale.ROOT), fk.id(), action.onUpdate(),
                inner.firing().active());
        SubProgram known = compiled.get(cacheKey);
        if (known != null) {
            return known;
        }
        Program condition = null;
        if (action.onUpdate()) {
            StringBuilder changed = new StringBuilder("SELECT 1 WHERE NOT (");
            for (int k = 0; k < parentKey.columns().size(); k++) {
                String column = ForeignKeys.quote(parentKey.columns().get(k));
                changed.append(k == 0 ? "" : " AND ").append("old.").append(column).append(" IS new.").append(column);
            }
            String text = changed.append(")").toString();
            condition = SelectCompiler.compile(((Stmt.SelectStmt) SqlParser.parseOne(text)).select(), text, inner,
                    functions);
        }
        List<Program> statements = new ArrayList<>();
        SubProgram program = new SubProgram(condition, statements);
        compiled.put(cacheKey, program);
        String text = statement(fk, parentKey, action, inner);
        statements.add(switch (SqlParser.parseOne(text)) {
            case Stmt.Delete d -> DeleteCompiler.compile(d, text, inner, functions);
            case Stmt.Update u -> UpdateCompiler.compile(u, text, inner, functions);
            case Stmt.SelectStmt s -> SelectCompiler.compile(s.select(), text, inner, functions);
            default -> throw new IllegalStateException(text);
        });
        return program;
    }

    /** The statement of the action, in SQL, as SQLite words its action triggers. */
    private static String statement(ForeignKeys.Key fk, ForeignKeys.ParentKey parentKey, Action action, Schema inner) {
        String child = ForeignKeys.quote(fk.child());
        StringBuilder where = new StringBuilder(" WHERE ");
        for (int k = 0; k < fk.childColumns().size(); k++) {
            where.append(k == 0 ? "" : " AND ").append("old.").append(ForeignKeys.quote(parentKey.columns().get(k)))
                    .append(" = ").append(ForeignKeys.quote(fk.childColumns().get(k)));
        }
        return switch (action.kind()) {
            case RESTRICT -> "SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed') FROM " + child + where;
            case CASCADE -> {
                if (!action.onUpdate()) {
                    yield "DELETE FROM " + child + where;
                }
                yield "UPDATE " + child + " SET " + set(fk, k -> "new." + ForeignKeys.quote(parentKey.columns().get(k)))
                        + where;
            }
            case SET_NULL -> "UPDATE " + child + " SET " + set(fk, k -> "NULL") + where;
            case SET_DEFAULT -> {
                Table table = inner.table(fk.child());
                String sql = inner.sql(fk.child());
                yield "UPDATE " + child + " SET " + set(fk, k -> defaultText(table, sql, fk.childColumns().get(k)))
                        + where;
            }
        };
    }

    private static String set(ForeignKeys.Key fk, java.util.function.IntFunction<String> value) {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < fk.childColumns().size(); k++) {
            out.append(k == 0 ? "" : ", ").append(ForeignKeys.quote(fk.childColumns().get(k))).append(" = ")
                    .append(value.apply(k));
        }
        return out.toString();
    }

    /** The DEFAULT of child column {@code column} as written in the table's CREATE text, or NULL. */
    private static String defaultText(Table table, String sql, String column) {
        int index = table == null ? -1 : table.columnIndex(column);
        Expr value = index < 0 ? null : table.columns().get(index).defaultValue();
        if (value == null || sql == null) {
            return "NULL";
        }
        return "(" + sql.substring(value.span().start(), Math.min(value.span().end(), sql.length())) + ")";
    }
}
