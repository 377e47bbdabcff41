/*
 * The operand of a COMPARE instruction: which comparison, the affinity to
 * apply to the operands first (datatype3.html §4.2), and the collating
 * sequence for text. IS and IS NOT treat NULL as a value.
 */
package turso.vm;

import turso.api.spi.Collation;

public record Comparison(CompareOp op, Affinity affinity, Collation collation) {

    @Override
    public String toString() {
        return op + (affinity == Affinity.NONE ? "" : " " + affinity) + " " + collation.name();
    }
}
