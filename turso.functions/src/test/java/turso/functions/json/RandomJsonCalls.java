/*
 * Random JSON function calls for the seeded random tests: random well-formed
 * documents (escapes in strings, big and small numbers, nesting) and paths
 * (existing members, one step beyond them, [#] forms) through every JSON
 * function, as SQL text both we and SQLite can evaluate. Without quirks the
 * calls keep to what SQLite 3.40 and 3.54 agree on (no malformed paths, no
 * replacing '$', unique plain labels); with quirks they go where they differ.
 */
package turso.functions.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

final class RandomJsonCalls {

    private static final String[] LABELS = {"a", "b", "c", "key", "x y", "é", "n1", "Z"};
    private static final String[] NUMBERS = {"0", "-0", "1", "-17", "42", "1.5", "-2.25", "1e3", "2E-2", "1.5e+10",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "123456789012345678901", "1e400",
        "0.1", "3.0"};
    private static final String[] STRINGS = {"", "x", "hello world", "a\\\"b", "tab\\there", "\\u0041\\u00e9",
        "line\\nbreak", "slash\\/", "back\\\\slash", "é中", "\\ud83d\\ude00", "it''s"};

    /**
     * Follows a json_valid() call, which SQLite 3.54 must be asked as
     * json_valid(X, 1): strict RFC 8259, as 3.40 reads JSON, without JSON5.
     */
    static final String STRICT = "#strict";

    private static final String[] QUIRKY_LABELS = {"a", "a", "b", "a\\u0062", "q\\\"", "x.y", "1"};

    private final Random random;
    private final boolean quirks;

    /**
     * @param quirks also generate what SQLite 3.40 and 3.54 disagree on:
     *     duplicate and escaped labels, JSON5 and malformed input, malformed
     *     paths, '$' replaced, several edits in one call
     */
    RandomJsonCalls(long seed, boolean quirks) {
        this.random = new Random(seed);
        this.quirks = quirks;
    }

    /** A document and the paths of its members. */
    private record Doc(String json, List<String> paths, List<String> arrayPaths) {
    }

    private String value(int depth, String path, List<String> paths, List<String> arrays) {
        paths.add(path);
        int kind = random.nextInt(depth > 4 ? 6 : 9);
        switch (kind) {
            case 0 -> {
                return "null";
            }
            case 1 -> {
                return random.nextBoolean() ? "true" : "false";
            }
            case 2, 3 -> {
                return NUMBERS[random.nextInt(NUMBERS.length)];
            }
            case 4, 5 -> {
                return "\"" + STRINGS[random.nextInt(STRINGS.length)] + "\"";
            }
            case 6, 7 -> {
                arrays.add(path);
                int n = random.nextInt(5);
                StringBuilder sb = new StringBuilder("[");
                for (int i = 0; i < n; i++) {
                    sb.append(i > 0 ? "," : "").append(space());
                    sb.append(value(depth + 1, path + "[" + i + "]", paths, arrays)).append(space());
                }
                return sb.append(']').toString();
            }
            default -> {
                List<String> labels = new ArrayList<>(List.of(quirks ? QUIRKY_LABELS : LABELS));
                int n = random.nextInt(5);
                StringBuilder sb = new StringBuilder("{");
                for (int i = 0; i < n; i++) {
                    String label = quirks ? labels.get(random.nextInt(labels.size()))
                            : labels.remove(random.nextInt(labels.size()));
                    String step = label.contains(" ") ? ".\"" + label + "\"" : "." + label;
                    sb.append(i > 0 ? "," : "").append(space()).append('"').append(label).append('"')
                            .append(space()).append(':');
                    sb.append(value(depth + 1, path + step, paths, arrays)).append(space());
                }
                return sb.append('}').toString();
            }
        }
    }

    private String space() {
        return switch (random.nextInt(8)) {
            case 0 -> " ";
            case 1 -> quirks ? "\t " : "\n\t ";
            default -> "";
        };
    }

    Doc doc() {
        List<String> paths = new ArrayList<>();
        List<String> arrays = new ArrayList<>();
        String json = value(0, "$", paths, arrays);
        return new Doc(json, paths, arrays);
    }

    private static String sql(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** An existing member, or one step beyond one (a new label or index, [#], [#-N]). */
    private String path(Doc d) {
        String base = d.paths.get(random.nextInt(d.paths.size()));
        return switch (random.nextInt(6)) {
            case 0 -> base + "." + LABELS[random.nextInt(LABELS.length)].replace(" ", "");
            case 1 -> base + "[" + random.nextInt(5) + "]";
            case 2 -> d.arrayPaths.isEmpty() ? base : d.arrayPaths.get(random.nextInt(d.arrayPaths.size()))
                    + (random.nextBoolean() ? "[#]" : "[#-" + random.nextInt(4) + "]");
            default -> base;
        };
    }

    private String sqlValue() {
        return switch (random.nextInt(7)) {
            case 0 -> "NULL";
            case 1 -> Integer.toString(random.nextInt(2000) - 1000);
            case 2 -> "1.5";
            case 3 -> sql("te\"xt'");
            case 4 -> "json(" + sql(doc().json) + ")";
            case 5 -> "json_array(1," + sql("[2]") + ")";
            default -> sql(doc().json);
        };
    }

    /** A random call; a json_valid() call is followed by {@link #STRICT} unless quirks are on. */
    String call() {
        return quirks ? quirkyCall(doc()) : call(doc());
    }

    private String quirkyCall(Doc d) {
        String doc = sql(random.nextInt(4) == 0 ? mutate(d.json) : d.json);
        String path = random.nextInt(5) == 0 ? mutate(path(d)) : path(d);
        return switch (random.nextInt(10)) {
            case 0 -> "json_set(" + doc + "," + edits(d) + ")";
            case 1 -> "json_insert(" + doc + "," + edits(d) + ")";
            case 2 -> "json_replace(" + doc + "," + edits(d) + ")";
            case 3 -> "json_remove(" + doc + "," + sql(path) + "," + sql(path(d)) + ")";
            case 4 -> "json_patch(" + doc + "," + sql(doc().json) + ")";
            case 5 -> "json_valid(" + doc + ")";
            case 6 -> doc + (random.nextBoolean() ? " -> " : " ->> ") + sql(path.substring(Math.min(path.length(), random.nextInt(2))));
            default -> call(d).replace(STRICT, "");
        };
    }

    /** Several path, value pairs, '$' among the paths sometimes. */
    private String edits(Doc d) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            String p = random.nextInt(8) == 0 ? "$" : random.nextInt(6) == 0 ? mutate(path(d)) : path(d);
            sb.append(i > 0 ? "," : "").append(sql(p)).append(',').append(sqlValue());
        }
        return sb.toString();
    }

    private String call(Doc d) {
        String doc = sql(d.json);
        String nonRoot = path(d);
        if (nonRoot.equals("$")) {
            nonRoot = "$.a";
        }
        return switch (random.nextInt(14)) {
            case 0 -> "json(" + doc + ")";
            case 1 -> "json_extract(" + doc + "," + sql(path(d)) + ")";
            case 2 -> "json_extract(" + doc + "," + sql(path(d)) + "," + sql(path(d)) + ")";
            case 3 -> doc + " -> " + sql(path(d));
            case 4 -> doc + " ->> " + sql(path(d));
            case 5 -> "json_type(" + doc + "," + sql(path(d)) + ")";
            case 6 -> "json_array_length(" + doc + "," + sql(path(d)) + ")";
            case 7 -> "json_set(" + doc + "," + sql(nonRoot) + "," + sqlValue() + ")";
            case 8 -> "json_insert(" + doc + "," + sql(nonRoot) + "," + sqlValue() + ")";
            case 9 -> "json_replace(" + doc + "," + sql(nonRoot) + "," + sqlValue() + ")";
            case 10 -> "json_remove(" + doc + "," + sql(path(d)) + ")";
            case 11 -> "json_patch(" + doc + "," + sql(doc().json) + ")";
            case 12 -> "json_valid(" + sql(mutate(d.json)) + ")" + STRICT;
            default -> "json_array(" + doc + ",json(" + doc + ")," + sqlValue() + ")";
        };
    }

    /** The document with one character dropped, doubled or replaced: often malformed. */
    private String mutate(String json) {
        if (json.isEmpty()) {
            return json;
        }
        int at = random.nextInt(json.length());
        String noises = "[]{},:\"\\ 0e.-x'/#$";
        String noise = String.valueOf(noises.charAt(random.nextInt(noises.length())));
        return switch (random.nextInt(3)) {
            case 0 -> json.substring(0, at) + json.substring(at + 1);
            case 1 -> json.substring(0, at) + noise + json.substring(at);
            default -> json.substring(0, at) + noise + json.substring(at + 1);
        };
    }

}
