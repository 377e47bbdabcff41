/*
 * An aggregate usable over a sliding window frame without recomputing it
 * (SQLite's xInverse / xValue): rows leave the frame through inverse(), and
 * value() reports the current result without ending the state. Built-in
 * window-only functions (row_number, lag...) are implemented by the VM.
 */
package turso.api.spi;

public interface WindowFunction<S> extends AggregateFunction<S> {

    /** Removes a row previously passed to step() from the state. */
    void inverse(S state, FunctionArguments args);

    /** The result for the current frame; the state stays usable. */
    void value(S state, FunctionResult result);
}
