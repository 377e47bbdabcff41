/*
 * The JSON functions that build JSON from SQL values: json(), json_array(),
 * json_object() and json_quote(), with SQLite 3.40's argument checks and
 * messages. Their results carry the JSON subtype, so nesting one in another
 * JSON function embeds it instead of quoting it.
 */
package turso.functions.json;

import java.util.List;
import turso.api.DataType;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.FunctionArguments;
import turso.api.spi.FunctionResult;
import turso.api.spi.SqlFunction;

final class JsonBuildFunctions {

    private JsonBuildFunctions() {
    }

    static List<SqlFunction> all() {
        return List.of(
                new JsonFunction("json", 1, JsonBuildFunctions::json),
                new JsonFunction("json_array", SqlFunction.VARIADIC, JsonBuildFunctions::array),
                new JsonFunction("json_object", SqlFunction.VARIADIC, JsonBuildFunctions::object),
                new JsonFunction("json_quote", 1, JsonBuildFunctions::quote));
    }

    /** json(X): X minified; NULL for NULL. */
    private static void json(FunctionArguments args, FunctionResult result) {
        String text = args.getText(0);
        if (text == null) {
            result.setNull();
            return;
        }
        JsonResults.json(JsonParser.parse(text), result, null);
    }

    private static void array(FunctionArguments args, FunctionResult result) {
        JsonWriter w = new JsonWriter(null);
        w.buffer().append('[');
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                w.buffer().append(',');
            }
            w.value(args, i);
        }
        w.buffer().append(']');
        jsonText(w, result);
    }

    private static void object(FunctionArguments args, FunctionResult result) {
        if ((args.size() & 1) != 0) {
            throw new TursoException(ResultCode.ERROR, "json_object() requires an even number of arguments");
        }
        JsonWriter w = new JsonWriter(null);
        w.buffer().append('{');
        for (int i = 0; i < args.size(); i += 2) {
            if (args.type(i) != DataType.TEXT) {
                throw new TursoException(ResultCode.ERROR, "json_object() labels must be TEXT");
            }
            if (i > 0) {
                w.buffer().append(',');
            }
            w.quote(args.getText(i));
            w.buffer().append(':');
            w.value(args, i + 1);
        }
        w.buffer().append('}');
        jsonText(w, result);
    }

    private static void quote(FunctionArguments args, FunctionResult result) {
        jsonText(new JsonWriter(null).value(args, 0), result);
    }

    private static void jsonText(JsonWriter w, FunctionResult result) {
        result.setText(w.toString());
        result.setSubtype(JsonWriter.JSON_SUBTYPE);
    }
}
