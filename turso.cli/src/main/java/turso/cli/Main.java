/*
 * The turso shell's entry point (`./turso`, module turso.cli): parses the
 * command line, opens the database through turso.api, runs -cmd commands, the
 * SQL arguments, or else the SQL read from standard input. Exit status as
 * sqlite3's: a failing SQL argument's result code, 1 after an error in a
 * script, 0 otherwise. No Java stack trace reaches the
 * user; an unexpected failure is reported in one line.
 */
package turso.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import turso.api.Connection;
import turso.api.Database;
import turso.api.OpenOptions;
import turso.api.TursoException;

public final class Main {

    /** The SQLite release whose behaviour this engine matches. */
    static final String SQLITE_VERSION = "3.40.1";

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.console() != null));
    }

    static int run(String[] args, OutputStream stdout, PrintStream stderr, boolean interactive) {
        ShellOptions options;
        try {
            options = ShellOptions.parse(args);
        } catch (ShellOptions.UsageException e) {
            stderr.println("turso: Error: " + e.getMessage());
            stderr.println("Use -help for a list of options.");
            return 1;
        }
        switch (options.action()) {
            case HELP -> {
                stderr.print(ShellOptions.HELP);
                return 0;
            }
            case VERSION -> {
                PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
                out.println(SQLITE_VERSION + " (Turso for Java " + version() + ")");
                return 0;
            }
            case RUN -> { }
        }
        String path = options.database() == null ? Database.MEMORY : options.database();
        OpenOptions open = OpenOptions.defaults().withReadOnly(options.readOnly()).withVfs(options.vfs());
        Database db;
        try {
            db = Database.open(path, open);
        } catch (TursoException e) {
            stderr.println("Error: unable to open database \"" + path + "\": " + e.getMessage());
            return 1;
        }
        OutputStream out = new BufferedOutputStream(stdout);
        try (db; Connection connection = db.connect()) {
            Shell shell = new Shell(connection, options, out, stderr);
            return runSql(shell, options, stderr, interactive) ? 0 : options.sql().isEmpty() ? 1 : shell.lastError();
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

    /** -cmd commands, then the SQL arguments or else standard input; false if anything failed. */
    private static boolean runSql(Shell shell, ShellOptions options, PrintStream stderr, boolean interactive)
            throws IOException {
        boolean ok = true;
        for (String command : options.commands()) {
            if (!shell.run(command, Shell.Source.ARGUMENT)) {
                ok = false;
                if (options.bail()) {
                    return false;
                }
            }
        }
        if (!options.sql().isEmpty()) {
            for (String sql : options.sql()) {
                if (!shell.run(sql, Shell.Source.ARGUMENT)) {
                    return false;
                }
            }
            return ok;
        }
        if (interactive) {
            stderr.println("Turso for Java " + version() + " (SQLite " + SQLITE_VERSION + " compatible)");
            if (options.database() == null) {
                stderr.println("Connected to a transient in-memory database.");
            }
            stderr.println("Enter SQL statements, then end input with Ctrl-D.");
        }
        String script = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        return shell.run(script, Shell.Source.SCRIPT) && ok;
    }

    private static String version() {
        return Main.class.getModule().getDescriptor() == null
                ? "dev"
                : Main.class.getModule().getDescriptor().rawVersion().orElse("dev");
    }
}
