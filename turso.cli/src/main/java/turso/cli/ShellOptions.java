/*
 * The command line of the turso shell, sqlite3's: `turso [OPTIONS] [FILENAME [SQL...]]`.
 * Parsing only; Shell does the work. Options are accepted before and after
 * FILENAME, as sqlite3 accepts them.
 */
package turso.cli;

import java.util.ArrayList;
import java.util.List;

record ShellOptions(String database, List<String> sql, List<String> commands, boolean bail, boolean header,
        String separator, String newline, String nullValue, boolean readOnly, String vfs, Action action) {

    /** What the shell is asked to do besides running SQL. */
    enum Action { RUN, HELP, VERSION }

    /** A command line the shell cannot run; the message is printed as sqlite3 prints it. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static final String HELP = """
            Usage: turso [OPTIONS] FILENAME [SQL]
            FILENAME is the name of an SQLite database. A new database is created
            if the file does not previously exist. Without FILENAME, or with
            :memory:, the database is a transient in-memory one.
            OPTIONS include:
               -bail                stop after hitting an error
               -batch               force batch I/O
               -cmd COMMAND         run "COMMAND" before reading stdin
               -[no]header          turn headers on or off
               -help                show this message
               -list                set output mode to 'list'
               -newline SEP         set output row separator. Default: '\\n'
               -nullvalue TEXT      set text string for NULL values. Default ''
               -readonly            open the database read-only
               -separator SEP       set output column separator. Default: '|'
               -version             show the version
               -vfs NAME            use NAME as the VFS (see turso.api.spi.Vfs)
            """;

    static ShellOptions parse(String[] args) throws UsageException {
        String database = null;
        List<String> sql = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        boolean bail = false;
        boolean header = false;
        String separator = "|";
        String newline = "\n";
        String nullValue = "";
        boolean readOnly = false;
        String vfs = null;
        Action action = Action.RUN;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-") || arg.equals("-")) {
                if (database == null) {
                    database = arg;
                } else {
                    sql.add(arg);
                }
                continue;
            }
            String option = arg.startsWith("--") ? arg.substring(1) : arg;
            switch (option) {
                case "-bail" -> bail = true;
                case "-batch", "-list" -> { }
                case "-header" -> header = true;
                case "-noheader" -> header = false;
                case "-readonly" -> readOnly = true;
                case "-help" -> action = Action.HELP;
                case "-version" -> action = Action.VERSION;
                case "-cmd" -> commands.add(value(args, ++i, arg));
                case "-separator" -> separator = value(args, ++i, arg);
                case "-newline" -> newline = value(args, ++i, arg);
                case "-nullvalue" -> nullValue = value(args, ++i, arg);
                case "-vfs" -> vfs = value(args, ++i, arg);
                default -> throw new UsageException("unknown option: " + arg);
            }
        }
        return new ShellOptions(database, sql, commands, bail, header, separator, newline, nullValue, readOnly,
                vfs, action);
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length) {
            throw new UsageException("missing argument to " + option);
        }
        return args[i];
    }
}
