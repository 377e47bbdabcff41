/*
 * Every output mode, with and without headers and with ".width", --wrap,
 * --wordwrap, --quote, separators and NULL text, against the sqlite3 CLI:
 * each configuration's queries run through sqlite3 in one process (a marker
 * line printed between queries) and through sqlite-jdbc + ResultPrinter, and
 * the bytes of each query's output must be identical.
 */
package turso.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OutputModesDifferentialTest {

    private static final String MARKER = "@@@@";

    static final List<String> QUERIES = List.of(
            // every storage class, NULL, empty text and blob
            "SELECT 1 AS i, -42 AS neg, 9223372036854775807 AS max, -9223372036854775808 AS min, 0 AS zero,"
                    + " 1.5 AS r, -2.25 AS nr, 'text' AS t, x'00ff10ab' AS b, NULL AS z, x'' AS eb, '' AS es",
            // reals: negative zero, huge, tiny, whole, infinities
            "SELECT -0.0 AS nz, 0.0 AS z, 1e308 AS big, pow(2.0,-1074) AS tiny, 1e-5 AS small, 0.0001 AS p,"
                    + " 123456789012345.678 AS long15, 1e15 AS e15, 1e16 AS e16, 1e999 AS inf, -1e999 AS ninf,"
                    + " 2.0 AS two, pow(2.0,62) AS p62, pow(2.0,63) AS p63, 0.1 AS tenth, 1.0/3 AS third,"
                    + " 100.0 AS hundred, -1.5e-7 AS neg_small, 3.0e-300 AS tiny2, 1.7976931348623157e308 AS maxd",
            // unicode: wide, combining, astral, accents, right-to-left
            "SELECT '漢字テスト' AS wide, 'e' || char(769) || 'x' AS combining, '😀 emoji' AS astral,"
                    + " 'naïve café' AS accents, 'עברית' AS rtl, '名' AS \"列\"",
            // quotes, separators, markup, control characters, line breaks
            "SELECT 'a' || char(13) || char(10) || 'b' AS crlf, 'a' || char(13) || 'b' AS cr,"
                    + " char(1,2,27) || 'x' AS ctl, 'x' || char(127) AS del, 'back\\slash \"dq\" ''sq''' AS q,"
                    + " '<b>&amp;</b>' AS html, 'a,b;c|d' AS seps, char(8,12) AS bf, 'trailing' || char(10) AS tnl,"
                    + " char(10) || 'leading' AS lnl, 'tab' || char(9) || 'bed' AS tab, 'x' || char(10,10) || 'y' AS two_nl",
            // insert mode's replace() markers already in the text
            "SELECT 'has \\n and \\012 and (\\n0)' || char(10) || 'x' AS markers, 'has \\r' || char(13) AS cr,"
                    + " 'both' || char(10) || char(13) || '''' AS both_breaks",
            // long text for wrapping, word wrapping and tab stops
            "SELECT 'The quick brown fox jumps over the lazy dog; pack my box with five dozen liquor jugs.' AS sentence,"
                    + " 'Supercalifragilisticexpialidocious-antidisestablishmentarianism' AS word,"
                    + " 'ab' || char(9) || 'cd' || char(9) || char(9) || 'e' AS tabs, 'x' AS short",
            // column names that need quoting in SQL, csv, json, html
            "SELECT 1 AS \"a b\", 2 AS \"select\", 3 AS \"x\"\"y\", 4 AS \"_ok\", 5 AS \"9lives\", 6 AS \"naïve\","
                    + " 7 AS \"\", 8 AS \"Order\", 9 AS \"名前\", 10 AS \"a,b\", 11 AS \"<th>\", 12 AS \"it's\"",
            // no rows
            "SELECT 1 AS a, 2 AS b WHERE 0",
            // several rows of varying widths, NULLs and a multi-line value
            "SELECT * FROM (VALUES (1,'a',NULL),(22,'bbbb',x'41'),(333,NULL,2.5),(-4,'dd' || char(10) || 'eeeeeee','x'))",
            // text and blobs holding NUL and bytes that are not UTF-8
            "SELECT 'a' || char(0) || 'b' AS nul_text, x'41004243' AS nul_blob, x'c3' AS half, x'e6bca2' AS wide_blob,"
                    + " x'80808041' AS cont, x'0a41' AS nl_blob",
            // many columns
            "SELECT " + String.join(", ", IntStream.rangeClosed(1, 30)
                    .mapToObj(i -> i % 3 == 0 ? "'v" + i + "' AS c" + i : i % 3 == 1 ? i + " AS c" + i : "NULL AS c" + i)
                    .toList()),
            // many rows
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40)"
                    + " SELECT i, i * i AS sq, substr('xxxxxxxxxx', 1, i % 7) AS xs, i / 7.0 AS frac,"
                    + " CASE WHEN i % 5 = 0 THEN NULL ELSE 'row ' || i END AS label FROM n");

    static final List<String> MODES = List.of("list", "csv", "json", "line", "column", "box", "table", "markdown",
            "html", "quote", "ascii", "tabs", "tcl", "insert t", "insert", "insert select", "count", "off", "qbox");

    static Stream<List<String>> configurations() {
        List<List<String>> configurations = new ArrayList<>();
        for (String mode : MODES) {
            configurations.add(List.of(".mode " + mode, ".headers on"));
            configurations.add(List.of(".mode " + mode, ".headers off"));
        }
        for (String mode : List.of("column", "box", "table", "markdown")) {
            configurations.add(List.of(".mode " + mode));
            configurations.add(List.of(".width 3 -5 0 8 -2", ".mode " + mode, ".headers on"));
            configurations.add(List.of(".width -12 4", ".mode " + mode, ".headers on"));
            configurations.add(List.of(".mode " + mode + " --wrap 6", ".headers on"));
            configurations.add(List.of(".mode " + mode + " --wrap 10 --ww", ".headers on"));
            configurations.add(List.of(".mode " + mode + " --wrap 8 --wordwrap on --quote", ".headers on"));
            configurations.add(List.of(".mode " + mode + " --quote", ".nullvalue N/A", ".headers on"));
            configurations.add(List.of(".mode " + mode + " --noquote --wrap 3", ".width 0 -1 2", ".headers on"));
            configurations.add(List.of(".mode " + mode, ".nullvalue (null)", ".width -1", ".headers on"));
        }
        configurations.add(List.of(".headers off", ".mode column"));
        configurations.add(List.of(".mode list", ".separator :: ##", ".nullvalue (null)", ".headers on"));
        configurations.add(List.of(".mode csv", ".separator ;", ".nullvalue NULL", ".headers on"));
        configurations.add(List.of(".mode csv", ".separator ab", ".headers on"));
        configurations.add(List.of(".mode line", ".nullvalue - ", ".separator | ~"));
        configurations.add(List.of(".mode html", ".nullvalue <null>", ".headers on"));
        configurations.add(List.of(".mode tcl", ".nullvalue nil", ".headers on"));
        configurations.add(List.of(".mode quote", ".separator ; |", ".headers on"));
        configurations.add(List.of(".mode ascii", ".nullvalue NULL", ".headers on"));
        configurations.add(List.of(".mode tabs", ".mode", ".headers on"));
        configurations.add(List.of(".separator 0123456789abcdefghijklmnop XYZ", ".nullvalue ééééééééééé",
                ".headers on"));
        configurations.add(List.of(".mode csv", ".separator ,,,,,,,,,,,,,,,,,,,,,,,,", ".headers on"));
        configurations.add(List.of(".mode box", ".nullvalue 0123456789abcdefghijklmnop"));
        return configurations.stream();
    }

    private static Connection connection;

    @BeforeAll
    static void open() throws Exception {
        Assumptions.assumeTrue(SqliteCli.available(), "the sqlite3 program is needed as the reference");
        connection = DriverManager.getConnection("jdbc:sqlite::memory:");
    }

    @AfterAll
    static void close() throws Exception {
        if (connection != null) {
            connection.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void sameBytesAsSqlite3(List<String> configuration) throws Exception {
        StringBuilder script = new StringBuilder();
        for (String line : configuration) {
            script.append(line).append('\n');
        }
        for (String query : QUERIES) {
            script.append(query).append(";\n.print ").append(MARKER).append('\n');
        }
        SqliteCli.Output reference = SqliteCli.run(List.of("-batch"), script.toString());
        assertEquals("", reference.stderr(), "sqlite3 reported an error");
        List<byte[]> expected = splitAtMarkers(reference.stdout());
        assertEquals(QUERIES.size(), expected.size(), "sqlite3 output pieces");

        OutputSettings settings = new OutputSettings();
        StringBuilder modeOutput = new StringBuilder();
        for (String line : configuration) {
            DotCommands.apply(settings, line, modeOutput, new StringBuilder());
        }
        List<String> failures = new ArrayList<>();
        for (int q = 0; q < QUERIES.size(); q++) {
            ByteArrayOutputStream actual = new ByteArrayOutputStream();
            if (q == 0) {
                actual.writeBytes(modeOutput.toString().getBytes(StandardCharsets.UTF_8));
            }
            ResultPrinter.print(new JdbcRowSource(connection, QUERIES.get(q)), settings, actual);
            if (!java.util.Arrays.equals(expected.get(q), actual.toByteArray())) {
                failures.add("query " + q + ": " + QUERIES.get(q) + "\n--- sqlite3:\n" + visible(expected.get(q))
                        + "\n--- ours:\n" + visible(actual.toByteArray()));
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + QUERIES.size() + " queries differ\n" + String.join("\n\n", failures));
        }
    }

    /** The output of each query: the pieces between the marker lines. */
    static List<byte[]> splitAtMarkers(byte[] output) {
        byte[] marker = (MARKER + "\n").getBytes(StandardCharsets.US_ASCII);
        List<byte[]> pieces = new ArrayList<>();
        int start = 0;
        while (true) {
            int at = indexOf(output, marker, start);
            if (at < 0) {
                break;
            }
            pieces.add(java.util.Arrays.copyOfRange(output, start, at));
            start = at + marker.length;
        }
        return pieces;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Bytes shown with control and non-UTF-8 bytes escaped, to read a failure. */
    static String visible(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        String text = new String(bytes, StandardCharsets.UTF_8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                out.append("\\n\n");
            } else if (c < 0x20 || c == 0x7f || c == '\uFFFD') {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
