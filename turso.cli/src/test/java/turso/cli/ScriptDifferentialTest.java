/*
 * The differential suite: each script of src/test/resources/scripts (SQL and
 * dot commands; see ScriptRun for its header lines) run through the sqlite3
 * CLI and through our shell; standard output, standard error and the exit
 * code must be identical. A script that needs an engine feature not there
 * yet is disabled with the reason. Skipped when sqlite3 is not installed.
 */
package turso.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptDifferentialTest {

    @TempDir
    Path temp;

    @BeforeAll
    static void needsSqlite3() {
        assumeTrue(ScriptRun.sqlite3Available(), "the sqlite3 CLI is not installed");
    }

    private void check(String name) throws IOException {
        String script = ScriptRun.script(name);
        ScriptRun.Output expected = ScriptRun.sqlite3(script, ScriptRun.workDirectory(temp, "sqlite3"));
        ScriptRun.Output got = ScriptRun.turso(script, ScriptRun.workDirectory(temp, "turso"));
        assertAll(
                () -> assertEquals(expected.stdout(), got.stdout(), "stdout"),
                () -> assertEquals(expected.stderr(), got.stderr(), "stderr"),
                () -> assertEquals(expected.exit(), got.exit(), "exit code"));
    }

    @Test
    void attached() throws IOException {
        check("attached.sql");
    }

    @Test
    void modes() throws IOException {
        check("modes.sql");
    }

    @Test
    void settings() throws IOException {
        check("settings.sql");
    }

    @Test
    void errors() throws IOException {
        check("errors.sql");
    }

    @Test
    void bail() throws IOException {
        check("bail.sql");
    }

    @Test
    void bailCommand() throws IOException {
        check("bail_command.sql");
    }

    @Test
    void dotErrors() throws IOException {
        check("dot_errors.sql");
    }

    @Test
    void exitCode() throws IOException {
        check("exit_code.sql");
    }

    @Test
    void exitZero() throws IOException {
        check("exit_zero.sql");
    }

    @Test
    void misc() throws IOException {
        check("misc.sql");
    }

    @Test
    void quit() throws IOException {
        check("quit.sql");
    }

    @Test
    void schema() throws IOException {
        check("schema.sql");
    }

    @Test
    void dump() throws IOException {
        check("dump.sql");
    }

    @Test
    void importFiles() throws IOException {
        check("import.sql");
    }

    @Test
    void output() throws IOException {
        check("output.sql");
    }

    @Test
    void parameters() throws IOException {
        check("parameters.sql");
    }

    @Test
    void shellCommands() throws IOException {
        check("shell_commands.sql");
    }

    @Test
    void timer() throws IOException {
        check("timer.sql");
    }

    @Test
    void backup() throws IOException {
        check("backup.sql");
    }

    @Test
    void open() throws IOException {
        check("open.sql");
    }

    @Test
    void arguments() throws IOException {
        check("arguments.sql");
    }

    @Test
    void argumentError() throws IOException {
        check("argument_error.sql");
    }

    @Test
    void cmdBail() throws IOException {
        check("cmd_bail.sql");
    }

    @Test
    void echoOption() throws IOException {
        check("echo_option.sql");
    }

    @Test
    void fileDatabase() throws IOException {
        check("file_database.sql");
    }

    @Test
    void terminators() throws IOException {
        check("terminators.sql");
    }

    @Test
    void explain() throws IOException {
        check("explain.sql");
    }

    @Test
    void explainLayout() throws IOException {
        check("explain_layout.sql");
    }

    @Test
    void indexes() throws IOException {
        check("indexes.sql");
    }

    @Test
    void autoincrement() throws IOException {
        check("autoincrement.sql");
    }

    @Test
    void empty() throws IOException {
        check("empty.sql");
    }

    @Test
    void dumpPreservingRowids() throws IOException {
        check("dump_rowids.sql");
    }

    @Test
    void importOptions() throws IOException {
        check("import_options.sql");
    }

    @Test
    void errorContext() throws IOException {
        check("error_context.sql");
    }

    @Test
    void viewsAndCopies() throws IOException {
        check("views_and_copies.sql");
    }

    @Test
    void parameterNumbers() throws IOException {
        check("parameter_numbers.sql");
    }

    @Test
    void byteOrderMark() throws IOException {
        check("byte_order_mark.sql");
    }

    @Test
    void openAndSeparators() throws IOException {
        check("open_and_separators.sql");
    }
}
