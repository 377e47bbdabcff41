/*
 * The module's half of the best-index negotiation (sqlite3_index_info
 * outputs): which constraint values it wants as filter() arguments and in
 * which order, which it fully checks itself, an opaque plan number and
 * string handed back to filter(), whether the rows come in the wanted order,
 * and the cost and row estimates the planner compares plans by.
 */
package turso.api.spi;

import java.util.Arrays;

public record IndexPlan(int[] argumentIndex, boolean[] omit, int planNumber, String planString,
        boolean orderByConsumed, double estimatedCost, long estimatedRows, boolean unique) {

    /**
     * @param argumentIndex per constraint of the query: 0 if not used, else its
     *                      1-based position among filter()'s arguments
     * @param omit          per constraint: true when the module guarantees it,
     *                      so the VM need not check it again
     */
    public IndexPlan {
        argumentIndex = argumentIndex.clone();
        omit = omit.clone();
    }

    /** A full scan using no constraint, at the given cost. */
    public static IndexPlan fullScan(IndexQuery query, double cost, long rows) {
        int n = query.constraints().size();
        return new IndexPlan(new int[n], new boolean[n], 0, null, false, cost, rows, false);
    }

    @Override
    public int[] argumentIndex() {
        return argumentIndex.clone();
    }

    @Override
    public boolean[] omit() {
        return omit.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndexPlan p && Arrays.equals(argumentIndex, p.argumentIndex) && Arrays.equals(omit, p.omit)
                && planNumber == p.planNumber && java.util.Objects.equals(planString, p.planString)
                && orderByConsumed == p.orderByConsumed && Double.compare(estimatedCost, p.estimatedCost) == 0
                && estimatedRows == p.estimatedRows && unique == p.unique;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(Arrays.hashCode(argumentIndex), Arrays.hashCode(omit), planNumber, planString,
                orderByConsumed, estimatedCost, estimatedRows, unique);
    }

    @Override
    public String toString() {
        return "IndexPlan[argumentIndex=" + Arrays.toString(argumentIndex) + ", omit=" + Arrays.toString(omit)
                + ", planNumber=" + planNumber + ", planString=" + planString + ", orderByConsumed=" + orderByConsumed
                + ", estimatedCost=" + estimatedCost + ", estimatedRows=" + estimatedRows + ", unique=" + unique + "]";
    }
}
