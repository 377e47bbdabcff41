/*
 * VFILTER's p4: what the module's bestIndex chose (its plan number and
 * string, handed back to filter()) and how many constraint values the
 * planner computed for it, in argument order.
 */
package turso.vm;

public record VirtualFilter(int planNumber, String planString, int argumentCount) {

    @Override
    public String toString() {
        return planNumber + ":" + (planString == null ? "" : planString);
    }
}
