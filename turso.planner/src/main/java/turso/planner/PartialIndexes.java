/*
 * Whether a partial index (partialindex.html) may be used by a query: only
 * when the query's terms imply its WHERE, by SQLite's rules and no
 * others. Each AND term of the index's WHERE must be implied by one term
 * of the query: the same expression (the table's columns compared whatever
 * qualifies them; a comparison with a constant on its left is read turned
 * round, as SQLite turns it), one side of an OR, or "x IS NOT NULL" implied
 * by a term that cannot be true when x is NULL (x compared with =, <>, <,
 * <=, >, >=, or within arithmetic such a comparison holds, x IN (...), x
 * BETWEEN ...). The terms given are those that may drive the table's loop
 * (for the right table of a LEFT JOIN, its ON terms alone).
 */
package turso.planner;

import java.util.ArrayList;
import java.util.List;
import turso.parser.ast.Expr;

final class PartialIndexes {
    private PartialIndexes() {
    }

    static boolean usable(Index index, List<Expr> terms, Scope scope, ExprCompiler exprs) {
        if (index.where() == null) {
            return true;
        }
        List<Expr> conditions = new ArrayList<>();
        Conjuncts.split(index.where(), conditions);
        List<Expr> forms = new ArrayList<>();
        for (Expr term : terms) {
            Expr form = IndexExpressions.ofQuery(term, scope, exprs);
            if (form != null) {
                forms.add(form);
                Expr turned = turned(form);
                if (turned != null) {
                    forms.add(turned);
                }
            } else {
                forms.add(null);
            }
        }
        for (Expr condition : conditions) {
            Expr wanted = IndexExpressions.ofIndex(condition, scope.table());
            if (wanted == null) {
                return false;
            }
            boolean implied = false;
            for (int t = 0; t < terms.size() && !implied; t++) {
                implied = implies(terms.get(t), forms, wanted, scope, exprs);
            }
            if (!implied) {
                return false;
            }
        }
        return true;
    }

    private static boolean implies(Expr term, List<Expr> forms, Expr wanted, Scope scope, ExprCompiler exprs) {
        if (forms.contains(wanted)) {
            return true;
        }
        if (wanted instanceof Expr.Binary or && or.op() == Expr.BinaryOp.OR) {
            return implies(term, forms, or.left(), scope, exprs) || implies(term, forms, or.right(), scope, exprs);
        }
        Expr notNull = switch (wanted) {
            case Expr.IsNull n when n.not() -> n.expr();
            case Expr.Binary b when b.op() == Expr.BinaryOp.IS_NOT && b.right() instanceof Expr.Literal l
                    && l.kind() == Expr.LiteralKind.NULL -> b.left();
            default -> null;
        };
        return notNull != null && impliesNotNull(term, notNull, false, scope, exprs);
    }

    /** Whether {@code p} cannot be true (or, under {@code seenNot}, cannot be false either) when {@code x} is NULL. */
    private static boolean impliesNotNull(Expr p, Expr x, boolean seenNot, Scope scope, ExprCompiler exprs) {
        Expr form = IndexExpressions.ofQuery(p, scope, exprs);
        if (form != null && form.equals(x)) {
            return !(x instanceof Expr.Literal l && l.kind() == Expr.LiteralKind.NULL);
        }
        return switch (p) {
            case Expr.InList in -> impliesNotNull(in.expr(), x, true, scope, exprs);
            case Expr.InSelect in -> !seenNot && impliesNotNull(in.expr(), x, true, scope, exprs);
            case Expr.Between between -> !seenNot && (impliesNotNull(between.low(), x, true, scope, exprs)
                    || impliesNotNull(between.high(), x, true, scope, exprs)
                    || impliesNotNull(between.expr(), x, true, scope, exprs));
            case Expr.Binary b -> switch (b.op()) {
                case EQ, NE, LT, LE, GT, GE, ADD, SUBTRACT, BITOR, LSHIFT, RSHIFT, CONCAT ->
                        impliesNotNull(b.right(), x, true, scope, exprs) || impliesNotNull(b.left(), x, true, scope, exprs);
                case MULTIPLY, REMAINDER, BITAND, DIVIDE ->
                        impliesNotNull(b.right(), x, seenNot, scope, exprs)
                                || impliesNotNull(b.left(), x, seenNot, scope, exprs);
                default -> false;
            };
            case Expr.Collate c -> impliesNotNull(c.expr(), x, seenNot, scope, exprs);
            case Expr.Unary u -> switch (u.op()) {
                case PLUS, NEGATE -> impliesNotNull(u.operand(), x, seenNot, scope, exprs);
                case NOT, BITNOT -> impliesNotNull(u.operand(), x, true, scope, exprs);
            };
            default -> false;
        };
    }

    /** A comparison with its sides swapped ({@code 5 > x} as {@code x < 5}), when its left side is a constant. */
    private static Expr turned(Expr form) {
        if (!(form instanceof Expr.Binary b) || b.left() instanceof Expr.ColumnRef
                || !(b.right() instanceof Expr.ColumnRef)) {
            return null;
        }
        Expr.BinaryOp op = switch (b.op()) {
            case EQ -> Expr.BinaryOp.EQ;
            case NE -> Expr.BinaryOp.NE;
            case LT -> Expr.BinaryOp.GT;
            case LE -> Expr.BinaryOp.GE;
            case GT -> Expr.BinaryOp.LT;
            case GE -> Expr.BinaryOp.LE;
            case IS -> Expr.BinaryOp.IS;
            case IS_NOT -> Expr.BinaryOp.IS_NOT;
            default -> null;
        };
        return op == null ? null : new Expr.Binary(op, b.right(), b.left(), b.span());
    }
}
