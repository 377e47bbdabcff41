/*
 * SQLite's WHERE-clause constant propagation (optoverview.html), for
 * planning only: where the AND terms of WHERE (and of inner joins' ON)
 * hold "Y = constant" (a literal or parameter, compared with BINARY), a
 * term comparing another column X with Y is read as comparing X with the
 * constant, so that X's table can be looked up by it before Y's table is
 * read, and the term no longer ties the two tables together (t1.a = t2.b
 * AND t2.b = 5: t1 is searched by a = 5). The terms themselves are still
 * tested as written, so only a rewrite that changes no row is made: X and
 * Y of the same affinity, the comparison BINARY (SQLite's rules allow a
 * few more).
 */
package turso.planner;

import java.util.ArrayList;
import java.util.List;
import turso.parser.ast.Expr;

final class ConstantPropagation {
    private ConstantPropagation() {
    }

    /** A column held equal to a constant: its key, and the constant. */
    private record Fixed(ColumnKey column, Expr value) {
    }

    /** The terms as the planner should see them: each the same, or rewritten with a constant for a column. */
    static List<Expr> planned(List<Expr> terms, ExprCompiler exprs) {
        if (terms.size() < 2) {
            return terms;
        }
        List<Fixed> fixed = new ArrayList<>();
        List<Expr> defining = new ArrayList<>();
        for (Expr term : terms) {
            if (term instanceof Expr.Binary b && b.op() == Expr.BinaryOp.EQ
                    && (fix(b.left(), b.right(), exprs, fixed) | fix(b.right(), b.left(), exprs, fixed))) {
                defining.add(term);
            }
        }
        if (fixed.isEmpty()) {
            return terms;
        }
        List<Expr> planned = new ArrayList<>(terms.size());
        for (Expr term : terms) {
            planned.add(defining.stream().anyMatch(d -> d == term) ? term : rewrite(term, fixed, exprs));
        }
        return planned;
    }

    /** Records {@code column = value} if the column is a table's, the value a constant SQLite would propagate. */
    private static boolean fix(Expr column, Expr value, ExprCompiler exprs, List<Fixed> fixed) {
        if (!(column instanceof Expr.ColumnRef ref) || !constant(value)) {
            return false;
        }
        ColumnKey key = exprs.columnKey(ref);
        if (key == null || !exprs.collation(column, value).name().equalsIgnoreCase("BINARY")) {
            return false;
        }
        for (Fixed f : fixed) {
            if (f.column().equals(key)) {
                return false;
            }
        }
        fixed.add(new Fixed(key, value));
        return true;
    }

    /** A literal (perhaps negated) or a parameter: a constant without affinity. */
    private static boolean constant(Expr e) {
        Expr value = e instanceof Expr.Unary u && (u.op() == Expr.UnaryOp.NEGATE || u.op() == Expr.UnaryOp.PLUS)
                ? u.operand() : e;
        return value instanceof Expr.Literal || value instanceof Expr.Parameter;
    }

    /** {@code X op Y} with Y fixed, as {@code X op constant}, when X and Y have the same affinity and compare as BINARY. */
    private static Expr rewrite(Expr term, List<Fixed> fixed, ExprCompiler exprs) {
        if (!(term instanceof Expr.Binary b)) {
            return term;
        }
        switch (b.op()) {
            case EQ, LT, LE, GT, GE -> { }
            default -> {
                return term;
            }
        }
        if (!(b.left() instanceof Expr.ColumnRef) || !(b.right() instanceof Expr.ColumnRef)
                || !exprs.collation(b.left(), b.right()).name().equalsIgnoreCase("BINARY")
                || exprs.affinity(b.left()) != exprs.affinity(b.right())) {
            return term;
        }
        Expr right = valueOf(b.right(), fixed, exprs);
        if (right != null) {
            return new Expr.Binary(b.op(), b.left(), right, b.span());
        }
        Expr left = valueOf(b.left(), fixed, exprs);
        return left != null ? new Expr.Binary(b.op(), left, b.right(), b.span()) : term;
    }

    private static Expr valueOf(Expr column, List<Fixed> fixed, ExprCompiler exprs) {
        ColumnKey key = exprs.columnKey((Expr.ColumnRef) column);
        for (Fixed f : fixed) {
            if (f.column().equals(key)) {
                return f.value();
            }
        }
        return null;
    }
}
