/*
 * INSERT, UPDATE and DELETE on a view that has INSTEAD OF triggers for
 * them: the rows the statement would write (the values inserted, or the
 * view's rows WHERE holds for, with the SET values for an UPDATE) are
 * gathered first, then the triggers run once for each, with OLD and NEW
 * bound to the view's columns. Nothing else is written, and, as in SQLite,
 * the statement itself counts no changes. Without such a trigger the
 * statement fails as writing any view does (Tables.find).
 */
package turso.planner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.parser.SqlParser;
import turso.parser.ast.Name;
import turso.parser.ast.QualifiedName;
import turso.parser.ast.SetClause;
import turso.parser.ast.Span;
import turso.parser.ast.Stmt;
import turso.vm.Affinity;
import turso.vm.FunctionRegistry;
import turso.vm.Op;
import turso.vm.Program;
import turso.vm.ProgramBuilder;
import turso.vm.SortOrder;

final class ViewTriggerCompiler {
    private ViewTriggerCompiler() {
    }

    /** The program of {@code stmt} if it writes a view with an INSTEAD OF trigger for it, else null. */
    static Program compile(Stmt stmt, String sql, Schema schema, FunctionRegistry functions) {
        QualifiedName name = switch (stmt) {
            case Stmt.Insert i -> i.table();
            case Stmt.Update u -> u.table();
            case Stmt.Delete d -> d.table();
            default -> null;
        };
        if (name == null || name.schema() != null && !name.schema().is("main")
                || !"view".equals(schema.kindOf(name.name().value())) || schema.table(name.name().value()) != null
                || schema.triggersOn(name.name().value()).stream()
                        .noneMatch(t -> t.time() == Stmt.TriggerTime.INSTEAD_OF)) {
            return null;
        }
        String viewName = name.name().value();
        String all = "SELECT * FROM " + quote(viewName);
        Stmt.SelectStmt star = (Stmt.SelectStmt) SqlParser.parseOne(all);
        List<Column> columns = SelectCompiler.compile(star.select(), all, schema, functions).columnNames().stream()
                .map(c -> new Column(c, "", Affinity.NONE, "BINARY", false, null)).toList();
        Table view = new Table(viewName, 0, columns, -1, "a view");
        ProgramBuilder b = new ProgramBuilder();
        return switch (stmt) {
            case Stmt.Insert i -> insert(b, i, sql, schema, functions, view);
            case Stmt.Update u -> update(b, u, sql, schema, functions, view);
            case Stmt.Delete d -> delete(b, d, sql, schema, functions, view);
            default -> throw new IllegalStateException();
        };
    }

    private static Program insert(ProgramBuilder b, Stmt.Insert insert, String sql, Schema schema,
            FunctionRegistry functions, Table view) {
        if (!insert.upserts().isEmpty() || !insert.returning().isEmpty()) {
            throw Unsupported.feature("upsert or RETURNING on a view");
        }
        TriggerCompiler triggers = TriggerCompiler.forStatement(b, functions, schema, view,
                Stmt.TriggerEvent.INSERT, Set.of());
        if (triggers == null || !triggers.fires(Stmt.TriggerTime.INSTEAD_OF)) {
            return null;
        }
        int width = view.columns().size();
        int[] target = new int[insert.columns().isEmpty() ? width : insert.columns().size()];
        for (int k = 0; k < target.length; k++) {
            target[k] = insert.columns().isEmpty() ? k : view.columnIndex(insert.columns().get(k).value());
            if (target[k] < 0) {
                throw new TursoException(ResultCode.ERROR, "table " + view.name() + " has no column named "
                        + insert.columns().get(k).value());
            }
        }
        int newRowid = b.newRegister();
        int newValues = b.newRegisters(width);
        Rows rows = gather(b, insert.select(), sql, schema, functions, target.length, insert.columns().isEmpty()
                ? "table " + view.name() + " has " + width + " columns but %d values were supplied"
                : "%d values for " + target.length + " columns");
        b.emit(Op.INTEGER, -1, newRowid, 0);
        b.emit(Op.NULL, 0, newValues, newValues + width - 1);
        for (int k = 0; k < target.length; k++) {
            rows.column(k, newValues + target[k]);
        }
        triggers.fire(Stmt.TriggerTime.INSTEAD_OF, -1, -1, newRowid, newValues, rows.next);
        return rows.finish();
    }

    private static Program update(ProgramBuilder b, Stmt.Update update, String sql, Schema schema,
            FunctionRegistry functions, Table view) {
        if (update.from() != null || !update.returning().isEmpty() || !update.orderBy().isEmpty()
                || update.limit() != null) {
            throw Unsupported.feature("UPDATE of a view with FROM, RETURNING, ORDER BY or LIMIT");
        }
        int width = view.columns().size();
        int[] set = new int[width];
        java.util.Arrays.fill(set, -1);
        Set<String> changed = new java.util.HashSet<>();
        StringBuilder text = new StringBuilder("SELECT *");
        for (int s = 0; s < update.sets().size(); s++) {
            SetClause clause = update.sets().get(s);
            if (clause.columns().size() != 1) {
                throw Unsupported.feature("row values in SET of a view");
            }
            Name column = clause.columns().getFirst();
            int index = view.columnIndex(column.value());
            if (index < 0) {
                throw new TursoException(ResultCode.ERROR, "no such column: " + column.value());
            }
            set[index] = width + s;
            changed.add(column.value().toLowerCase(Locale.ROOT));
            text.append(", (").append(text(sql, clause.value().span())).append(')');
        }
        TriggerCompiler triggers = TriggerCompiler.forStatement(b, functions, schema, view,
                Stmt.TriggerEvent.UPDATE, changed);
        if (triggers == null || !triggers.fires(Stmt.TriggerTime.INSTEAD_OF)) {
            return null;
        }
        from(text, sql, update.table(), update.where());
        int oldRowid = b.newRegister();
        int oldValues = b.newRegisters(width);
        int newValues = b.newRegisters(width);
        String query = text.toString();
        Rows rows = gather(b, ((Stmt.SelectStmt) SqlParser.parseOne(query)).select(), query, schema, functions,
                -1, null);
        b.emit(Op.NULL, 0, oldRowid, 0);
        for (int j = 0; j < width; j++) {
            rows.column(j, oldValues + j);
            rows.column(set[j] >= 0 ? set[j] : j, newValues + j);
        }
        triggers.fire(Stmt.TriggerTime.INSTEAD_OF, oldRowid, oldValues, oldRowid, newValues, rows.next);
        return rows.finish();
    }

    private static Program delete(ProgramBuilder b, Stmt.Delete delete, String sql, Schema schema,
            FunctionRegistry functions, Table view) {
        if (!delete.returning().isEmpty() || !delete.orderBy().isEmpty() || delete.limit() != null) {
            throw Unsupported.feature("DELETE from a view with RETURNING, ORDER BY or LIMIT");
        }
        TriggerCompiler triggers = TriggerCompiler.forStatement(b, functions, schema, view,
                Stmt.TriggerEvent.DELETE, Set.of());
        if (triggers == null || !triggers.fires(Stmt.TriggerTime.INSTEAD_OF)) {
            return null;
        }
        StringBuilder text = new StringBuilder("SELECT *");
        from(text, sql, delete.table(), delete.where());
        int width = view.columns().size();
        int oldRowid = b.newRegister();
        int oldValues = b.newRegisters(width);
        String query = text.toString();
        Rows rows = gather(b, ((Stmt.SelectStmt) SqlParser.parseOne(query)).select(), query, schema, functions,
                -1, null);
        b.emit(Op.NULL, 0, oldRowid, 0);
        for (int j = 0; j < width; j++) {
            rows.column(j, oldValues + j);
        }
        triggers.fire(Stmt.TriggerTime.INSTEAD_OF, oldRowid, oldValues, -1, -1, rows.next);
        return rows.finish();
    }

    /**
     * Appends " FROM view [WHERE ...]", the condition as the statement wrote
     * it. SQLite does not let the statement's alias name the view's rows.
     */
    private static void from(StringBuilder text, String sql, QualifiedName table, turso.parser.ast.Expr where) {
        text.append(" FROM ").append(quote(table.name().value()));
        if (where != null) {
            text.append(" WHERE (").append(text(sql, where.span())).append(')');
        }
    }

    private static String text(String sql, Span span) {
        return sql.substring(span.start(), span.end());
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /**
     * Gathers the rows of {@code select} (a single row of no values when
     * null, for DEFAULT VALUES) in a sorter before any trigger runs, then
     * loops over them; {@code widthError} (with the width found) when the
     * rows are not {@code width} wide.
     */
    private static Rows gather(ProgramBuilder b, turso.parser.ast.Select select, String sql, Schema schema,
            FunctionRegistry functions, int width, String widthError) {
        b.markCountsChanges();
        int init = b.emit(Op.INIT, 0, 0, 0);
        b.setJump(init, b.currentAddress());
        int sorter = b.newCursor();
        b.emit(Op.SORTER_OPEN, sorter, 0, 0, new SortOrder(new turso.api.spi.Collation[0], new boolean[0],
                new boolean[0]), 0);
        int done = b.newLabel();
        if (select == null) {
            if (width != 0) {
                throw new TursoException(ResultCode.ERROR, widthError.formatted(0));
            }
            int empty = b.newRegister();
            b.emit(Op.SORTER_INSERT, sorter, empty, 0);
        } else {
            int selected = b.newLabel();
            int found = SelectCompiler.generateInto(b, functions, select, sql, schema,
                    (first, count) -> b.emit(Op.SORTER_INSERT, sorter, first, count), selected, null).size();
            b.resolve(selected);
            if (width >= 0 && found != width) {
                throw new TursoException(ResultCode.ERROR, widthError.formatted(found));
            }
        }
        b.emit(Op.TRANSACTION, 0, 1, 0);
        b.emit(Op.SORTER_SORT, sorter, done, 0);
        return new Rows(b, sorter, b.currentAddress(), b.newLabel(), done);
    }

    /** The loop over the gathered rows: {@code next} is where one row's code ends. */
    private record Rows(ProgramBuilder b, int sorter, int loop, int next, int done) {
        void column(int k, int target) {
            b.emit(Op.SORTER_COLUMN, sorter, k, target);
        }

        Program finish() {
            b.resolve(next);
            b.emit(Op.SORTER_NEXT, sorter, loop, 0);
            b.resolve(done);
            b.emit(Op.HALT, 0, 0, 0);
            return b.build();
        }
    }
}
