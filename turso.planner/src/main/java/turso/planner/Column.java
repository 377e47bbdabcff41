/*
 * A column of a table as the schema describes it: name, declared type and
 * the affinity it implies, collating sequence, NOT NULL, DEFAULT, and whether
 * its table is STRICT (its declared type is then one of INT, INTEGER, REAL,
 * TEXT, BLOB, ANY, upper-cased, and each value stored must be of that type).
 */
package turso.planner;

import turso.parser.ast.Expr;
import turso.vm.Affinity;

record Column(String name, String declaredType, Affinity affinity, String collation, boolean notNull,
        Expr defaultValue, boolean strict) {

    Column(String name, String declaredType, Affinity affinity, String collation, boolean notNull, Expr defaultValue) {
        this(name, declaredType, affinity, collation, notNull, defaultValue, false);
    }
}
