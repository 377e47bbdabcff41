/*
 * A full SELECT: optional WITH, the first core, the compound parts, and the
 * ORDER BY / LIMIT that apply to the whole compound.
 */
package turso.parser.ast;

import java.util.List;

public record Select(With with, SelectCore first, List<CompoundPart> compounds, List<OrderingTerm> orderBy,
                     Limit limit, Span span) {

    public enum CompoundOp { UNION, UNION_ALL, INTERSECT, EXCEPT }

    public record CompoundPart(CompoundOp op, SelectCore core) {
    }
}
