/*
 * Encodes a parsed (and possibly edited) JSON document as JSONB, as SQLite
 * 3.45+ builds it: numbers keep their text (INT or FLOAT), strings are TEXT,
 * or TEXTJ when written with escapes; a label that a path created and an SQL
 * text value set into the document are TEXTRAW; a real set from SQL is
 * FLOAT in SQLite's text for it (9e999 for infinity), and JSON text or a
 * JSONB blob set from SQL is embedded as JSON. Removed members are left out
 * and json_patch's replacements followed, as JsonWriter does for text. A
 * value that replaces a larger one takes its place as SQLite's in-place
 * overwrite does, its header widened to fill the old size where it can.
 */
package turso.functions.json;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.FunctionArguments;

final class JsonbWriter {

    private final FunctionArguments args;

    private JsonbWriter(FunctionArguments args) {
        this.args = args;
    }

    /** The JSONB of {@code root}; {@code args} are the call's arguments replaced nodes refer to (may be null). */
    static byte[] encode(JsonNode root, FunctionArguments args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new JsonbWriter(args).node(root, out);
        } catch (StackOverflowError tooDeep) {
            throw new TursoException(ResultCode.ERROR, "JSON nested too deep");
        }
        return out.toByteArray();
    }

    /** The JSONB of a JSON text (well-formed, as this engine's JSON functions return it). */
    static byte[] fromText(String json) {
        return encode(JsonParser.parse(json), null);
    }

    private void node(JsonNode node, ByteArrayOutputStream out) {
        if (node.replacement >= 0 && args != null) {
            ByteArrayOutputStream value = new ByteArrayOutputStream();
            argument(node.replacement, value);
            int replacement = node.replacement;
            node.replacement = -1;
            ByteArrayOutputStream old = new ByteArrayOutputStream();
            node(node, old);
            node.replacement = replacement;
            out.writeBytes(Jsonb.overwrite(value.toByteArray(), old.size()));
            return;
        }
        if (node.patch != null) {
            node = node.patch;
        }
        switch (node.kind) {
            case NULL -> out.write(Jsonb.NULL);
            case TRUE -> out.write(Jsonb.TRUE);
            case FALSE -> out.write(Jsonb.FALSE);
            case INTEGER -> Jsonb.element(out, Jsonb.INT, ascii(node.text));
            case REAL -> Jsonb.element(out, Jsonb.FLOAT, ascii(node.text));
            case STRING -> Jsonb.element(out, node.raw ? Jsonb.TEXTRAW : node.escaped ? Jsonb.TEXTJ : Jsonb.TEXT,
                    node.text.getBytes(StandardCharsets.UTF_8));
            case ARRAY, OBJECT -> container(node, out);
        }
    }

    private void container(JsonNode node, ByteArrayOutputStream out) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        List<JsonNode> children = node.children;
        boolean object = node.kind == JsonNode.Kind.OBJECT;
        int width = object ? 2 : 1;
        for (int i = 0; i + width - 1 < children.size(); i += width) {
            JsonNode value = children.get(i + width - 1);
            if (value.removed) {
                continue;
            }
            if (object) {
                node(children.get(i), payload);
            }
            node(value, payload);
        }
        Jsonb.header(out, object ? Jsonb.OBJECT : Jsonb.ARRAY, payload.size());
        out.writeBytes(payload.toByteArray());
    }

    private void argument(int index, ByteArrayOutputStream out) {
        switch (args.type(index)) {
            case NULL -> out.write(Jsonb.NULL);
            case INTEGER -> Jsonb.element(out, Jsonb.INT, ascii(args.getText(index)));
            case REAL -> {
                String text = args.getText(index);
                Jsonb.element(out, Jsonb.FLOAT, ascii(text.equals("Inf") ? "9e999" : text.equals("-Inf") ? "-9e999" : text));
            }
            case TEXT -> {
                if (args.subtype(index) == JsonWriter.JSON_SUBTYPE) {
                    node(JsonParser.parse(args.getText(index)), out);
                } else {
                    Jsonb.element(out, Jsonb.TEXTRAW, args.getText(index).getBytes(StandardCharsets.UTF_8));
                }
            }
            case BLOB -> {
                byte[] blob = args.getBlob(index);
                if (JsonbReader.toText(blob) == null) {
                    throw new TursoException(ResultCode.ERROR, "JSON cannot hold BLOB values");
                }
                out.writeBytes(blob);
            }
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
