/*
 * The AND terms of a WHERE or ON condition, and whether a term's value can be
 * computed before the loop of a given join table starts: it reads no table
 * at or after that one, and holds no subquery (which might).
 */
package turso.planner;

import java.util.List;
import turso.parser.ast.Expr;

final class Conjuncts {
    private Conjuncts() {
    }

    /** Adds the AND terms of {@code e} (none if null) to {@code out}. */
    static void split(Expr e, List<Expr> out) {
        if (e instanceof Expr.Binary bin && bin.op() == Expr.BinaryOp.AND) {
            split(bin.left(), out);
            split(bin.right(), out);
        } else if (e != null) {
            out.add(e);
        }
    }

    /** Whether {@code e} can be evaluated before the loop of join table {@code level} (0: the first) starts. */
    static boolean knownBefore(Expr e, ExprCompiler exprs, int level) {
        boolean[] known = {true};
        ExprWalker.walk(e, x -> {
            switch (x) {
                case Expr.Subquery s -> known[0] = false;
                case Expr.Exists s -> known[0] = false;
                case Expr.InSelect s -> known[0] = false;
                case Expr.ColumnRef ref -> {
                    if (exprs.columnKey(ref) == null ? !exprs.isTriggerRow(ref) : exprs.scopeIndex(ref) >= level) {
                        known[0] = false;
                    }
                }
                default -> { }
            }
            return known[0];
        });
        return known[0];
    }

    /**
     * Whether {@code e} reads no table of its statement (a constant, a
     * parameter, an outer query's column, a trigger program's OLD or NEW).
     */
    static boolean constant(Expr e, ExprCompiler exprs) {
        return knownBefore(e, exprs, 0);
    }

    /**
     * Whether WHERE term {@code e} is one SQLite tests once, before the loops
     * start: it is {@link #constant} and calls no function whose result may
     * change. It is then evaluated (and may fail) even when no row is there.
     */
    static boolean testedBeforeLoops(Expr e, ExprCompiler exprs) {
        boolean[] deterministic = {true};
        ExprWalker.walk(e, x -> {
            if (x instanceof Expr.FunctionCall f) {
                deterministic[0] = f.over() == null && exprs.functions()
                        .find(f.name().value(), f.star() ? 0 : f.args().size())
                        .filter(fn -> fn.flags().contains(turso.api.spi.FunctionFlag.DETERMINISTIC)).isPresent();
            }
            return deterministic[0];
        });
        return deterministic[0] && constant(e, exprs);
    }

    /** Tests the terms of {@code terms} that SQLite tests before the loops, jumping to {@code end} when one is not true. */
    static void testBeforeLoops(List<Expr> terms, ExprCompiler exprs, turso.vm.ProgramBuilder b, int end) {
        for (Expr term : terms) {
            if (testedBeforeLoops(term, exprs)) {
                b.emit(turso.vm.Op.IF_NOT, exprs.compile(term), end, 1);
            }
        }
    }
}
