/*
 * The jsonb_ forms (SQLite 3.45+) of the JSON functions that return JSON:
 * jsonb(), jsonb_array(), jsonb_object(), jsonb_extract(), jsonb_patch()
 * and the aggregates jsonb_group_array() and jsonb_group_object(). Each runs
 * its json_ counterpart and returns the JSON it produced as JSONB (a
 * jsonb_extract() of a scalar stays an SQL value, as in SQLite). The
 * editing functions' jsonb_ forms live with them (JsonEditFunctions), since
 * values set from SQL are encoded from the edited document, not its text.
 */
package turso.functions.json;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import turso.api.spi.FunctionArguments;
import turso.api.spi.FunctionContext;
import turso.api.spi.FunctionFlag;
import turso.api.spi.FunctionResult;
import turso.api.spi.ScalarFunction;
import turso.api.spi.SqlFunction;
import turso.api.spi.WindowFunction;

final class JsonbFunctions {

    private JsonbFunctions() {
    }

    private static final Set<String> BINARY_FORMS = Set.of("json", "json_array", "json_object", "json_extract",
            "json_patch");

    /** The jsonb_ forms of those of {@code textFunctions} that have one. */
    static List<SqlFunction> of(List<SqlFunction> textFunctions) {
        List<SqlFunction> all = new ArrayList<>();
        for (SqlFunction f : textFunctions) {
            if (BINARY_FORMS.contains(f.name()) && f instanceof ScalarFunction scalar) {
                all.add(new Binary("jsonb" + f.name().substring(4), scalar));
            }
        }
        all.add(new BinaryAggregate("jsonb_group_array", JsonAggregate.ARRAY));
        all.add(new BinaryAggregate("jsonb_group_object", JsonAggregate.OBJECT));
        return all;
    }

    private record Binary(String name, ScalarFunction text) implements ScalarFunction {
        @Override
        public int arity() {
            return text.arity();
        }

        @Override
        public Set<FunctionFlag> flags() {
            return text.flags();
        }

        @Override
        public void invoke(FunctionContext context, FunctionArguments args, FunctionResult result) {
            CapturedResult captured = new CapturedResult();
            text.invoke(context, JsonbArguments.infinityAsJson(args), captured);
            captured.deliverAsJsonb(result);
        }
    }

    private record BinaryAggregate(String name, JsonAggregate text) implements WindowFunction<ArrayDeque<String>> {
        @Override
        public int arity() {
            return text.arity();
        }

        @Override
        public Set<FunctionFlag> flags() {
            return text.flags();
        }

        @Override
        public ArrayDeque<String> newState() {
            return text.newState();
        }

        @Override
        public void step(ArrayDeque<String> state, FunctionArguments args) {
            text.step(state, JsonbArguments.infinityAsJson(args));
        }

        @Override
        public void inverse(ArrayDeque<String> state, FunctionArguments args) {
            text.inverse(state, args);
        }

        @Override
        public void value(ArrayDeque<String> state, FunctionResult result) {
            CapturedResult captured = new CapturedResult();
            text.value(state, captured);
            captured.deliverAsJsonb(result);
        }

        @Override
        public void finish(ArrayDeque<String> state, FunctionResult result) {
            value(state, result);
        }
    }
}
