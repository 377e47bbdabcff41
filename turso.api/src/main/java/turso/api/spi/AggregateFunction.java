/*
 * A function over a group of rows (count, sum, group_concat). The VM keeps one
 * state object per group: newState() at the group's first row, step() per
 * row, finish() once.
 */
package turso.api.spi;

public non-sealed interface AggregateFunction<S> extends SqlFunction {

    S newState();

    void step(S state, FunctionArguments args);

    /** The final result; a group of no rows gets a fresh state. */
    void finish(S state, FunctionResult result);
}
