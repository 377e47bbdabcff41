/*
 * Row values (rowvalue.html): (a, b) compared with another row of the same
 * size, a row-valued subquery, or in an IN list or subquery; and the size
 * checks with SQLite's errors. Comparisons go pair by pair as SQLite's: = and
 * <> are decided by any pair that differs and are NULL when no pair differs
 * but one is NULL; <, <=, >, >= are decided by the first pair that is not
 * equal (NULL when that pair has a NULL); IS and IS NOT need every pair.
 * ExprCompiler hands every expression with a row value here.
 */
package turso.planner;

import java.util.ArrayList;
import java.util.List;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.parser.ast.Expr;
import turso.vm.CompareOp;
import turso.vm.Op;
import turso.vm.ProgramBuilder;

final class RowValues {
    private final ExprCompiler exprs;
    private final ProgramBuilder b;

    RowValues(ExprCompiler exprs, ProgramBuilder b) {
        this.exprs = exprs;
        this.b = b;
    }

    /** Whether {@code e} is written as a row value, (x, y, ...). */
    static boolean isRow(Expr e) {
        return e instanceof Expr.RowValue;
    }

    static TursoException misused() {
        return new TursoException(ResultCode.ERROR, "row value misused");
    }

    /** {@code left op right} where one side is a row value. */
    void compare(Expr left, CompareOp op, Expr right, int target) {
        int n = isRow(left) ? ((Expr.RowValue) left).values().size() : ((Expr.RowValue) right).values().size();
        int[] lr = registers(left, n);
        compare(left, lr, op, right, registers(right, n), target);
    }

    /**
     * {@code CASE (x, y) WHEN (a, b) THEN ...} (the operand a row value or a
     * subquery of several columns): the operand is evaluated once, then
     * compared with each WHEN row as = compares them; a WHEN that is not a
     * row of the operand's width is misused, as in SQLite. {@code then} emits
     * what follows each comparison, whose result is in {@code test}.
     */
    void caseWhens(Expr.Case c, int test, java.util.function.Consumer<Expr.WhenThen> then) {
        int n = width(c.operand());
        int[] operand = registers(c.operand(), n);
        for (Expr.WhenThen wt : c.whens()) {
            compare(c.operand(), operand, CompareOp.EQ, wt.when(), registers(wt.when(), n), test);
            then.accept(wt);
        }
    }

    private void compare(Expr left, int[] lr, CompareOp op, Expr right, int[] rr, int target) {
        int n = lr.length;
        List<Expr> l = elements(left, n);
        List<Expr> r = elements(right, n);
        int end = b.newLabel();
        int cmp = b.newRegister();
        switch (op) {
            case IS, IS_NOT -> {
                b.emit(Op.INTEGER, op == CompareOp.IS ? 0 : 1, target, 0);
                for (int i = 0; i < n; i++) {
                    b.emit(Op.COMPARE, lr[i], rr[i], cmp, exprs.comparison(CompareOp.IS, l.get(i), r.get(i)), 0);
                    b.emit(Op.IF_NOT, cmp, end, 0);
                }
                b.emit(Op.INTEGER, op == CompareOp.IS ? 1 : 0, target, 0);
            }
            case EQ, NE -> {
                int sawNull = b.newRegister();
                int differs = b.newLabel();
                b.emit(Op.INTEGER, 0, sawNull, 0);
                for (int i = 0; i < n; i++) {
                    int next = b.newLabel();
                    b.emit(Op.COMPARE, lr[i], rr[i], cmp, exprs.comparison(CompareOp.EQ, l.get(i), r.get(i)), 0);
                    b.emit(Op.IF, cmp, next, 0);
                    b.emit(Op.NOT_NULL, cmp, differs, 0);
                    b.emit(Op.INTEGER, 1, sawNull, 0);
                    b.resolve(next);
                }
                int isNull = b.newLabel();
                b.emit(Op.IF, sawNull, isNull, 0);
                b.emit(Op.INTEGER, op == CompareOp.EQ ? 1 : 0, target, 0);
                b.emit(Op.GOTO, 0, end, 0);
                b.resolve(differs);
                b.emit(Op.INTEGER, op == CompareOp.EQ ? 0 : 1, target, 0);
                b.emit(Op.GOTO, 0, end, 0);
                b.resolve(isNull);
                b.emit(Op.NULL, 0, target, 0);
            }
            default -> {
                CompareOp strict = op == CompareOp.LE ? CompareOp.LT : op == CompareOp.GE ? CompareOp.GT : op;
                int isNull = b.newLabel();
                for (int i = 0; i < n - 1; i++) {
                    int next = b.newLabel();
                    b.emit(Op.COMPARE, lr[i], rr[i], cmp, exprs.comparison(CompareOp.EQ, l.get(i), r.get(i)), 0);
                    b.emit(Op.IS_NULL, cmp, isNull, 0);
                    b.emit(Op.IF, cmp, next, 0);
                    b.emit(Op.COMPARE, lr[i], rr[i], target, exprs.comparison(strict, l.get(i), r.get(i)), 0);
                    b.emit(Op.GOTO, 0, end, 0);
                    b.resolve(next);
                }
                b.emit(Op.COMPARE, lr[n - 1], rr[n - 1], target,
                        exprs.comparison(op, l.get(n - 1), r.get(n - 1)), 0);
                b.emit(Op.GOTO, 0, end, 0);
                b.resolve(isNull);
                b.emit(Op.NULL, 0, target, 0);
            }
        }
        b.resolve(end);
    }

    /** {@code (x, y) [NOT] IN ((a, b), ...)}: found, else NULL if a comparison was NULL, else not found. */
    void inList(Expr.InList e, int target) {
        int n = ((Expr.RowValue) e.expr()).values().size();
        for (Expr v : e.values()) {
            int terms = v instanceof Expr.RowValue r ? r.values().size() : 1;
            if (terms != n) {
                throw new TursoException(ResultCode.ERROR, "IN(...) element has " + terms + " term"
                        + (terms == 1 ? "" : "s") + " - expected " + n);
            }
        }
        int sawNull = b.newRegister();
        int found = b.newLabel();
        int isNull = b.newLabel();
        int end = b.newLabel();
        int cmp = b.newRegister();
        b.emit(Op.INTEGER, 0, sawNull, 0);
        for (Expr v : e.values()) {
            compare(e.expr(), CompareOp.EQ, v, cmp);
            exprs.foundOrNull(cmp, found, sawNull);
        }
        b.emit(Op.IF, sawNull, isNull, 0);
        exprs.inResult(e.not(), found, isNull, end, target);
    }

    /**
     * {@code (x, y) [NOT] IN (SELECT a, b ...)}: the subquery runs each time,
     * its rows compared with the row as = compares them.
     */
    void inSelect(Expr.InSelect e, int target) {
        List<Expr> left = ((Expr.RowValue) e.expr()).values();
        int n = left.size();
        int[] lr = registers(e.expr(), n);
        int sawNull = b.newRegister();
        int found = b.newLabel();
        int isNull = b.newLabel();
        int end = b.newLabel();
        int done = b.newLabel();
        int cmp = b.newRegister();
        b.emit(Op.INTEGER, 0, sawNull, 0);
        int width = exprs.subquery(e.select(), (first, count) -> {
            int differs = b.newLabel();
            int rowNull = b.newRegister();
            b.emit(Op.INTEGER, 0, rowNull, 0);
            for (int i = 0; i < Math.min(n, count); i++) {
                int pair = b.newLabel();
                b.emit(Op.COMPARE, lr[i], first + i, cmp, exprs.comparison(CompareOp.EQ, left.get(i), NO_EXPRESSION), 0);
                b.emit(Op.IF, cmp, pair, 0);
                b.emit(Op.NOT_NULL, cmp, differs, 0);
                b.emit(Op.INTEGER, 1, rowNull, 0);
                b.resolve(pair);
            }
            b.emit(Op.IF_NOT, rowNull, found, 0);
            b.emit(Op.INTEGER, 1, sawNull, 0);
            b.resolve(differs);
        }, done);
        if (width != n) {
            throw new TursoException(ResultCode.ERROR, "sub-select returns " + width + " columns - expected " + n);
        }
        b.resolve(done);
        b.emit(Op.IF, sawNull, isNull, 0);
        exprs.inResult(e.not(), found, isNull, end, target);
    }

    /** The values of {@code e} as n registers: its elements, or a subquery's first row (NULLs without one). */
    int[] registers(Expr e, int n) {
        int[] r = new int[n];
        switch (e) {
            case Expr.RowValue row -> {
                if (row.values().size() != n) {
                    throw misused();
                }
                for (int i = 0; i < n; i++) {
                    if (isRow(row.values().get(i))) {
                        throw misused();
                    }
                    r[i] = exprs.compile(row.values().get(i));
                }
            }
            case Expr.Subquery s -> {
                int first = b.newRegisters(n);
                exprs.onceUnlessCorrelated(() -> {
                    int end = b.newLabel();
                    b.emit(Op.NULL, 0, first, first + n - 1);
                    int width = exprs.subquery(s.select(), (from, count) -> {
                        for (int i = 0; i < Math.min(n, count); i++) {
                            b.emit(Op.COPY, from + i, first + i, 0);
                        }
                        b.emit(Op.GOTO, 0, end, 0);
                    }, end);
                    if (width != n) {
                        throw misused();
                    }
                    b.resolve(end);
                });
                for (int i = 0; i < n; i++) {
                    r[i] = first + i;
                }
            }
            default -> throw misused();
        }
        return r;
    }

    /** Stands for a subquery's column in comparisons: no affinity, no collation. */
    private static final Expr NO_EXPRESSION = new Expr.Literal(Expr.LiteralKind.NULL, "NULL", null);

    /** The element expressions of {@code e}, for affinity and collation. */
    private static List<Expr> elements(Expr e, int n) {
        if (e instanceof Expr.RowValue row) {
            return row.values();
        }
        List<Expr> none = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            none.add(NO_EXPRESSION);
        }
        return none;
    }

    /**
     * The value each column of {@code SET (c1, c2, ...) = value} receives:
     * the elements of a row value, or for a subquery, one subquery per column
     * reading that column of it (through a WITH naming its columns).
     */
    static List<Expr> assigned(turso.parser.ast.SetClause set) {
        int k = set.columns().size();
        Expr value = set.value();
        if (value instanceof Expr.RowValue row) {
            if (row.values().size() != k) {
                throw assignedError(k, row.values().size());
            }
            return row.values();
        }
        if (!(value instanceof Expr.Subquery sub)) {
            throw assignedError(k, 1);
        }
        int width = width(sub.select());
        if (width >= 0 && width != k) {
            throw assignedError(k, width);
        }
        List<turso.parser.ast.Name> names = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            names.add(new turso.parser.ast.Name("turso_set_" + (i + 1), turso.parser.ast.Name.Quote.NONE, sub.span()));
        }
        turso.parser.ast.Name table = new turso.parser.ast.Name("turso_set", turso.parser.ast.Name.Quote.NONE, sub.span());
        turso.parser.ast.With with = new turso.parser.ast.With(false, List.of(new turso.parser.ast.With.Cte(table, names,
                turso.parser.ast.With.Materialized.DEFAULT, sub.select(), sub.span())), sub.span());
        List<Expr> values = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            turso.parser.ast.FromClause from = new turso.parser.ast.FromClause(List.of(new turso.parser.ast.FromClause.Joined(
                    null, new turso.parser.ast.FromClause.TableRef(new turso.parser.ast.QualifiedName(null, table, sub.span()),
                            null, null, sub.span()), null)), sub.span());
            Expr column = new Expr.ColumnRef(null, null, names.get(i), sub.span());
            turso.parser.ast.SelectCore core = new turso.parser.ast.SelectCore.Simple(false,
                    List.of(new turso.parser.ast.ResultColumn.Single(column, null, sub.span())), from, null, List.of(),
                    null, List.of(), sub.span());
            values.add(new Expr.Subquery(new turso.parser.ast.Select(with, core, List.of(), List.of(), null, sub.span()),
                    sub.span()));
        }
        return values;
    }

    private static TursoException assignedError(int columns, int values) {
        return new TursoException(ResultCode.ERROR, columns + " columns assigned " + values + " values");
    }

    /**
     * How many values {@code e} stands for: the elements of a row value, the
     * result columns of a subquery (1 when a * hides them), else 1.
     */
    static int width(Expr e) {
        return switch (e) {
            case Expr.RowValue row -> row.values().size();
            case Expr.Subquery s -> Math.max(width(s.select()), 1);
            default -> 1;
        };
    }

    /** The number of result columns of {@code select}, or -1 when a * must be expanded to know it. */
    private static int width(turso.parser.ast.Select select) {
        return switch (select.first()) {
            case turso.parser.ast.SelectCore.Values v -> v.rows().getFirst().size();
            case turso.parser.ast.SelectCore.Simple s -> s.columns().stream()
                    .allMatch(c -> c instanceof turso.parser.ast.ResultColumn.Single) ? s.columns().size() : -1;
        };
    }
}
