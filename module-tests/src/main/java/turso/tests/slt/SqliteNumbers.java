/*
 * SQLite's numeric conversions as the C API applies them when a column is
 * read as a number (sqlite3_column_int64 / sqlite3_column_double): text takes
 * its longest numeric prefix, integers saturate, reals truncate toward zero
 * and clamp to the 64-bit range. The runner needs them to print I and R
 * columns whatever storage class the engine returned.
 */
package turso.tests.slt;

import java.math.BigDecimal;
import java.math.BigInteger;

final class SqliteNumbers {

    /** Significant digits beyond which a decimal integer cannot fit in 64 bits. */
    private static final int MAX_INT64_DIGITS = 19;
    private static final double TWO_POW_63 = 9223372036854775808.0;
    /** Once the significand reaches this, one more digit could overflow 64 unsigned bits. */
    private static final long SIGNIFICAND_LIMIT = Long.divideUnsigned(-1L - 9, 10);
    /** Any larger decimal exponent already makes every significand 0 or infinite. */
    private static final int MAX_EXPONENT = 10_000;

    private SqliteNumbers() {
    }

    /** The integer a text (or blob) converts to: its leading integer, saturated to 64 bits. */
    static long textToInt64(byte[] z) {
        int i = skipSpaces(z, 0);
        boolean negative = false;
        if (i < z.length && (z[i] == '-' || z[i] == '+')) {
            negative = z[i] == '-';
            i++;
        }
        while (i < z.length && z[i] == '0') {
            i++;
        }
        int start = i;
        while (i < z.length && isDigit(z[i])) {
            i++;
        }
        int digits = i - start;
        if (digits == 0) {
            return 0;
        }
        if (digits > MAX_INT64_DIGITS) {
            return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        long u = Long.parseUnsignedLong(new String(z, start, digits, java.nio.charset.StandardCharsets.US_ASCII));
        if (Long.compareUnsigned(u, Long.MAX_VALUE) > 0) {
            return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return negative ? -u : u;
    }

    /**
     * The real a text (or blob) converts to: its longest prefix that reads as
     * a number, else 0. As SQLite does, mantissa digits stop counting once the
     * significand fills 64 bits (later ones only scale it); the result is the
     * double nearest to that significand times its power of ten.
     */
    static double textToDouble(byte[] z) {
        int i = skipSpaces(z, 0);
        boolean negative = false;
        if (i < z.length && (z[i] == '-' || z[i] == '+')) {
            negative = z[i] == '-';
            i++;
        }
        long significand = 0;
        int scale = 0;
        int digits = 0;
        while (i < z.length && isDigit(z[i])) {
            if (Long.compareUnsigned(significand, SIGNIFICAND_LIMIT) < 0) {
                significand = significand * 10 + (z[i] - '0');
            } else {
                scale++;
            }
            i++;
            digits++;
        }
        if (i < z.length && z[i] == '.') {
            i++;
            while (i < z.length && isDigit(z[i])) {
                if (Long.compareUnsigned(significand, SIGNIFICAND_LIMIT) < 0) {
                    significand = significand * 10 + (z[i] - '0');
                    scale--;
                }
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return 0.0;
        }
        if (i < z.length && (z[i] == 'e' || z[i] == 'E')) {
            int e = i + 1;
            boolean negativeExponent = false;
            if (e < z.length && (z[e] == '-' || z[e] == '+')) {
                negativeExponent = z[e] == '-';
                e++;
            }
            int exponent = 0;
            while (e < z.length && isDigit(z[e])) {
                exponent = Math.min(MAX_EXPONENT, exponent * 10 + (z[e] - '0'));
                e++;
            }
            scale += negativeExponent ? -exponent : exponent;
        }
        if (significand == 0) {
            return negative ? -0.0 : 0.0;
        }
        double magnitude = new BigDecimal(new BigInteger(Long.toUnsignedString(significand)))
                .scaleByPowerOfTen(scale).doubleValue();
        return negative ? -magnitude : magnitude;
    }

    /** A real converted to an integer: truncated toward zero, clamped to the 64-bit range. */
    static long doubleToInt64(double r) {
        if (r <= -TWO_POW_63) {
            return Long.MIN_VALUE;
        }
        if (r >= TWO_POW_63) {
            return Long.MAX_VALUE;
        }
        return (long) r;
    }

    private static int skipSpaces(byte[] z, int i) {
        while (i < z.length && (z[i] == ' ' || (z[i] >= '\t' && z[i] <= '\r'))) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
