/*
 * ".import ?OPTIONS? FILE TABLE" as sqlite3 3.40 runs it: fields read by
 * ImportReader with the separators of --csv (",", "\n"), --ascii (0x1F,
 * 0x1E) or else the output mode's (one byte each; csv mode's "\r\n" row
 * separator read as "\n"); --skip N rows first; --schema S for S.TABLE;
 * -v prints the CREATE TABLE it runs and a count at the end; a missing table created with
 * the first row as its column names (all TEXT, duplicates renamed, "?" for
 * an empty name); then one INSERT per row in a
 * single transaction, short rows filled with NULL and long rows cut, each
 * reported as "FILE:LINE: expected N columns but found M - ...".
 */
package turso.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import turso.api.Connection;
import turso.api.Statement;
import turso.api.TursoException;
import turso.cli.output.OutputMode;
import turso.cli.output.OutputSettings;
import turso.cli.output.ShellValues;

final class ImportCommand {

    private static final int COLUMNS_PER_LINE = 4;

    private ImportCommand() {
    }

    static void run(Shell shell, List<String> args) throws IOException {
        String file = null;
        String table = null;
        String schema = null;
        long skip = 0;
        int verbose = 0;
        String separators = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String option = arg.startsWith("--") ? arg.substring(1) : arg;
            if (option.equals("-skip") && i + 1 < args.size()) {
                skip = ShellValues.integerValue(args.get(++i));
            } else if (option.equals("-schema") && i + 1 < args.size()) {
                schema = args.get(++i);
            } else if (option.equals("-ascii")) {
                separators = "ascii";
            } else if (option.equals("-csv")) {
                separators = "csv";
            } else if (option.equals("-v")) {
                verbose++;
            } else if (arg.startsWith("-")) {
                throw usage(shell, "ERROR: unknown option: \"" + option + "\".  Usage:\n");
            } else if (file == null) {
                file = arg;
            } else if (table == null) {
                table = arg;
            } else {
                throw usage(shell, "ERROR: extra argument: \"" + arg + "\".  Usage:\n");
            }
        }
        if (table == null) {
            throw usage(shell, "ERROR: missing " + (file == null ? "FILE" : "TABLE") + " argument. Usage:\n");
        }
        OutputSettings settings = shell.settings();
        byte columnSeparator;
        byte rowSeparator;
        if ("ascii".equals(separators)) {
            columnSeparator = 0x1f;
            rowSeparator = 0x1e;
        } else if ("csv".equals(separators)) {
            columnSeparator = ',';
            rowSeparator = '\n';
        } else {
            byte[] column = settings.columnSeparator().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] row = settings.rowSeparator().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (column.length == 0) {
                throw fail(shell, "Error: non-null column separator required for import\n");
            }
            if (column.length > 1) {
                throw fail(shell, "Error: multi-character column separators not allowed for import\n");
            }
            if (row.length == 0) {
                throw fail(shell, "Error: non-null row separator required for import\n");
            }
            if (row.length == 2 && settings.mode() == OutputMode.CSV && row[0] == '\r' && row[1] == '\n') {
                // sqlite3 changes the setting itself: later csv output ends rows with "\n" too
                settings.setRowSeparator("\n");
                row = new byte[] {'\n'};
            }
            if (row.length > 1) {
                throw fail(shell, "Error: multi-character row separators not allowed for import\n");
            }
            columnSeparator = column[0];
            rowSeparator = row[0];
        }
        boolean csv = !"ascii".equals(separators);
        InputStream in;
        try {
            in = file.startsWith("|")
                    ? new ProcessBuilder("sh", "-c", file.substring(1)).start().getInputStream()
                    : Files.newInputStream(Path.of(file));
        } catch (IOException | RuntimeException e) {
            throw fail(shell, "Error: cannot open \"" + file + "\"\n");
        }
        long total = -1;
        if (!file.startsWith("|")) {
            try {
                total = Files.size(Path.of(file));
            } catch (IOException | RuntimeException e) {
                total = -1;
            }
        }
        try (ImportProgress progress = ImportProgress.over(in, total, shell.err(),
                ImportProgress.stderrIsTerminal(shell.err()));
             ImportReader reader = new ImportReader(progress.input(), file, columnSeparator, rowSeparator, csv,
                     shell.err())) {
            load(shell, reader, fullName(schema, table), skip, verbose, progress);
        }
    }

    /** The target as sqlite3 names it in the SQL it runs: {@code "S"."TABLE"} or {@code "TABLE"}. */
    private static String fullName(String schema, String table) {
        String quoted = "\"" + table.replace("\"", "\"\"") + "\"";
        return schema == null ? quoted : "\"" + schema.replace("\"", "\"\"") + "\"." + quoted;
    }

    private static void load(Shell shell, ImportReader reader, String quoted, long skip, int verbose,
            ImportProgress progress)
            throws IOException {
        for (long i = 0; i < skip; i++) {
            while (reader.next() != null && reader.endedColumn()) {
                // the rest of a skipped row
            }
        }
        Connection connection = shell.connection();
        int columns;
        try {
            columns = columnCount(connection, quoted);
        } catch (TursoException e) {
            if (!e.getMessage().startsWith("no such table: ")) {
                throw fail(shell, "Error: " + e.getMessage() + "\n");
            }
            List<String> names = new ArrayList<>();
            for (String name = reader.next(); name != null; name = reader.next()) {
                names.add(name.isEmpty() ? "?" : name);
                if (!reader.endedColumn()) {
                    break;
                }
            }
            if (names.isEmpty()) {
                throw fail(shell, reader.name() + ": empty file\n");
            }
            String create = "CREATE TABLE " + quoted + "(\n" + columnDefinitions(shell, reader.name(), names) + ")\n";
            if (verbose > 0) {
                shell.print(create + "\n");
            }
            try {
                connection.execute(create);
                columns = columnCount(connection, quoted);
            } catch (TursoException failure) {
                throw fail(shell, create + " failed:\n" + failure.getMessage() + "\n");
            }
        }
        if (columns == 0) {
            return;
        }
        String insert = "INSERT INTO " + quoted + " VALUES(?" + ",?".repeat(columns - 1) + ")";
        int rows = 0;
        int errors = 0;
        boolean commit = connection.autoCommit();
        try (Statement statement = connection.prepare(insert)) {
            if (commit) {
                connection.execute("BEGIN");
            }
            do {
                int startLine = reader.line();
                int i;
                for (i = 0; i < columns; i++) {
                    String value = reader.next();
                    if (value == null && i == 0) {
                        break;
                    }
                    if (shell.settings().mode() == OutputMode.ASCII && (value == null || value.isEmpty()) && i == 0) {
                        break;
                    }
                    if (value == null) {
                        statement.bindNull(i + 1);
                    } else {
                        statement.bindText(i + 1, value);
                    }
                    if (i < columns - 1 && !reader.endedColumn()) {
                        shell.err().print(reader.name() + ":" + startLine + ": expected " + columns
                                + " columns but found " + (i + 1) + " - filling the rest with NULL\n");
                        i += 2;
                        while (i <= columns) {
                            statement.bindNull(i);
                            i++;
                        }
                    }
                }
                if (reader.endedColumn()) {
                    do {
                        reader.next();
                        i++;
                    } while (reader.endedColumn());
                    shell.err().print(reader.name() + ":" + startLine + ": expected " + columns
                            + " columns but found " + i + " - extras ignored\n");
                }
                if (i >= columns) {
                    try {
                        while (statement.step()) {
                            // an INSERT returns no rows
                        }
                        rows++;
                        progress.row(rows);
                    } catch (TursoException e) {
                        shell.err().print(reader.name() + ":" + startLine + ": INSERT failed: " + e.getMessage() + "\n");
                        errors++;
                    }
                    statement.reset();
                }
            } while (reader.terminator() >= 0);
        } finally {
            if (commit && !connection.autoCommit()) {
                connection.execute("COMMIT");
            }
        }
        if (verbose > 0) {
            shell.print("Added " + rows + " rows with " + errors + " errors using " + (reader.line() - 1)
                    + " lines of input\n");
        }
    }

    /**
     * The new table's columns as sqlite3 writes them: each name quoted, TEXT,
     * four to a line; a name used more than once (ignoring case) gets its
     * position as a suffix ("a_1", "a_3"), and the renaming is reported.
     */
    private static String columnDefinitions(Shell shell, String file, List<String> names) {
        Map<String, Integer> uses = new HashMap<>();
        for (String name : names) {
            uses.merge(name.toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
        StringBuilder columns = new StringBuilder();
        List<String> renamed = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (uses.get(name.toLowerCase(Locale.ROOT)) > 1) {
                String unique = name + "_" + (i + 1);
                renamed.add("\"" + name + "\" to \"" + unique + "\"");
                name = unique;
            }
            if (i > 0) {
                columns.append(i % COLUMNS_PER_LINE == 0 ? ",\n " : ", ");
            }
            columns.append('"').append(name.replace("\"", "\"\"")).append("\" TEXT");
        }
        if (!renamed.isEmpty()) {
            shell.err().print("Columns renamed during .import " + file + " due to duplicates:\n"
                    + String.join(",\n", renamed) + "\n");
        }
        return columns.toString();
    }

    private static int columnCount(Connection connection, String quotedTable) {
        try (Statement statement = connection.prepare("SELECT * FROM " + quotedTable)) {
            return statement.columnCount();
        }
    }

    /** Prints {@code message} and the command's help on standard output, as sqlite3 does; the caller throws what it returns. */
    private static Shell.CommandFailed usage(Shell shell, String message) throws IOException {
        shell.print(message);
        HelpText.printEntry(shell, "import");
        return new Shell.CommandFailed();
    }

    /** Reports {@code message}; the caller throws what it returns. */
    private static Shell.CommandFailed fail(Shell shell, String message) {
        shell.err().print(message);
        return new Shell.CommandFailed();
    }
}
