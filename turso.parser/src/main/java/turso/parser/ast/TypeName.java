/*
 * A declared type as written (`VARCHAR(10)`, `UNSIGNED BIG INT`): SQLite keeps
 * the text and derives the affinity from it, so does the planner.
 */
package turso.parser.ast;

public record TypeName(String text, Span span) {
}
