/* One ORDER BY term, also used for index columns and PRIMARY KEY / UNIQUE column lists. */
package turso.parser.ast;

public record OrderingTerm(Expr expr, SortOrder order, NullsOrder nulls, Span span) {

    public enum SortOrder { NONE, ASC, DESC }

    public enum NullsOrder { NONE, FIRST, LAST }
}
