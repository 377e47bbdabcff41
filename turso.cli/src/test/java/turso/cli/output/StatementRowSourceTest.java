/*
 * The shell's adapter from turso.api.Statement: over a scripted statement
 * (no engine runs SQL yet) holding every storage class, the printed result
 * must be what sqlite3 prints for the same values.
 */
package turso.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import turso.api.DataType;
import turso.api.Statement;

class StatementRowSourceTest {

    /** Two rows of (INTEGER, TEXT, NULL, BLOB, REAL), as a statement would step through them. */
    private static Statement scripted() {
        Object[][] rows = {
            {7L, "héllo, \"world\"", null, new byte[] {'A', 0, 'B'}, 2.5},
            {-1L, "", null, new byte[0], 1.0 / 3},
        };
        String[] names = {"i", "t", "n", "b", "r"};
        int[] row = {-1};
        return (Statement) Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {Statement.class},
                (proxy, method, args) -> {
                    Object value = args != null && args.length == 1 && args[0] instanceof Integer c && row[0] >= 0
                            && row[0] < rows.length ? rows[row[0]][c] : null;
                    return switch (method.getName()) {
                        case "step" -> ++row[0] < rows.length;
                        case "columnCount" -> names.length;
                        case "columnName" -> names[(Integer) args[0]];
                        case "columnType" -> switch (value) {
                            case null -> DataType.NULL;
                            case Long l -> DataType.INTEGER;
                            case Double d -> DataType.REAL;
                            case String s -> DataType.TEXT;
                            default -> DataType.BLOB;
                        };
                        case "columnBlob" -> switch (value) {
                            case byte[] b -> b;
                            case null -> null;
                            default -> value.toString().getBytes(StandardCharsets.UTF_8);
                        };
                        case "columnLong" -> value instanceof Long l ? l : 0L;
                        case "columnDouble" -> value instanceof Double d ? d : 0.0;
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
    }

    @Test
    void printsWhatSqlite3PrintsForTheSameValues() throws Exception {
        Assumptions.assumeTrue(SqliteCli.available(), "the sqlite3 program is needed as the reference");
        String query = "SELECT 7 AS i, 'héllo, \"world\"' AS t, NULL AS n, x'410042' AS b, 2.5 AS r"
                + " UNION ALL SELECT -1, '', NULL, x'', 1.0 / 3";
        for (String mode : List.of("list", "quote", "json", "box", "csv")) {
            List<String> setup = List.of(".mode " + mode, ".headers on");
            SqliteCli.Output reference = SqliteCli.run(List.of("-batch"), String.join("\n", setup) + "\n" + query + ";\n");
            ByteArrayOutputStream actual = new ByteArrayOutputStream();
            ResultPrinter.print(new StatementRowSource(scripted()), DotCommands.settings(setup), actual);
            assertEquals(new String(reference.stdout(), StandardCharsets.UTF_8), actual.toString(StandardCharsets.UTF_8),
                    mode);
        }
    }
}
