/*
 * Reading the SQL text around a parsed statement, where SQLite keeps text as
 * written: a result column's name runs to the next token, and the CREATE
 * INDEX text stored in sqlite_schema runs to the statement's end.
 */
package turso.planner;

final class SqlText {
    private SqlText() {
    }

    /** Where the next token starts at or after {@code i}: past white space and comments. */
    static int nextToken(String sql, int i) {
        while (i < sql.length()) {
            if (Character.isWhitespace(sql.charAt(i))) {
                i++;
            } else if (sql.startsWith("--", i)) {
                int newline = sql.indexOf('\n', i);
                i = newline < 0 ? sql.length() : newline;
            } else if (sql.startsWith("/*", i)) {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? sql.length() : close + 2;
            } else {
                break;
            }
        }
        return i;
    }

    /**
     * The end of the statement whose last token ends at {@code i}: the ';'
     * that follows (not included), else the end of the text; white space and
     * comments before it belong to the statement.
     */
    static int statementEnd(String sql, int i) {
        int next = nextToken(sql, i);
        return next < sql.length() && sql.charAt(next) == ';' ? next : next < sql.length() ? i : sql.length();
    }
}
