/*
 * A built-in scalar function defined by a lambda: its name, arity and flags
 * beside the code, so each group of built-ins reads as a table.
 */
package turso.vm.func;

import java.util.Set;
import turso.api.spi.FunctionArguments;
import turso.api.spi.FunctionContext;
import turso.api.spi.FunctionFlag;
import turso.api.spi.FunctionResult;
import turso.api.spi.ScalarFunction;

record Scalar(String name, int arity, Set<FunctionFlag> flags, Body body) implements ScalarFunction {

    static final Set<FunctionFlag> DETERMINISTIC = Set.of(FunctionFlag.DETERMINISTIC, FunctionFlag.INNOCUOUS);
    static final Set<FunctionFlag> VOLATILE = Set.of(FunctionFlag.INNOCUOUS);

    interface Body {
        void invoke(FunctionContext context, FunctionArguments args, FunctionResult result);
    }

    static Scalar of(String name, int arity, Body body) {
        return new Scalar(name, arity, DETERMINISTIC, body);
    }

    static Scalar volatileOf(String name, int arity, Body body) {
        return new Scalar(name, arity, VOLATILE, body);
    }

    @Override
    public void invoke(FunctionContext context, FunctionArguments args, FunctionResult result) {
        body.invoke(context, args, result);
    }
}
