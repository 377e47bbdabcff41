/*
 * One index of an IndexMethod: kept up to date by the engine on every insert
 * and delete of its table (an update is a delete then an insert), and asked
 * to answer the query patterns it declared.
 */
package turso.api.spi;

import java.util.List;

public interface MethodIndex extends AutoCloseable {

    /** The query shapes this index can answer, which the planner matches against SELECTs. */
    List<QueryPattern> patterns();

    /** A row was inserted; {@code columns} holds the indexed columns' values in definition order. */
    void insert(long rowid, FunctionArguments columns);

    /** A row was deleted; {@code columns} holds its indexed columns' values. */
    void delete(long rowid, FunctionArguments columns);

    /**
     * Answers {@code pattern} with the values of its parameters, in the
     * pattern's order (e.g. nearest neighbours first).
     */
    MethodCursor query(QueryPattern pattern, FunctionArguments parameters);

    /** DROP INDEX: the engine clears the store afterwards. */
    default void drop() {}

    @Override
    default void close() {}
}
