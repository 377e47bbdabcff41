/*
 * How SQLite reads numbers out of text (and out of blobs taken as text). SQLite
 * has several readings, each used in its own place, and they differ on text
 * such as '1e3', '12abc' or '9223372036854775808':
 *   - parseLong: the leading integer, saturating (CAST AS INTEGER, sqlite3_value_int64);
 *   - parseDouble: the longest leading number (CAST AS REAL, sqlite3_value_double);
 *   - parsePrefix: what arithmetic operands become ('12abc' + 1 = 13, '1e3' + 0 = 1000.0);
 *   - parseWhole / classify: text that is wholly a number (affinity on store and compare);
 *   - castNumeric: CAST AS NUMERIC.
 * Leading and trailing white space (space, \t, \n, \v, \f, \r) is allowed;
 * hexadecimal is not a number in text ('0x10' reads as 0).
 */
package turso.vm;

import turso.api.DataType;

final class NumericText {
    private NumericText() {
    }

    /** Reals of magnitude below 2^51 that are integral count as integers in CAST AS NUMERIC. */
    private static final double INT_EXACT_LIMIT = 2251799813685248.0;

    /** The shape of the longest number at the start of a text. */
    private static final class Scan {
        int start;          // first byte after leading space
        int end;            // end of the numeric prefix (== start when there is none)
        boolean negative;
        boolean hasDigits;  // at least one mantissa digit
        boolean isInteger;  // prefix is [sign] digits only
        boolean whole;      // nothing but white space follows the prefix
    }

    static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static Scan scan(byte[] b, int off, int len) {
        Scan s = new Scan();
        int end = off + len;
        int i = off;
        while (i < end && isSpace(b[i])) {
            i++;
        }
        s.start = i;
        if (i < end && (b[i] == '+' || b[i] == '-')) {
            s.negative = b[i] == '-';
            i++;
        }
        int digitsStart = i;
        while (i < end && isDigit(b[i])) {
            i++;
        }
        boolean intDigits = i > digitsStart;
        boolean fracDigits = false;
        boolean isInteger = true;
        int afterMantissa = i;
        if (i < end && b[i] == '.') {
            int j = i + 1;
            while (j < end && isDigit(b[j])) {
                j++;
            }
            fracDigits = j > i + 1;
            if (intDigits || fracDigits) {
                isInteger = false;
                afterMantissa = j;
            }
        }
        s.hasDigits = intDigits || fracDigits;
        if (!s.hasDigits) {
            s.end = s.start;
            s.isInteger = true;
            s.whole = false;
            return s;
        }
        i = afterMantissa;
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            int j = i + 1;
            if (j < end && (b[j] == '+' || b[j] == '-')) {
                j++;
            }
            int expStart = j;
            while (j < end && isDigit(b[j])) {
                j++;
            }
            if (j > expStart) {
                isInteger = false;
                i = j;
            }
        }
        s.end = i;
        s.isInteger = isInteger;
        int k = i;
        while (k < end && isSpace(b[k])) {
            k++;
        }
        s.whole = k == end;
        return s;
    }

    /** Accumulates the digits of an integer prefix; returns false on overflow of int64. */
    private static boolean accumulate(byte[] b, Scan s, long[] out) {
        int i = s.start;
        if (b[i] == '+' || b[i] == '-') {
            i++;
        }
        long magnitude = 0; // accumulated negatively so that MIN_VALUE fits
        for (; i < s.end; i++) {
            int d = b[i] - '0';
            if (magnitude < (Long.MIN_VALUE + d) / 10) {
                out[0] = s.negative ? Long.MIN_VALUE : Long.MAX_VALUE;
                return false;
            }
            magnitude = magnitude * 10 - d;
        }
        if (!s.negative) {
            if (magnitude == Long.MIN_VALUE) {
                out[0] = Long.MAX_VALUE;
                return false;
            }
            out[0] = -magnitude;
        } else {
            out[0] = magnitude;
        }
        return true;
    }

    /**
     * The power of ten SQLite 3.40 scales by for a decimal exponent up to 307:
     * e % 22 multiplications by 10, then by 1e22, each rounded to extended precision.
     */
    private static final ExtendedReal[] SCALES = new ExtendedReal[308];

    static {
        ExtendedReal ten = ExtendedReal.of(10.0);
        ExtendedReal e22 = ExtendedReal.of(1.0e22);
        for (int e = 0; e < SCALES.length; e++) {
            ExtendedReal scale = ExtendedReal.of(1.0);
            int k = e;
            while (k % 22 != 0) {
                scale = scale.multiply(ten);
                k--;
            }
            while (k > 0) {
                scale = scale.multiply(e22);
                k -= 22;
            }
            SCALES[e] = scale;
        }
    }

    /** Significands stop growing here; later digits only move the decimal exponent. */
    private static final long SIGNIFICAND_LIMIT = (Long.MAX_VALUE - 9) / 10;

    /**
     * The value of a scanned number as SQLite 3.40 computes it: up to about 19
     * significant digits kept in an integer, the rest dropped, then one
     * multiplication or division by a power of ten built in 80-bit extended
     * precision. This is not always the correctly rounded double, and the
     * differences are SQLite's own; about 1 text in 1500 with large negative
     * exponents still reads one ulp away from what 3.40 reads.
     */
    private static double prefixDouble(byte[] b, Scan s) {
        if (!s.hasDigits) {
            return 0.0;
        }
        int i = s.start;
        if (b[i] == '+' || b[i] == '-') {
            i++;
        }
        long sig = 0;
        int d = 0;
        while (i < s.end && isDigit(b[i])) {
            sig = sig * 10 + (b[i] - '0');
            i++;
            if (sig >= SIGNIFICAND_LIMIT) {
                while (i < s.end && isDigit(b[i])) {
                    i++;
                    d++;
                }
            }
        }
        if (i < s.end && b[i] == '.') {
            i++;
            while (i < s.end && isDigit(b[i])) {
                if (sig < SIGNIFICAND_LIMIT) {
                    sig = sig * 10 + (b[i] - '0');
                    d--;
                }
                i++;
            }
        }
        int e = 0;
        int esign = 1;
        if (i < s.end && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (b[i] == '+' || b[i] == '-') {
                esign = b[i] == '-' ? -1 : 1;
                i++;
            }
            while (i < s.end) {
                e = e < 10000 ? e * 10 + (b[i] - '0') : 10000;
                i++;
            }
        }
        e = e * esign + d;
        if (e < 0) {
            esign = -1;
            e = -e;
        } else {
            esign = 1;
        }
        if (sig == 0) {
            return s.negative ? -0.0 : 0.0;
        }
        while (e > 0) {
            if (esign > 0) {
                if (sig >= Long.MAX_VALUE / 10) {
                    break;
                }
                sig *= 10;
            } else {
                if (sig % 10 != 0) {
                    break;
                }
                sig /= 10;
            }
            e--;
        }
        double result;
        if (e == 0) {
            result = (double) sig;
        } else if (e > 307) {
            if (e < 342) {
                ExtendedReal scale = ExtendedReal.of(1.0);
                ExtendedReal ten = ExtendedReal.of(10.0);
                while (e % 308 != 0) {
                    scale = scale.multiply(ten);
                    e--;
                }
                if (esign < 0) {
                    result = ExtendedReal.of(sig).divide(scale).toDouble() / 1.0e308;
                } else {
                    result = ExtendedReal.of(sig).multiply(scale).toDouble() * 1.0e308;
                }
            } else {
                result = esign < 0 ? 0.0 : Double.POSITIVE_INFINITY;
            }
        } else {
            ExtendedReal scale = SCALES[e];
            ExtendedReal x = ExtendedReal.of(sig);
            result = (esign < 0 ? x.divide(scale) : x.multiply(scale)).toDouble();
        }
        return s.negative ? -result : result;
    }

    /** The leading integer of the text, saturating at the int64 range; 0 if there is none. */
    static long parseLong(byte[] b, int off, int len) {
        Scan s = scan(b, off, len);
        if (!s.hasDigits) {
            return 0;
        }
        // only the integer digits count: '1e3' is 1, '12.9' is 12
        Scan intPart = new Scan();
        intPart.start = s.start;
        intPart.negative = s.negative;
        int i = s.start;
        if (b[i] == '+' || b[i] == '-') {
            i++;
        }
        while (i < s.end && isDigit(b[i])) {
            i++;
        }
        intPart.end = i;
        long[] v = new long[1];
        accumulate(b, intPart, v);
        return v[0];
    }

    /** The longest leading number of the text as a real; 0.0 if there is none. */
    static double parseDouble(byte[] b, int off, int len) {
        return prefixDouble(b, scan(b, off, len));
    }

    /** Arithmetic's reading of an operand: an integer when the prefix is one that fits, else a real. */
    static void parsePrefix(byte[] b, int off, int len, Register out) {
        Scan s = scan(b, off, len);
        if (!s.hasDigits) {
            out.setLong(0);
            return;
        }
        if (s.isInteger) {
            long[] v = new long[1];
            if (accumulate(b, s, v)) {
                out.setLong(v[0]);
                return;
            }
        }
        out.setDouble(prefixDouble(b, s));
    }

    /** The type parsePrefix would give: INTEGER or REAL. */
    static DataType prefixType(byte[] b, int off, int len) {
        Scan s = scan(b, off, len);
        if (!s.hasDigits || (s.isInteger && accumulate(b, s, new long[1]))) {
            return DataType.INTEGER;
        }
        return DataType.REAL;
    }

    /** TEXT if the text is not wholly a number, else INTEGER or REAL as parseWhole would make it. */
    static DataType classify(byte[] b, int off, int len) {
        Scan s = scan(b, off, len);
        if (!s.hasDigits || !s.whole) {
            return DataType.TEXT;
        }
        if (s.isInteger && accumulate(b, s, new long[1])) {
            return DataType.INTEGER;
        }
        return DataType.REAL;
    }

    /**
     * If the text is wholly a number, puts it in {@code out} (an integer when
     * it is an integer literal that fits, else a real) and returns true.
     */
    static boolean parseWhole(byte[] b, int off, int len, Register out) {
        Scan s = scan(b, off, len);
        if (!s.hasDigits || !s.whole) {
            return false;
        }
        if (s.isInteger) {
            long[] v = new long[1];
            if (accumulate(b, s, v)) {
                out.setLong(v[0]);
                return true;
            }
        }
        out.setDouble(prefixDouble(b, s));
        return true;
    }

    /** CAST(text AS NUMERIC). */
    static void castNumeric(byte[] b, int off, int len, Register out) {
        parsePrefix(b, off, len, out);
        if (out.type() == DataType.REAL) {
            double d = out.doubleValue();
            if (d == 0.0 || (d == Math.rint(d) && Math.abs(d) < INT_EXACT_LIMIT)) {
                out.setLong((long) d);
            }
        }
    }
}
