/*
 * A trigger program as Op.PROGRAM runs it: an optional condition (the WHEN
 * clause as a query that yields a row when it holds) and the trigger's
 * statements, each compiled on its own with the OLD and NEW rows as its
 * parameters.
 */
package turso.vm;

import java.util.List;

public record SubProgram(Program condition, List<Program> statements) {
    public SubProgram {
        statements = List.copyOf(statements);
    }

    /** What EXPLAIN shows as the instruction's p4. */
    @Override
    public String toString() {
        return "program(" + statements.size() + (condition == null ? ")" : ", when)");
    }
}
