/*
 * Expressions. Parentheses leave no node (as in SQLite); numbers keep their
 * source text so the planner decides integer versus real (9223372036854775808
 * is a REAL). The planner switches over this sealed hierarchy.
 */
package turso.parser.ast;

import java.util.List;

public sealed interface Expr {

    Span span();

    enum LiteralKind { INTEGER, FLOAT, STRING, BLOB, NULL, CURRENT_TIME, CURRENT_DATE, CURRENT_TIMESTAMP }

    /**
     * A constant. {@code text}: the digits as written for numbers, the unescaped
     * value for strings, the hex digits for blobs, the keyword otherwise.
     */
    record Literal(LiteralKind kind, String text, Span span) implements Expr {
    }

    /** A column reference {@code [schema.][table.]column}; an unqualified one may be a double-quoted string. */
    record ColumnRef(Name schema, Name table, Name column, Span span) implements Expr {
    }

    /** A bind parameter as written: {@code ?}, {@code ?3}, {@code :a}, {@code @a}, {@code $a}. */
    record Parameter(String text, Span span) implements Expr {
    }

    enum UnaryOp { NEGATE, PLUS, BITNOT, NOT }

    record Unary(UnaryOp op, Expr operand, Span span) implements Expr {
    }

    enum BinaryOp {
        OR("OR"), AND("AND"), EQ("="), NE("!="), IS("IS"), IS_NOT("IS NOT"), LT("<"), LE("<="), GT(">"), GE(">="),
        BITAND("&"), BITOR("|"), LSHIFT("<<"), RSHIFT(">>"), ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"),
        REMAINDER("%"), CONCAT("||"), ARROW("->"), ARROW2("->>");

        private final String sql;

        BinaryOp(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }
    }

    /** {@code IS DISTINCT FROM} is IS_NOT and {@code IS NOT DISTINCT FROM} is IS, as in SQLite. */
    record Binary(BinaryOp op, Expr left, Expr right, Span span) implements Expr {
    }

    enum LikeOp { LIKE, GLOB, REGEXP, MATCH }

    record Like(Expr left, LikeOp op, boolean not, Expr pattern, Expr escape, Span span) implements Expr {
    }

    record Between(Expr expr, boolean not, Expr low, Expr high, Span span) implements Expr {
    }

    record InList(Expr expr, boolean not, List<Expr> values, Span span) implements Expr {
    }

    record InSelect(Expr expr, boolean not, Select select, Span span) implements Expr {
    }

    /** {@code x IN table} or {@code x IN tablefunc(args)} ({@code args} null without parentheses). */
    record InTable(Expr expr, boolean not, QualifiedName table, List<Expr> args, Span span) implements Expr {
    }

    /** {@code ISNULL}, {@code NOTNULL} and {@code NOT NULL} (not = true for the last two). */
    record IsNull(Expr expr, boolean not, Span span) implements Expr {
    }

    record Exists(Select select, Span span) implements Expr {
    }

    record Subquery(Select select, Span span) implements Expr {
    }

    /**
     * A call. {@code star} for {@code count(*)}; {@code orderBy} is the aggregate's
     * ORDER BY (empty if none); {@code filter} and {@code over} are null if absent.
     */
    record FunctionCall(Name name, boolean distinct, boolean star, List<Expr> args, List<OrderingTerm> orderBy,
                        Expr filter, Over over, Span span) implements Expr {
    }

    /** OVER a named window ({@code windowName}) or an inline specification ({@code spec}). */
    record Over(Name windowName, WindowSpec spec, Span span) {
    }

    record WhenThen(Expr when, Expr then) {
    }

    record Case(Expr operand, List<WhenThen> whens, Expr elseExpr, Span span) implements Expr {
    }

    record Cast(Expr expr, TypeName type, Span span) implements Expr {
    }

    record Collate(Expr expr, Name collation, Span span) implements Expr {
    }

    /** A parenthesized list of two or more values. */
    record RowValue(List<Expr> values, Span span) implements Expr {
    }

    enum RaiseType { IGNORE, ROLLBACK, ABORT, FAIL }

    /** RAISE(...) in a trigger program; {@code message} null for IGNORE. */
    record Raise(RaiseType type, Expr message, Span span) implements Expr {
    }
}
