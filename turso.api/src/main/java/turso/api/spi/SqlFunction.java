/*
 * An SQL function as the planner and VM see it: a name, an arity (or any
 * number of arguments), flags, and one of the three ways to compute it. A
 * name may be registered several times with different arities, as SQLite
 * allows (substr/2 and substr/3).
 *
 * A function fails the statement by calling FunctionResult.setError or, where
 * it has no result to set (an aggregate's step), by throwing a TursoException;
 * any other exception is a bug in the function.
 */
package turso.api.spi;

import java.util.Set;

public sealed interface SqlFunction permits ScalarFunction, AggregateFunction {

    /** Any number of arguments. */
    int VARIADIC = -1;

    String name();

    /** The number of arguments, or {@link #VARIADIC}. */
    int arity();

    default Set<FunctionFlag> flags() {
        return Set.of(FunctionFlag.DETERMINISTIC);
    }
}
