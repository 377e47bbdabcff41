/*
 * One ON CONFLICT clause of INSERT. {@code target} is empty without a conflict
 * target; {@code set} is null for DO NOTHING.
 */
package turso.parser.ast;

import java.util.List;

public record Upsert(List<OrderingTerm> target, Expr targetWhere, List<SetClause> set, Expr where, Span span) {
}
