/*
 * One value of a parsed JSON document, as SQLite 3.40's json1 keeps it: the
 * text of numbers and strings exactly as written (escapes included, so that
 * json() and the editing functions reproduce the input's spelling), and the
 * marks the editing functions leave instead of rebuilding the tree (removed,
 * replaced by an SQL argument, patched). Lookups that SQLite makes on those
 * marks (a replaced node cannot be descended into, removed object members are
 * still found by label) behave the same here.
 */
package turso.functions.json;

import java.util.ArrayList;
import java.util.List;

final class JsonNode {

    enum Kind {
        NULL("null"), TRUE("true"), FALSE("false"), INTEGER("integer"), REAL("real"),
        STRING("text"), ARRAY("array"), OBJECT("object");

        /** The name json_type() reports. */
        final String typeName;

        Kind(String typeName) {
            this.typeName = typeName;
        }
    }

    final Kind kind;
    /** Numbers: their text. Strings: the characters between the quotes, escapes as written. */
    final String text;
    /** A string containing backslash escapes. */
    final boolean escaped;
    /** A string taken from SQL text rather than JSON (a label a path created): quoted when written. */
    final boolean raw;
    /** Array elements, or object members as label, value, label, value... */
    final List<JsonNode> children;
    /**
     * How many children the document itself had (SQLite's first chunk of a
     * container, after which appended members follow): json_patch matches
     * labels among these only, and [N] lookups count chunks from here.
     */
    int parsedChildren;

    boolean removed;
    /** The SQL argument that replaces this node when written, or -1. */
    int replacement = -1;
    /** The node written instead of this one after json_patch, or null. */
    JsonNode patch;

    private JsonNode(Kind kind, String text, boolean escaped, boolean raw) {
        this.kind = kind;
        this.text = text;
        this.escaped = escaped;
        this.raw = raw;
        this.children = kind == Kind.ARRAY || kind == Kind.OBJECT ? new ArrayList<>() : List.of();
    }

    static JsonNode literal(Kind kind) {
        return new JsonNode(kind, null, false, false);
    }

    static JsonNode number(Kind kind, String text) {
        return new JsonNode(kind, text, false, false);
    }

    static JsonNode string(String content, boolean escaped) {
        return new JsonNode(Kind.STRING, content, escaped, false);
    }

    static JsonNode rawLabel(String label) {
        return new JsonNode(Kind.STRING, label, false, true);
    }

    static JsonNode container(Kind kind) {
        return new JsonNode(kind, null, false, false);
    }
}
