/*
 * AST nodes the planner makes itself (the column references of * and of
 * NATURAL / USING joins), which have no place in the SQL text.
 */
package turso.planner;

import turso.parser.ast.Expr;
import turso.parser.ast.Name;
import turso.parser.ast.Span;

final class Synthetic {
    private Synthetic() {
    }

    /** The span of a node that was not written: no offsets. */
    static final Span NO_SPAN = new Span(-1, -1);

    static Name name(String value) {
        return new Name(value, Name.Quote.NONE, NO_SPAN);
    }

    /** {@code table.column}. */
    static Expr.ColumnRef column(String table, String column) {
        return new Expr.ColumnRef(null, name(table), name(column), NO_SPAN);
    }
}
