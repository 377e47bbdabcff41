/*
 * The shell's state and its input loop, as sqlite3 3.40 runs them: input is
 * read a line at a time; a line starting with "." (when no SQL is pending) is
 * a dot command (CommandDispatcher), other lines accumulate until they make a
 * complete statement (the parser's SqlScript, sqlite3_complete's
 * counterpart), which then runs (SqlRunner). Errors are counted; with bail
 * on, the first one ends a script. The state here is what the dot commands
 * change: the open database, output settings and destination, and the
 * .bail/.echo/.changes/.timer/.eqp/.explain switches.
 */
package turso.cli;

import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import turso.api.Connection;
import turso.api.Database;
import turso.api.OpenOptions;
import turso.api.TursoException;
import turso.cli.output.OutputSettings;
import turso.parser.SqlScript;

final class Shell implements AutoCloseable {

    /** What a dot command asks of the input loop. */
    enum Outcome { OK, ERROR, EXIT }

    /** The ".eqp" settings, in sqlite3's order. */
    enum Eqp { OFF, ON, FULL, TRIGGER }

    /** Thrown by a LineSource when the user cancels the line being typed (Ctrl-C at the prompt). */
    static final class InputCancelled extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** Reads input a line at a time (without its line break); null at the end. */
    interface LineSource {
        String readLine(boolean continuation) throws IOException;
    }

    private final OutputSettings settings;
    private final OutputStream stdout;
    private final PrintStream err;
    private final String vfs;
    private OutputStream out;
    private String outputName = "stdout";
    private int onceCountdown;
    private Database database;
    private Connection connection;
    /** The name the database was opened by, as ".show" shows it (kept after a failed ".open", as in sqlite3). */
    private String filename;
    private boolean readOnly;
    private boolean bail;
    private boolean echo;
    private boolean countChanges;
    private boolean timer;
    private Eqp eqp = Eqp.OFF;
    private boolean explainOn;
    private boolean autoExplain = true;
    private final Parameters parameters = new Parameters();
    private final SqlRunner runner;
    /** The primary result code of the last statement that failed. */
    private int lastError;
    /** The code given to ".exit N" (N not 0), or -1: the program ends with it, even inside ".read". */
    private int exitCode = -1;

    Shell(ShellOptions options, OutputStream stdout, PrintStream err) {
        this.settings = options.output();
        this.stdout = stdout;
        this.out = stdout;
        this.err = err;
        this.vfs = options.vfs();
        this.bail = options.bail();
        this.echo = options.echo();
        this.runner = new SqlRunner(this);
    }

    /**
     * Opens {@code path} (":memory:" when null) as the current database,
     * closing the one open before; on failure, reports it and keeps nothing open.
     */
    boolean open(String path, boolean readOnly) {
        closeDatabase();
        String name = path == null ? Database.MEMORY : path;
        try {
            database = Database.open(name, OpenOptions.defaults().withReadOnly(readOnly).withVfs(vfs));
            connection = database.connect();
            filename = name;
            this.readOnly = readOnly;
            return true;
        } catch (TursoException e) {
            closeDatabase();
            err.println("Error: unable to open database \"" + name + "\": " + e.getMessage());
            return false;
        }
    }

    private void closeDatabase() {
        try {
            if (connection != null) {
                connection.close();
            }
            if (database != null) {
                database.close();
            }
        } catch (TursoException e) {
            err.println("Error: " + e.getMessage());
        }
        connection = null;
        database = null;
    }

    /**
     * Runs an -cmd command or an SQL argument: a dot command if it starts
     * with ".", else SQL whose errors read "Error: in prepare, ...".
     */
    Outcome runArgument(String text) throws IOException {
        if (text.startsWith(".")) {
            return runDotCommand(text);
        }
        return runner.run(text, 0, SqlRunner.Context.ARGUMENT) ? Outcome.OK : Outcome.ERROR;
    }

    /**
     * The input loop of sqlite3 (process_input): reads {@code input} to its
     * end, ".quit"/".exit", or the first error when bail is on (and input is
     * not interactive).
     *
     * @return the number of errors
     */
    int processInput(LineSource input, boolean fromUser) throws IOException {
        StringBuilder sql = new StringBuilder();
        int startLine = 0;
        int lineNumber = 0;
        int errors = 0;
        SqlRunner.Context context = fromUser ? SqlRunner.Context.INTERACTIVE : SqlRunner.Context.SCRIPT;
        while ((errors == 0 || !bail || fromUser) && exitCode < 0) {
            flush();
            String line;
            try {
                line = input.readLine(!sql.isEmpty());
            } catch (InputCancelled e) {
                sql.setLength(0);
                continue;
            }
            if (line == null) {
                break;
            }
            lineNumber++;
            if (isCommandTerminator(line) && SqlScript.isComplete(sql + ";")) {
                line = ";";
            }
            if (sql.isEmpty() && isPlainWhite(line)) {
                echo(line);
                continue;
            }
            if (sql.isEmpty() && (line.startsWith(".") || line.startsWith("#"))) {
                echo(line);
                if (line.startsWith(".")) {
                    Outcome outcome = runDotCommand(line);
                    if (outcome == Outcome.EXIT) {
                        return errors;
                    }
                    if (outcome == Outcome.ERROR) {
                        errors++;
                    }
                }
                continue;
            }
            if (sql.isEmpty()) {
                sql.append(line.stripLeading());
                startLine = lineNumber;
            } else {
                sql.append('\n').append(line);
            }
            String text = sql.toString();
            if (SqlScript.isComplete(text)) {
                echo(text);
                if (!runner.run(text, startLine, context)) {
                    errors++;
                }
                sql.setLength(0);
            } else if (isPlainWhite(text)) {
                echo(text);
                sql.setLength(0);
            }
        }
        if (!sql.isEmpty() && exitCode < 0 && (errors == 0 || !bail || fromUser)) {
            echo(sql.toString());
            if (!runner.run(sql.toString(), startLine, context)) {
                errors++;
            }
        }
        return errors;
    }

    /** ".read FILE": the file's lines through the same loop; its errors say "near line N" of the file. */
    int readFile(Path file) throws IOException {
        try (InputLines lines = new InputLines(Files.newInputStream(file))) {
            return processInput(continuation -> lines.next(), false);
        }
    }

    /** Runs one dot-command line; ends a ".once" redirection when it has served its command. */
    Outcome runDotCommand(String line) throws IOException {
        Outcome outcome;
        try {
            outcome = CommandDispatcher.run(this, CommandWords.split(line));
        } catch (TursoException e) {
            err.println("Error: " + e.getMessage());
            outcome = Outcome.ERROR;
        }
        if (onceCountdown > 0 && --onceCountdown == 0) {
            resetOutput();
        }
        return outcome;
    }

    /** After an SQL statement, a ".once" redirection ends. */
    void statementDone() throws IOException {
        if (onceCountdown > 0) {
            onceCountdown = 0;
            resetOutput();
        }
    }

    private void echo(String text) throws IOException {
        if (echo) {
            print(text + "\n");
        }
    }

    /**
     * Whether {@code text}, typed at the prompt with nothing pending, is
     * input the loop acts on at once: a dot command or "#" line, white space
     * and comments, or SQL that ends a statement (with ";", or a last line
     * "go" or "/").
     */
    static boolean isCompleteInput(String text) {
        if (text.startsWith(".") || text.startsWith("#") || isPlainWhite(text) || SqlScript.isComplete(text)) {
            return true;
        }
        int lastLine = text.lastIndexOf('\n');
        return lastLine >= 0 && isCommandTerminator(text.substring(lastLine + 1))
                && SqlScript.isComplete(text.substring(0, lastLine) + ";");
    }

    /** A line that is only white space and comments (sqlite3 skips it when no SQL is pending). */
    private static boolean isPlainWhite(String text) {
        return SqlScript.split(text).isEmpty();
    }

    /** sqlite3 accepts a line holding only "/" or "go" as the end of a statement. */
    private static boolean isCommandTerminator(String line) {
        String word = line.strip();
        return word.equals("/") || word.equalsIgnoreCase("go");
    }

    // ---- output

    void print(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    void flush() throws IOException {
        out.flush();
    }

    OutputStream out() {
        return out;
    }

    /** Standard output itself, whatever ".output" says (where ".system" commands write). */
    OutputStream stdout() {
        return stdout;
    }

    PrintStream err() {
        return err;
    }

    /**
     * ".output FILE" / ".once FILE": later output goes to {@code file}, to a
     * command's input if it starts with "|", or to standard error for "stderr".
     */
    void redirect(String file, boolean once, boolean bom) throws IOException {
        resetOutput();
        OutputStream target;
        if (file.startsWith("|")) {
            target = new PipeOutput(file.substring(1), stdout, err);
        } else if (file.equals("stderr")) {
            target = new FilterOutputStream(err) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            };
        } else {
            try {
                target = new FileOutputStream(file);
            } catch (IOException e) {
                err.print("Error: cannot open \"" + file + "\"\nError: cannot write to \"" + file + "\"\n");
                throw new CommandFailed();
            }
        }
        if (bom) {
            target.write(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
        }
        out = target;
        outputName = file;
        onceCountdown = once ? 2 : 0;
    }

    /** Output back to standard output. */
    void resetOutput() throws IOException {
        if (out != stdout) {
            out.close();
            out = stdout;
            outputName = "stdout";
        }
        onceCountdown = 0;
    }

    /** A dot command's failure already reported on stderr. */
    static final class CommandFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CommandFailed() {
            super(null, null, false, false);
        }
    }

    // ---- state the commands read and change

    Connection connection() {
        if (connection == null) {
            throw new TursoException(turso.api.ResultCode.MISUSE, "no database is open");
        }
        return connection;
    }

    /** The connection if a database is open (the interactive shell's Ctrl-C handler interrupts it). */
    Connection connectionIfOpen() {
        return connection;
    }

    String filename() {
        return filename;
    }

    void setFilename(String name) {
        filename = name;
    }

    /** The path of the open database file, or ":memory:". */
    String databasePath() {
        return database == null ? Database.MEMORY : database.path();
    }

    boolean readOnly() {
        return readOnly;
    }

    OutputSettings settings() {
        return settings;
    }

    Parameters parameters() {
        return parameters;
    }

    String outputName() {
        return outputName;
    }

    boolean bail() {
        return bail;
    }

    void setBail(boolean on) {
        bail = on;
    }

    boolean echo() {
        return echo;
    }

    void setEcho(boolean on) {
        echo = on;
    }

    boolean countChanges() {
        return countChanges;
    }

    void setCountChanges(boolean on) {
        countChanges = on;
    }

    boolean timer() {
        return timer;
    }

    void setTimer(boolean on) {
        timer = on;
    }

    Eqp eqp() {
        return eqp;
    }

    void setEqp(Eqp value) {
        eqp = value;
    }

    boolean explainOn() {
        return explainOn;
    }

    boolean autoExplain() {
        return autoExplain;
    }

    void setExplain(boolean on, boolean auto) {
        explainOn = on;
        autoExplain = auto;
    }

    int lastError() {
        return lastError;
    }

    void setLastError(int code) {
        lastError = code;
    }

    int exitCode() {
        return exitCode;
    }

    void setExitCode(int code) {
        exitCode = code;
    }

    @Override
    public void close() throws IOException {
        try {
            resetOutput();
        } finally {
            closeDatabase();
        }
    }
}
