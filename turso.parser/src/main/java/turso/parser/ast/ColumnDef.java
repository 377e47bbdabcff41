/* A column of CREATE TABLE or ALTER TABLE ADD COLUMN; {@code type} is null when none is declared. */
package turso.parser.ast;

import java.util.List;

public record ColumnDef(Name name, TypeName type, List<ColumnConstraint> constraints, Span span) {
}
