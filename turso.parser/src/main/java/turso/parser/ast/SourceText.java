/*
 * The text of a statement exactly as written (CREATE statements keep it for
 * sqlite_schema). Like Span it is a fact about the source, so two values are
 * always equal: ASTs compare by structure.
 */
package turso.parser.ast;

public record SourceText(String text) {

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceText;
    }

    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
