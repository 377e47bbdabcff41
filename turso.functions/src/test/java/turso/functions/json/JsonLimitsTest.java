/*
 * The JSON functions at their limits: nesting depth (SQLite 3.40 accepts
 * 2000 levels and not 2001; checked with the sqlite3 CLI, since 3.54 lowered
 * the limit to 1000), very deep or very long input, paths far longer than
 * any document is deep (3.40 builds a 20000-level document from one, and
 * crashes on 100000; we must answer), and random garbage, which must give a
 * value or one of SQLite's messages, never an exception.
 */
package turso.functions.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import turso.api.Value;
import turso.api.spi.ScalarFunction;
import turso.api.spi.SqlFunction;
import turso.functions.testing.FakeArguments;
import turso.functions.testing.FakeContext;
import turso.functions.testing.FakeResult;

class JsonLimitsTest {

    private static FakeResult call(String name, Value... args) {
        for (SqlFunction f : new JsonLibrary().functions()) {
            if (f.name().equals(name) && (f.arity() == args.length || f.arity() == SqlFunction.VARIADIC)
                    && f instanceof ScalarFunction scalar) {
                FakeResult result = new FakeResult();
                scalar.invoke(new FakeContext(), FakeArguments.of(args), result);
                return result;
            }
        }
        throw new AssertionError("no " + name);
    }

    private static String nested(int depth, String open, String inner, String close) {
        return open.repeat(depth) + inner + close.repeat(depth);
    }

    @Test
    void nestingDepthAsIn340() {
        for (int depth : new int[] {1999, 2000}) {
            assertEquals(Value.of(1), call("json_valid", Value.of(nested(depth, "[", "", "]"))).value());
            assertEquals(Value.of(1), call("json_valid", Value.of(nested(depth, "{\"a\":", "1", "}"))).value());
        }
        assertEquals(Value.of(0), call("json_valid", Value.of(nested(2001, "[", "", "]"))).value());
        assertEquals(Value.of(0), call("json_valid", Value.of(nested(2001, "{\"a\":", "1", "}"))).value());
        String deep = nested(2000, "[", "7", "]");
        assertEquals(Value.of(deep), call("json", Value.of(deep)).value());
        assertEquals(Value.of(7), call("json_extract", Value.of(deep), Value.of("$" + "[0]".repeat(2000))).value());
    }

    @Test
    void hugeInputIsMalformedNotACrash() {
        String open = "[".repeat(1_000_000);
        assertEquals(Value.of(0), call("json_valid", Value.of(open)).value());
        assertEquals("malformed JSON", call("json", Value.of(open)).errorMessage());
        String wide = "[" + "1,".repeat(200_000) + "1]";
        assertEquals(Value.of(200_001), call("json_array_length", Value.of(wide)).value());
    }

    /** sqlite3 3.40: length(json_set('{}', '$' || 20000 x '.a', 1)) is 120001. */
    @Test
    void longPathsBuildDeepDocuments() {
        for (int steps : new int[] {20_000, 200_000}) {
            FakeResult r = call("json_set", Value.of("{}"), Value.of("$" + ".a".repeat(steps)), Value.of(1));
            String text = ((Value.Text) r.value()).value();
            assertEquals(6 * steps + 1, text.length());
            assertEquals(nested(steps, "{\"a\":", "1", "}"), text);
        }
        FakeResult r = call("json_set", Value.of("[]"), Value.of("$" + "[0]".repeat(100_000)), Value.of(1));
        assertEquals(Value.of(nested(100_000, "[", "1", "]")), r.value());
    }

    @Test
    void garbageGivesValuesOrSqliteMessages() {
        Set<String> messages = Set.of("malformed JSON", "JSON cannot hold BLOB values",
                "json_object() labels must be TEXT", "json_object() requires an even number of arguments");
        Random random = new Random(42);
        String alphabet = "[]{}\":,.$#-0123456789eE+ \\/u\ta\u00e9'\0";
        List<String> names = List.of("json", "json_valid", "json_extract", "json_type", "json_array_length",
                "json_set", "json_insert", "json_replace", "json_remove", "json_patch", "->", "->>");
        for (int i = 0; i < 20_000; i++) {
            String name = names.get(random.nextInt(names.size()));
            Value[] args = new Value[switch (name) {
                case "json", "json_valid" -> 1;
                case "json_set", "json_insert", "json_replace" -> 3;
                default -> 2;
            }];
            for (int a = 0; a < args.length; a++) {
                StringBuilder sb = new StringBuilder(a == 1 && random.nextBoolean() ? "$" : "");
                int n = random.nextInt(12);
                for (int k = 0; k < n; k++) {
                    sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                args[a] = Value.of(sb.toString());
            }
            FakeResult r = call(name, args);
            if (r.errorMessage() != null) {
                assertTrue(messages.contains(r.errorMessage()) || r.errorMessage().startsWith("JSON path error near '"),
                        name + " " + List.of(args) + ": " + r.errorMessage());
            }
        }
    }
}
