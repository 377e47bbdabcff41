/*
 * JSON functions added after 3.40: json_valid(X, FLAGS) (3.45: FLAGS bit 1
 * accepts RFC 8259 text, 2 JSON5 text, 4 and 8 JSONB, a blob that is not
 * JSONB being read as text for the text bits; JSON5 is not read
 * here, so text is checked as RFC 8259 whichever text bit is set) and
 * json_pretty(X [, INDENT]) (3.46: one member per line, INDENT repeated per
 * level, four spaces by default).
 */
package turso.functions.json;

import java.util.List;
import turso.api.DataType;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.FunctionArguments;
import turso.api.spi.FunctionContext;
import turso.api.spi.FunctionFlag;
import turso.api.spi.FunctionResult;
import turso.api.spi.ScalarFunction;
import turso.api.spi.SqlFunction;

final class JsonLaterFunctions {

    private JsonLaterFunctions() {
    }

    static List<SqlFunction> all() {
        return List.of(new ValidWithFlags(),
                new JsonFunction("json_pretty", 1, (a, r) -> pretty(a, r, "    ")),
                new JsonFunction("json_pretty", 2, (a, r) -> pretty(a, r, a.isNull(1) ? "    " : a.getText(1))));
    }

    /**
     * json_valid(X, FLAGS). It sees JSONB blobs as they are, so it is not a
     * JsonFunction (whose arguments arrive with JSONB already turned into text).
     */
    private record ValidWithFlags() implements ScalarFunction {
        @Override
        public String name() {
            return "json_valid";
        }

        @Override
        public int arity() {
            return 2;
        }

        @Override
        public java.util.Set<FunctionFlag> flags() {
            return JsonFunction.FLAGS;
        }

        @Override
        public void invoke(FunctionContext context, FunctionArguments args, FunctionResult result) {
            long flags = args.getLong(1);
            if (flags < 1 || flags > 15) {
                result.setError(ResultCode.ERROR, "FLAGS parameter to json_valid() must be between 1 and 15");
                return;
            }
            if (args.isNull(0)) {
                result.setNull();
                return;
            }
            boolean valid;
            if (args.type(0) == DataType.BLOB) {
                valid = (flags & 12) != 0 && JsonbReader.toText(args.getBlob(0)) != null
                        || (flags & 3) != 0 && JsonParser.tryParse(args.getText(0)) != null;
            } else {
                valid = (flags & 3) != 0 && JsonParser.tryParse(args.getText(0)) != null;
            }
            result.setLong(valid ? 1 : 0);
        }
    }

    private static void pretty(FunctionArguments args, FunctionResult result, String indent) {
        String text = args.getText(0);
        if (text == null) {
            result.setNull();
            return;
        }
        StringBuilder out = new StringBuilder();
        try {
            write(JsonParser.parse(text), indent, 0, out);
        } catch (StackOverflowError tooDeep) {
            throw new TursoException(ResultCode.ERROR, "JSON nested too deep");
        }
        result.setText(out.toString());
        result.setSubtype(JsonWriter.JSON_SUBTYPE);
    }

    private static void write(JsonNode node, String indent, int depth, StringBuilder out) {
        if (node.kind != JsonNode.Kind.ARRAY && node.kind != JsonNode.Kind.OBJECT) {
            out.append(JsonWriter.render(node, null));
            return;
        }
        boolean object = node.kind == JsonNode.Kind.OBJECT;
        List<JsonNode> children = node.children;
        if (children.isEmpty()) {
            out.append(object ? "{}" : "[]");
            return;
        }
        out.append(object ? '{' : '[');
        int width = object ? 2 : 1;
        for (int i = 0; i < children.size(); i += width) {
            out.append(i > 0 ? ",\n" : "\n");
            out.repeat(indent, depth + 1);
            if (object) {
                out.append(JsonWriter.render(children.get(i), null)).append(": ");
            }
            write(children.get(i + width - 1), indent, depth + 1, out);
        }
        out.append('\n').repeat(indent, depth).append(object ? '}' : ']');
    }
}
