/*
 * The planner's half of the best-index negotiation (sqlite3_index_info
 * inputs): the WHERE constraints on the table's columns, the ORDER BY the
 * query wants, and which columns it reads.
 */
package turso.api.spi;

import java.util.List;

public record IndexQuery(List<Constraint> constraints, List<OrderTerm> orderBy, long columnsUsed, Distinct distinct) {

    /** Column number used for the rowid in constraints and order terms. */
    public static final int ROWID = -1;

    public enum Operator { EQ, GT, LE, LT, GE, MATCH, LIKE, GLOB, REGEXP, NE, IS_NOT, IS_NOT_NULL, IS_NULL, IS, LIMIT, OFFSET, FUNCTION }

    /** How the result is consumed: in order, grouped (GROUP BY) or deduplicated (DISTINCT), per sqlite3_vtab_distinct. */
    public enum Distinct { ORDERED, GROUPED, DISTINCT, DISTINCT_UNORDERED }

    /**
     * {@code column op ?}; an unusable one cannot be used in this plan (its
     * value depends on a table to the right of this one in the join).
     */
    public record Constraint(int column, Operator op, boolean usable, String collation) {}

    public record OrderTerm(int column, boolean descending) {}

    public IndexQuery {
        constraints = List.copyOf(constraints);
        orderBy = List.copyOf(orderBy);
    }
}
