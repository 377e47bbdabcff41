/*
 * Numbers the bind parameters of a statement as SQLite does, in the order
 * they are written: "?" takes the number after the largest so far, "?NNN"
 * takes NNN, and a named parameter (":a", "@a", "$a") takes a new number on
 * first use and keeps it after. The numbers come from a scan of the
 * statement's text, not from the order the planner compiles expressions in
 * (a WHERE term is compiled as a seek key before the terms written before
 * it), and are registered in the program being built.
 */
package turso.planner;

import java.util.HashMap;
import java.util.Map;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.parser.ast.Expr;
import turso.vm.ProgramBuilder;

final class Parameters {
    /** SQLite's default SQLITE_MAX_VARIABLE_NUMBER. */
    static final int MAX = 32766;

    private final ProgramBuilder program;
    /** Each parameter's number by where it starts in the text, once the text was scanned. */
    private Map<Integer, Integer> numbers;
    private String scanned;

    Parameters(ProgramBuilder program) {
        this.program = program;
    }

    /** The number of parameter {@code p} of the statement written in {@code sql}. */
    int number(Expr.Parameter p, String sql) {
        String text = p.text();
        if (text.startsWith("?") && text.length() > 1) {
            long n;
            try {
                n = Long.parseLong(text.substring(1));
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1 || n > MAX) {
                throw new TursoException(ResultCode.ERROR, "variable number must be between ?1 and ?" + MAX);
            }
            program.setParameter((int) n, text);
            return (int) n;
        }
        Integer index = sql == null ? null : numbersOf(sql).get(p.span().start());
        if (index == null) {
            index = text.equals("?") ? program.anonymousParameter(p) : named(text);
        } else {
            program.setParameter(index, text.equals("?") ? null : text);
        }
        return index;
    }

    private int named(String text) {
        int known = program.namedParameter(text);
        if (known != 0) {
            return known;
        }
        int index = program.parameterCount() + 1;
        program.setParameter(index, text);
        return index;
    }

    private Map<Integer, Integer> numbersOf(String sql) {
        if (!sql.equals(scanned)) {
            numbers = scan(sql);
            scanned = sql;
        }
        return numbers;
    }

    /** SQLite's numbering of every parameter token of {@code sql}, by its offset. */
    static Map<Integer, Integer> scan(String sql) {
        Map<Integer, Integer> at = new HashMap<>();
        Map<String, Integer> named = new HashMap<>();
        int largest = 0;
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int close = sql.indexOf(c, i + 1);
                while (close >= 0 && close + 1 < n && sql.charAt(close + 1) == c) {
                    close = sql.indexOf(c, close + 2);
                }
                i = close < 0 ? n : close + 1;
            } else if (c == '[') {
                int close = sql.indexOf(']', i + 1);
                i = close < 0 ? n : close + 1;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int newline = sql.indexOf('\n', i);
                i = newline < 0 ? n : newline + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (c == '?') {
                int end = i + 1;
                while (end < n && Character.isDigit(sql.charAt(end))) {
                    end++;
                }
                if (end == i + 1) {
                    at.put(i, ++largest);
                } else {
                    try {
                        largest = Math.max(largest, Integer.parseInt(sql.substring(i + 1, end)));
                    } catch (NumberFormatException e) {
                        largest = Integer.MAX_VALUE / 2;
                    }
                }
                i = end;
            } else if ((c == ':' || c == '@' || c == '$') && i + 1 < n && isNameChar(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < n && (isNameChar(sql.charAt(end)) || c == '$' && sql.startsWith("::", end))) {
                    end += sql.startsWith("::", end) ? 2 : 1;
                }
                String name = sql.substring(i, end);
                Integer known = named.get(name);
                if (known == null) {
                    known = ++largest;
                    named.put(name, known);
                }
                at.put(i, known);
                i = end;
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                while (i < n && isNameChar(sql.charAt(i))) {
                    i++;
                }
            } else {
                i++;
            }
        }
        return at;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 0x7f;
    }
}
