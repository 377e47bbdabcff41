/*
 * The mode flags of sqlite3's command line ("-csv", "-box", "-tabs", ...),
 * with -header/-noheader, -separator and -nullvalue: sqlite3 started with
 * them against OutputSettings.commandLineMode and the same setters. They
 * differ from ".mode": "-csv" keeps "\n" between rows, "-column" does not
 * turn headers on, and the column modes do not wrap at 60.
 */
package turso.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CommandLineModeTest {

    private static final List<String> QUERIES = List.of(
            "SELECT 1 AS a, 'x,y' AS b, NULL AS c, 2.5 AS d, x'01' AS e",
            "SELECT 'a long value that is wider than sixty characters, to show that no wrapping happens' AS long,"
                    + " 'two' || char(10) || 'lines' AS multi");

    static Stream<List<String>> commandLines() {
        List<List<String>> lines = new ArrayList<>();
        for (String flag : List.of("-list", "-csv", "-json", "-line", "-column", "-box", "-table", "-markdown",
                "-html", "-quote", "-ascii", "-tabs", "--csv")) {
            lines.add(List.of(flag));
            lines.add(List.of(flag, "-header"));
            lines.add(List.of("-header", flag, "-noheader"));
        }
        lines.add(List.of("-csv", "-separator", ";", "-nullvalue", "NULL", "-header"));
        lines.add(List.of("-separator", ";", "-csv"));
        lines.add(List.of("-newline", "~", "-quote"));
        lines.add(List.of("-tabs", "-newline", "~", "-nullvalue", "-"));
        lines.add(List.of("-ascii", "-separator", ":"));
        return lines.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandLines")
    void sameAsSqlite3(List<String> options) throws Exception {
        Assumptions.assumeTrue(SqliteCli.available(), "the sqlite3 program is needed as the reference");
        StringBuilder script = new StringBuilder();
        for (String query : QUERIES) {
            script.append(query).append(";\n");
        }
        List<String> withBatch = new ArrayList<>(options);
        withBatch.addFirst("-batch");
        SqliteCli.Output reference = SqliteCli.run(withBatch, script.toString());
        assertEquals("", reference.stderr());

        OutputSettings settings = new OutputSettings();
        for (int i = 0; i < options.size(); i++) {
            switch (options.get(i)) {
                case "-header" -> settings.setHeader(true);
                case "-noheader" -> settings.setHeader(false);
                case "-separator" -> settings.setColumnSeparator(options.get(++i));
                case "-newline" -> settings.setRowSeparator(options.get(++i));
                case "-nullvalue" -> settings.setNullValue(options.get(++i));
                default -> assertEquals(true, settings.commandLineMode(options.get(i)), options.get(i));
            }
        }
        ByteArrayOutputStream actual = new ByteArrayOutputStream();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            for (String query : QUERIES) {
                ResultPrinter.print(new JdbcRowSource(connection, query), settings, actual);
            }
        }
        assertEquals(OutputModesDifferentialTest.visible(reference.stdout()),
                OutputModesDifferentialTest.visible(actual.toByteArray()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headerFlags")
    void headerFlagDecidesWhetherModeColumnTurnsHeadersOn(List<String> options) throws Exception {
        Assumptions.assumeTrue(SqliteCli.available(), "the sqlite3 program is needed as the reference");
        String query = "SELECT 1 AS a";
        List<String> withBatch = new ArrayList<>(options);
        withBatch.addFirst("-batch");
        SqliteCli.Output reference = SqliteCli.run(withBatch, ".mode column\n" + query + ";\n");
        OutputSettings settings = new OutputSettings();
        for (String option : options) {
            settings.setHeader(option.equals("-header"));
        }
        ByteArrayOutputStream actual = new ByteArrayOutputStream();
        DotCommands.apply(settings, ".mode column", new StringBuilder(), new StringBuilder());
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            ResultPrinter.print(new JdbcRowSource(connection, query), settings, actual);
        }
        assertEquals(new String(reference.stdout(), StandardCharsets.UTF_8), actual.toString(StandardCharsets.UTF_8));
    }

    static Stream<List<String>> headerFlags() {
        return Stream.of(List.of(), List.of("-header"), List.of("-noheader"));
    }

    @Test
    void otherFlagsAreNotModes() {
        OutputSettings settings = new OutputSettings();
        assertFalse(settings.commandLineMode("-bail"));
        assertFalse(settings.commandLineMode("csv"));
        assertFalse(settings.commandLineMode("-insert"));
        assertEquals(OutputMode.LIST, settings.mode());
        assertEquals("|", settings.columnSeparator());
        assertEquals("\n", settings.rowSeparator());
    }
}
