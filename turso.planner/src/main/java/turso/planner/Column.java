/*
 * A column of a table as the schema describes it: name, declared type and
 * the affinity it implies, collating sequence, NOT NULL, DEFAULT, whether its
 * table is STRICT (its declared type is then one of INT, INTEGER, REAL, TEXT,
 * BLOB, ANY, upper-cased, and each value stored must be of that type), and
 * for a generated column its expression and whether it is STORED in the
 * row's record or computed when read (VIRTUAL), and the ON CONFLICT clause
 * written on its NOT NULL constraint (for the INTEGER PRIMARY KEY column, never
 * NULL, on its PRIMARY KEY: the rowid's uniqueness), null when none was.
 */
package turso.planner;

import turso.parser.ast.ConflictResolution;
import turso.parser.ast.Expr;
import turso.vm.Affinity;

record Column(String name, String declaredType, Affinity affinity, String collation, boolean notNull,
        Expr defaultValue, boolean strict, Generated generated, ConflictResolution onConflict) {

    /** AS (expr) [STORED | VIRTUAL]. */
    record Generated(Expr expr, boolean stored) {
    }

    Column(String name, String declaredType, Affinity affinity, String collation, boolean notNull, Expr defaultValue) {
        this(name, declaredType, affinity, collation, notNull, defaultValue, false, null);
    }

    Column(String name, String declaredType, Affinity affinity, String collation, boolean notNull, Expr defaultValue,
            boolean strict, Generated generated) {
        this(name, declaredType, affinity, collation, notNull, defaultValue, strict, generated, null);
    }

    /** The same column with ON CONFLICT clause {@code onConflict}. */
    Column withConflict(ConflictResolution onConflict) {
        return new Column(name, declaredType, affinity, collation, notNull, defaultValue, strict, generated, onConflict);
    }

    /** A generated column that is not in the row's record. */
    boolean isVirtual() {
        return generated != null && !generated.stored();
    }
}
