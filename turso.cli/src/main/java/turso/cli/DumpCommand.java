/*
 * ".dump ?OPTIONS? ?PATTERN ...?": the database as SQL that rebuilds it, as
 * sqlite3 3.40 writes it: "PRAGMA foreign_keys=OFF;", "BEGIN TRANSACTION;",
 * each table's CREATE statement (SchemaText) followed by its rows as insert
 * mode writes them (no column list), sqlite_sequence last ("DELETE FROM
 * sqlite_sequence;" then its rows), then indexes, triggers and views, then
 * "COMMIT;". Patterns are LIKE patterns on object names; --data-only leaves
 * out everything but the INSERTs, --nosys the sqlite_ tables, --newlines
 * writes line breaks in strings as they are.
 */
package turso.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import turso.api.Statement;
import turso.api.TursoException;
import turso.cli.output.ModeCommand;
import turso.cli.output.OutputSettings;
import turso.cli.output.ResultPrinter;
import turso.cli.output.StatementRowSource;

final class DumpCommand {

    private record SchemaRow(String name, String type, String sql) {
    }

    private DumpCommand() {
    }

    static void run(Shell shell, List<String> args) throws IOException {
        boolean dataOnly = false;
        boolean noSystem = false;
        boolean newlines = false;
        List<String> patterns = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("-")) {
                String option = arg.startsWith("--") ? arg.substring(2) : arg.substring(1);
                switch (option) {
                    case "data-only" -> dataOnly = true;
                    case "nosys" -> noSystem = true;
                    case "newlines" -> newlines = true;
                    default -> {
                        shell.err().print("Unknown option \"" + arg + "\" on \".dump\"\n");
                        throw new Shell.CommandFailed();
                    }
                }
            } else {
                patterns.add(arg);
            }
        }
        String filter = patterns.isEmpty() ? "true" : String.join(" OR ",
                patterns.stream().map(p -> "name LIKE ? ESCAPE '\\'").toList());
        if (!dataOnly) {
            shell.print("PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\n");
        }
        boolean errors = false;
        List<SchemaRow> tables = new ArrayList<>();
        try (Statement statement = shell.connection().prepare("SELECT name, type, sql FROM sqlite_schema AS o WHERE ("
                + filter + ") AND type=='table' AND sql NOT NULL ORDER BY tbl_name='sqlite_sequence', rowid")) {
            bindPatterns(statement, patterns);
            while (statement.step()) {
                tables.add(new SchemaRow(statement.columnText(0), statement.columnText(1), statement.columnText(2)));
            }
        }
        for (SchemaRow table : tables) {
            errors |= !dumpTable(shell, table, dataOnly, noSystem, newlines);
        }
        if (!dataOnly) {
            StringBuilder out = new StringBuilder();
            try (Statement statement = shell.connection().prepare("SELECT sql FROM sqlite_schema AS o WHERE ("
                    + filter + ") AND sql NOT NULL AND type IN ('index','trigger','view')")) {
                bindPatterns(statement, patterns);
                while (statement.step()) {
                    String sql = statement.columnText(0);
                    out.append(sql).append(sql.contains("--") ? "\n;\n" : ";\n");
                }
            }
            shell.print(out.toString());
            shell.print(errors ? "ROLLBACK; -- due to errors\n" : "COMMIT;\n");
        }
    }

    private static void bindPatterns(Statement statement, List<String> patterns) {
        for (int i = 0; i < patterns.size(); i++) {
            statement.bindText(i + 1, patterns.get(i));
        }
    }

    /** One table: its CREATE statement (unless data only) and its rows; false if reading it failed. */
    private static boolean dumpTable(Shell shell, SchemaRow table, boolean dataOnly, boolean noSystem,
            boolean newlines) throws IOException {
        String name = table.name();
        if (name.equals("sqlite_sequence") && !noSystem) {
            if (!dataOnly) {
                shell.print("DELETE FROM sqlite_sequence;\n");
            }
        } else if (name.matches("sqlite_stat.") && !noSystem) {
            if (!dataOnly) {
                shell.print("ANALYZE sqlite_schema;\n");
            }
        } else if (name.startsWith("sqlite_")) {
            return true;
        } else if (!dataOnly) {
            shell.print(SchemaText.line(table.sql(), ";\n"));
        }
        if (!table.type().equals("table")) {
            return true;
        }
        OutputSettings insert = new OutputSettings();
        ModeCommand.run(insert, List.of("insert", name), new StringBuilder(), new StringBuilder());
        insert.setRawNewlines(newlines);
        String quoted = "\"" + name.replace("\"", "\"\"") + "\"";
        try (Statement rows = shell.connection().prepare("SELECT * FROM " + quoted)) {
            ResultPrinter.print(new StatementRowSource(rows), insert, shell.out());
            return true;
        } catch (TursoException e) {
            return false;
        }
    }
}
