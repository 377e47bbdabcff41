/*
 * Shared test support: SQLite's conversions between storage classes as the
 * sqlite3_value_* accessors make them, for the test doubles of the function
 * SPI: REAL to text as "%!.15g" (1.0e+20, Inf), text to numbers by the longest
 * numeric prefix, and numeric affinity (sqlite3_value_numeric_type), which
 * needs the whole text to be a number.
 */
package turso.functions.testing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import turso.api.DataType;
import turso.api.Value;

public final class SqliteConversions {

    private static final Pattern NUMBER_PREFIX =
            Pattern.compile("^[ \\t\\n\\f\\r]*([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)");
    private static final Pattern WHOLE_NUMBER =
            Pattern.compile("^[ \\t\\n\\f\\r]*([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)[ \\t\\n\\f\\r]*$");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    private SqliteConversions() {
    }

    /** A REAL as SQLite writes it as text ("%!.15g"). */
    public static String realText(double d) {
        if (Double.isInfinite(d)) {
            return d > 0 ? "Inf" : "-Inf";
        }
        if (d == 0) {
            return "0.0";
        }
        BigDecimal bd = new BigDecimal(Math.abs(d)).round(new MathContext(15, RoundingMode.HALF_UP));
        String digits = bd.unscaledValue().toString();
        int exponent = digits.length() - 1 - bd.scale();
        digits = digits.replaceAll("0+$", "");
        if (digits.isEmpty()) {
            digits = "0";
        }
        StringBuilder out = new StringBuilder(d < 0 ? "-" : "");
        if (exponent < -4 || exponent >= 15) {
            out.append(digits.charAt(0)).append('.').append(digits.length() > 1 ? digits.substring(1) : "0");
            out.append('e').append(exponent < 0 ? '-' : '+');
            int e = Math.abs(exponent);
            out.append(e < 10 ? "0" + e : Integer.toString(e));
        } else if (exponent < 0) {
            out.append("0.").append("0".repeat(-exponent - 1)).append(digits);
        } else if (digits.length() <= exponent + 1) {
            out.append(digits).append("0".repeat(exponent + 1 - digits.length())).append(".0");
        } else {
            out.append(digits, 0, exponent + 1).append('.').append(digits.substring(exponent + 1));
        }
        return out.toString();
    }

    public static String text(Value v) {
        return switch (v) {
            case Value.Null n -> null;
            case Value.Int i -> Long.toString(i.value());
            case Value.Real r -> realText(r.value());
            case Value.Text t -> t.value();
            case Value.Blob b -> new String(b.value(), StandardCharsets.UTF_8);
        };
    }

    public static double toDouble(Value v) {
        return switch (v) {
            case Value.Null n -> 0.0;
            case Value.Int i -> i.value();
            case Value.Real r -> r.value();
            case Value.Text t -> prefixDouble(t.value());
            case Value.Blob b -> prefixDouble(new String(b.value(), StandardCharsets.UTF_8));
        };
    }

    public static long toLong(Value v) {
        return switch (v) {
            case Value.Null n -> 0;
            case Value.Int i -> i.value();
            case Value.Real r -> (long) r.value();
            case Value.Text t -> (long) prefixDouble(t.value());
            case Value.Blob b -> (long) prefixDouble(new String(b.value(), StandardCharsets.UTF_8));
        };
    }

    private static double prefixDouble(String s) {
        Matcher m = NUMBER_PREFIX.matcher(s);
        return m.find() ? Double.parseDouble(m.group(1)) : 0.0;
    }

    /** The value after numeric affinity, as sqlite3_value_numeric_type sees it. */
    public static Value numeric(Value v) {
        if (!(v instanceof Value.Text t)) {
            return v;
        }
        Matcher m = WHOLE_NUMBER.matcher(t.value());
        if (!m.matches()) {
            return v;
        }
        String n = m.group(1);
        if (INTEGER.matcher(n).matches()) {
            try {
                return Value.of(Long.parseLong(n.startsWith("+") ? n.substring(1) : n));
            } catch (NumberFormatException tooBig) {
                return Value.of(Double.parseDouble(n));
            }
        }
        return Value.of(Double.parseDouble(n));
    }

    public static DataType numericType(Value v) {
        return numeric(v).type();
    }
}
