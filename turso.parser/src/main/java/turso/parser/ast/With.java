/* A WITH clause and its common table expressions. */
package turso.parser.ast;

import java.util.List;

public record With(boolean recursive, List<Cte> ctes, Span span) {

    public enum Materialized { DEFAULT, MATERIALIZED, NOT_MATERIALIZED }

    public record Cte(Name name, List<Name> columns, Materialized materialized, Select select, Span span) {
    }
}
