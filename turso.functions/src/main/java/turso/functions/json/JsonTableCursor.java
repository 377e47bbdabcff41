/*
 * A scan of json_each or json_tree: filter() parses the document, finds the
 * root path's value and lists the rows with SQLite 3.40's values: id is the
 * value's position in 3.40's parse of the document (a member's label counts
 * as one), fullkey quotes a label unless it is a letter followed by letters
 * and digits, and json_tree builds the path of its first row from the
 * document's top, where 3.40 shows every array step above it as [0].
 */
package turso.functions.json;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import turso.api.spi.FunctionArguments;
import turso.api.spi.FunctionResult;
import turso.api.spi.VirtualCursor;

final class JsonTableCursor implements VirtualCursor {

    /** One row: {@code key} a Long (array index), a String (member label) or null. */
    private record Row(Object key, JsonNode node, int id, Integer parent, String fullkey, String path) {
    }

    private final boolean recursive;
    private List<Row> rows = List.of();
    private int at;
    private String json;
    private String root;
    /** Of every value of the document: its id, its container, and for a member its label. */
    private final Map<JsonNode, Integer> ids = new IdentityHashMap<>();
    private final Map<JsonNode, JsonNode> parents = new IdentityHashMap<>();
    private final Map<JsonNode, JsonNode> labels = new IdentityHashMap<>();

    JsonTableCursor(boolean recursive) {
        this.recursive = recursive;
    }

    @Override
    public void filter(int planNumber, String planString, FunctionArguments arguments) {
        FunctionArguments args = JsonbArguments.of(arguments);
        rows = new ArrayList<>();
        at = 0;
        ids.clear();
        parents.clear();
        labels.clear();
        if (planNumber == JsonTableModule.NO_DOCUMENT || args.isNull(0)) {
            return;
        }
        json = args.getText(0);
        root = planNumber == JsonTableModule.DOCUMENT_AND_ROOT ? args.getText(1) : "$";
        if (root == null) {
            return;
        }
        JsonNode document = JsonParser.parse(json);
        number(document, 0);
        JsonNode start = planNumber == JsonTableModule.DOCUMENT_AND_ROOT ? JsonPath.lookup(document, root, null)
                : document;
        if (start == null) {
            return;
        }
        if (recursive) {
            tree(start);
        } else {
            each(start);
        }
    }

    /** Numbers {@code node} and what it holds from {@code next} on, depth first; returns the next free number. */
    private int number(JsonNode node, int next) {
        ids.put(node, next++);
        List<JsonNode> children = node.children;
        if (node.kind == JsonNode.Kind.OBJECT) {
            for (int i = 0; i + 1 < children.size(); i += 2) {
                next++;
                parents.put(children.get(i + 1), node);
                labels.put(children.get(i + 1), children.get(i));
                next = number(children.get(i + 1), next);
            }
        } else if (node.kind == JsonNode.Kind.ARRAY) {
            for (JsonNode child : children) {
                parents.put(child, node);
                next = number(child, next);
            }
        }
        return next;
    }

    private void each(JsonNode start) {
        if (start.kind != JsonNode.Kind.ARRAY && start.kind != JsonNode.Kind.OBJECT) {
            rows.add(new Row(null, start, ids.get(start), null, root, root));
            return;
        }
        children(start, root, false);
    }

    private void tree(JsonNode start) {
        JsonNode up = parents.get(start);
        Object key = up != null && up.kind == JsonNode.Kind.OBJECT ? label(labels.get(start)) : null;
        String fullkey = up == null ? "$" : pathFromTop(up) + step(up, start, 0);
        rows.add(new Row(key, start, ids.get(start), null, fullkey, up == null ? "$" : pathFromTop(up)));
        children(start, fullkey, true);
    }

    /** The rows of the values {@code container} holds (and below them, for json_tree), its path being {@code path}. */
    private void children(JsonNode container, String path, boolean descend) {
        List<JsonNode> children = container.children;
        boolean object = container.kind == JsonNode.Kind.OBJECT;
        int width = object ? 2 : 1;
        Integer parent = descend ? ids.get(container) : null;
        for (int i = 0, index = 0; i + width - 1 < children.size(); i += width, index++) {
            JsonNode child = children.get(i + width - 1);
            Object key = object ? label(children.get(i)) : (Object) (long) index;
            String fullkey = path + step(container, child, index);
            rows.add(new Row(key, child, ids.get(child), parent, fullkey, path));
            if (descend && (child.kind == JsonNode.Kind.ARRAY || child.kind == JsonNode.Kind.OBJECT)) {
                children(child, fullkey, true);
            }
        }
    }

    /** The path of {@code node} from the top of the document, every array step shown as [0]. */
    private String pathFromTop(JsonNode node) {
        List<String> steps = new ArrayList<>();
        for (JsonNode n = node, up = parents.get(n); up != null; n = up, up = parents.get(n)) {
            steps.add(step(up, n, 0));
        }
        StringBuilder path = new StringBuilder("$");
        for (int i = steps.size() - 1; i >= 0; i--) {
            path.append(steps.get(i));
        }
        return path.toString();
    }

    /** The step from {@code container} to its value {@code child}: [index] or .label. */
    private String step(JsonNode container, JsonNode child, int index) {
        if (container.kind == JsonNode.Kind.ARRAY) {
            return "[" + index + "]";
        }
        String label = labels.get(child).text;
        return "." + (isPlainLabel(label) ? label : "\"" + label + "\"");
    }

    private static boolean isPlainLabel(String label) {
        if (label.isEmpty() || !isAsciiLetter(label.charAt(0))) {
            return false;
        }
        for (int i = 1; i < label.length(); i++) {
            char c = label.charAt(i);
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static String label(JsonNode label) {
        return label.escaped ? JsonResults.unescape(label.text) : label.text;
    }

    @Override
    public boolean eof() {
        return at >= rows.size();
    }

    @Override
    public void next() {
        at++;
    }

    @Override
    public void column(int column, FunctionResult result) {
        Row row = rows.get(at);
        switch (column) {
            case 0 -> {
                switch (row.key()) {
                    case null -> result.setNull();
                    case Long index -> result.setLong(index);
                    case String label -> result.setText(label);
                    default -> throw new IllegalStateException("key " + row.key());
                }
            }
            case 1 -> JsonResults.sqlValue(row.node(), result, null);
            case 2 -> result.setText(row.node().kind.typeName);
            case 3 -> {
                if (row.node().kind != JsonNode.Kind.ARRAY && row.node().kind != JsonNode.Kind.OBJECT) {
                    JsonResults.sqlValue(row.node(), result, null);
                }
            }
            case 4 -> result.setLong(row.id());
            case 5 -> {
                if (row.parent() != null) {
                    result.setLong(row.parent());
                }
            }
            case 6 -> result.setText(row.fullkey());
            case 7 -> result.setText(row.path());
            case 8 -> result.setText(json);
            case 9 -> result.setText(root);
            default -> result.setNull();
        }
    }

    @Override
    public long rowid() {
        return at;
    }
}
