/*
 * Writes JSON text as SQLite 3.40 does: minified, numbers and strings of a
 * parsed document as they were spelled, SQL text quoted with SQLite's escapes
 * (\" \\ \b \f \n \r \t, other control characters as backslash-u00xx), SQL numbers in
 * their SQL text form, text carrying the JSON subtype copied unquoted, and a
 * blob an error. Nodes the editing functions marked are written as marked.
 */
package turso.functions.json;

import java.util.ArrayDeque;
import java.util.List;
import turso.api.DataType;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.FunctionArguments;

final class JsonWriter {

    /** The subtype SQLite gives JSON text ('J'). */
    static final int JSON_SUBTYPE = 74;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out = new StringBuilder();
    private final FunctionArguments args;

    /** @param args the call's arguments, which nodes marked as replaced refer to; may be null */
    JsonWriter(FunctionArguments args) {
        this.args = args;
    }

    StringBuilder buffer() {
        return out;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    static String render(JsonNode node, FunctionArguments args) {
        JsonWriter w = new JsonWriter(args);
        w.node(node);
        return w.toString();
    }

    /** An array or object being written: the next child to look at, and whether one was written. */
    private static final class Open {
        final JsonNode node;
        int next;
        boolean written;

        Open(JsonNode node) {
            this.node = node;
        }
    }

    /** Writes a node without recursion: documents built by long paths may be very deep. */
    JsonWriter node(JsonNode node) {
        ArrayDeque<Open> stack = new ArrayDeque<>();
        start(node, stack);
        while (!stack.isEmpty()) {
            Open open = stack.peek();
            List<JsonNode> children = open.node.children;
            boolean object = open.node.kind == JsonNode.Kind.OBJECT;
            int width = object ? 2 : 1;
            while (open.next + width - 1 < children.size() && children.get(open.next + width - 1).removed) {
                open.next += width;
            }
            if (open.next + width - 1 >= children.size()) {
                out.append(object ? '}' : ']');
                stack.pop();
                continue;
            }
            if (open.written) {
                out.append(',');
            }
            open.written = true;
            if (object) {
                scalar(children.get(open.next));
                out.append(':');
            }
            JsonNode child = children.get(open.next + width - 1);
            open.next += width;
            start(child, stack);
        }
        return this;
    }

    /** Writes a scalar whole, or the opening bracket of a container, which it pushes. */
    private void start(JsonNode node, ArrayDeque<Open> stack) {
        if (node.replacement >= 0 && args != null) {
            value(args, node.replacement);
            return;
        }
        if (node.patch != null) {
            node = node.patch;
        }
        switch (node.kind) {
            case ARRAY -> {
                out.append('[');
                stack.push(new Open(node));
            }
            case OBJECT -> {
                out.append('{');
                stack.push(new Open(node));
            }
            default -> scalar(node);
        }
    }

    private void scalar(JsonNode node) {
        switch (node.kind) {
            case NULL -> out.append("null");
            case TRUE -> out.append("true");
            case FALSE -> out.append("false");
            case STRING -> {
                if (node.raw) {
                    quote(node.text);
                } else {
                    out.append('"').append(node.text).append('"');
                }
            }
            default -> out.append(node.text);
        }
    }

    /** Appends SQL argument {@code index} as a JSON value (SQLite's jsonAppendValue). */
    JsonWriter value(FunctionArguments a, int index) {
        DataType type = a.type(index);
        switch (type) {
            case NULL -> out.append("null");
            case INTEGER, REAL -> out.append(a.getText(index));
            case TEXT -> {
                if (a.subtype(index) == JSON_SUBTYPE) {
                    out.append(a.getText(index));
                } else {
                    quote(a.getText(index));
                }
            }
            default -> throw new TursoException(ResultCode.ERROR, "JSON cannot hold BLOB values");
        }
        return this;
    }

    /** Appends {@code s} as a JSON string (SQLite's jsonAppendString); null appends nothing. */
    JsonWriter quote(String s) {
        if (s != null) {
            appendQuoted(out, s);
        }
        return this;
    }

    /** Appends {@code s} to {@code out} as a JSON string, escaped as SQLite escapes it. */
    static void appendQuoted(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"', '\\' -> out.append('\\').append(c);
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
