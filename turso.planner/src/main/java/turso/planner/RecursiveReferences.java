/*
 * How a SELECT of a recursive WITH table names that table, by name, for
 * SQLite's prepare-time rules: a SELECT is recursive when its own FROM
 * lists the table; once there, it may not name it again in its FROM
 * ("multiple references to recursive table") nor anywhere deeper — a
 * subquery in FROM or in an expression ("multiple recursive references");
 * and a SELECT that is not recursive may not name it at all ("circular
 * reference"). Used by SelectCompiler.materializeRecursive.
 */
package turso.planner;

import turso.parser.ast.Expr;
import turso.parser.ast.FromClause;
import turso.parser.ast.ResultColumn;
import turso.parser.ast.Select;
import turso.parser.ast.SelectCore;

record RecursiveReferences(int direct, int nested) {

    /** The references to {@code name} in {@code core}: in its own FROM list, and elsewhere. */
    static RecursiveReferences of(SelectCore core, String name) {
        int[] counts = new int[2];
        switch (core) {
            case SelectCore.Values v -> v.rows().forEach(row -> row.forEach(e -> nested(e, name, counts)));
            case SelectCore.Simple s -> {
                if (s.from() != null) {
                    from(s.from(), name, counts, 0);
                }
                for (ResultColumn c : s.columns()) {
                    if (c instanceof ResultColumn.Single single) {
                        nested(single.expr(), name, counts);
                    }
                }
                nested(s.where(), name, counts);
                s.groupBy().forEach(e -> nested(e, name, counts));
                nested(s.having(), name, counts);
            }
        }
        return new RecursiveReferences(counts[0], counts[1]);
    }

    /** Whether {@code select} names {@code name} anywhere. */
    static boolean any(Select select, String name) {
        int[] counts = new int[2];
        select(select, name, counts);
        return counts[0] + counts[1] > 0;
    }

    private static void select(Select select, String name, int[] counts) {
        if (select.with() != null) {
            select.with().ctes().forEach(cte -> select(cte.select(), name, counts));
        }
        RecursiveReferences first = of(select.first(), name);
        counts[1] += first.direct + first.nested;
        for (Select.CompoundPart part : select.compounds()) {
            RecursiveReferences r = of(part.core(), name);
            counts[1] += r.direct + r.nested;
        }
        select.orderBy().forEach(term -> nested(term.expr(), name, counts));
        if (select.limit() != null) {
            nested(select.limit().limit(), name, counts);
            nested(select.limit().offset(), name, counts);
        }
    }

    /** FROM items: a table named {@code name} counts in {@code counts[slot]}, anything deeper as nested. */
    private static void from(FromClause from, String name, int[] counts, int slot) {
        for (FromClause.Joined joined : from.items()) {
            switch (joined.source()) {
                case FromClause.TableRef ref -> {
                    if (ref.name().schema() == null && ref.name().name().is(name)) {
                        counts[slot]++;
                    }
                }
                case FromClause.SubquerySource sub -> select(sub.select(), name, counts);
                case FromClause.Parenthesized p -> from(p.from(), name, counts, slot);
                case FromClause.TableFunction f -> f.args().forEach(e -> nested(e, name, counts));
            }
            if (joined.constraint() != null) {
                nested(joined.constraint().on(), name, counts);
            }
        }
    }

    private static void nested(Expr e, String name, int[] counts) {
        ExprWalker.walk(e, x -> {
            switch (x) {
                case Expr.Subquery q -> select(q.select(), name, counts);
                case Expr.Exists q -> select(q.select(), name, counts);
                case Expr.InSelect q -> select(q.select(), name, counts);
                case Expr.InTable q when q.table().schema() == null && q.table().name().is(name) -> counts[1]++;
                default -> { }
            }
            return true;
        });
    }
}
