/*
 * The JSON functions that edit a document: json_set(), json_insert(),
 * json_replace() and json_remove(), with SQLite 3.40's semantics. Edits are
 * applied in argument order as marks on the parsed document (so a member
 * already replaced cannot be descended into by a later path, as in SQLite);
 * replacing the whole document ('$') returns the new value itself, unquoted
 * and with its own type, as 3.40 does. The jsonb_ forms (3.45+) return the
 * edited document as JSONB.
 */
package turso.functions.json;

import java.util.List;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.FunctionArguments;
import turso.api.spi.FunctionResult;
import turso.api.spi.SqlFunction;

final class JsonEditFunctions {

    private JsonEditFunctions() {
    }

    private enum Mode {
        SET("set"), INSERT("insert"), REPLACE("replace");

        final String suffix;

        Mode(String suffix) {
            this.suffix = suffix;
        }
    }

    static List<SqlFunction> all() {
        return List.of(
                new JsonFunction("json_set", SqlFunction.VARIADIC, (a, r) -> edit(a, r, Mode.SET, false)),
                new JsonFunction("json_insert", SqlFunction.VARIADIC, (a, r) -> edit(a, r, Mode.INSERT, false)),
                new JsonFunction("json_replace", SqlFunction.VARIADIC, (a, r) -> edit(a, r, Mode.REPLACE, false)),
                new JsonFunction("json_remove", SqlFunction.VARIADIC, (a, r) -> remove(a, r, false)),
                new JsonFunction("jsonb_set", SqlFunction.VARIADIC, (a, r) -> edit(a, r, Mode.SET, true)),
                new JsonFunction("jsonb_insert", SqlFunction.VARIADIC, (a, r) -> edit(a, r, Mode.INSERT, true)),
                new JsonFunction("jsonb_replace", SqlFunction.VARIADIC, (a, r) -> edit(a, r, Mode.REPLACE, true)),
                new JsonFunction("jsonb_remove", SqlFunction.VARIADIC, (a, r) -> remove(a, r, true)));
    }

    /** The edited document: JSON text, or for the jsonb_ forms JSONB with SQL text set as TEXTRAW. */
    private static void edit(FunctionArguments args, FunctionResult result, Mode mode, boolean binary) {
        if (args.size() < 1) {
            result.setNull();
            return;
        }
        if ((args.size() & 1) == 0) {
            throw new TursoException(ResultCode.ERROR,
                    "json_" + mode.suffix + "() needs an odd number of arguments");
        }
        String text = args.getText(0);
        if (text == null) {
            result.setNull();
            return;
        }
        JsonNode root = JsonParser.parse(text);
        for (int i = 1; i < args.size(); i += 2) {
            JsonPath.Append append = mode == Mode.REPLACE ? null : new JsonPath.Append();
            JsonNode node = JsonPath.lookup(root, args.getText(i), append);
            boolean appended = append != null && append.appended;
            if (node != null && (mode != Mode.INSERT || appended)) {
                node.replacement = i + 1;
            }
        }
        if (binary) {
            result.setBlob(JsonbWriter.encode(root, args));
        } else if (root.replacement >= 0) {
            result.setArgument(args, root.replacement);
        } else {
            JsonResults.json(root, result, args);
        }
    }

    private static void remove(FunctionArguments args, FunctionResult result, boolean binary) {
        if (args.size() < 1) {
            result.setNull();
            return;
        }
        String text = args.getText(0);
        if (text == null) {
            result.setNull();
            return;
        }
        JsonNode root = JsonParser.parse(text);
        for (int i = 1; i < args.size(); i++) {
            String path = args.getText(i);
            if (path == null) {
                result.setNull();
                return;
            }
            JsonNode node = JsonPath.lookup(root, path, null);
            if (node != null) {
                node.removed = true;
            }
        }
        if (root.removed) {
            result.setNull();
        } else if (binary) {
            result.setBlob(JsonbWriter.encode(root, null));
        } else {
            JsonResults.json(root, result, null);
        }
    }
}
