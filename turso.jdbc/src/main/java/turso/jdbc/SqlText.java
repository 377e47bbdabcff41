/*
 * What the driver needs to know about SQL text without parsing it: whether a
 * remainder holds any statement at all, and whether a statement is an
 * INSERT (for getGeneratedKeys).
 */
package turso.jdbc;

import java.util.Locale;

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
        String head = sql.substring(i, Math.min(sql.length(), i + 7)).toLowerCase(Locale.ROOT);
        return head.startsWith("insert") || head.startsWith("replace");
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
