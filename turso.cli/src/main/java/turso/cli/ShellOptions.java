/*
 * The command line of the turso shell, sqlite3's: `turso [OPTIONS] [FILENAME [SQL...]]`.
 * Parsing only; Shell does the work. Options are accepted before and after
 * FILENAME, as sqlite3 accepts them, and output options apply in the order
 * given ("-separator ; -csv" ends with ",", as in sqlite3). "-batch" and
 * "-interactive" override whether standard input is taken for a terminal
 * (interactive is null when neither is given).
 */
package turso.cli;

import java.util.ArrayList;
import java.util.List;
import turso.cli.output.OutputSettings;

record ShellOptions(String database, List<String> sql, List<String> commands, boolean bail, boolean echo,
        OutputSettings output, boolean readOnly, String vfs, Action action, Boolean interactive) {

    /** What the shell is asked to do besides running SQL. */
    enum Action { RUN, HELP, VERSION }

    /**
     * A command line the shell cannot run; the message is printed as sqlite3
     * prints it, followed by a pointer to -help after an unknown option only.
     */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean pointToHelp;

        UsageException(String message, boolean pointToHelp) {
            super(message);
            this.pointToHelp = pointToHelp;
        }

        boolean pointToHelp() {
            return pointToHelp;
        }
    }

    static final String HELP = """
            Usage: turso [OPTIONS] FILENAME [SQL]
            FILENAME is the name of an SQLite database. A new database is created
            if the file does not previously exist. Without FILENAME, or with
            :memory:, the database is a transient in-memory one.
            OPTIONS include:
               -ascii               set output mode to 'ascii'
               -bail                stop after hitting an error
               -batch               force batch I/O
               -box                 set output mode to 'box'
               -column              set output mode to 'column'
               -cmd COMMAND         run "COMMAND" before reading stdin
               -csv                 set output mode to 'csv'
               -echo                print inputs before execution
               -[no]header          turn headers on or off
               -help                show this message
               -html                set output mode to HTML
               -interactive         force interactive I/O
               -json                set output mode to 'json'
               -line                set output mode to 'line'
               -list                set output mode to 'list'
               -markdown            set output mode to 'markdown'
               -newline SEP         set output row separator. Default: '\\n'
               -nullvalue TEXT      set text string for NULL values. Default ''
               -quote               set output mode to 'quote'
               -readonly            open the database read-only
               -separator SEP       set output column separator. Default: '|'
               -table               set output mode to 'table'
               -tabs                set output mode to 'tabs'
               -version             show the version
               -vfs NAME            use NAME as the VFS (see turso.api.spi.Vfs)
            """;

    static ShellOptions parse(String[] args) throws UsageException {
        String database = null;
        List<String> sql = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        boolean bail = false;
        boolean echo = false;
        Boolean interactive = null;
        OutputSettings output = new OutputSettings();
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
                case "-echo" -> echo = true;
                case "-batch" -> interactive = false;
                case "-interactive" -> interactive = true;
                case "-header" -> output.setHeader(true);
                case "-noheader" -> output.setHeader(false);
                case "-readonly" -> readOnly = true;
                case "-help" -> action = Action.HELP;
                case "-version" -> action = Action.VERSION;
                case "-cmd" -> commands.add(value(args, ++i, arg));
                case "-separator" -> output.setColumnSeparator(value(args, ++i, arg));
                case "-newline" -> output.setRowSeparator(value(args, ++i, arg));
                case "-nullvalue" -> output.setNullValue(value(args, ++i, arg));
                case "-vfs" -> vfs = value(args, ++i, arg);
                default -> {
                    if (!output.commandLineMode(option)) {
                        throw new UsageException("unknown option: " + option, true);
                    }
                }
            }
        }
        return new ShellOptions(database, sql, commands, bail, echo, output, readOnly, vfs, action,
                interactive);
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length) {
            throw new UsageException("missing argument to " + option, false);
        }
        return args[i];
    }
}
