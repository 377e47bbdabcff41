/*
 * The "json" function library: every JSON SQL function of SQLite 3.40
 * (json1.html) except the table-valued json_each and json_tree, which are
 * virtual tables; and of later versions the jsonb_* functions and JSONB
 * input everywhere (3.45), json_valid(X, FLAGS) (3.45) and json_pretty()
 * (3.46). JSON5 input (3.42) is not read.
 */
package turso.functions.json;

import java.util.ArrayList;
import java.util.List;
import turso.api.spi.FunctionLibrary;
import turso.api.spi.SqlFunction;

public final class JsonLibrary implements FunctionLibrary {

    private static final List<SqlFunction> FUNCTIONS = build();

    private static List<SqlFunction> build() {
        List<SqlFunction> all = new ArrayList<>();
        all.addAll(JsonBuildFunctions.all());
        all.addAll(JsonQueryFunctions.all());
        all.addAll(JsonEditFunctions.all());
        all.addAll(JsonPatch.all());
        all.add(JsonAggregate.ARRAY);
        all.add(JsonAggregate.OBJECT);
        all.addAll(JsonbFunctions.of(all));
        all.addAll(JsonLaterFunctions.all());
        return List.copyOf(all);
    }

    @Override
    public String name() {
        return "json";
    }

    @Override
    public List<SqlFunction> functions() {
        return FUNCTIONS;
    }
}
