/* Table constraints of CREATE TABLE; {@code name} is the CONSTRAINT name or null. */
package turso.parser.ast;

import java.util.List;

public sealed interface TableConstraint {

    Name name();

    record PrimaryKey(Name name, List<OrderingTerm> columns, boolean autoincrement, ConflictResolution conflict)
            implements TableConstraint {
    }

    record Unique(Name name, List<OrderingTerm> columns, ConflictResolution conflict) implements TableConstraint {
    }

    record Check(Name name, Expr expr) implements TableConstraint {
    }

    record ForeignKeyConstraint(Name name, List<Name> columns, ForeignKey foreignKey) implements TableConstraint {
    }
}
