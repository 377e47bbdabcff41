/* An item of a result list (SELECT columns, RETURNING). */
package turso.parser.ast;

public sealed interface ResultColumn {

    record All(Span span) implements ResultColumn {
    }

    record TableAll(Name table, Span span) implements ResultColumn {
    }

    /** {@code alias} is null without one. */
    record Single(Expr expr, Name alias, Span span) implements ResultColumn {
    }
}
