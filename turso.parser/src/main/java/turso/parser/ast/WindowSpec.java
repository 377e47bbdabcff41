/* A window specification, inline in OVER (...) or named in a WINDOW clause. */
package turso.parser.ast;

import java.util.List;

public record WindowSpec(Name base, List<Expr> partitionBy, List<OrderingTerm> orderBy, Frame frame, Span span) {

    public enum FrameUnit { RANGE, ROWS, GROUPS }

    public enum BoundKind { UNBOUNDED_PRECEDING, PRECEDING, CURRENT_ROW, FOLLOWING, UNBOUNDED_FOLLOWING }

    public enum Exclude { NONE, NO_OTHERS, CURRENT_ROW, GROUP, TIES }

    /** {@code offset} is set for PRECEDING and FOLLOWING only. */
    public record Bound(BoundKind kind, Expr offset) {
    }

    /** {@code end} is null for the one-bound form (which means "AND CURRENT ROW"). */
    public record Frame(FrameUnit unit, Bound start, Bound end, Exclude exclude) {
    }

    public record Definition(Name name, WindowSpec spec) {
    }
}
