/*
 * The two number formats strftime needs, "%06.3f" for %f and "%.16g" for %J,
 * digit for digit as SQLite 3.40's printf produces them on x86-64, where its
 * arithmetic is done in 80-bit long doubles (64-bit significands): the value
 * is rounded by adding a constant, scaled into [1, 10), and its digits are
 * peeled off by repeated multiplication by ten, each step rounded to 64
 * bits. LongDouble does that arithmetic, so the digits come out the same.
 */
package turso.functions.datetime;

final class SqlitePrintf {

    private SqlitePrintf() {
    }

    /** SQLite's rounding constants: half a unit in the last place, for 0 to 9 places. */
    private static final double[] HALF_UNITS = {5.0e-01, 5.0e-02, 5.0e-03, 5.0e-04, 5.0e-05, 5.0e-06, 5.0e-07, 5.0e-08, 5.0e-09, 5.0e-10};
    /** Significant digits printf produces before padding with zeros. */
    private static final int SIGNIFICANT_DIGITS = 16;

    /**
     * printf("%06.3f", v). Seconds can be negative: 'localtime' applied to a
     * Julian day before 0 keeps a negative millisecond fraction.
     */
    static String fixed3(double v) {
        String sign = v < 0 ? "-" : "";
        String text = format(Math.abs(v), false, 3);
        int padding = 6 - sign.length() - text.length();
        return padding > 0 ? sign + "0".repeat(padding) + text : sign + text;
    }

    /** printf("%.16g", v) for v >= 0 (a Julian day). */
    static String generic16(double v) {
        return format(v, true, 16);
    }

    private static final LongDouble TEN = LongDouble.of(10.0);
    private static final LongDouble ONE = LongDouble.of(1.0);
    private static final LongDouble TIMES_TEN_TO_THE_8 = LongDouble.of(1.0e8);
    private static final LongDouble BELOW_TEN_TO_THE_MINUS_8 = LongDouble.of(1e-8);
    private static final LongDouble DOUBLE_ONE_TENTH = LongDouble.of(0.1);
    private static final LongDouble ROUNDING_NUDGE = LongDouble.of(3e-16);

    /** The digits of v >= 0, without padding. */
    private static String format(double v, boolean generic, int precision) {
        LongDouble real = LongDouble.of(v);
        int exp = 0;
        if (generic && precision > 0) {
            precision--;
        }
        int idx = precision & 0xfff;
        double rounder = HALF_UNITS[idx % 10];
        for (; idx >= 10; idx -= 10) {
            rounder *= 1.0e-10;
        }
        if (!generic) {
            int binaryExponent = (int) ((Double.doubleToRawLongBits(v) >>> 52) & 0x7ff) - 1023;
            if (precision + binaryExponent / 3 < 15) {
                rounder = LongDouble.of(rounder).add(real.multiply(ROUNDING_NUDGE)).doubleValue();
            }
            real = real.add(LongDouble.of(rounder));
        }
        if (!real.isZero()) {
            LongDouble scale = ONE;
            while (real.compareTo(scale.multiply(TEN)) >= 0 && exp <= 350) {
                scale = scale.multiply(TEN);
                exp++;
            }
            real = real.divide(scale);
            while (real.compareTo(BELOW_TEN_TO_THE_MINUS_8) < 0) {
                real = real.multiply(TIMES_TEN_TO_THE_8);
                exp -= 8;
            }
            while (real.compareTo(ONE) < 0) {
                real = real.multiply(TEN);
                exp--;
            }
        }
        if (generic) {
            real = real.add(LongDouble.of(rounder));
            if (real.compareTo(TEN) >= 0) {
                real = real.multiply(DOUBLE_ONE_TENTH);
                exp++;
            }
        }
        boolean exponential = false;
        boolean trimZeros = false;
        if (generic) {
            trimZeros = true;
            if (exp < -4 || exp > precision) {
                exponential = true;
            } else {
                precision = precision - exp;
            }
        }
        int e2 = exponential ? 0 : exp;
        Digits digits = new Digits(real);
        StringBuilder sb = new StringBuilder();
        if (e2 < 0) {
            sb.append('0');
        } else {
            for (; e2 >= 0; e2--) {
                sb.append(digits.next());
            }
        }
        boolean point = precision > 0;
        if (point) {
            sb.append('.');
        }
        for (e2++; e2 < 0; precision--, e2++) {
            sb.append('0');
        }
        while (precision-- > 0) {
            sb.append(digits.next());
        }
        if (trimZeros && point) {
            int end = sb.length();
            while (sb.charAt(end - 1) == '0') {
                end--;
            }
            if (sb.charAt(end - 1) == '.') {
                end--;
            }
            sb.setLength(end);
        }
        if (exponential) {
            sb.append('e').append(exp < 0 ? '-' : '+');
            int e = Math.abs(exp);
            if (e >= 100) {
                sb.append((char) ('0' + e / 100));
                e %= 100;
            }
            sb.append((char) ('0' + e / 10)).append((char) ('0' + e % 10));
        }
        return sb.toString();
    }

    /** printf's digit generator: the integer part, then the rest times ten; zeros after 16 digits. */
    private static final class Digits {
        private LongDouble value;
        private int remaining = SIGNIFICANT_DIGITS;

        Digits(LongDouble value) {
            this.value = value;
        }

        char next() {
            if (remaining <= 0) {
                return '0';
            }
            remaining--;
            int digit = value.intValue();
            value = value.subtract(LongDouble.of(digit)).multiply(TEN);
            return (char) ('0' + digit);
        }
    }
}
