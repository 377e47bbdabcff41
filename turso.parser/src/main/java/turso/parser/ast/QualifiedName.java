/* A possibly schema-qualified object name: `main.t`, `temp.idx`, or just `t` (schema null). */
package turso.parser.ast;

public record QualifiedName(Name schema, Name name, Span span) {
}
