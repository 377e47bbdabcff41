/*
 * ".dump ?OPTIONS? ?PATTERN ...?": the database as SQL that rebuilds it, as
 * sqlite3 3.40 writes it: "PRAGMA foreign_keys=OFF;", "BEGIN TRANSACTION;",
 * each table's CREATE statement (SchemaText) followed by its rows as insert
 * mode writes them (no column list), sqlite_sequence last ("DELETE FROM
 * sqlite_sequence;" then its rows), then indexes, triggers and views, then
 * "COMMIT;". Patterns are LIKE patterns on object names; --data-only leaves
 * out everything but the INSERTs, --nosys the sqlite_ tables, --newlines
 * writes line breaks in strings as they are, --preserve-rowids writes each
 * row's rowid under a column list ("INSERT INTO t(rowid,a,b) VALUES(...)")
 * when the table has a rowid that is not an INTEGER PRIMARY KEY column.
 */
package turso.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import turso.api.Connection;
import turso.api.Statement;
import turso.api.TursoException;
import turso.cli.output.ModeCommand;
import turso.cli.output.OutputSettings;
import turso.cli.output.ResultPrinter;
import turso.cli.output.SqlLiterals;
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
        boolean preserveRowids = false;
        List<String> patterns = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("-")) {
                String option = arg.startsWith("--") ? arg.substring(2) : arg.substring(1);
                switch (option) {
                    case "data-only" -> dataOnly = true;
                    case "nosys" -> noSystem = true;
                    case "newlines" -> newlines = true;
                    case "preserve-rowids" -> preserveRowids = true;
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
            errors |= !dumpTable(shell, table, dataOnly, noSystem, newlines, preserveRowids);
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
            boolean newlines, boolean preserveRowids) throws IOException {
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
        String select = "SELECT * FROM " + quoted;
        if (preserveRowids) {
            try {
                List<String> columns = new ArrayList<>();
                String rowid = rowidName(shell.connection(), quoted, columns);
                if (rowid != null) {
                    insert.setInsertColumns(name, rowid, columns);
                    select = "SELECT " + rowid + "," + String.join(",",
                            columns.stream().map(SqlLiterals::quotedName).toList()) + " FROM " + quoted;
                }
            } catch (TursoException e) {
                return false;
            }
        }
        try (Statement rows = shell.connection().prepare(select)) {
            ResultPrinter.print(new StatementRowSource(rows), insert, shell.out());
            return true;
        } catch (TursoException e) {
            return false;
        }
    }

    /**
     * The name under which table {@code quoted}'s rowid can be selected ("rowid",
     * "_rowid_" or "oid", the first that is not a column's name), or null
     * when the rowid needs no preserving: it is an INTEGER PRIMARY KEY
     * column, or every name is taken. Fills {@code columns} with the
     * table's column names.
     */
    static String rowidName(Connection connection, String quoted, List<String> columns) {
        int primaryKeys = 0;
        boolean integerKey = false;
        try (Statement info = connection.prepare("PRAGMA table_info(" + quoted + ")")) {
            while (info.step()) {
                columns.add(info.columnText(1));
                if (info.columnLong(5) != 0) {
                    primaryKeys++;
                    integerKey = primaryKeys == 1 && "INTEGER".equalsIgnoreCase(info.columnText(2));
                }
            }
        }
        if (integerKey && !hasPrimaryKeyIndex(connection, quoted)) {
            return null;
        }
        for (String candidate : List.of("rowid", "_rowid_", "oid")) {
            if (columns.stream().noneMatch(candidate::equalsIgnoreCase)) {
                return candidate;
            }
        }
        return null;
    }

    /** An INTEGER PRIMARY KEY with an index of its own (DESC) is not the rowid. */
    private static boolean hasPrimaryKeyIndex(Connection connection, String quoted) {
        try (Statement list = connection.prepare("PRAGMA index_list(" + quoted + ")")) {
            while (list.step()) {
                if ("pk".equals(list.columnText(3))) {
                    return true;
                }
            }
        }
        return false;
    }
}
