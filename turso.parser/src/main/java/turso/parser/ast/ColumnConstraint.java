/*
 * Column constraints. {@code name} is the CONSTRAINT name before it, or null;
 * {@code conflict} is null without ON CONFLICT.
 */
package turso.parser.ast;

public sealed interface ColumnConstraint {

    Name name();

    record PrimaryKey(Name name, OrderingTerm.SortOrder order, ConflictResolution conflict, boolean autoincrement)
            implements ColumnConstraint {
    }

    record NotNull(Name name, ConflictResolution conflict) implements ColumnConstraint {
    }

    /** A bare NULL constraint (accepted and ignored by SQLite). */
    record Nullable(Name name, ConflictResolution conflict) implements ColumnConstraint {
    }

    record Unique(Name name, ConflictResolution conflict) implements ColumnConstraint {
    }

    record Check(Name name, Expr expr) implements ColumnConstraint {
    }

    /**
     * DEFAULT value. A bare identifier ({@code DEFAULT abc}, {@code DEFAULT true})
     * is a ColumnRef, which SQLite reads as a string (or TRUE / FALSE).
     */
    record Default(Name name, Expr value) implements ColumnConstraint {
    }

    record Collate(Name name, Name collation) implements ColumnConstraint {
    }

    record References(Name name, ForeignKey foreignKey) implements ColumnConstraint {
    }

    /** A DEFERRABLE clause written apart from REFERENCES; it applies to the column's foreign key. */
    record Deferrable(Name name, ForeignKey.Deferrable deferrable) implements ColumnConstraint {
    }

    record Generated(Name name, Expr expr, boolean stored) implements ColumnConstraint {
    }
}
