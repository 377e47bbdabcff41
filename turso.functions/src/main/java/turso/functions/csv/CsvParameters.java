/*
 * The arguments of CREATE VIRTUAL TABLE ... USING csv(...), read as SQLite's
 * csv extension reads them: filename=, data= and schema= (a value quoted
 * with ' or " is unquoted), header[=yes|no|on|off|true|false|1|0], columns=N;
 * names are case-sensitive, and every mistake is an error with the
 * extension's wording. "csv()" has no arguments, as in SQLite.
 */
package turso.functions.csv;

import java.util.List;
import turso.api.ResultCode;
import turso.api.TursoException;

record CsvParameters(String filename, String data, String schema, boolean header, int columns) {

    /** columns when not given. */
    static final int UNSET = -99;

    static CsvParameters parse(List<String> args) {
        String[] strings = new String[3];
        String[] names = {"filename", "data", "schema"};
        int header = -1;
        int columns = UNSET;
        for (String arg : args) {
            if (arg.isEmpty()) {
                continue;
            }
            int which = -1;
            String value = null;
            for (int j = 0; j < names.length && which < 0; j++) {
                value = valueOf(names[j], arg);
                if (value != null) {
                    which = j;
                }
            }
            if (which >= 0) {
                if (strings[which] != null) {
                    throw error("more than one '" + names[which] + "' parameter");
                }
                strings[which] = unquote(value);
                continue;
            }
            int flag = headerFlag(arg);
            if (flag >= 0) {
                if (header >= 0) {
                    throw error("more than one 'header' parameter");
                }
                header = flag;
                continue;
            }
            value = valueOf("columns", arg);
            if (value == null) {
                throw error("bad parameter: '" + arg + "'");
            }
            if (columns > 0) {
                throw error("more than one 'columns' parameter");
            }
            columns = leadingInteger(value);
            if (columns <= 0) {
                throw error("column= value must be positive");
            }
        }
        if ((strings[0] == null) == (strings[1] == null)) {
            throw error("must specify either filename= or data= but not both");
        }
        return new CsvParameters(strings[0], strings[1], strings[2], header == 1, columns);
    }

    static TursoException error(String message) {
        return new TursoException(ResultCode.ERROR, message);
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c >= '\t' && c <= '\r';
    }

    /** The text after "name =" (spaces allowed around the name and '='), or null. */
    private static String valueOf(String name, String arg) {
        int i = skipSpace(arg, 0);
        if (!arg.startsWith(name, i)) {
            return null;
        }
        i = skipSpace(arg, i + name.length());
        if (i >= arg.length() || arg.charAt(i) != '=') {
            return null;
        }
        return arg.substring(skipSpace(arg, i + 1));
    }

    /** header alone (1), header=BOOLEAN (0 or 1), or -1 when the argument is not that. */
    private static int headerFlag(String arg) {
        int i = skipSpace(arg, 0);
        if (!arg.startsWith("header", i)) {
            return -1;
        }
        i = skipSpace(arg, i + "header".length());
        if (i == arg.length()) {
            return 1;
        }
        if (arg.charAt(i) != '=') {
            return -1;
        }
        String v = arg.substring(skipSpace(arg, i + 1));
        if (v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("on") || v.equalsIgnoreCase("true") || v.equals("1")) {
            return 1;
        }
        if (v.equalsIgnoreCase("no") || v.equalsIgnoreCase("off") || v.equalsIgnoreCase("false") || v.equals("0")) {
            return 0;
        }
        return -1;
    }

    /** A value between matching ' or " quotes loses them, a doubled quote inside becoming one. */
    private static String unquote(String v) {
        if (v.length() < 2 || (v.charAt(0) != '\'' && v.charAt(0) != '"') || v.charAt(v.length() - 1) != v.charAt(0)) {
            return v;
        }
        char q = v.charAt(0);
        StringBuilder sb = new StringBuilder(v.length());
        for (int i = 1; i < v.length() - 1; i++) {
            if (v.charAt(i) == q && v.charAt(i + 1) == q) {
                i++;
            }
            sb.append(v.charAt(i));
        }
        return sb.toString();
    }

    /** C's atoi: optional spaces and sign, then digits, 0 when none. */
    private static int leadingInteger(String v) {
        int i = skipSpace(v, 0);
        boolean negative = false;
        if (i < v.length() && (v.charAt(i) == '+' || v.charAt(i) == '-')) {
            negative = v.charAt(i) == '-';
            i++;
        }
        long n = 0;
        while (i < v.length() && v.charAt(i) >= '0' && v.charAt(i) <= '9' && n <= Integer.MAX_VALUE) {
            n = n * 10 + (v.charAt(i++) - '0');
        }
        return (int) Math.min(Integer.MAX_VALUE, negative ? -n : n);
    }
}
