/* LIMIT and OFFSET; `LIMIT a, b` is stored as limit b offset a, as SQLite reads it. */
package turso.parser.ast;

public record Limit(Expr limit, Expr offset, Span span) {
}
