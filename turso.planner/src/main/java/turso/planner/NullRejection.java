/*
 * Whether a WHERE term can only be true when a given table's row is not the
 * row of NULLs a LEFT JOIN adds: a comparison (=, <>, <, <=, >, >=) or IS NOT
 * NULL whose operand is a column of that table, directly or through
 * arithmetic, bit or || operators (all NULL when one operand is). Such a
 * LEFT JOIN gives the same rows as an inner join, which SQLite then plans as
 * one (its tables may change places); so does SelectCompiler.
 */
package turso.planner;

import turso.parser.ast.Expr;

final class NullRejection {
    private NullRejection() {
    }

    /** Whether {@code term} is false or NULL whenever the table on {@code cursor} stands on a row of NULLs. */
    static boolean rejects(Expr term, int cursor, ExprCompiler exprs) {
        return switch (term) {
            case Expr.Binary bin when switch (bin.op()) {
                case EQ, NE, LT, LE, GT, GE -> true;
                default -> false;
            } -> nullWith(bin.left(), cursor, exprs) || nullWith(bin.right(), cursor, exprs);
            case Expr.IsNull n when n.not() -> nullWith(n.expr(), cursor, exprs);
            case Expr.Binary bin when bin.op() == Expr.BinaryOp.IS_NOT && isNull(bin.right()) ->
                    nullWith(bin.left(), cursor, exprs);
            default -> false;
        };
    }

    private static boolean isNull(Expr e) {
        return e instanceof Expr.Literal l && l.kind() == Expr.LiteralKind.NULL;
    }

    /** Whether {@code e} is NULL whenever the table on {@code cursor} stands on a row of NULLs. */
    private static boolean nullWith(Expr e, int cursor, ExprCompiler exprs) {
        return switch (e) {
            case Expr.ColumnRef ref -> exprs.columnKey(ref) != null && exprs.columnKey(ref).cursor() == cursor;
            case Expr.Binary bin when switch (bin.op()) {
                case BITAND, BITOR, LSHIFT, RSHIFT, ADD, SUBTRACT, MULTIPLY, DIVIDE, REMAINDER, CONCAT -> true;
                default -> false;
            } -> nullWith(bin.left(), cursor, exprs) || nullWith(bin.right(), cursor, exprs);
            case Expr.Unary u when u.op() != Expr.UnaryOp.NOT -> nullWith(u.operand(), cursor, exprs);
            default -> false;
        };
    }
}
