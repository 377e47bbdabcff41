/* Where a SELECT's rows go: a result row of the statement, or the input of an INSERT ... SELECT. */
package turso.planner;

@FunctionalInterface
interface RowSink {
    /** Emits the code that consumes the row in registers {@code first} .. {@code first + count - 1}. */
    void row(int first, int count);
}
