/*
 * The check SQLite makes of the schema around ALTER TABLE RENAME and DROP
 * COLUMN (legacy_alter_table off): every view's SELECT and every trigger's
 * WHEN and statements, of the altered table's database (main, or an
 * attached one) and of temp, must compile, before the change
 * and again on the schema as the change leaves it; else the statement fails,
 * naming the first object that does not ("error in view v: no such table:
 * main.p", "error in trigger t after drop column: no such column: NEW.c").
 * An object that uses what this engine does not support yet is not checked.
 */
package turso.planner;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.parser.SqlParser;
import turso.parser.ast.Stmt;
import turso.vm.Affinity;
import turso.vm.FunctionRegistry;
import turso.vm.ProgramBuilder;

final class SchemaCheck {
    private SchemaCheck() {
    }

    /**
     * Fails as SQLite does when a view or trigger of {@code schema} (a
     * connection's), in one of the databases {@code dbs} (the altered
     * table's, then temp), does not compile; {@code when} ("", "after
     * rename", "after drop column") goes into the message.
     */
    static void check(Schema schema, List<Integer> dbs, FunctionRegistry functions, String when) {
        for (int db : dbs) {
            Schema one = schema.database(db);
            for (String name : one.viewNames()) {
                View view = one.view(name);
                if (view != null && view.sql() != null) {
                    run("view", name, db == 1 ? null : schema.databaseName(db), when, () -> {
                        ProgramBuilder scratch = new ProgramBuilder();
                        SelectCompiler.generateInto(scratch, functions, view.select(), view.sql(),
                                schema.forView(view), (first, count) -> { }, scratch.newLabel(), null);
                    });
                }
            }
            for (TriggerDefinition t : one.triggers()) {
                run("trigger", t.name(), db == 1 ? null : schema.databaseName(db), when,
                        () -> trigger(t, schema, functions));
            }
        }
    }

    private static void trigger(TriggerDefinition t, Schema schema, FunctionRegistry functions) {
        Schema home = schema.confinedTo(t.db());
        Table on = home.table(t.table());
        if (on == null) {
            if (home.view(t.table()) == null) {
                return;
            }
            String all = "SELECT * FROM \"" + t.table().replace("\"", "\"\"") + "\"";
            Stmt.SelectStmt star = (Stmt.SelectStmt) SqlParser.parseOne(all);
            List<Column> columns = SelectCompiler.compile(star.select(), all, home, functions).columnNames().stream()
                    .map(c -> new Column(c, "", Affinity.NONE, "BINARY", false, null)).toList();
            on = new Table(t.table(), 0, columns, -1, "a view");
        }
        // every trigger counts as running, so that none fires inside this one: each is checked on its own
        Set<String> all = new java.util.HashSet<>();
        for (int db = 0; db < schema.databaseCount(); db++) {
            schema.database(db).triggers().forEach(x -> all.add(x.name().toLowerCase(Locale.ROOT)));
        }
        Schema inner = schema.firing(new TriggerScope(on, t.event(), all, new HashMap<>())).confinedTo(t.db());
        TriggerCompiler.condition(t, inner, functions);
        for (Stmt s : t.body()) {
            for (String text : resolved(s, t.sql())) {
                Stmt.SelectStmt select = (Stmt.SelectStmt) SqlParser.parseOne(text);
                SelectCompiler.compile(select.select(), text, inner, functions);
            }
        }
    }

    /**
     * The SELECTs that read what a trigger's statement reads, for resolving
     * its names as SQLite does when it checks a trigger: the SELECT itself,
     * an INSERT's target and rows, or the SET values and WHERE over the
     * target table and UPDATE's FROM. Column lists, value counts and
     * constraints are not checked (SQLite does not), nor an upsert's clauses.
     */
    private static List<String> resolved(Stmt s, String sql) {
        return switch (s) {
            case Stmt.SelectStmt q -> List.of(text(sql, q.span()));
            case Stmt.Insert i -> i.select() == null ? List.of("SELECT 1 FROM " + text(sql, i.table().span()))
                    : List.of("SELECT 1 FROM " + text(sql, i.table().span()), text(sql, i.select().span()));
            case Stmt.Update u -> List.of("SELECT 1" + u.sets().stream().flatMap(set -> values(set))
                    .map(v -> ", " + text(sql, v.span())).collect(java.util.stream.Collectors.joining())
                    + " FROM " + target(sql, u.table(), u.alias())
                    + (u.from() == null ? "" : ", " + text(sql, u.from().span()))
                    + (u.where() == null ? "" : " WHERE " + text(sql, u.where().span())));
            case Stmt.Delete d -> List.of("SELECT 1 FROM " + target(sql, d.table(), d.alias())
                    + (d.where() == null ? "" : " WHERE " + text(sql, d.where().span())));
            default -> throw new IllegalStateException("a trigger holds only INSERT, UPDATE, DELETE and SELECT");
        };
    }

    /** The values a SET clause assigns, one per column (those of a row value assigned to several columns). */
    private static java.util.stream.Stream<turso.parser.ast.Expr> values(turso.parser.ast.SetClause set) {
        if (set.columns().size() == 1) {
            return java.util.stream.Stream.of(set.value());
        }
        return set.value() instanceof turso.parser.ast.Expr.RowValue row ? row.values().stream()
                : java.util.stream.Stream.of();
    }

    private static String target(String sql, turso.parser.ast.QualifiedName table, turso.parser.ast.Name alias) {
        return text(sql, table.span()) + (alias == null ? "" : " AS " + text(sql, alias.span()));
    }

    private static String text(String sql, turso.parser.ast.Span span) {
        return sql.substring(span.start(), span.end());
    }

    private static void run(String type, String name, String database, String when, Runnable compile) {
        try {
            compile.run();
        } catch (Unsupported e) {
            // not checked: the engine cannot compile it yet, whatever the ALTER does
        } catch (TursoException e) {
            throw new TursoException(ResultCode.ERROR, "error in " + type + " " + name
                    + (when.isEmpty() ? "" : " " + when) + ": " + fixed(e.getMessage(), database));
        }
    }

    /**
     * The message as SQLite words it for an object of {@code database}
     * (null: temp): the names in a view or trigger of a database other than
     * temp are bound to that database when it is read, so a missing table
     * is "main.x" or "aux.x".
     */
    private static String fixed(String message, String database) {
        String missing = "no such table: ";
        if (database != null && message.startsWith(missing) && message.indexOf('.', missing.length()) < 0) {
            return missing + database + "." + message.substring(missing.length());
        }
        return message;
    }
}
