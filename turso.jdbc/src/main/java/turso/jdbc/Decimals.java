/*
 * A REAL read as text or BigDecimal with the digits sqlite-jdbc gives: SQLite
 * 3.54 writes a REAL with 15 significant digits when they give the same
 * double back, else 17, in plain notation (always with a decimal place,
 * "50.0") when the leading digit's exponent is from -4 to 16, else as
 * "3.3333333333333332e+19". So the value read is the double stored, never
 * one rounded to another double. jOOQ reads DECIMAL columns through
 * getString on SQLite. (Subnormal doubles, below 2.2e-308, may differ from
 * SQLite's in their last digits: SQLite's own digits are not exact there.)
 */
package turso.jdbc;

import java.math.BigDecimal;
import java.math.MathContext;

final class Decimals {
    private Decimals() {
    }

    /** Exponents of the leading digit that SQLite writes without an exponent. */
    private static final int PLAIN_FROM = -4;
    private static final int PLAIN_BELOW = 17;

    /** The finite {@code d} as SQLite 3.54 writes it, as a BigDecimal with the same digits and scale. */
    static BigDecimal ofReal(double d) {
        if (d == 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        BigDecimal v = new BigDecimal(d, new MathContext(15));
        if (v.doubleValue() != d) {
            v = new BigDecimal(d, new MathContext(17));
        }
        v = v.stripTrailingZeros();
        if (plain(v)) {
            return v.scale() < 1 ? v.setScale(1) : v;
        }
        return v.precision() == 1 ? v.setScale(v.scale() + 1) : v;
    }

    /** The finite {@code d} as SQLite 3.54 writes it as text. */
    static String text(double d) {
        BigDecimal v = ofReal(d);
        if (plain(v)) {
            return v.toPlainString();
        }
        String digits = v.unscaledValue().abs().toString();
        int exponent = exponent(v);
        String e = Integer.toString(Math.abs(exponent));
        return (v.signum() < 0 ? "-" : "") + digits.charAt(0) + "." + digits.substring(1) + "e"
                + (exponent < 0 ? "-" : "+") + (e.length() < 2 ? "0" + e : e);
    }

    private static boolean plain(BigDecimal v) {
        int exponent = exponent(v);
        return v.signum() == 0 || exponent >= PLAIN_FROM && exponent < PLAIN_BELOW;
    }

    /** The exponent of the leading digit. */
    private static int exponent(BigDecimal v) {
        return v.precision() - v.scale() - 1;
    }
}
