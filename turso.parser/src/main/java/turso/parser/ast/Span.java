/*
 * Where a node came from: char offsets [start, end) into the SQL text. Two
 * spans are always equal so that nodes compare by content only (a statement
 * printed and parsed again equals the original although its offsets differ).
 */
package turso.parser.ast;

public record Span(int start, int end) {
    @Override
    public boolean equals(Object o) {
        return o instanceof Span;
    }

    @Override
    public int hashCode() {
        return 0;
    }
}
