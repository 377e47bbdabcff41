/*
 * The operand of Op.WINDOW: the window function calls a SELECT computes over
 * the rows buffered in a sorter. Each call names the row values it reads by
 * their place in a row: its arguments, its FILTER, its partition and order
 * keys and its frame offsets. The planner builds it; WindowEvaluator runs it.
 */
package turso.vm;

import java.util.List;
import turso.api.spi.AggregateFunction;

public record WindowPlan(List<Call> calls) {

    public WindowPlan {
        calls = List.copyOf(calls);
    }

    /** What a call computes: an aggregate over its frame, or one of the built-in window functions. */
    public enum Kind {
        AGGREGATE, ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST, NTILE, LAG, LEAD, FIRST_VALUE, LAST_VALUE,
        NTH_VALUE
    }

    public enum Unit { ROWS, RANGE, GROUPS }

    public enum BoundKind { UNBOUNDED_PRECEDING, PRECEDING, CURRENT_ROW, FOLLOWING, UNBOUNDED_FOLLOWING }

    /**
     * NONE: no EXCLUDE clause. NO_OTHERS excludes nothing too, but when it is
     * written SQLite aggregates every frame afresh instead of sliding it with
     * inverse(), which shows in sum()'s storage class and in rounding.
     */
    public enum Exclude { NONE, NO_OTHERS, CURRENT_ROW, GROUP, TIES }

    /** A frame boundary; {@code offset} is the row value holding N for N PRECEDING / FOLLOWING, else -1. */
    public record Bound(BoundKind kind, int offset) {
    }

    public record Frame(Unit unit, Bound start, Bound end, Exclude exclude) {
    }

    /**
     * One call: {@code function} is the aggregate for AGGREGATE; {@code filter}
     * the row value of its FILTER condition or -1; {@code partition} and
     * {@code order} the row values of its keys, compared as {@code
     * partitionOrder} and {@code orderOrder} say.
     */
    public record Call(Kind kind, AggregateFunction<?> function, int[] args, int filter, int[] partition,
            SortOrder partitionOrder, int[] order, SortOrder orderOrder, Frame frame) {
        public Call {
            args = args.clone();
            partition = partition.clone();
            order = order.clone();
        }
    }

    @Override
    public String toString() {
        return "window(" + calls.size() + ")";
    }
}
