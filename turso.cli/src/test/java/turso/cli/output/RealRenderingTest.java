/*
 * Reals, the hardest part to get byte-identical: thousands of doubles made
 * deterministically inside SQL (random 53-bit mantissas times powers of two
 * across the whole exponent range, quotients, decimal-looking values) are
 * printed by sqlite3 and by ResultPrinter in the modes that show "%!.15g"
 * (list, box) and "%!.20g" (quote, json, insert) renderings.
 */
package turso.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RealRenderingTest {

    private static final int ROWS = 2500;

    private static final String QUERY = "WITH RECURSIVE r(n, a, b, c) AS (SELECT 0, 12345, 67890, 13579 UNION ALL"
            + " SELECT n + 1, (a * 1103515245 + 12345) % 2147483648, (b * 1103515245 + 12345) % 2147483648,"
            + " (c * 69069 + 1) % 2147483648 FROM r WHERE n < " + ROWS + ")"
            + " SELECT ((a % 4194304) * 2147483648 + b) * pow(2.0, c % 2150 - 1126)"
            + " * (CASE WHEN c % 3 = 0 THEN -1 ELSE 1 END) AS scaled,"
            + " (a % 100000) / 1000.0 AS decimal3, (b % 1000000) * 0.001 AS milli, a / 7.0 AS seventh,"
            + " 1.0 / (c + 1) AS reciprocal, (b % 100) * pow(10.0, c % 40 - 20) AS decade,"
            + " CAST(a AS REAL) * 4294967296.0 + b AS wide_whole FROM r";

    @ParameterizedTest
    @ValueSource(strings = {"quote", "list", "json", "insert t", "box"})
    void realsAsSqlite3PrintsThem(String mode) throws Exception {
        Assumptions.assumeTrue(SqliteCli.available(), "the sqlite3 program is needed as the reference");
        List<String> setup = List.of(".mode " + mode, ".headers on");
        SqliteCli.Output reference = SqliteCli.run(List.of("-batch"), String.join("\n", setup) + "\n" + QUERY + ";\n");
        assertEquals("", reference.stderr());
        ByteArrayOutputStream actual = new ByteArrayOutputStream();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            ResultPrinter.print(new JdbcRowSource(connection, QUERY), DotCommands.settings(setup), actual);
        }
        String expected = new String(reference.stdout(), StandardCharsets.UTF_8);
        String ours = actual.toString(StandardCharsets.UTF_8);
        String[] expectedLines = expected.split("\n", -1);
        String[] ourLines = ours.split("\n", -1);
        int differing = 0;
        StringBuilder first = new StringBuilder();
        for (int i = 0; i < Math.min(expectedLines.length, ourLines.length); i++) {
            if (!expectedLines[i].equals(ourLines[i])) {
                if (differing++ < 5) {
                    first.append("\nsqlite3: ").append(expectedLines[i]).append("\nours:    ").append(ourLines[i]);
                }
            }
        }
        assertEquals(expectedLines.length, ourLines.length, "line count");
        assertEquals(0, differing, differing + " lines differ:" + first);
        assertEquals(expected, ours);
    }
}
