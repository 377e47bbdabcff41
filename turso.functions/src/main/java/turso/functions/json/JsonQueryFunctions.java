/*
 * The JSON functions that read a document: json_extract() and the -> and
 * ->> operators (which the planner compiles as calls of functions named
 * "->" and "->>"), json_type(), json_array_length() and json_valid(), as
 * SQLite 3.40 defines them. A NULL document or path gives NULL.
 */
package turso.functions.json;

import java.util.List;
import turso.api.spi.FunctionArguments;
import turso.api.spi.FunctionResult;
import turso.api.spi.SqlFunction;

final class JsonQueryFunctions {

    private JsonQueryFunctions() {
    }

    static List<SqlFunction> all() {
        return List.of(
                new JsonFunction("json_extract", SqlFunction.VARIADIC, JsonQueryFunctions::extract),
                new JsonFunction("->", 2, (a, r) -> arrow(a, r, true)),
                new JsonFunction("->>", 2, (a, r) -> arrow(a, r, false)),
                new JsonFunction("json_type", 1, JsonQueryFunctions::type),
                new JsonFunction("json_type", 2, JsonQueryFunctions::type),
                new JsonFunction("json_array_length", 1, JsonQueryFunctions::arrayLength),
                new JsonFunction("json_array_length", 2, JsonQueryFunctions::arrayLength),
                new JsonFunction("json_valid", 1, JsonQueryFunctions::valid));
    }

    private static JsonNode document(FunctionArguments args) {
        String text = args.getText(0);
        return text == null ? null : JsonParser.parse(text);
    }

    private static void extract(FunctionArguments args, FunctionResult result) {
        if (args.size() < 2) {
            result.setNull();
            return;
        }
        JsonNode root = document(args);
        if (root == null) {
            result.setNull();
            return;
        }
        if (args.size() == 2) {
            JsonNode node = JsonPath.lookup(root, args.getText(1), null);
            if (node == null) {
                result.setNull();
            } else {
                JsonResults.sqlValue(node, result, null);
            }
            return;
        }
        JsonWriter w = new JsonWriter(null);
        w.buffer().append('[');
        for (int i = 1; i < args.size(); i++) {
            if (i > 1) {
                w.buffer().append(',');
            }
            JsonNode node = JsonPath.lookup(root, args.getText(i), null);
            if (node == null) {
                w.buffer().append("null");
            } else {
                w.node(node);
            }
        }
        w.buffer().append(']');
        result.setText(w.toString());
        result.setSubtype(JsonWriter.JSON_SUBTYPE);
    }

    /** -> (asJson) and ->>: a path not starting with '$' is a label, or an array index when it starts with a digit. */
    private static void arrow(FunctionArguments args, FunctionResult result, boolean asJson) {
        JsonNode root = document(args);
        String path = args.getText(1);
        if (root == null || path == null) {
            result.setNull();
            return;
        }
        if (!path.startsWith("$")) {
            if (!path.isEmpty() && path.charAt(0) >= '0' && path.charAt(0) <= '9') {
                path = "$[" + path + "]";
            } else {
                path = (path.startsWith("[") ? "$" : "$.") + path;
            }
        }
        JsonNode node = JsonPath.lookup(root, path, null);
        if (node == null) {
            result.setNull();
        } else if (asJson) {
            JsonResults.json(node, result, null);
        } else {
            JsonResults.sqlValue(node, result, null);
            result.setSubtype(0);
        }
    }

    private static JsonNode target(FunctionArguments args) {
        JsonNode root = document(args);
        if (root == null || args.size() < 2) {
            return root;
        }
        return JsonPath.lookup(root, args.getText(1), null);
    }

    private static void type(FunctionArguments args, FunctionResult result) {
        JsonNode node = target(args);
        if (node == null) {
            result.setNull();
        } else {
            result.setText(node.kind.typeName);
        }
    }

    private static void arrayLength(FunctionArguments args, FunctionResult result) {
        JsonNode node = target(args);
        if (node == null) {
            result.setNull();
        } else {
            result.setLong(node.kind == JsonNode.Kind.ARRAY ? node.children.size() : 0);
        }
    }

    /** 1 for well-formed JSON, else 0; SQLite 3.40 gives 0 for NULL too (3.45 and later give NULL). */
    private static void valid(FunctionArguments args, FunctionResult result) {
        String text = args.getText(0);
        result.setLong(text != null && JsonParser.tryParse(text) != null ? 1 : 0);
    }
}
