/*
 * How sqlite3 prints a CREATE statement in ".schema" and ".dump": a
 * statement ending in a comment gets the line break or "*" "/" that lets its
 * semicolon count; "CREATE TABLE" followed by a quoted name becomes "CREATE
 * TABLE IF NOT EXISTS" (so that a dump loads over an existing schema); and
 * the --indent layout collapses white space, then puts each column of a
 * long (79 characters or more) definition on its own line (quotes are
 * tracked only as sqlite3 tracks them, so a parenthesis in a string counts).
 */
package turso.cli;

import turso.parser.SqlScript;

final class SchemaText {

    private static final int INDENT_MIN_LENGTH = 79;

    private SchemaText() {
    }

    /** The statement followed by {@code tail}, as sqlite3's printSchemaLine writes it. */
    static String line(String sql, String tail) {
        String z = sql;
        if (tail.startsWith(";") && (z.contains("/*") || z.contains("--"))) {
            for (String terminator : new String[] {"", "*/", "\n"}) {
                if (SqlScript.isComplete(z + terminator + ";")) {
                    z = z + terminator;
                    break;
                }
            }
        }
        if (z.startsWith("CREATE TABLE '") || z.startsWith("CREATE TABLE \"")) {
            return "CREATE TABLE IF NOT EXISTS " + z.substring(13) + tail;
        }
        return z + tail;
    }

    /** ".schema --indent": one statement laid out as sqlite3's pretty mode lays it out, with ";\n". */
    static String indented(String sql) {
        String upper = sql.length() >= 11 ? sql.substring(0, 11).toUpperCase(java.util.Locale.ROOT) : "";
        if (upper.startsWith("CREATE VIEW") || upper.startsWith("CREATE TRIG")) {
            return sql + ";\n";
        }
        StringBuilder z = new StringBuilder();
        int i = 0;
        while (i < sql.length() && CommandWords.isSpace(sql.charAt(i))) {
            i++;
        }
        for (; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (CommandWords.isSpace(c)) {
                int last = z.length() - 1;
                if (z.charAt(last) == '\r') {
                    z.setCharAt(last, '\n');
                }
                if (CommandWords.isSpace(z.charAt(last)) || z.charAt(last) == '(') {
                    continue;
                }
            } else if ((c == '(' || c == ')') && !z.isEmpty() && CommandWords.isSpace(z.charAt(z.length() - 1))) {
                z.setLength(z.length() - 1);
            }
            z.append(c);
        }
        while (!z.isEmpty() && CommandWords.isSpace(z.charAt(z.length() - 1))) {
            z.setLength(z.length() - 1);
        }
        if (z.length() < INDENT_MIN_LENGTH) {
            return line(z.toString(), ";\n");
        }
        StringBuilder out = new StringBuilder();
        StringBuilder pending = new StringBuilder();
        int parens = 0;
        int lines = 0;
        char end = 0;
        String text = z.toString();
        for (i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == end) {
                end = 0;
            } else if (c == '"' || c == '\'' || c == '`') {
                end = c;
            } else if (c == '[') {
                end = ']';
            } else if (c == '-' && i + 1 < text.length() && text.charAt(i + 1) == '-') {
                end = '\n';
            } else if (c == '(') {
                parens++;
            } else if (c == ')') {
                parens--;
                if (lines > 0 && parens == 0 && !pending.isEmpty()) {
                    out.append(line(pending.toString(), "\n"));
                    pending.setLength(0);
                }
            }
            pending.append(c);
            if (parens == 1 && end == 0 && (c == '(' || c == '\n' || (c == ',' && !onlySpaceToEndOfLine(text, i + 1)))) {
                if (c == '\n') {
                    pending.setLength(pending.length() - 1);
                }
                out.append(line(pending.toString(), "\n  "));
                pending.setLength(0);
                lines++;
                while (i + 1 < text.length() && CommandWords.isSpace(text.charAt(i + 1))) {
                    i++;
                }
            }
        }
        out.append(line(pending.toString(), ";\n"));
        return out.toString();
    }

    private static boolean onlySpaceToEndOfLine(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                return true;
            }
            if (!CommandWords.isSpace(c)) {
                return false;
            }
        }
        return true;
    }
}
