/*
 * When two expressions are the same computation, for the planner's reuse of
 * a result (an aggregate computed once for every place it is written, a
 * GROUP BY key read back in the result list). Expressions compare equal
 * wherever they are written, but each "?" is a parameter of its own,
 * numbered by its place in the text, so sum(?), sum(?) are two aggregates
 * bound separately (SQLite compares parameters by number): equal expressions
 * are the same only with their "?" at the same places.
 */
package turso.planner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import turso.parser.ast.Expr;

final class SameExpr {
    private SameExpr() {
    }

    /** An expression as a map key: equal to another that is the same computation. */
    record Key(Expr expr, List<Integer> parameterPlaces) {
    }

    static Key key(Expr e) {
        return new Key(e, parameterPlaces(e));
    }

    static boolean same(Expr a, Expr b) {
        return a.equals(b) && parameterPlaces(a).equals(parameterPlaces(b));
    }

    /** The map with its expressions as keys. */
    static <V> Map<Key, V> keyed(Map<Expr, V> map) {
        Map<Key, V> keyed = new HashMap<>();
        map.forEach((e, v) -> keyed.put(key(e), v));
        return keyed;
    }

    /** Where the anonymous parameters of {@code e} are written. */
    private static List<Integer> parameterPlaces(Expr e) {
        List<Integer> places = new ArrayList<>();
        ExprWalker.walk(e, x -> {
            if (x instanceof Expr.Parameter p && p.text().equals("?")) {
                places.add(p.span().start());
            }
            return true;
        });
        return places;
    }
}
