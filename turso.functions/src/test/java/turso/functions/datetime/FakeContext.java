/* Test double of FunctionContext: a fixed statement time, no counters, auxiliary data in a map. */
package turso.functions.datetime;

import java.util.HashMap;
import java.util.Map;
import turso.api.spi.FunctionContext;

final class FakeContext implements FunctionContext {

    private final long statementTimeMillis;
    private final Map<Integer, Object> auxData = new HashMap<>();

    FakeContext(long statementTimeMillis) {
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
        return auxData.get(argument);
    }

    @Override
    public void setAuxData(int argument, Object data) {
        auxData.put(argument, data);
    }
}
