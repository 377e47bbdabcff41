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

    /**
     * The span of the table name of a reference to the first FROM item's
     * column, read by position (no written name can shadow it); known by
     * identity, as spans compare equal whatever their offsets.
     */
    static final Span FIRST_SLOT = new Span(-2, -2);

    /** {@code column} (or the rowid) of the first FROM item, known as {@code table}, whatever other items are named. */
    static Expr.ColumnRef firstSlot(String table, String column) {
        return new Expr.ColumnRef(null, new Name(table, Name.Quote.NONE, FIRST_SLOT), name(column), NO_SPAN);
    }

    /** {@code table.column}. */
    static Expr.ColumnRef column(String table, String column) {
        return new Expr.ColumnRef(null, name(table), name(column), NO_SPAN);
    }
}
