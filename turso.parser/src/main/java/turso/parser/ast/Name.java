/*
 * An identifier after unquoting, with the quoting it was written in: the
 * planner needs it because a double-quoted name that matches no column is a
 * string literal in SQLite, and a single-quoted one (allowed where SQLite
 * takes a name) is a name.
 */
package turso.parser.ast;

public record Name(String value, Quote quote, Span span) {

    public enum Quote { NONE, DOUBLE, SINGLE, BRACKET, BACKTICK }

    public boolean doubleQuoted() {
        return quote == Quote.DOUBLE;
    }

    /** Case-insensitive comparison as SQLite compares identifiers (ASCII folding only). */
    public boolean is(String other) {
        return value.equalsIgnoreCase(other);
    }
}
