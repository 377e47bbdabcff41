/*
 * The JSONB functions (SQLite 3.45+) against sqlite-jdbc (3.54), blob for
 * blob: every jsonb_ function over documents, SQL values of each type and
 * paths; JSONB blobs as input to the json_ functions (and to the jsonb_
 * ones); json_valid with flags and json_pretty. Then random documents:
 * jsonb() of each, json() of that, and an edit of it, must be the same
 * bytes and text as SQLite's.
 */
package turso.functions.json;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import turso.functions.testing.Outcome;
import turso.functions.testing.SqlExpression;
import turso.functions.testing.SqliteOracle;

class JsonbDifferentialTest {

    private static final String DOC = "'{\"a\":1,\"b\":[1,2.5,\"x\",true,false,null],\"c\":\"q\\\"z\",\"d\":{\"e\":-0}}'";

    private static List<String> expressions() {
        List<String> e = new ArrayList<>();
        String[] docs = {DOC, "'[]'", "'{}'", "'1.50'", "'-0'", "'\"\\u00e9\"'", "'1e400'", "'\"plain\"'", "'true'",
            "'null'", "' [ 1 , 2 ] '", "'{\"long\":\"" + "y".repeat(300) + "\"}'", "'[" + "1,".repeat(100) + "1]'",
            "'[[[[[[[[[[[[[1]]]]]]]]]]]]]'", "'\"tab\\tquote\\\"\"'", "'123456789012345678901234567890'",
            // Payloads needing 2- and 4-byte sizes.
            "'[" + "1,".repeat(30_000) + "1]'", "'[\"" + "x".repeat(70_000) + "\"]'"};
        for (String d : docs) {
            e.add("jsonb(" + d + ")");
            e.add("json(jsonb(" + d + "))");
            e.add("jsonb(jsonb(" + d + "))");
            e.add("json_type(jsonb(" + d + "))");
            e.add("json_valid(jsonb(" + d + "), 4)");
            e.add("json_valid(jsonb(" + d + "), 8)");
            e.add("json_valid(" + d + ", 1)");
            e.add("json_valid(" + d + ", 12)");
            e.add("json_pretty(" + d + ")");
            e.add("json_pretty(jsonb(" + d + "), '--')");
        }
        String[] values = {"1", "-7", "2.5", "1e300", "9e999", "-9e999", "'x'", "'x\"y'", "'é\n'", "NULL",
            "json('[1,{\"k\":\"v\"}]')", "jsonb('[2]')", "json_array(1, 'a')", "''", "0.1", "100.0"};
        for (String v : values) {
            e.add("jsonb_array(" + v + ")");
            e.add("jsonb_array(1, " + v + ", 'z')");
            e.add("jsonb_object('k', " + v + ")");
            e.add("jsonb_set(" + DOC + ", '$.a', " + v + ")");
            e.add("jsonb_set(" + DOC + ", '$.new', " + v + ")");
            e.add("jsonb_set(" + DOC + ", '$.\"a b\"', " + v + ")");
            e.add("jsonb_insert(" + DOC + ", '$.b[#]', " + v + ")");
            e.add("jsonb_replace(" + DOC + ", '$.b[0]', " + v + ")");
            e.add("jsonb_set('[1]', '$[0]', " + v + ")");
            if (!v.endsWith("9e999")) {
                // The json_ text functions write an infinite real as 3.40 does (Inf), 3.54 as 9e999.
                e.add("json_set(jsonb(" + DOC + "), '$.d.e', " + v + ")");
                e.add("json_array(" + v + ", jsonb('{\"z\":[]}'))");
            }
        }
        String[] paths = {"'$'", "'$.a'", "'$.b'", "'$.b[1]'", "'$.b[#-1]'", "'$.c'", "'$.d'", "'$.zz'", "'$.d.e'"};
        for (String p : paths) {
            e.add("jsonb_extract(" + DOC + ", " + p + ")");
            e.add("jsonb_extract(jsonb(" + DOC + "), " + p + ")");
            e.add("json_extract(jsonb(" + DOC + "), " + p + ")");
            e.add("jsonb(" + DOC + ") -> " + p);
            e.add("jsonb(" + DOC + ") ->> " + p);
            e.add("json_type(jsonb(" + DOC + "), " + p + ")");
            e.add("jsonb_remove(" + DOC + ", " + p + ")");
            e.add("jsonb_remove(jsonb(" + DOC + "), " + p + ", '$.a')");
            e.add("jsonb_set(jsonb(" + DOC + "), " + p + ", 'new')");
        }
        e.add("jsonb_extract(" + DOC + ", '$.a', '$.b')");
        e.add("jsonb_array()");
        e.add("jsonb_object()");
        e.add("jsonb_object('a', 1, 'b\"c', 'd', 'e', jsonb('[1]'))");
        e.add("jsonb_object('a')");
        e.add("jsonb_object(1, 2)");
        e.add("jsonb_patch('{\"a\":1,\"b\":2}', '{\"b\":null,\"c\":\"x\"}')");
        e.add("jsonb_patch(jsonb('{\"a\":{\"x\":1}}'), jsonb('{\"a\":{\"y\":2}}'))");
        e.add("json_patch(jsonb('{\"a\":1}'), '{\"a\":[1]}')");
        e.add("json_array_length(jsonb('[1,2,3]'))");
        e.add("json_array_length(jsonb('[1,[2,3]]'), '$[1]')");
        e.add("json_quote(jsonb('[1]'))");
        e.add("json_insert(jsonb('[1,2]'), '$[#]', jsonb('{\"q\":1}'))");
        e.add("jsonb_set('{}', '$', 'x')");
        // A blob that is valid JSONB is JSON since 3.45; 3.40 said "JSON cannot hold BLOB values".
        e.add("json_array(x'00')");
        e.add("json_object('a', x'00')");
        e.add("json_quote(x'00')");
        e.add("json_set('{\"a\":1}', '$.a', x'00')");
        e.add("json_set('{\"a\":1}', '$.x.y', x'00')");
        e.add("json_set('{\"a\":1}', '$', x'01')");
        e.add("json_insert('{\"a\":1}', '$.b', x'00')");
        e.add("json_replace('{\"a\":1}', '$.a', x'00')");
        e.add("jsonb_set('[1]', '$[0]', x'00')");
        e.add("jsonb_set('[1]', '$[0]', x'0102')");
        e.add("jsonb_set('{}', '$.a')");
        e.add("jsonb_remove('[1,2,3]', '$[1]')");
        e.add("jsonb_remove('[1]', '$')");
        e.add("jsonb('[1,2')");
        e.add("jsonb(NULL)");
        e.add("jsonb(x'7b7d')");
        e.add("json(x'7b7d')");
        e.add("json_valid(x'7b7d', 1)");
        e.add("json_valid(x'7b7d', 4)");
        e.add("json_valid(x'00', 8)");
        e.add("json_valid('[1]', 0)");
        e.add("json_valid('[1]', 16)");
        e.add("json_valid(NULL, 1)");
        e.add("json_valid('[1]', '3')");
        e.add("json(x'0b')");
        e.add("json(x'1b00')");
        e.add("json(x'cb0113')");
        e.add("json(x'2c1761')");
        e.add("json(x'33313233')");
        e.add("json(x'1a0a')");
        e.add("json(x'4a612262')");
        e.add("json_pretty('[1,{\"a\":[]}]', NULL)");
        e.add("json_pretty('{\"a\":{\"b\":1}}', '')");
        e.add("json_pretty('[1', 'x')");
        e.add("json_pretty(NULL)");
        return e;
    }

    @Test
    void everyExpressionMatchesSqlite() throws Exception {
        check(expressions(), 200);
    }

    /** Random documents: strings with and without escapes, numbers as written, nesting. */
    @Test
    void randomDocumentsEncodeAsSqlite() throws Exception {
        Random random = new Random(45_054);
        int n = Boolean.getBoolean("turso.long") ? 20_000 : 1_500;
        List<String> e = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String doc = "'" + document(random, 0).replace("'", "''") + "'";
            e.add(switch (i % 4) {
                case 0 -> "jsonb(" + doc + ")";
                case 1 -> "json(jsonb(" + doc + "))";
                case 2 -> "jsonb_set(" + doc + ", '$.k', 'v\"" + i + "')";
                default -> "jsonb_array(jsonb(" + doc + "), " + doc + ")";
            });
        }
        check(e, n);
    }

    private static String document(Random r, int depth) {
        int kind = depth > 3 ? r.nextInt(5) : r.nextInt(7);
        return switch (kind) {
            case 0 -> List.of("null", "true", "false").get(r.nextInt(3));
            case 1 -> Long.toString(r.nextLong() >> r.nextInt(64));
            case 2 -> List.of("1.5", "-0.25", "1e10", "2E-3", "0.0", "123.456e+7", "-0").get(r.nextInt(7));
            case 3, 4 -> string(r);
            case 5 -> {
                StringBuilder sb = new StringBuilder("[");
                int k = r.nextInt(5);
                for (int i = 0; i < k; i++) {
                    sb.append(i > 0 ? "," : "").append(r.nextBoolean() ? " " : "").append(document(r, depth + 1));
                }
                yield sb.append(']').toString();
            }
            default -> {
                StringBuilder sb = new StringBuilder("{");
                int k = r.nextInt(5);
                for (int i = 0; i < k; i++) {
                    sb.append(i > 0 ? "," : "").append(string(r)).append(r.nextBoolean() ? " : " : ":")
                            .append(document(r, depth + 1));
                }
                yield sb.append('}').toString();
            }
        };
    }

    private static String string(Random r) {
        String[] parts = {"a", "k", "é", "日本", "\\\"", "\\\\", "\\n", "\\u00e9", "\\/", " ", "x".repeat(20)};
        StringBuilder sb = new StringBuilder("\"");
        int k = r.nextInt(4);
        for (int i = 0; i < k; i++) {
            sb.append(parts[r.nextInt(parts.length)]);
        }
        return sb.append('"').toString();
    }

    private static void check(List<String> expressions, int atLeast) throws Exception {
        SqlExpression ours = new SqlExpression(new JsonLibrary());
        List<String> failures = new ArrayList<>();
        try (SqliteOracle sqlite = new SqliteOracle()) {
            for (String e : expressions) {
                Outcome expected = sqlite.outcome(e);
                Outcome actual;
                try {
                    actual = ours.outcome(e);
                } catch (RuntimeException ex) {
                    failures.add(e + " threw " + ex);
                    continue;
                }
                if (!actual.matches(expected, 0)) {
                    failures.add(e + "\n    ours:   " + actual + "\n    sqlite: " + expected);
                }
            }
        }
        assertTrue(expressions.size() >= atLeast, "cases: " + expressions.size());
        assertTrue(failures.isEmpty(), failures.size() + " of " + expressions.size() + " differ:\n"
                + String.join("\n", failures));
    }
}
