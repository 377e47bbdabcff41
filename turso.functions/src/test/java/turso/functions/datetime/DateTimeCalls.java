/*
 * Runs a SqlCall through the datetime library's functions with the test
 * doubles, as the VM would: look the function up by name and argument count,
 * invoke it, and return the boxed result.
 */
package turso.functions.datetime;

import java.time.ZoneId;
import java.util.List;
import turso.api.Value;
import turso.api.spi.ScalarFunction;
import turso.api.spi.SqlFunction;
import turso.functions.testing.FakeArguments;
import turso.functions.testing.FakeContext;
import turso.functions.testing.FakeResult;

final class DateTimeCalls {

    private final List<SqlFunction> functions;

    DateTimeCalls(ZoneId zone) {
        functions = new DateTimeLibrary(zone).functions();
    }

    Value evaluate(SqlCall call, long statementTimeMillis) {
        ScalarFunction function = functions.stream()
                .filter(f -> f.name().equalsIgnoreCase(call.name()))
                .filter(f -> f.arity() == SqlFunction.VARIADIC || f.arity() == call.args().size())
                .map(ScalarFunction.class::cast)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no function for " + call.toSql()));
        FakeResult result = new FakeResult();
        function.invoke(new FakeContext(statementTimeMillis), FakeArguments.of(call.args().toArray(Value[]::new)),
                result);
        if (result.errorMessage() != null) {
            throw new AssertionError(call.toSql() + " failed: " + result.errorMessage());
        }
        if (result.value() == null) {
            throw new AssertionError(call.toSql() + " set no result");
        }
        return result.value();
    }
}
