/*
 * A JSON scalar function: name, arity and a body. The body reports SQLite's
 * errors by throwing TursoException, wherever in parsing, path lookup or
 * writing they arise; this turns them into the call's error result. JSONB
 * arguments reach the body as JSON text (JsonbArguments).
 */
package turso.functions.json;

import java.util.Set;
import turso.api.TursoException;
import turso.api.spi.FunctionArguments;
import turso.api.spi.FunctionContext;
import turso.api.spi.FunctionFlag;
import turso.api.spi.FunctionResult;
import turso.api.spi.ScalarFunction;

record JsonFunction(String name, int arity, Body body) implements ScalarFunction {

    static final Set<FunctionFlag> FLAGS = Set.of(FunctionFlag.DETERMINISTIC, FunctionFlag.INNOCUOUS,
            FunctionFlag.SUBTYPE, FunctionFlag.RESULT_SUBTYPE);

    @FunctionalInterface
    interface Body {
        void invoke(FunctionArguments args, FunctionResult result);
    }

    @Override
    public Set<FunctionFlag> flags() {
        return FLAGS;
    }

    @Override
    public void invoke(FunctionContext context, FunctionArguments args, FunctionResult result) {
        try {
            body.invoke(JsonbArguments.of(args), result);
        } catch (TursoException e) {
            result.setError(e.resultCode(), e.getMessage());
        }
    }
}
