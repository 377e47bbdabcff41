/*
 * Hands a JSON node to SQL as SQLite 3.40's json_extract and ->> do: null as
 * NULL, true and false as 1 and 0, integers as INTEGER unless they overflow
 * 64 bits (then REAL, 1e400 becoming Inf), reals as REAL, strings with their
 * escapes decoded (an escaped U+0000 ends the string), arrays and objects as JSON text
 * with the JSON subtype.
 */
package turso.functions.json;

import turso.api.spi.FunctionArguments;
import turso.api.spi.FunctionResult;

final class JsonResults {

    private JsonResults() {
    }

    static void sqlValue(JsonNode node, FunctionResult result, FunctionArguments args) {
        switch (node.kind) {
            case NULL -> result.setNull();
            case TRUE -> result.setLong(1);
            case FALSE -> result.setLong(0);
            case INTEGER -> integer(node.text, result);
            case REAL -> result.setDouble(Double.parseDouble(node.text));
            case STRING -> result.setText(node.raw || !node.escaped ? node.text : unescape(node.text));
            case ARRAY, OBJECT -> json(node, result, args);
        }
    }

    /** The node as JSON text with the JSON subtype. */
    static void json(JsonNode node, FunctionResult result, FunctionArguments args) {
        result.setText(JsonWriter.render(node, args));
        result.setSubtype(JsonWriter.JSON_SUBTYPE);
    }

    private static void integer(String text, FunctionResult result) {
        try {
            result.setLong(Long.parseLong(text));
        } catch (NumberFormatException overflow) {
            result.setDouble(Double.parseDouble(text));
        }
    }

    static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            c = s.charAt(++i);
            switch (c) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    int v = hex4(s, i + 1);
                    i += 4;
                    if (v == 0) {
                        return out.toString();
                    }
                    if ((v & 0xfc00) == 0xd800 && i + 6 < s.length() && s.charAt(i + 1) == '\\'
                            && s.charAt(i + 2) == 'u' && (hex4(s, i + 3) & 0xfc00) == 0xdc00) {
                        out.append((char) v).append((char) hex4(s, i + 3));
                        i += 6;
                    } else {
                        out.append((char) v);
                    }
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static int hex4(String s, int at) {
        return Integer.parseInt(s, at, at + 4, 16);
    }
}
