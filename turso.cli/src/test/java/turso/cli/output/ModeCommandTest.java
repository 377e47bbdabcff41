/*
 * The ".mode" command itself against sqlite3: what a bare ".mode" prints,
 * prefix matching of mode names, options, "qbox", error messages on stderr,
 * and the separators each mode leaves behind (a query after every command
 * shows them).
 */
package turso.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ModeCommandTest {

    private static final String QUERY = "SELECT 1 AS a, 'x y' AS b, NULL AS c";

    private static final List<String> COMMANDS = List.of(
            ".mode", ".mode box", ".mode", ".mode column --wrap 7 --ww --quote", ".mode", ".mode qbox", ".mode",
            ".mode qbox --wrap 9 --noquote", ".mode", ".mode tabs", ".mode", ".mode insert", ".mode",
            ".mode insert select", ".mode insert t1 --quote", ".mode bogus", ".mode list a b", ".mode list x --x",
            ".mode l", ".mode", ".mode c", ".mode", ".mode t", ".mode", ".mode table --wordwrap yes", ".mode",
            ".mode box --wordwrap maybe", ".mode", ".mode box --wrap", ".mode", ".mode count", ".mode",
            ".mode off", ".mode", ".mode json", ".mode", ".mode markdown --wrap 0x10 --wordwrap 1", ".mode",
            ".mode html", ".mode", ".mode tcl", ".mode", ".mode quote", ".mode", ".mode ascii", ".mode",
            ".mode csv", ".mode", ".mode -wrap 5 lines", ".mode", ".mode columns", ".mode",
            ".mode box -quote -noquote", ".mode", ".mode table --wrap 4K", ".mode", ".mode li", ".mode",
            ".headers off", ".mode column", ".mode list");

    @Test
    void sameAsSqlite3() throws Exception {
        Assumptions.assumeTrue(SqliteCli.available(), "the sqlite3 program is needed as the reference");
        StringBuilder script = new StringBuilder();
        for (String command : COMMANDS) {
            script.append(command).append('\n').append(QUERY).append(";\n");
        }
        SqliteCli.Output reference = SqliteCli.run(List.of("-batch"), script.toString());

        OutputSettings settings = new OutputSettings();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder err = new StringBuilder();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            for (String command : COMMANDS) {
                StringBuilder printed = new StringBuilder();
                DotCommands.apply(settings, command, printed, err);
                out.writeBytes(printed.toString().getBytes(StandardCharsets.UTF_8));
                ResultPrinter.print(new JdbcRowSource(connection, QUERY), settings, out);
            }
        }
        assertEquals(OutputModesDifferentialTest.visible(reference.stdout()),
                OutputModesDifferentialTest.visible(out.toByteArray()));
        assertEquals(reference.stderr(), err.toString());
    }
}
