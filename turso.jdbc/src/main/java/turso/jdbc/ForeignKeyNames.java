/*
 * The names of a table's foreign keys, for DatabaseMetaData's FK_NAME: a
 * table constraint "CONSTRAINT name FOREIGN KEY (columns)" in the stored
 * CREATE TABLE text names the key whose child columns are those. SQLite keeps
 * no such name (pragma_foreign_key_list has none); sqlite-jdbc reads it from
 * the text the same way, and tools such as jOOQ's code generator use it, so
 * a key declared otherwise (a column's REFERENCES) has no name here either.
 */
package turso.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

final class ForeignKeyNames {
    private ForeignKeyNames() {
    }

    private static final Pattern NAMED = Pattern.compile(
            "\\bCONSTRAINT\\s+(\"(?:[^\"]|\"\")+\"|`[^`]+`|\\[[^]]+]|[\\p{L}_][\\p{L}\\p{N}_$]*)\\s+FOREIGN\\s+KEY\\s*\\(([^)]*)\\)",
            Pattern.CASE_INSENSITIVE);

    /** A named key: its name and its child columns (unquoted, lower case). */
    record Named(String name, List<String> columns) {
    }

    /** The named foreign keys of CREATE TABLE text {@code sql} (none if null). */
    static List<Named> of(String sql) {
        List<Named> keys = new ArrayList<>();
        if (sql == null) {
            return keys;
        }
        Matcher m = NAMED.matcher(sql);
        while (m.find()) {
            List<String> columns = new ArrayList<>();
            for (String c : m.group(2).split(",")) {
                columns.add(unquote(c.strip()).toLowerCase(Locale.ROOT));
            }
            keys.add(new Named(unquote(m.group(1)), columns));
        }
        return keys;
    }

    /** The name of the key whose child columns are {@code columns} (in order), or null. */
    static String nameOf(List<Named> keys, List<String> columns) {
        List<String> wanted = columns.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
        for (Named k : keys) {
            if (k.columns().equals(wanted)) {
                return k.name();
            }
        }
        return null;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '`' || s.charAt(0) == '[')) {
            String inner = s.substring(1, s.length() - 1);
            return s.charAt(0) == '"' ? inner.replace("\"\"", "\"") : inner;
        }
        return s;
    }
}
