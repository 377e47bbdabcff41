/*
 * What the driver needs to know about SQL text without parsing it: whether a
 * remainder holds any statement at all, and whether a statement is an
 * INSERT (for getGeneratedKeys).
 */
package turso.jdbc;

final class SqlText {

    private SqlText() {
    }

    /** True when {@code sql} holds only white space, comments and semicolons. */
    static boolean isEmpty(String sql) {
        return sql == null || skipNoise(sql, 0) >= sql.length();
    }

    /** True for INSERT and REPLACE statements. */
    static boolean isInsert(String sql) {
        int i = skipNoise(sql, 0);
        return sql.regionMatches(true, i, "insert", 0, 6) || sql.regionMatches(true, i, "replace", 0, 7);
    }

    private static int skipNoise(String s, int i) {
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == ';') {
                i++;
            } else if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
                int eol = s.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else {
                break;
            }
        }
        return i;
    }
}
