/*
 * The two renderings of a real the runner needs, as SQLite's own printf
 * makes them (not C's): "%.Nf" for R columns, which keeps at most 16
 * significant digits and pads with zeros (-2^63 prints as
 * -9223372036854776000.000), and "%!.15g", the text SQLite 3.40 gives a REAL
 * read as text (1.0, 0.3, 1.0e+100, 1.0e-05).
 *
 * Rounding is half-up on the decimal the double stands for: its shortest
 * round-trip form (what Double.toString prints) when that has at most 16
 * significant digits and the double is not subnormal, else its exact value
 * (SQLite prints 4.9e-324 as 4.94065645841247e-324). SQLite's versions get
 * there differently (3.40 adds a small bump and cuts digits out of a long
 * double; 3.54 rounds an 18-19 digit approximation), and they disagree with
 * each other on values within about a unit in the last place of a rounding
 * boundary and on the 16th digit (the 3.40.1 CLI prints -2^63 as
 * -9223372036854775000.000). There this rule follows the sample's README and
 * figures (-2^63 -> -9223372036854776000.000, -2^64 ->
 * -18446744073709550000.000) and, on near-ties of short decimals, 3.40
 * (226.1755 -> 226.176, 1.000000000000005 -> 1.00000000000001).
 */
package turso.tests.slt;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

final class SqlitePrintf {

    private static final int MAX_SIGNIFICANT = 16;
    private static final int TEXT_SIGNIFICANT = 15;

    private SqlitePrintf() {
    }

    /** printf("%.{decimals}f", v) as SQLite prints it. */
    static String fixed(double v, int decimals) {
        String special = special(v);
        if (special != null) {
            return special;
        }
        BigDecimal decimal = decimal(Math.abs(v));
        BigDecimal rounded = decimal;
        if (decimal.signum() != 0) {
            int leadingExponent = decimal.precision() - decimal.scale() - 1;
            int scale = Math.min(decimals, MAX_SIGNIFICANT - 1 - leadingExponent);
            rounded = decimal.setScale(scale, RoundingMode.HALF_UP);
        }
        String digits = rounded.setScale(decimals, RoundingMode.UNNECESSARY).toPlainString();
        return v < 0 ? "-" + digits : digits;
    }

    /** printf("%!.15g", v): what SQLite 3.40 makes of a REAL converted to text. */
    static String realAsText(double v) {
        String special = special(v);
        if (special != null) {
            return special;
        }
        String sign = v < 0 ? "-" : "";
        BigDecimal decimal = decimal(Math.abs(v));
        if (decimal.signum() == 0) {
            return "0.0";
        }
        BigDecimal rounded = decimal.round(new MathContext(TEXT_SIGNIFICANT, RoundingMode.HALF_UP)).stripTrailingZeros();
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent > TEXT_SIGNIFICANT - 1) {
            String mantissa = rounded.unscaledValue().toString();
            String fraction = mantissa.length() > 1 ? mantissa.substring(1) : "0";
            int e = Math.abs(exponent);
            return sign + mantissa.charAt(0) + "." + fraction + "e" + (exponent < 0 ? "-" : "+")
                    + (e < 10 ? "0" + e : Integer.toString(e));
        }
        String plain = rounded.toPlainString();
        return sign + (plain.indexOf('.') < 0 ? plain + ".0" : plain);
    }

    /** The decimal a finite, non-negative double is rounded from (see the top of this file). */
    private static BigDecimal decimal(double abs) {
        BigDecimal shortest = new BigDecimal(Double.toString(abs));
        return shortest.precision() <= MAX_SIGNIFICANT && (abs == 0 || abs >= Double.MIN_NORMAL)
                ? shortest
                : new BigDecimal(abs);
    }

    private static String special(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v < 0 ? "-Inf" : "Inf";
        }
        return null;
    }
}
