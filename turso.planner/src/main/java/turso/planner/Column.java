/*
 * A column of a table as the schema describes it: name, declared type and
 * the affinity it implies, collating sequence, NOT NULL, and DEFAULT.
 */
package turso.planner;

import turso.parser.ast.Expr;
import turso.vm.Affinity;

record Column(String name, String declaredType, Affinity affinity, String collation, boolean notNull,
        Expr defaultValue) {
}
