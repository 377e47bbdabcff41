/*
 * Rebuilds an expression with each direct child replaced by what a function
 * makes of it (subqueries are left alone: they have their own scope). The
 * window rewrite uses it to swap window calls and the values they read for
 * columns of the windowed rows.
 */
package turso.planner;

import java.util.List;
import java.util.function.UnaryOperator;
import turso.parser.ast.Expr;

final class ExprMapper {
    private ExprMapper() {
    }

    static Expr children(Expr e, UnaryOperator<Expr> f) {
        return switch (e) {
            case Expr.Literal x -> x;
            case Expr.ColumnRef x -> x;
            case Expr.Parameter x -> x;
            case Expr.Exists x -> x;
            case Expr.Subquery x -> x;
            case Expr.Unary u -> new Expr.Unary(u.op(), f.apply(u.operand()), u.span());
            case Expr.Binary b -> new Expr.Binary(b.op(), f.apply(b.left()), f.apply(b.right()), b.span());
            case Expr.Like l -> new Expr.Like(f.apply(l.left()), l.op(), l.not(), f.apply(l.pattern()),
                    l.escape() == null ? null : f.apply(l.escape()), l.span());
            case Expr.Between b -> new Expr.Between(f.apply(b.expr()), b.not(), f.apply(b.low()), f.apply(b.high()),
                    b.span());
            case Expr.InList in -> new Expr.InList(f.apply(in.expr()), in.not(), all(in.values(), f), in.span());
            case Expr.InSelect in -> new Expr.InSelect(f.apply(in.expr()), in.not(), in.select(), in.span());
            case Expr.InTable in -> new Expr.InTable(f.apply(in.expr()), in.not(), in.table(),
                    in.args() == null ? null : all(in.args(), f), in.span());
            case Expr.IsNull n -> new Expr.IsNull(f.apply(n.expr()), n.not(), n.span());
            case Expr.FunctionCall c -> new Expr.FunctionCall(c.name(), c.distinct(), c.star(), all(c.args(), f),
                    c.orderBy(), c.filter() == null ? null : f.apply(c.filter()), c.over(), c.span());
            case Expr.Case c -> new Expr.Case(c.operand() == null ? null : f.apply(c.operand()),
                    c.whens().stream().map(w -> new Expr.WhenThen(f.apply(w.when()), f.apply(w.then()))).toList(),
                    c.elseExpr() == null ? null : f.apply(c.elseExpr()), c.span());
            case Expr.Cast c -> new Expr.Cast(f.apply(c.expr()), c.type(), c.span());
            case Expr.Collate c -> new Expr.Collate(f.apply(c.expr()), c.collation(), c.span());
            case Expr.RowValue r -> new Expr.RowValue(all(r.values(), f), r.span());
            case Expr.Raise r -> new Expr.Raise(r.type(), r.message() == null ? null : f.apply(r.message()), r.span());
        };
    }

    private static List<Expr> all(List<Expr> list, UnaryOperator<Expr> f) {
        return list.stream().map(f).toList();
    }
}
