/*
 * json_group_array(X) and json_group_object(L, X): the JSON aggregates, also
 * usable as window functions, as in SQLite 3.40. The state keeps each row's
 * JSON text so a row leaving the window frame is dropped from the front. A
 * NULL label contributes nothing before its ':' (SQLite writes "{:1}"), and a
 * blob value fails the statement.
 */
package turso.functions.json;

import java.util.ArrayDeque;
import java.util.Set;
import turso.api.spi.FunctionArguments;
import turso.api.spi.FunctionFlag;
import turso.api.spi.FunctionResult;
import turso.api.spi.WindowFunction;

record JsonAggregate(String name, int arity) implements WindowFunction<ArrayDeque<String>> {

    static final JsonAggregate ARRAY = new JsonAggregate("json_group_array", 1);
    static final JsonAggregate OBJECT = new JsonAggregate("json_group_object", 2);

    private boolean isObject() {
        return arity == 2;
    }

    @Override
    public Set<FunctionFlag> flags() {
        return JsonFunction.FLAGS;
    }

    @Override
    public ArrayDeque<String> newState() {
        return new ArrayDeque<>();
    }

    @Override
    public void step(ArrayDeque<String> state, FunctionArguments arguments) {
        FunctionArguments args = JsonbArguments.of(arguments);
        JsonWriter w = new JsonWriter(null);
        if (isObject()) {
            w.quote(args.getText(0));
            w.buffer().append(':');
            w.value(args, 1);
        } else {
            w.value(args, 0);
        }
        state.addLast(w.toString());
    }

    @Override
    public void inverse(ArrayDeque<String> state, FunctionArguments args) {
        state.pollFirst();
    }

    @Override
    public void value(ArrayDeque<String> state, FunctionResult result) {
        StringBuilder out = new StringBuilder();
        out.append(isObject() ? '{' : '[');
        boolean first = true;
        for (String element : state) {
            if (!first) {
                out.append(',');
            }
            first = false;
            out.append(element);
        }
        out.append(isObject() ? '}' : ']');
        result.setText(out.toString());
        result.setSubtype(JsonWriter.JSON_SUBTYPE);
    }

    @Override
    public void finish(ArrayDeque<String> state, FunctionResult result) {
        value(state, result);
    }
}
