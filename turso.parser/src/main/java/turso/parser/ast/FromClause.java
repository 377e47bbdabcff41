/*
 * A FROM clause as SQLite sees it: a left-to-right list of sources, each but
 * the first joined to what precedes it by an operator and an ON/USING.
 */
package turso.parser.ast;

import java.util.List;

public record FromClause(List<Joined> items, Span span) {

    public enum JoinType { COMMA, INNER, CROSS, LEFT, RIGHT, FULL }

    public record JoinOperator(boolean natural, JoinType type) {
    }

    /** ON expr ({@code on}) or USING (columns) ({@code using}); both null if absent. */
    public record JoinConstraint(Expr on, List<Name> using) {
    }

    /** {@code operator} is null for the first item. */
    public record Joined(JoinOperator operator, TableSource source, JoinConstraint constraint) {
    }

    /** INDEXED BY name, or NOT INDEXED when {@code index} is null. */
    public record Indexed(Name index) {
    }

    public sealed interface TableSource {
        Name alias();
    }

    public record TableRef(QualifiedName name, Name alias, Indexed indexed, Span span) implements TableSource {
    }

    public record TableFunction(QualifiedName name, List<Expr> args, Name alias, Span span) implements TableSource {
    }

    public record SubquerySource(Select select, Name alias, Span span) implements TableSource {
    }

    public record Parenthesized(FromClause from, Name alias, Span span) implements TableSource {
    }
}
