/*
 * Visits an expression tree in prefix order without entering subqueries
 * (they have their own scope). The visitor returns false to skip a node's
 * children: the aggregate finder stops at an aggregate call, whose arguments
 * belong to the aggregate.
 */
package turso.planner;

import java.util.function.Predicate;
import turso.parser.ast.Expr;

final class ExprWalker {
    private ExprWalker() {
    }

    static void walk(Expr e, Predicate<Expr> visitor) {
        if (e == null || !visitor.test(e)) {
            return;
        }
        switch (e) {
            case Expr.Literal x -> { }
            case Expr.ColumnRef x -> { }
            case Expr.Parameter x -> { }
            case Expr.Exists x -> { }
            case Expr.Subquery x -> { }
            case Expr.Unary u -> walk(u.operand(), visitor);
            case Expr.Binary b -> {
                walk(b.left(), visitor);
                walk(b.right(), visitor);
            }
            case Expr.Like l -> {
                walk(l.left(), visitor);
                walk(l.pattern(), visitor);
                walk(l.escape(), visitor);
            }
            case Expr.Between b -> {
                walk(b.expr(), visitor);
                walk(b.low(), visitor);
                walk(b.high(), visitor);
            }
            case Expr.InList in -> {
                walk(in.expr(), visitor);
                in.values().forEach(v -> walk(v, visitor));
            }
            case Expr.InSelect in -> walk(in.expr(), visitor);
            case Expr.InTable in -> {
                walk(in.expr(), visitor);
                if (in.args() != null) {
                    in.args().forEach(v -> walk(v, visitor));
                }
            }
            case Expr.IsNull n -> walk(n.expr(), visitor);
            case Expr.FunctionCall f -> {
                f.args().forEach(v -> walk(v, visitor));
                walk(f.filter(), visitor);
            }
            case Expr.Case c -> {
                walk(c.operand(), visitor);
                for (Expr.WhenThen wt : c.whens()) {
                    walk(wt.when(), visitor);
                    walk(wt.then(), visitor);
                }
                walk(c.elseExpr(), visitor);
            }
            case Expr.Cast c -> walk(c.expr(), visitor);
            case Expr.Collate c -> walk(c.expr(), visitor);
            case Expr.RowValue r -> r.values().forEach(v -> walk(v, visitor));
            case Expr.Raise r -> walk(r.message(), visitor);
        }
    }
}
