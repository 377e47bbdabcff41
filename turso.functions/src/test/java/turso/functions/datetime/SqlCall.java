/*
 * A call of a date function with literal arguments, written as SQL
 * ("date('2020-01-01', '+1 month')"), so that one line of a corpus can be run
 * both through our functions and through SQLite. Arguments are NULL, string
 * literals ('' escapes a quote), blob literals X'..', and numbers with an
 * optional minus sign (integers, or reals when written with '.' or an
 * exponent, as SQLite reads them).
 */
package turso.functions.datetime;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import turso.api.Value;

record SqlCall(String name, List<Value> args) {

    static SqlCall parse(String sql) {
        int open = sql.indexOf('(');
        if (open < 0 || !sql.endsWith(")")) {
            throw new IllegalArgumentException("not a call: " + sql);
        }
        String name = sql.substring(0, open).trim();
        List<Value> args = new ArrayList<>();
        int pos = open + 1;
        int end = sql.length() - 1;
        pos = skipSpaces(sql, pos);
        while (pos < end) {
            char c = sql.charAt(pos);
            if (c == '\'') {
                StringBuilder sb = new StringBuilder();
                pos++;
                while (true) {
                    char d = sql.charAt(pos++);
                    if (d == '\'') {
                        if (sql.charAt(pos) == '\'') {
                            sb.append('\'');
                            pos++;
                        } else {
                            break;
                        }
                    } else {
                        sb.append(d);
                    }
                }
                args.add(Value.of(sb.toString()));
            } else if ((c == 'X' || c == 'x') && sql.charAt(pos + 1) == '\'') {
                int close = sql.indexOf('\'', pos + 2);
                args.add(Value.of(HexFormat.of().parseHex(sql.substring(pos + 2, close))));
                pos = close + 1;
            } else if (sql.regionMatches(true, pos, "NULL", 0, 4)) {
                args.add(Value.NULL);
                pos += 4;
            } else {
                int start = pos;
                while (pos < end && sql.charAt(pos) != ',' && sql.charAt(pos) != ' ') {
                    pos++;
                }
                String number = sql.substring(start, pos);
                if (number.matches("-?\\d+")) {
                    try {
                        args.add(Value.of(Long.parseLong(number)));
                    } catch (NumberFormatException tooBig) {
                        args.add(Value.of(Double.parseDouble(number)));
                    }
                } else {
                    args.add(Value.of(Double.parseDouble(number)));
                }
            }
            pos = skipSpaces(sql, pos);
            if (pos < end) {
                if (sql.charAt(pos) != ',') {
                    throw new IllegalArgumentException("expected ',' at " + pos + " in " + sql);
                }
                pos = skipSpaces(sql, pos + 1);
            }
        }
        return new SqlCall(name, List.copyOf(args));
    }

    private static int skipSpaces(String s, int pos) {
        while (pos < s.length() && s.charAt(pos) == ' ') {
            pos++;
        }
        return pos;
    }

    /** The call as SQL text with the same literal arguments. */
    String toSql() {
        StringBuilder sb = new StringBuilder(name).append('(');
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(literal(args.get(i)));
        }
        return sb.append(')').toString();
    }

    static String literal(Value v) {
        return switch (v) {
            case Value.Null n -> "NULL";
            case Value.Int i -> Long.toString(i.value());
            case Value.Real r -> realLiteral(r.value());
            case Value.Text t -> "'" + t.value().replace("'", "''") + "'";
            case Value.Blob b -> "X'" + HexFormat.of().formatHex(b.value()) + "'";
        };
    }

    /** A literal SQLite reads back as exactly this double. */
    private static String realLiteral(double d) {
        String s = Double.toString(d);
        return s.contains("E") || s.contains(".") ? s : s + ".0";
    }
}
