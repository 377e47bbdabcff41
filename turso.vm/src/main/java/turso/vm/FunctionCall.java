/*
 * The operand of a FUNCTION instruction: the resolved function and, per call
 * site, the auxiliary data it caches for constant arguments
 * (FunctionContext.auxData, SQLite's sqlite3_get_auxdata). A call site belongs
 * to one compiled program; programs are not shared between threads.
 */
package turso.vm;

import turso.api.spi.ScalarFunction;

public final class FunctionCall {
    private final ScalarFunction function;
    private Object[] auxData;

    public FunctionCall(ScalarFunction function) {
        this.function = function;
    }

    public ScalarFunction function() {
        return function;
    }

    Object auxData(int argument) {
        return auxData == null || argument >= auxData.length ? null : auxData[argument];
    }

    void setAuxData(int argument, Object data) {
        if (auxData == null || argument >= auxData.length) {
            auxData = java.util.Arrays.copyOf(auxData == null ? new Object[0] : auxData, argument + 1);
        }
        auxData[argument] = data;
    }

    @Override
    public String toString() {
        return function.name() + "(" + (function.arity() < 0 ? "-1" : function.arity()) + ")";
    }
}
