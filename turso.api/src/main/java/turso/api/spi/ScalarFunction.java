/* A function of one row's values: abs(x), substr(x, y, z), a user's own. */
package turso.api.spi;

public non-sealed interface ScalarFunction extends SqlFunction {

    /** Computes the result of one call; reports errors with {@link FunctionResult#setError}. */
    void invoke(FunctionContext context, FunctionArguments args, FunctionResult result);
}
