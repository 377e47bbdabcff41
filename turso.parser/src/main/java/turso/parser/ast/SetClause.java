/* `col = expr` or `(a, b) = expr` of UPDATE and upsert. */
package turso.parser.ast;

import java.util.List;

public record SetClause(List<Name> columns, Expr value, Span span) {
}
