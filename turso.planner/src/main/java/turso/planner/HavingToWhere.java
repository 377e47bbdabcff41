/*
 * The HAVING terms SQLite moves into WHERE before it plans a GROUP BY query
 * (its havingToWhere step): an AND term of HAVING holding no aggregate, whose
 * every column is inside an expression that is one of the GROUP BY terms
 * (a term of the BINARY collation), with no subquery, no window and no
 * function whose result may change, and which is not the literal false. Such
 * a term is then tested on each row rather than on each group: a constant one
 * once before the scan (so it fails even over an empty table), one reading a
 * group's key on every row of the group (so the rows 1 and 1.0 of one group
 * are told apart, as SQLite does). Only queries with GROUP BY are concerned.
 */
package turso.planner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import turso.api.spi.FunctionFlag;
import turso.parser.ast.Expr;
import turso.parser.ast.SelectCore;

final class HavingToWhere {
    private HavingToWhere() {
    }

    /**
     * {@code core} with the HAVING terms SQLite moves added to the end of its
     * WHERE (and gone from HAVING); {@code core} itself when none moves.
     */
    static SelectCore.Simple moved(SelectCore.Simple core, List<Expr> groupKeys, Map<String, Expr> aliases,
            ExprCompiler exprs) {
        if (core.having() == null || groupKeys.isEmpty()) {
            return core;
        }
        List<Expr> terms = new ArrayList<>();
        Conjuncts.split(core.having(), terms);
        Expr where = core.where();
        Expr having = null;
        boolean moved = false;
        for (Expr term : terms) {
            if (movable(term, groupKeys, aliases, exprs)) {
                where = where == null ? term : new Expr.Binary(Expr.BinaryOp.AND, where, term, term.span());
                moved = true;
            } else {
                having = having == null ? term : new Expr.Binary(Expr.BinaryOp.AND, having, term, term.span());
            }
        }
        if (!moved) {
            return core;
        }
        return new SelectCore.Simple(core.distinct(), core.columns(), core.from(), where, core.groupBy(), having,
                core.windows(), core.span());
    }

    private static boolean movable(Expr term, List<Expr> groupKeys, Map<String, Expr> aliases, ExprCompiler exprs) {
        if (term instanceof Expr.Literal l && l.kind() == Expr.LiteralKind.INTEGER && isZero(l.text())) {
            return false;
        }
        return constantPerGroup(term, groupKeys, aliases, exprs, new java.util.HashSet<>());
    }

    /** Whether every value {@code e} reads is a GROUP BY term's or a constant, without aggregates or changing functions. */
    private static boolean constantPerGroup(Expr e, List<Expr> groupKeys, Map<String, Expr> aliases,
            ExprCompiler exprs, Set<String> expanding) {
        boolean[] ok = {true};
        ExprWalker.walk(e, x -> {
            if (!ok[0]) {
                return false;
            }
            if (groupTerm(x, groupKeys, exprs)) {
                return false;
            }
            switch (x) {
                case Expr.Subquery s -> ok[0] = false;
                case Expr.Exists s -> ok[0] = false;
                case Expr.InSelect s -> ok[0] = false;
                case Expr.ColumnRef ref -> {
                    Expr aliased = ref.table() == null && exprs.columnKey(ref) == null
                            ? aliases.get(ref.column().value().toLowerCase(java.util.Locale.ROOT)) : null;
                    String name = aliased == null ? null : ref.column().value().toLowerCase(java.util.Locale.ROOT);
                    ok[0] = aliased != null && expanding.add(name)
                            && constantPerGroup(aliased, groupKeys, aliases, exprs, expanding);
                    if (name != null) {
                        expanding.remove(name);
                    }
                }
                case Expr.FunctionCall f -> ok[0] = f.over() == null && !exprs.isAggregate(f)
                        && exprs.functions().find(f.name().value(), f.star() ? 0 : f.args().size())
                                .filter(fn -> fn.flags().contains(FunctionFlag.DETERMINISTIC)).isPresent();
                default -> { }
            }
            return ok[0];
        });
        return ok[0];
    }

    /** Whether {@code x} is one of the GROUP BY terms, of the BINARY collation. */
    private static boolean groupTerm(Expr x, List<Expr> groupKeys, ExprCompiler exprs) {
        for (Expr key : groupKeys) {
            boolean same = SameExpr.same(x, key) || x instanceof Expr.ColumnRef a && key instanceof Expr.ColumnRef k
                    && exprs.columnKey(a) != null && exprs.columnKey(a).equals(exprs.columnKey(k));
            if (same && exprs.sortCollation(key).name().equalsIgnoreCase("BINARY")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isZero(String digits) {
        try {
            return new java.math.BigDecimal(digits).signum() == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
