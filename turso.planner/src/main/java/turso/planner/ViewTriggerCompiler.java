/*
 * INSERT, UPDATE and DELETE on a view that has INSTEAD OF triggers for
 * them: the rows the statement would write (the values inserted, or the
 * view's rows WHERE holds for, with the SET values for an UPDATE) are
 * gathered first, then the triggers run once for each, with OLD and NEW
 * bound to the view's columns. Nothing else is written, and, as in SQLite,
 * the statement itself counts no changes. RETURNING gives, after a row's
 * triggers ran, the NEW row (INSERT, UPDATE) or the OLD row (DELETE) they
 * were given; none for a row a trigger's RAISE(IGNORE) left. Without such
 * a trigger the statement fails as writing any view does (Tables.find),
 * unless it has a RETURNING clause (insteadOf).
 */
package turso.planner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
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
        ProgramBuilder probe = new ProgramBuilder();
        List<Column> columns = SelectCompiler.generateInto(probe, functions, star.select(), all, schema,
                (first, count) -> { }, probe.newLabel(), null).stream()
                .map(c -> new Column(c.name(), "", c.affinity(), "BINARY", false, null)).toList();
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
        TriggerCompiler triggers = insteadOf(b, functions, schema, view, Stmt.TriggerEvent.INSERT, Set.of());
        if (triggers == null && insert.returning().isEmpty()) {
            return null;
        }
        if (!insert.upserts().isEmpty()) {
            throw new TursoException(ResultCode.ERROR, "cannot UPSERT a view");
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
        int raw = b.newRegisters(width);
        Returned returned = Returned.of(b, insert.returning(), sql, schema, functions, view, raw,
                term -> asWrittenButRealColumn(term, view));
        Rows rows = gather(b, insert.select(), sql, schema, functions, insert.select() == null ? 0 : target.length,
                insert.columns().isEmpty()
                ? "table " + view.name() + " has " + width + " columns but %d values were supplied"
                : "%d values for " + target.length + " columns", returned);
        b.emit(Op.INTEGER, -1, newRowid, 0);
        b.emit(Op.NULL, 0, newValues, newValues + width - 1);
        for (int k = 0; insert.select() != null && k < target.length; k++) {
            rows.column(k, newValues + target[k]);
        }
        for (int j = 0; j < width; j++) {
            b.emit(Op.COPY, newValues + j, raw + j, 0);
        }
        realsOfIntegers(b, functions, schema, sql, view, newValues);
        if (triggers != null) {
            triggers.fire(Stmt.TriggerTime.INSTEAD_OF, -1, -1, newRowid, newValues, rows.next);
        }
        returned.row();
        return rows.finish();
    }

    private static Program update(ProgramBuilder b, Stmt.Update update, String sql, Schema schema,
            FunctionRegistry functions, Table view) {
        if (!update.orderBy().isEmpty() || update.limit() != null) {
            throw Unsupported.feature("UPDATE of a view with ORDER BY or LIMIT");
        }
        int width = view.columns().size();
        int[] set = new int[width];
        java.util.Arrays.fill(set, -1);
        Set<String> changed = new java.util.HashSet<>();
        String rowsName = update.alias() == null ? viewName(update.table()) : update.alias().value();
        StringBuilder text = new StringBuilder("SELECT ").append(quote(rowsName)).append(".*");
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
        TriggerCompiler triggers = insteadOf(b, functions, schema, view, Stmt.TriggerEvent.UPDATE, changed);
        if (triggers == null && update.returning().isEmpty()) {
            return null;
        }
        if (update.alias() != null && update.from() == null) {
            // SET may name the rows by the alias, WHERE neither by it nor by the view's name, as in SQLite
            StringBuilder rows = new StringBuilder("SELECT *");
            from(rows, sql, update.table(), UNNAMED, null, update.where());
            text.append(" FROM (").append(rows).append(") AS ").append(quote(rowsName));
        } else {
            from(text, sql, update.table(), update.alias() == null ? null : rowsName, update.from(), update.where());
        }
        int oldRowid = b.newRegister();
        int oldValues = b.newRegisters(width);
        int newValues = b.newRegisters(width);
        Returned returned = Returned.of(b, update.returning(), sql, schema, functions, view, newValues,
                Returning.AS_WRITTEN);
        String query = text.toString();
        Rows rows = gather(b, ((Stmt.SelectStmt) SqlParser.parseOne(query)).select(), query, schema, functions,
                -1, null, returned);
        b.emit(Op.NULL, 0, oldRowid, 0);
        for (int j = 0; j < width; j++) {
            rows.column(j, oldValues + j);
            rows.column(set[j] >= 0 ? set[j] : j, newValues + j);
        }
        b.emit(Op.AFFINITY, newValues, width, 0,
                view.columns().stream().map(Column::affinity).toArray(Affinity[]::new), 0);
        if (triggers != null) {
            triggers.fire(Stmt.TriggerTime.INSTEAD_OF, oldRowid, oldValues, oldRowid, newValues, rows.next);
        }
        returned.row();
        return rows.finish();
    }

    private static Program delete(ProgramBuilder b, Stmt.Delete delete, String sql, Schema schema,
            FunctionRegistry functions, Table view) {
        if (!delete.orderBy().isEmpty() || delete.limit() != null) {
            throw Unsupported.feature("DELETE from a view with ORDER BY or LIMIT");
        }
        TriggerCompiler triggers = insteadOf(b, functions, schema, view, Stmt.TriggerEvent.DELETE, Set.of());
        if (triggers == null && delete.returning().isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder("SELECT *");
        from(text, sql, delete.table(), delete.alias() == null ? null : UNNAMED, null, delete.where());
        int width = view.columns().size();
        int oldRowid = b.newRegister();
        int oldValues = b.newRegisters(width);
        Returned returned = Returned.of(b, delete.returning(), sql, schema, functions, view, oldValues,
                Returning.AS_WRITTEN);
        String query = text.toString();
        Rows rows = gather(b, ((Stmt.SelectStmt) SqlParser.parseOne(query)).select(), query, schema, functions,
                -1, null, returned);
        b.emit(Op.NULL, 0, oldRowid, 0);
        for (int j = 0; j < width; j++) {
            rows.column(j, oldValues + j);
        }
        if (triggers != null) {
            triggers.fire(Stmt.TriggerTime.INSTEAD_OF, oldRowid, oldValues, -1, -1, rows.next);
        }
        returned.row();
        return rows.finish();
    }

    /**
     * The values an INSERT gives a view's REAL columns (a view's column has
     * the affinity of the expression it selects) as SQLite reads them: an
     * integer becomes a real, other values stay as they are. Unlike UPDATE,
     * SQLite applies no other affinity to them.
     */
    private static void realsOfIntegers(ProgramBuilder b, FunctionRegistry functions, Schema schema, String sql,
            Table view, int values) {
        for (int j = 0; j < view.columns().size(); j++) {
            if (view.columns().get(j).affinity() != Affinity.REAL) {
                continue;
            }
            turso.parser.ast.Expr real = realOfInteger(view, view.columns().get(j));
            ExprCompiler row = IndexMaintenance.rowExpressions(b, functions, view, values, b.newRegister());
            row.setContext(schema, sql, null);
            int converted = b.newRegister();
            row.compileInto(real, converted);
            b.emit(Op.COPY, converted, values + j, 0);
        }
    }

    /** Column {@code column} of the view's row, an integer there made a real. */
    private static turso.parser.ast.Expr realOfInteger(Table view, Column column) {
        String x = quote(view.name()) + "." + quote(column.name());
        String text = "SELECT CASE WHEN typeof(" + x + ") = 'integer' THEN CAST(" + x + " AS REAL) ELSE " + x + " END";
        return ((turso.parser.ast.ResultColumn.Single) ((turso.parser.ast.SelectCore.Simple)
                ((Stmt.SelectStmt) SqlParser.parseOne(text)).select().first()).columns().getFirst()).expr();
    }

    /**
     * A RETURNING term of an INSERT into a view, over the values as given
     * (SQLite's RETURNING sees them so: typeof() of a REAL column given 8
     * says integer), except that a term naming a REAL column is that
     * column's value made a real, as SQLite 3.54 converts such a term.
     */
    private static turso.parser.ast.Expr asWrittenButRealColumn(turso.parser.ast.Expr term, Table view) {
        turso.parser.ast.Expr inner = term;
        while (inner instanceof turso.parser.ast.Expr.Collate c) {
            inner = c.expr();
        }
        if (inner instanceof turso.parser.ast.Expr.ColumnRef c && c.schema() == null
                && (c.table() == null || c.table().is(view.name()))) {
            int j = view.columnIndex(c.column().value());
            if (j >= 0 && view.columns().get(j).affinity() == Affinity.REAL) {
                return realOfInteger(view, view.columns().get(j));
            }
        }
        return term;
    }

    /**
     * The view's INSTEAD OF triggers that fire for {@code event}, or null.
     * Without one the statement fails as writing a view does, unless it has
     * a RETURNING clause: SQLite then writes nothing, fires nothing, and
     * returns the rows, as long as the view has some trigger.
     */
    private static TriggerCompiler insteadOf(ProgramBuilder b, FunctionRegistry functions, Schema schema, Table view,
            Stmt.TriggerEvent event, Set<String> changed) {
        TriggerCompiler triggers = TriggerCompiler.forStatement(b, functions, schema, view, event, changed);
        return triggers != null && triggers.fires(Stmt.TriggerTime.INSTEAD_OF) ? triggers : null;
    }

    /**
     * Appends " FROM view[, from] [WHERE ...]", UPDATE FROM's tables and the
     * condition as the statement wrote them: each row of the view joined
     * with those tables is one row to update, as in SQLite. SQLite lets the
     * statement's alias name the view's rows only with FROM; without FROM,
     * a statement with an alias can name them neither way ({@code alias}:
     * UNNAMED then).
     */
    private static void from(StringBuilder text, String sql, QualifiedName table, String alias,
            turso.parser.ast.FromClause from, turso.parser.ast.Expr where) {
        text.append(" FROM ").append(quote(viewName(table)));
        if (alias != null) {
            text.append(" AS ").append(quote(alias));
        }
        if (from != null) {
            text.append(", (").append(text(sql, from.span())).append(')');
        }
        if (where != null) {
            text.append(" WHERE (").append(text(sql, where.span())).append(')');
        }
    }

    /** A name no statement can write, for the view's rows where SQLite gives them none. */
    private static final String UNNAMED = "\u2060rows\u2060";

    private static String viewName(QualifiedName table) {
        return table.name().value();
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
            FunctionRegistry functions, int width, String widthError, Returned returned) {
        b.markCountsChanges();
        int init = b.emit(Op.INIT, 0, 0, 0);
        b.setJump(init, b.currentAddress());
        int sorter = b.newCursor();
        b.emit(Op.SORTER_OPEN, sorter, 0, 0, new SortOrder(new turso.api.spi.Collation[0], new boolean[0],
                new boolean[0]), 0);
        returned.open();
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
        return new Rows(b, sorter, b.currentAddress(), b.newLabel(), done, returned);
    }

    /** The loop over the gathered rows: {@code next} is where one row's code ends. */
    private record Rows(ProgramBuilder b, int sorter, int loop, int next, int done, Returned returned) {
        void column(int k, int target) {
            b.emit(Op.SORTER_COLUMN, sorter, k, target);
        }

        Program finish() {
            b.resolve(next);
            b.emit(Op.SORTER_NEXT, sorter, loop, 0);
            b.resolve(done);
            returned.emit();
            b.emit(Op.HALT, 0, 0, 0);
            return b.build();
        }
    }

    /**
     * The statement's RETURNING clause over the view's row in {@code values}
     * (no clause: nothing is emitted). A view has no rowid, so naming one
     * there fails as in SQLite 3.54 (3.40 answered a meaningless number).
     */
    private record Returned(Returning returning, ExprCompiler exprs, UnaryOperator<turso.parser.ast.Expr> rewrite) {
        static Returned of(ProgramBuilder b, List<turso.parser.ast.ResultColumn> terms, String sql, Schema schema,
                FunctionRegistry functions, Table view, int values, UnaryOperator<turso.parser.ast.Expr> rewrite) {
            for (turso.parser.ast.ResultColumn term : terms) {
                if (term instanceof turso.parser.ast.ResultColumn.Single s) {
                    noRowid(s.expr(), view);
                }
            }
            int noRowid = b.newRegister();
            ExprCompiler row = IndexMaintenance.rowExpressions(b, functions, view, values, noRowid);
            row.setContext(schema, sql, null);
            return new Returned(Returning.of(b, terms, view, view.name(), row, sql), row, rewrite);
        }

        private static void noRowid(turso.parser.ast.Expr e, Table view) {
            ExprWalker.walk(e, x -> {
                if (x instanceof turso.parser.ast.Expr.ColumnRef c && c.schema() == null
                        && (c.table() == null || c.table().is(view.name())) && Scope.isRowidName(c.column().value())
                        && view.columnIndex(c.column().value()) < 0) {
                    throw new TursoException(ResultCode.ERROR, "no such column: "
                            + (c.table() == null ? "" : c.table().value() + ".") + c.column().value());
                }
                return true;
            });
        }

        void open() {
            if (returning != null) {
                returning.open();
            }
        }

        void row() {
            if (returning != null) {
                returning.row(exprs, rewrite);
            }
        }

        void emit() {
            if (returning != null) {
                returning.emit();
            }
        }
    }
}
