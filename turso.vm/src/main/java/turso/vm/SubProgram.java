/*
 * A trigger program as Op.PROGRAM runs it: an optional condition (the WHEN
 * clause as a query that yields a row when it holds) and the trigger's
 * statements, each compiled on its own with the OLD and NEW rows as its
 * parameters. A foreign key action that can reach itself again (a cascade
 * through a self-referencing table) is compiled into a list filled after the
 * SubProgram is made, so that the statements may run it recursively.
 */
package turso.vm;

import java.util.List;

public record SubProgram(Program condition, List<Program> statements) {
    /** What EXPLAIN shows as the instruction's p4. */
    @Override
    public String toString() {
        return "program(" + statements.size() + (condition == null ? ")" : ", when)");
    }
}
