/*
 * Reads JSONB back as minified JSON text, checking that the blob is well-
 * formed JSONB as it goes (every size within its container, objects of
 * label/value pairs with text labels, literals without payload, numbers that
 * are numbers, nesting no deeper than SQLite's 1000); a blob that is not
 * JSONB gives null, and the JSON functions then read it as text, as SQLite
 * does. JSON5 forms (INT5, FLOAT5, TEXT5) are written as plain JSON.
 */
package turso.functions.json;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

final class JsonbReader {

    private static final int MAX_DEPTH = 1000;

    private final byte[] b;
    private final StringBuilder out = new StringBuilder();

    private JsonbReader(byte[] b) {
        this.b = b;
    }

    /** The JSON text of a JSONB blob, or null when the blob is not JSONB. */
    static String toText(byte[] blob) {
        if (blob == null || blob.length == 0) {
            return null;
        }
        JsonbReader r = new JsonbReader(blob);
        return r.element(0, blob.length, 0) == blob.length ? r.out.toString() : null;
    }

    /** Writes the element at {@code at}, which must end by {@code limit}; its end, or -1. */
    private int element(int at, int limit, int depth) {
        if (at >= limit || depth > MAX_DEPTH) {
            return -1;
        }
        int head = b[at] & 0xff;
        int type = head & 0x0f;
        int code = head >>> 4;
        int start = at + 1;
        long size;
        if (code <= 11) {
            size = code;
        } else {
            int bytes = code == 12 ? 1 : code == 13 ? 2 : code == 14 ? 4 : 8;
            if (start + bytes > limit) {
                return -1;
            }
            size = 0;
            for (int i = 0; i < bytes; i++) {
                size = size << 8 | (b[start + i] & 0xff);
            }
            start += bytes;
            if (size < 0) {
                return -1;
            }
        }
        if (size > limit - start) {
            return -1;
        }
        int end = start + (int) size;
        String payload = type >= Jsonb.INT && type <= Jsonb.TEXTRAW ? new String(b, start, end - start,
                StandardCharsets.UTF_8) : null;
        switch (type) {
            case Jsonb.NULL, Jsonb.TRUE, Jsonb.FALSE -> {
                if (size != 0) {
                    return -1;
                }
                out.append(type == Jsonb.NULL ? "null" : type == Jsonb.TRUE ? "true" : "false");
            }
            case Jsonb.INT -> {
                if (!isInteger(payload)) {
                    return -1;
                }
                out.append(payload);
            }
            case Jsonb.INT5 -> {
                String decimal = hexInteger(payload);
                if (decimal == null) {
                    return -1;
                }
                out.append(decimal);
            }
            case Jsonb.FLOAT, Jsonb.FLOAT5 -> {
                String number = type == Jsonb.FLOAT ? (isNumber(payload) ? payload : null) : json5Float(payload);
                if (number == null) {
                    return -1;
                }
                out.append(number);
            }
            case Jsonb.TEXT, Jsonb.TEXTJ -> out.append('"').append(payload).append('"');
            case Jsonb.TEXT5 -> {
                String text = json5Text(payload);
                if (text == null) {
                    return -1;
                }
                out.append('"').append(text).append('"');
            }
            case Jsonb.TEXTRAW -> quote(payload);
            case Jsonb.ARRAY, Jsonb.OBJECT -> {
                out.append(type == Jsonb.ARRAY ? '[' : '{');
                int p = start;
                int count = 0;
                while (p < end) {
                    if (count > 0) {
                        out.append(type == Jsonb.OBJECT && (count & 1) == 1 ? ':' : ',');
                    }
                    if (type == Jsonb.OBJECT && (count & 1) == 0) {
                        int labelType = b[p] & 0x0f;
                        if (labelType < Jsonb.TEXT || labelType > Jsonb.TEXTRAW) {
                            return -1;
                        }
                    }
                    p = element(p, end, depth + 1);
                    if (p < 0) {
                        return -1;
                    }
                    count++;
                }
                if (type == Jsonb.OBJECT && (count & 1) == 1) {
                    return -1;
                }
                out.append(type == Jsonb.ARRAY ? ']' : '}');
            }
            default -> {
                return -1;
            }
        }
        return end;
    }

    private static boolean isInteger(String s) {
        int i = s.startsWith("-") ? 1 : 0;
        if (i >= s.length()) {
            return false;
        }
        for (; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** A JSON (RFC 8259) number, as the text parser reads one. */
    private static boolean isNumber(String s) {
        JsonNode node = JsonParser.tryParse(s);
        return node != null && (node.kind == JsonNode.Kind.INTEGER || node.kind == JsonNode.Kind.REAL)
                && s.equals(node.text);
    }

    private static String hexInteger(String s) {
        boolean negative = s.startsWith("-");
        String digits = negative || s.startsWith("+") ? s.substring(1) : s;
        if (!(digits.startsWith("0x") || digits.startsWith("0X")) || digits.length() < 3) {
            return null;
        }
        try {
            BigInteger v = new BigInteger(digits.substring(2), 16);
            return (negative ? "-" : "") + v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String json5Float(String s) {
        String sign = s.startsWith("-") ? "-" : "";
        String body = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
        if (body.equals("Infinity") || body.equals("Inf")) {
            return sign + "9e999";
        }
        if (body.equals("NaN")) {
            return "null";
        }
        if (body.startsWith(".")) {
            body = "0" + body;
        }
        int e = Math.max(body.indexOf('e'), body.indexOf('E'));
        String mantissa = e < 0 ? body : body.substring(0, e);
        if (mantissa.endsWith(".")) {
            body = mantissa + "0" + (e < 0 ? "" : body.substring(e));
        }
        return isNumber(body) ? sign + body : null;
    }

    /** JSON5 string escapes rewritten as JSON's. */
    private static String json5Text(String s) {
        StringBuilder t = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                t.append("\\\"");
                continue;
            }
            if (c != '\\') {
                t.append(c);
                continue;
            }
            if (++i >= s.length()) {
                return null;
            }
            char e = s.charAt(i);
            switch (e) {
                case '\'' -> t.append('\'');
                case 'x' -> {
                    if (i + 2 >= s.length()) {
                        return null;
                    }
                    t.append("\\u00").append(s, i + 1, i + 3);
                    i += 2;
                }
                case 'v' -> t.append("\\u000b");
                case '0' -> t.append("\\u0000");
                case '\n' -> { }
                case '\r' -> {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                default -> t.append('\\').append(e);
            }
        }
        return t.toString();
    }

    private void quote(String s) {
        JsonWriter.appendQuoted(out, s);
    }
}
