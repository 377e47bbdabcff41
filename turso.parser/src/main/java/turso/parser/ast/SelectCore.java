/* One SELECT ... FROM ... WHERE ... core of a (possibly compound) select, or a VALUES list. */
package turso.parser.ast;

import java.util.List;

public sealed interface SelectCore {

    /** Optional parts are null (from, where, having) or empty lists (groupBy, windows). */
    record Simple(boolean distinct, List<ResultColumn> columns, FromClause from, Expr where, List<Expr> groupBy,
                  Expr having, List<WindowSpec.Definition> windows, Span span) implements SelectCore {
    }

    record Values(List<List<Expr>> rows, Span span) implements SelectCore {
    }
}
