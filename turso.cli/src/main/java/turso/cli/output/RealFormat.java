/*
 * sqlite3 3.40's "%!.Ng" rendering of a double, digit for digit. Quote,
 * insert and json modes print reals with "%!.20g" from the double itself (not
 * the "%!.15g" text a REAL column gives), and sqlite3 of that version derives
 * the digits with long-double arithmetic: scale into [1,10), add a rounding
 * constant, then peel digits off by multiplying by ten, at most 26
 * significant digits, the rest zeros. ExtendedReal replays those roundings.
 * The "!" flag keeps a ".0" on whole numbers and allows the extra digits.
 */
package turso.cli.output;

final class RealFormat {

    private static final double[] HALF_UNITS = {
        5.0e-01, 5.0e-02, 5.0e-03, 5.0e-04, 5.0e-05, 5.0e-06, 5.0e-07, 5.0e-08, 5.0e-09, 5.0e-10,
    };
    private static final int MAX_SIGNIFICANT = 26;

    private static final ExtendedReal TEN = ExtendedReal.of(10.0);
    private static final ExtendedReal TENTH = ExtendedReal.of(0.1);
    private static final ExtendedReal E10 = ExtendedReal.of(1e10);
    private static final ExtendedReal E100 = ExtendedReal.of(1e100);
    private static final ExtendedReal E8 = ExtendedReal.of(1e8);
    private static final ExtendedReal E_MINUS_8 = ExtendedReal.of(1e-8);
    private static final ExtendedReal ONE = ExtendedReal.of(1.0);

    private RealFormat() {
    }

    /** The value as sqlite3_snprintf("%!.{precision}g") prints it. */
    static String generic(double value, int precision) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        String sign = value < 0 ? "-" : "";
        double magnitude = Math.abs(value);
        int digitsAfterFirst = precision > 0 ? precision - 1 : precision;
        double rounder = HALF_UNITS[digitsAfterFirst % 10];
        for (int i = digitsAfterFirst; i >= 10; i -= 10) {
            rounder *= 1.0e-10;
        }
        if (Double.isInfinite(magnitude)) {
            return sign + "Inf";
        }
        int exp = 0;
        ExtendedReal real = ExtendedReal.of(magnitude);
        if (!real.isZero()) {
            ExtendedReal scale = ONE;
            while (real.compareTo(E100.times(scale)) >= 0) {
                scale = scale.times(E100);
                exp += 100;
            }
            while (real.compareTo(E10.times(scale)) >= 0) {
                scale = scale.times(E10);
                exp += 10;
            }
            while (real.compareTo(TEN.times(scale)) >= 0) {
                scale = scale.times(TEN);
                exp++;
            }
            real = real.dividedBy(scale);
            while (real.compareTo(E_MINUS_8) < 0) {
                real = real.times(E8);
                exp -= 8;
            }
            while (real.compareTo(ONE) < 0) {
                real = real.times(TEN);
                exp--;
            }
        }
        real = real.plus(ExtendedReal.of(rounder));
        if (real.compareTo(TEN) >= 0) {
            real = real.times(TENTH);
            exp++;
        }
        boolean exponential = exp < -4 || exp > digitsAfterFirst;
        int fractionDigits = exponential ? digitsAfterFirst : digitsAfterFirst - exp;
        int integerExponent = exponential ? 0 : exp;

        StringBuilder out = new StringBuilder(sign);
        Digits digits = new Digits(real);
        if (integerExponent < 0) {
            out.append('0');
        } else {
            for (int e = integerExponent; e >= 0; e--) {
                out.append(digits.next());
            }
        }
        out.append('.');
        int e2 = integerExponent + 1;
        for (; e2 < 0; e2++, fractionDigits--) {
            out.append('0');
        }
        for (; fractionDigits > 0; fractionDigits--) {
            out.append(digits.next());
        }
        int end = out.length();
        while (out.charAt(end - 1) == '0') {
            end--;
        }
        out.setLength(end);
        if (out.charAt(end - 1) == '.') {
            out.append('0');
        }
        if (exponential) {
            int shown = Math.abs(exp);
            out.append('e').append(exp < 0 ? '-' : '+');
            if (shown >= 100) {
                out.append((char) ('0' + shown / 100));
                shown %= 100;
            }
            out.append((char) ('0' + shown / 10)).append((char) ('0' + shown % 10));
        }
        return out.toString();
    }

    /** Peels decimal digits off a value in [0, 10): at most 26 significant ones, then zeros. */
    private static final class Digits {
        private ExtendedReal rest;
        private int budget = MAX_SIGNIFICANT;

        Digits(ExtendedReal value) {
            rest = value;
        }

        char next() {
            if (budget <= 0) {
                return '0';
            }
            budget--;
            int digit = rest.truncated();
            rest = rest.minus(ExtendedReal.ofInt(digit)).times(TEN);
            return (char) ('0' + digit);
        }
    }
}
