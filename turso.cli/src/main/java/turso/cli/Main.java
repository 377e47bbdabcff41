/*
 * The turso shell's entry point (`./turso`, module turso.cli): parses the
 * command line, opens the database through turso.api, runs -cmd commands,
 * then the SQL arguments, or else standard input: as a script when it is not
 * a terminal, through the interactive prompt (InteractiveShell) when it is.
 * Exit status as sqlite3's: a failing SQL argument's result code, 1 after an
 * error in a script or a failing dot-command argument, the code of ".exit N",
 * 0 otherwise. No Java stack trace reaches the user; an unexpected failure is
 * reported in one line.
 */
package turso.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import turso.api.TursoException;

public final class Main {

    /** The SQLite release whose behaviour this engine matches. */
    static final String SQLITE_VERSION = "3.40.1";

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err, System.console() != null && System.console().isTerminal()));
    }

    static int run(String[] args, OutputStream stdout, PrintStream stderr, boolean interactive) {
        return run(args, System.in, stdout, stderr, interactive);
    }

    /**
     * Runs the shell with the given streams.
     *
     * @param interactive whether standard input is a terminal (the prompt, and errors that do not end the session)
     */
    static int run(String[] args, InputStream stdin, OutputStream stdout, PrintStream stderr, boolean interactive) {
        ShellOptions options;
        try {
            options = ShellOptions.parse(args);
        } catch (ShellOptions.UsageException e) {
            stderr.println("turso: Error: " + e.getMessage());
            if (e.pointToHelp()) {
                stderr.println("Use -help for a list of options.");
            }
            return 1;
        }
        switch (options.action()) {
            case HELP -> {
                // sqlite3 prints its usage and exits with 1, as after a wrong option
                stderr.print(ShellOptions.HELP);
                return 1;
            }
            case VERSION -> {
                PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
                out.println(SQLITE_VERSION + " (Turso for Java " + version() + ")");
                return 0;
            }
            case RUN -> { }
        }
        OutputStream out = new BufferedOutputStream(stdout);
        boolean prompt = (options.interactive() == null ? interactive : options.interactive()) && options.sql().isEmpty();
        try (Shell shell = new Shell(options, out, stderr)) {
            if (!shell.open(options.database(), options.readOnly())) {
                return 1;
            }
            return runAll(shell, options, stdin, stderr, prompt);
        } catch (TursoException | IOException e) {
            stderr.println("Error: " + e.getMessage());
            return 1;
        } finally {
            try {
                out.flush();
            } catch (IOException ignored) {
                // stdout is gone (a closed pipe): nothing left to tell anyone
            }
        }
    }

    /** -cmd commands, then the SQL arguments or else standard input; the exit status. */
    private static int runAll(Shell shell, ShellOptions options, InputStream stdin, PrintStream stderr,
            boolean prompt) throws IOException {
        for (String command : options.commands()) {
            Shell.Outcome outcome = shell.runArgument(command);
            if (shell.exitCode() >= 0) {
                return shell.exitCode();
            }
            if (outcome != Shell.Outcome.OK && shell.bail()) {
                return outcome == Shell.Outcome.EXIT ? 0 : command.startsWith(".") ? 1 : shell.lastError();
            }
        }
        if (!options.sql().isEmpty()) {
            for (String sql : options.sql()) {
                Shell.Outcome outcome = shell.runArgument(sql);
                if (shell.exitCode() >= 0) {
                    return shell.exitCode();
                }
                switch (outcome) {
                    case EXIT -> {
                        return 0;
                    }
                    case ERROR -> {
                        return sql.startsWith(".") ? 1 : shell.lastError();
                    }
                    case OK -> { }
                }
            }
            return 0;
        }
        int errors;
        if (prompt) {
            errors = InteractiveShell.run(shell, options, version(), stderr);
        } else {
            try (InputLines lines = new InputLines(stdin)) {
                errors = shell.processInput(continuation -> lines.next(), false);
            }
        }
        if (shell.exitCode() >= 0) {
            return shell.exitCode();
        }
        return errors > 0 ? 1 : 0;
    }

    static String version() {
        return Main.class.getModule().getDescriptor() == null
                ? "dev"
                : Main.class.getModule().getDescriptor().rawVersion().orElse("dev");
    }
}
