/*
 * SQLite 3.40's JSON parser: strict RFC 8259 (JSON5 came with 3.42), with
 * SQLite's own limits and leniencies: nesting deeper than 2000 is malformed,
 * the text ends at the first NUL character as a C string does, whitespace is
 * space, tab, CR and LF only, and numbers keep their spelling.
 */
package turso.functions.json;

import turso.api.ResultCode;
import turso.api.TursoException;

final class JsonParser {

    static final int MAX_DEPTH = 2000;

    private static final int END_OF_OBJECT = -2;
    private static final int END_OF_ARRAY = -3;
    private static final int ERROR = -1;

    private final char[] z;
    private int depth;
    private JsonNode last;

    private JsonParser(String json) {
        int nul = json.indexOf('\0');
        String text = nul < 0 ? json : json.substring(0, nul);
        z = new char[text.length() + 1];
        text.getChars(0, text.length(), z, 0);
    }

    /** The document, or null when it is not well-formed JSON. */
    static JsonNode tryParse(String json) {
        JsonParser p = new JsonParser(json);
        JsonNode[] holder = new JsonNode[1];
        int end = p.parseValue(0, holder);
        if (end <= 0) {
            return null;
        }
        while (isSpace(p.z[end])) {
            end++;
        }
        return p.z[end] == 0 ? holder[0] : null;
    }

    /** The document, or a "malformed JSON" error. */
    static JsonNode parse(String json) {
        JsonNode node = tryParse(json);
        if (node == null) {
            throw new TursoException(ResultCode.ERROR, "malformed JSON");
        }
        return node;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlnum(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /**
     * Parses the value at {@code i}; returns the index after it, 0 at the end
     * of the text, or one of the negative codes (closing bracket, error).
     */
    private int parseValue(int i, JsonNode[] out) {
        while (isSpace(z[i])) {
            i++;
        }
        char c = z[i];
        switch (c) {
            case '{' -> {
                return parseObject(i, out);
            }
            case '[' -> {
                return parseArray(i, out);
            }
            case '"' -> {
                return parseString(i, out);
            }
            case '}' -> {
                return END_OF_OBJECT;
            }
            case ']' -> {
                return END_OF_ARRAY;
            }
            case 0 -> {
                return 0;
            }
            default -> {
                if (c == 'n' && matches(i, "null")) {
                    out[0] = JsonNode.literal(JsonNode.Kind.NULL);
                    return i + 4;
                }
                if (c == 't' && matches(i, "true")) {
                    out[0] = JsonNode.literal(JsonNode.Kind.TRUE);
                    return i + 4;
                }
                if (c == 'f' && matches(i, "false")) {
                    out[0] = JsonNode.literal(JsonNode.Kind.FALSE);
                    return i + 5;
                }
                if (c == '-' || isDigit(c)) {
                    return parseNumber(i, out);
                }
                return ERROR;
            }
        }
    }

    private boolean matches(int i, String word) {
        for (int k = 0; k < word.length(); k++) {
            if (z[i + k] != word.charAt(k)) {
                return false;
            }
        }
        return !isAlnum(z[i + word.length()]);
    }

    private int parseObject(int i, JsonNode[] out) {
        JsonNode object = JsonNode.container(JsonNode.Kind.OBJECT);
        JsonNode[] child = new JsonNode[1];
        int j = i + 1;
        while (true) {
            while (isSpace(z[j])) {
                j++;
            }
            if (++depth > MAX_DEPTH) {
                return ERROR;
            }
            int x = parseValue(j, child);
            if (x < 0) {
                depth--;
                if (x == END_OF_OBJECT && object.children.isEmpty()) {
                    return finish(object, j + 1, out);
                }
                return ERROR;
            }
            if (x == 0 || child[0].kind != JsonNode.Kind.STRING) {
                return ERROR;
            }
            object.children.add(child[0]);
            j = x;
            while (isSpace(z[j])) {
                j++;
            }
            if (z[j] != ':') {
                return ERROR;
            }
            j++;
            x = parseValue(j, child);
            depth--;
            if (x <= 0) {
                return ERROR;
            }
            object.children.add(child[0]);
            j = x;
            while (isSpace(z[j])) {
                j++;
            }
            if (z[j] == ',') {
                j++;
                continue;
            }
            if (z[j] != '}') {
                return ERROR;
            }
            return finish(object, j + 1, out);
        }
    }

    private int parseArray(int i, JsonNode[] out) {
        JsonNode array = JsonNode.container(JsonNode.Kind.ARRAY);
        JsonNode[] child = new JsonNode[1];
        int j = i + 1;
        while (true) {
            while (isSpace(z[j])) {
                j++;
            }
            if (++depth > MAX_DEPTH) {
                return ERROR;
            }
            int x = parseValue(j, child);
            depth--;
            if (x < 0) {
                if (x == END_OF_ARRAY && array.children.isEmpty()) {
                    return finish(array, j + 1, out);
                }
                return ERROR;
            }
            if (x == 0) {
                return ERROR;
            }
            array.children.add(child[0]);
            j = x;
            while (isSpace(z[j])) {
                j++;
            }
            if (z[j] == ',') {
                j++;
                continue;
            }
            if (z[j] != ']') {
                return ERROR;
            }
            return finish(array, j + 1, out);
        }
    }

    private static int finish(JsonNode container, int end, JsonNode[] out) {
        container.parsedChildren = container.children.size();
        out[0] = container;
        return end;
    }

    private int parseString(int i, JsonNode[] out) {
        boolean escaped = false;
        int j = i + 1;
        while (true) {
            char c = z[j];
            if (c < 0x20) {
                return ERROR;
            }
            if (c == '\\') {
                c = z[++j];
                if (c == '"' || c == '\\' || c == '/' || c == 'b' || c == 'f' || c == 'n' || c == 'r' || c == 't'
                        || (c == 'u' && isHex(z[j + 1]) && isHex(z[j + 2]) && isHex(z[j + 3]) && isHex(z[j + 4]))) {
                    escaped = true;
                } else {
                    return ERROR;
                }
            } else if (c == '"') {
                break;
            }
            j++;
        }
        out[0] = JsonNode.string(new String(z, i + 1, j - i - 1), escaped);
        return j + 1;
    }

    private int parseNumber(int i, JsonNode[] out) {
        char c = z[i];
        if (c == '-' || c == '0') {
            int k = c == '-' ? i + 1 : i;
            if (z[k] == '0' && isDigit(z[k + 1])) {
                return ERROR;
            }
        }
        boolean seenPoint = false;
        boolean seenExponent = false;
        int j = i + 1;
        for (;; j++) {
            c = z[j];
            if (isDigit(c)) {
                continue;
            }
            if (c == '.') {
                if (z[j - 1] == '-' || seenPoint) {
                    return ERROR;
                }
                seenPoint = true;
                continue;
            }
            if (c == 'e' || c == 'E') {
                if (z[j - 1] < '0' || seenExponent) {
                    return ERROR;
                }
                seenPoint = true;
                seenExponent = true;
                c = z[j + 1];
                if (c == '+' || c == '-') {
                    j++;
                    c = z[j + 1];
                }
                if (!isDigit(c)) {
                    return ERROR;
                }
                continue;
            }
            break;
        }
        if (z[j - 1] < '0') {
            return ERROR;
        }
        out[0] = JsonNode.number(seenPoint ? JsonNode.Kind.REAL : JsonNode.Kind.INTEGER, new String(z, i, j - i));
        return j;
    }
}
