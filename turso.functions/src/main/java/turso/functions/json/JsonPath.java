/*
 * SQLite 3.40's JSON path lookup: '$' then steps '.label', '."label"',
 * '[N]', '[#]' and '[#-N]'. Labels are compared with the label's text as
 * written (escapes are not decoded), the first of duplicate labels wins, and
 * a step is only checked for syntax when the lookup reaches it, so a bad tail
 * after a missing member is no error, as in SQLite. With appending allowed
 * (json_set, json_insert) a missing last member is created, together with the
 * objects and arrays ('[0]') the rest of the path needs.
 *
 * SQLite 3.40 appends each new array element as a chunk of its own after the
 * document's elements, and its [N] lookup always ends in the last chunk: once
 * a call has appended to an array, [N] finds the element N counts to only if
 * that lies in the last chunk, else the last chunk's first element (so
 * json_set('[1]', '$[#]', 2, '$[0]', 3) gives [1,3]). This is reproduced.
 */
package turso.functions.json;

import java.util.List;
import turso.api.ResultCode;
import turso.api.TursoException;

final class JsonPath {

    /** The outcome of a lookup that may append. */
    static final class Append {
        /** Whether the node found was created by this lookup. */
        boolean appended;
    }

    private final String path;

    private JsonPath(String path) {
        int nul = path.indexOf('\0');
        this.path = nul < 0 ? path : path.substring(0, nul);
    }

    /**
     * The node {@code path} selects, or null when there is none (or path is
     * null); a malformed path is an error, as SQLite reports it.
     *
     * @param append where to report appending, or null to never append
     */
    static JsonNode lookup(JsonNode root, String path, Append append) {
        if (path == null) {
            return null;
        }
        JsonPath p = new JsonPath(path);
        if (p.path.isEmpty() || p.path.charAt(0) != '$') {
            throw p.error(0);
        }
        return p.step(root, 1, append);
    }

    private static String errorMessage(String rest) {
        return "JSON path error near '" + rest.replace("'", "''") + "'";
    }

    private TursoException error(int at) {
        return new TursoException(ResultCode.ERROR, errorMessage(path.substring(at)));
    }

    private char at(int i) {
        return i < path.length() ? path.charAt(i) : 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Where a lookup goes next: the node and the rest of the path. */
    private record Position(JsonNode node, int pos) {
    }

    /** A label parsed from the path and the index after it. */
    private record Key(String key, int next) {
    }

    /** Walks the path without recursion: paths may be far longer than the document is deep. */
    private JsonNode step(JsonNode root, int pos, Append append) {
        JsonNode node = root;
        while (pos < path.length()) {
            if (node.replacement >= 0) {
                return null;
            }
            char c = path.charAt(pos);
            Position next;
            if (c == '.') {
                next = member(node, pos + 1, append);
            } else if (c == '[') {
                next = element(node, pos, append);
            } else {
                throw error(pos);
            }
            if (next == null || next.pos < 0) {
                return next == null ? null : next.node;
            }
            node = next.node;
            pos = next.pos;
        }
        return node;
    }

    private Key key(int pos) {
        if (at(pos) == '"') {
            int close = path.indexOf('"', pos + 1);
            if (close < 0) {
                throw error(pos);
            }
            return new Key(path.substring(pos + 1, close), close + 1);
        }
        int i = pos;
        while (i < path.length() && path.charAt(i) != '.' && path.charAt(i) != '[') {
            i++;
        }
        if (i == pos) {
            throw error(pos);
        }
        return new Key(path.substring(pos, i), i);
    }

    /** The member to continue from, or a final answer (pos -1) when the label is missing, or null. */
    private Position member(JsonNode root, int pos, Append append) {
        if (root.kind != JsonNode.Kind.OBJECT) {
            return null;
        }
        Key key = key(pos);
        for (int j = 0; j + 1 < root.children.size(); j += 2) {
            if (root.children.get(j).text.equals(key.key)) {
                return new Position(root.children.get(j + 1), key.next);
            }
        }
        if (append == null) {
            return null;
        }
        return new Position(create(root, key.key, key.next, append), -1);
    }

    private Position element(JsonNode root, int pos, Append append) {
        long index = 0;
        int j = pos + 1;
        while (isDigit(at(j))) {
            index = (index * 10 + at(j) - '0') & 0xffffffffL;
            j++;
        }
        if (j < pos + 2 || at(j) != ']') {
            if (at(pos + 1) != '#') {
                throw error(pos);
            }
            if (root.kind != JsonNode.Kind.ARRAY) {
                return null;
            }
            for (JsonNode child : root.children) {
                if (!child.removed) {
                    index++;
                }
            }
            j = pos + 2;
            if (at(j) == '-' && isDigit(at(j + 1))) {
                long back = 0;
                j++;
                do {
                    back = (back * 10 + at(j) - '0') & 0xffffffffL;
                    j++;
                } while (isDigit(at(j)));
                if (back > index) {
                    return null;
                }
                index -= back;
            }
            if (at(j) != ']') {
                throw error(pos);
            }
        }
        if (root.kind != JsonNode.Kind.ARRAY) {
            return null;
        }
        List<JsonNode> children = root.children;
        int at = 0;
        int chunkEnd = root.parsedChildren;
        while (true) {
            while (at < chunkEnd && (index > 0 || children.get(at).removed)) {
                if (!children.get(at).removed) {
                    index--;
                }
                at++;
            }
            if (chunkEnd >= children.size()) {
                break;
            }
            at = chunkEnd;
            chunkEnd++;
        }
        if (at < chunkEnd) {
            return new Position(children.get(at), j + 1);
        }
        if (index != 0 || append == null) {
            return null;
        }
        return new Position(create(root, null, j + 1, append), -1);
    }

    /**
     * Creates the missing member of {@code parent} (labelled {@code label},
     * or a new last element when null): null at the end of the path, else the
     * chain of objects and arrays ('[0]' only) the rest of the path names.
     * Nothing is attached unless the whole rest of the path can be created.
     * Returns the new leaf, or null.
     */
    private JsonNode create(JsonNode parent, String label, int pos, Append append) {
        append.appended = true;
        JsonNode top = null;
        JsonNode container = null;
        String pendingLabel = null;
        while (true) {
            JsonNode made;
            int next;
            String madeLabel = null;
            if (pos >= path.length()) {
                made = JsonNode.literal(JsonNode.Kind.NULL);
                next = -1;
            } else if (path.charAt(pos) == '.') {
                made = JsonNode.container(JsonNode.Kind.OBJECT);
                Key key = key(pos + 1);
                madeLabel = key.key;
                next = key.next;
            } else if (path.startsWith("[0]", pos)) {
                made = JsonNode.container(JsonNode.Kind.ARRAY);
                next = pos + 3;
            } else {
                return null;
            }
            if (top == null) {
                top = made;
            } else {
                if (pendingLabel != null) {
                    container.children.add(JsonNode.rawLabel(pendingLabel));
                }
                container.children.add(made);
            }
            if (next < 0) {
                if (label != null) {
                    parent.children.add(JsonNode.rawLabel(label));
                }
                parent.children.add(top);
                return made;
            }
            container = made;
            pendingLabel = madeLabel;
            pos = next;
        }
    }
}
