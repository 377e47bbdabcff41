/*
 * ".tables", ".indexes" and ".schema", with the queries on sqlite_schema
 * that sqlite3 3.40 runs: names laid out in as many columns as fit in 80
 * characters (filled down, then across), CREATE statements in the order they
 * were made (rowid), matched by LIKE (or GLOB when the pattern has * ? [)
 * on the lower-cased table name ("main.NAME" when the pattern has a dot);
 * a view's statement followed by a comment listing its columns. The temp
 * database (once used) and attached ones are listed after main, their
 * objects named "db.NAME" as sqlite3 names them.
 */
package turso.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import turso.api.Statement;
import turso.api.TursoException;
import turso.cli.output.SqlLiterals;

final class SchemaCommands {

    private static final int SCREEN_WIDTH = 80;

    private SchemaCommands() {
    }

    static void tables(Shell shell, List<String> args) throws IOException {
        String pattern = args.isEmpty() ? "%" : args.getFirst();
        StringBuilder query = new StringBuilder();
        for (String db : databases(shell)) {
            query.append(query.isEmpty() ? "" : " UNION ALL ")
                    .append(db.equals("main") ? "SELECT name" : "SELECT '" + db.replace("'", "''") + ".' || name")
                    .append(" FROM \"").append(db.replace("\"", "\"\"")).append("\".sqlite_schema")
                    .append(" WHERE type IN ('table','view') AND name NOT LIKE 'sqlite_%' AND name LIKE ?1");
        }
        columns(shell, names(shell, query + " ORDER BY 1", pattern));
    }

    /** The names of the connection's databases, as PRAGMA database_list gives them (main first). */
    static List<String> databases(Shell shell) {
        List<String> names = new ArrayList<>();
        try (Statement statement = shell.connection().prepare("PRAGMA database_list")) {
            while (statement.step()) {
                names.add(statement.columnText(1));
            }
        }
        return names;
    }

    static void indexes(Shell shell, List<String> args) throws IOException {
        CommandDispatcher.usageUnless(shell, args.size() <= 1, "Usage: .indexes ?LIKE-PATTERN?");
        String pattern = args.isEmpty() ? "%" : args.getFirst();
        columns(shell, names(shell, "SELECT name FROM sqlite_schema WHERE type='index' AND tbl_name LIKE ?1"
                + " ORDER BY 1", pattern));
    }

    static void schema(Shell shell, List<String> args) throws IOException {
        boolean indent = false;
        boolean noSystem = false;
        String name = null;
        for (String arg : args) {
            if (arg.equals("--indent") || arg.equals("-indent")) {
                indent = true;
            } else if (arg.equals("--nosys") || arg.equals("-nosys")) {
                noSystem = true;
            } else if (arg.startsWith("-")) {
                shell.err().print("Unknown option: \"" + arg + "\"\n");
                throw new Shell.CommandFailed();
            } else if (name == null) {
                name = arg;
            } else {
                shell.err().print("Usage: .schema ?--indent? ?--nosys? ?LIKE-PATTERN?\n");
                throw new Shell.CommandFailed();
            }
        }
        List<String> statements = new ArrayList<>();
        if (name != null && name.matches("(?i)sqlite.(temp.)?(master|schema)")) {
            statements.add("CREATE TABLE " + name + " (\n  type text,\n  name text,\n  tbl_name text,\n"
                    + "  rootpage integer,\n  sql text\n)");
        }
        for (String db : databases(shell)) {
            StringBuilder query = new StringBuilder("SELECT sql, name FROM \"" + db.replace("\"", "\"\"")
                    + "\".sqlite_schema WHERE ");
            if (name != null) {
                boolean glob = name.indexOf('*') >= 0 || name.indexOf('?') >= 0 || name.indexOf('[') >= 0;
                query.append(name.indexOf('.') >= 0 ? "lower('" + db.replace("'", "''") + ".' || tbl_name)"
                        : "lower(tbl_name)").append(glob ? " GLOB ?1" : " LIKE ?1 ESCAPE '\\'").append(" AND ");
            }
            if (noSystem) {
                query.append("name NOT LIKE 'sqlite_%' AND ");
            }
            query.append("sql IS NOT NULL ORDER BY rowid");
            try (Statement statement = shell.connection().prepare(query.toString())) {
                if (name != null) {
                    statement.bindText(1, name);
                }
                while (statement.step()) {
                    String sql = withViewColumns(shell, statement.columnText(0), statement.columnText(1));
                    statements.add(db.equals("main") ? sql : qualified(sql, db));
                }
            }
        }
        StringBuilder out = new StringBuilder();
        for (String sql : statements) {
            out.append(indent ? SchemaText.indented(sql) : SchemaText.line(sql, ";\n"));
        }
        shell.print(out.toString());
    }

    /**
     * A CREATE statement of database {@code db} other than main as sqlite3
     * shows it: the object's name qualified by the database's ("CREATE
     * TABLE temp.t(...)").
     */
    static String qualified(String sql, String db) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "(?is)^(\\s*CREATE\\s+(?:UNIQUE\\s+)?(?:TABLE|VIEW|INDEX|TRIGGER|VIRTUAL\\s+TABLE)\\s+"
                        + "(?:IF\\s+NOT\\s+EXISTS\\s+)?)").matcher(sql);
        if (!m.find()) {
            return sql;
        }
        String quoted = db.matches("[A-Za-z_][A-Za-z0-9_]*") ? db : "\"" + db.replace("\"", "\"\"") + "\"";
        return sql.substring(0, m.end()) + quoted + "." + sql.substring(m.end());
    }

    /**
     * A view's CREATE statement followed by a comment naming its columns
     * ("CREATE VIEW v AS ...\n/* v(a,b) *\/"), as sqlite3's .schema shows it;
     * other statements as they are. The names are the view's result columns
     * (what PRAGMA table_info lists for a view); a view that does not
     * compile gets no comment, as in sqlite3.
     */
    private static String withViewColumns(Shell shell, String sql, String name) {
        if (!sql.regionMatches(true, 0, "CREATE VIEW ", 0, 12)) {
            return sql;
        }
        StringBuilder fake = new StringBuilder(SqlLiterals.quotedName(name));
        String separator = "(";
        try (Statement view = shell.connection().prepare("SELECT * FROM " + SqlLiterals.quotedIdentifier(name))) {
            for (int i = 0; i < view.columnCount(); i++) {
                String column = view.columnName(i);
                fake.append(separator).append(SqlLiterals.quotedName(column == null ? "" : column));
                separator = ",";
            }
        } catch (TursoException e) {
            return sql;
        }
        return separator.equals("(") ? sql : sql + "\n/* " + fake + ") */";
    }

    private static List<String> names(Shell shell, String sql, String pattern) {
        List<String> names = new ArrayList<>();
        try (Statement statement = shell.connection().prepare(sql)) {
            statement.bindText(1, pattern);
            while (statement.step()) {
                String name = statement.columnText(0);
                names.add(name == null ? "" : name);
            }
        }
        return names;
    }

    /** sqlite3's listing: as many columns of the widest name plus two spaces as fit in 80, filled down first. */
    private static void columns(Shell shell, List<String> names) throws IOException {
        int width = 0;
        for (String name : names) {
            width = Math.max(width, bytes(name));
        }
        int columns = Math.max(1, SCREEN_WIDTH / (width + 2));
        int rows = (names.size() + columns - 1) / columns;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            for (int j = i; j < names.size(); j += rows) {
                String name = names.get(j);
                out.append(j < rows ? "" : "  ").append(name).append(" ".repeat(width - bytes(name)));
            }
            out.append('\n');
        }
        shell.print(out.toString());
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
