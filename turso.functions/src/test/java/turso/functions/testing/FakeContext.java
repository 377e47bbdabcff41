/*
 * Shared test support: a FunctionContext with fixed counters, a fixed
 * statement time ('now'), and a per-call-site auxiliary data map.
 */
package turso.functions.testing;

import java.util.HashMap;
import java.util.Map;
import turso.api.spi.FunctionContext;

public final class FakeContext implements FunctionContext {

    private final Map<Integer, Object> aux = new HashMap<>();
    private final long statementTimeMillis;

    public FakeContext() {
        this(0);
    }

    public FakeContext(long statementTimeMillis) {
        this.statementTimeMillis = statementTimeMillis;
    }

    @Override
    public long lastInsertRowid() {
        return 0;
    }

    @Override
    public long changes() {
        return 0;
    }

    @Override
    public long totalChanges() {
        return 0;
    }

    @Override
    public long statementTimeMillis() {
        return statementTimeMillis;
    }

    @Override
    public Object auxData(int argument) {
        return aux.get(argument);
    }

    @Override
    public void setAuxData(int argument, Object data) {
        aux.put(argument, data);
    }
}
