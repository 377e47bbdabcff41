/*
 * The interactive prompt, on JLine: a banner like sqlite3's, the prompt
 * "turso> " and "   ...> " while a statement is incomplete (SqlLineParser:
 * the whole statement is one JLine buffer, and one history entry), line
 * editing, history kept in ~/.turso_history, tab completion (SqlCompleter);
 * the lines of each accepted buffer go through the shell's input loop. Ctrl-C
 * at the prompt clears the line and any unfinished statement; Ctrl-C while a
 * statement runs interrupts it (Connection.interrupt), and the prompt comes
 * back with "Runtime error: interrupted". Ctrl-D ends the session.
 */
package turso.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import turso.api.Connection;

final class InteractiveShell {

    static final String PROMPT = "turso> ";
    static final String CONTINUATION_PROMPT = "   ...> ";

    private InteractiveShell() {
    }

    /** ~/.turso_history, where ~ is $HOME as for sqlite3's ~/.sqlite_history (else Java's user.home). */
    private static Path historyFile() {
        String home = System.getenv("HOME");
        return Path.of(home == null || home.isEmpty() ? System.getProperty("user.home") : home, ".turso_history");
    }

    /** Runs the session to its end; the number of errors (which do not end it). */
    static int run(Shell shell, ShellOptions options, String version, PrintStream stderr) throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).nativeSignals(true).build()) {
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("turso")
                    .variable(LineReader.HISTORY_FILE, historyFile())
                    .completer(new SqlCompleter(shell))
                    .parser(new SqlLineParser())
                    .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION_PROMPT)
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .build();
            terminal.handle(Terminal.Signal.INT, signal -> {
                Connection connection = shell.connectionIfOpen();
                if (connection != null) {
                    connection.interrupt();
                }
            });
            StringBuilder banner = new StringBuilder();
            banner.append("Turso for Java ").append(version).append(" (SQLite ").append(Main.SQLITE_VERSION)
                    .append(" compatible)\n").append("Enter \".help\" for usage hints.\n");
            if (options.database() == null || options.database().equals(":memory:")) {
                banner.append("Connected to a transient in-memory database.\n")
                        .append("Use \".open FILENAME\" to reopen on a persistent database.\n");
            }
            shell.print(banner.toString());
            shell.flush();
            Deque<String> lines = new ArrayDeque<>();
            int errors = shell.processInput(continuation -> {
                if (lines.isEmpty()) {
                    shell.flush();
                    try {
                        String text = reader.readLine(continuation ? CONTINUATION_PROMPT : PROMPT);
                        lines.addAll(Arrays.asList(text.split("\n", -1)));
                    } catch (UserInterruptException e) {
                        throw new Shell.InputCancelled();
                    } catch (EndOfFileException e) {
                        return null;
                    }
                }
                return lines.poll();
            }, true);
            reader.getHistory().save();
            return errors;
        }
    }
}
