/* The rows an index method returns for a query pattern, in the pattern's order. */
package turso.api.spi;

public interface MethodCursor extends AutoCloseable {

    /** Advances to the next row; false when there are no more. */
    boolean next();

    long rowid();

    /** The value the pattern orders by (a distance or a rank), when it has one. */
    default double score() {
        return Double.NaN;
    }

    @Override
    default void close() {}
}
