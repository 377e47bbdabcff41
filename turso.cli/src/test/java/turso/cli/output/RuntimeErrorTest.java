/*
 * A statement that fails after some rows: what sqlite3 has printed by then
 * (the rows so far, json's closing bracket, count's total, the column modes'
 * buffered table) must be printed here too before the error goes up to the
 * shell, which reports it.
 */
package turso.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RuntimeErrorTest {

    private static final String QUERY = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5)"
            + " SELECT i, CASE WHEN i < 3 THEN 'row ' || i ELSE abs(-9223372036854775808) END AS v FROM n";

    @ParameterizedTest
    @ValueSource(strings = {"list", "csv", "json", "line", "column", "box", "table", "markdown", "html", "quote",
        "insert t", "count", "tcl"})
    void rowsBeforeTheErrorArePrinted(String mode) throws Exception {
        Assumptions.assumeTrue(SqliteCli.available(), "the sqlite3 program is needed as the reference");
        List<String> setup = List.of(".mode " + mode, ".headers on");
        SqliteCli.Output reference = SqliteCli.run(List.of("-batch"), String.join("\n", setup) + "\n" + QUERY + ";\n");
        assertTrue(reference.stderr().contains("integer overflow"), reference.stderr());
        ByteArrayOutputStream actual = new ByteArrayOutputStream();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            JdbcRowSource rows = new JdbcRowSource(connection, QUERY);
            RuntimeException e = assertThrows(RuntimeException.class,
                    () -> ResultPrinter.print(rows, DotCommands.settings(setup), actual));
            assertTrue(e.getMessage().contains("integer overflow"), e.getMessage());
        }
        assertEquals(OutputModesDifferentialTest.visible(reference.stdout()),
                OutputModesDifferentialTest.visible(actual.toByteArray()));
    }
}
