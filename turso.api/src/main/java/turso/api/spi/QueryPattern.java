/*
 * A query shape an index method can answer, written as SQL over placeholders
 * so that the planner can match it without the SPI exposing the AST:
 * {@code {table}} and {@code {column0}}, {@code {column1}}... stand for the
 * index's table and columns, and {@code ?N} for the parameters passed to
 * MethodIndex.query. For example a vector index declares
 * {@code SELECT rowid FROM {table} ORDER BY vector_distance_cos({column0}, ?1) LIMIT ?2}.
 */
package turso.api.spi;

public record QueryPattern(String id, String sql) {}
