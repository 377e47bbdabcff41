/*
 * The %f, %e and %g conversions of reals as SQLite 3.40's printf does them,
 * the source of every text form of a real (casts, quote(), printf(), round()).
 * The digits come from SQLite's procedure, in 80-bit extended precision
 * (ExtendedReal): a rounding term of half a unit in the last place is added
 * (for %f with a small nudge of 3e-16 of the value when few digits are
 * asked for), the value is scaled into [1, 10) by powers of ten, then digits
 * are read off one by one, at most 16 significant ones (26 with the '!'
 * flag) and zeros after that. '!' also keeps a ".0" on whole numbers; '#'
 * keeps trailing zeros of %g; an infinity is "Inf".
 */
package turso.vm;

public final class FloatFormat {
    private FloatFormat() {
    }

    private static final ExtendedReal TEN = ExtendedReal.of(10.0);
    private static final ExtendedReal ONE = ExtendedReal.of(1.0);
    private static final ExtendedReal E8 = ExtendedReal.of(1e8);
    private static final ExtendedReal E10 = ExtendedReal.of(1e10);
    private static final ExtendedReal E100 = ExtendedReal.of(1e100);
    private static final ExtendedReal E_MINUS_8 = ExtendedReal.of(1e-8);
    private static final ExtendedReal E_MINUS_10 = ExtendedReal.of(1e-10);
    private static final ExtendedReal TENTH = ExtendedReal.of(0.1);
    private static final ExtendedReal NUDGE = ExtendedReal.of(3e-16);
    private static final ExtendedReal[] HALF_UNITS = new ExtendedReal[10];

    static {
        for (int i = 0; i < 10; i++) {
            HALF_UNITS[i] = ExtendedReal.of(Double.parseDouble("5.0e-" + (i + 1)));
        }
    }

    /**
     * One real converted by {@code conv} ('f', 'e', 'E', 'g' or 'G') with
     * {@code precision} (negative: 6) and the flags '+', ' ', '#' and '!'.
     */
    public static String format(double v, char conv, int precision, boolean plus, boolean space, boolean alt, boolean alt2) {
        StringBuilder sb = new StringBuilder();
        if (precision < 0) {
            precision = 6;
        }
        char prefix = v < 0 ? '-' : plus ? '+' : space ? ' ' : 0;
        if (Double.isInfinite(v)) {
            return (prefix != 0 ? String.valueOf(prefix) : "") + "Inf";
        }
        char kind = Character.toLowerCase(conv);
        if (kind == 'g' && precision > 0) {
            precision--;
        }
        ExtendedReal r = ExtendedReal.of(Math.abs(v));
        int idx = precision & 0xfff;
        ExtendedReal rounder = HALF_UNITS[idx % 10];
        for (; idx >= 10; idx -= 10) {
            rounder = rounder.multiply(E_MINUS_10);
        }
        if (kind == 'f') {
            int ex = Math.getExponent(v);
            if (precision + ex / 3 < 15) {
                rounder = rounder.add(r.multiply(NUDGE));
            }
            r = r.add(rounder);
        }
        int exp = 0;
        if (!r.isZero()) {
            {
                ExtendedReal scale = ONE;
                while (r.compareTo(E100.multiply(scale)) >= 0 && exp <= 350) {
                    scale = scale.multiply(E100);
                    exp += 100;
                }
                while (r.compareTo(E10.multiply(scale)) >= 0 && exp <= 350) {
                    scale = scale.multiply(E10);
                    exp += 10;
                }
                while (r.compareTo(TEN.multiply(scale)) >= 0 && exp <= 350) {
                    scale = scale.multiply(TEN);
                    exp++;
                }
                r = r.divide(scale);
                while (r.compareTo(E_MINUS_8) < 0) {
                    r = r.multiply(E8);
                    exp -= 8;
                }
                while (r.compareTo(ONE) < 0) {
                    r = r.multiply(TEN);
                    exp--;
                }
            }
            if (exp > 350) {
                return (prefix != 0 ? String.valueOf(prefix) : "") + "Inf";
            }
        }
        if (prefix != 0) {
            sb.append(prefix);
        }
        if (kind != 'f') {
            r = r.add(rounder);
            if (r.compareTo(TEN) >= 0) {
                r = r.multiply(TENTH);
                exp++;
            }
        }
        boolean rtz;
        boolean expForm;
        if (kind == 'g') {
            rtz = !alt;
            if (exp < -4 || exp > precision) {
                expForm = true;
            } else {
                precision = precision - exp;
                expForm = false;
            }
        } else {
            rtz = alt2;
            expForm = kind == 'e';
        }
        int e2 = expForm ? 0 : exp;
        Digits digits = new Digits(r, alt2 ? 26 : 16);
        if (e2 < 0) {
            sb.append('0');
        } else {
            for (; e2 >= 0; e2--) {
                sb.append(digits.next());
            }
        }
        boolean dp = precision > 0 || alt || alt2;
        if (dp) {
            sb.append('.');
        }
        int leadingZeros = Math.min(-(e2 + 1), precision);
        if (leadingZeros > 0) {
            sb.repeat('0', leadingZeros);
            precision -= leadingZeros;
        }
        for (; precision > 0 && digits.left > 0; precision--) {
            sb.append(digits.next());
        }
        // Past the significant digits only zeros follow: appended at once (a
        // precision may be 100,000,000), or not at all when they would be trimmed.
        if (precision > 0 && !(rtz && dp)) {
            sb.repeat('0', precision);
        }
        if (rtz && dp) {
            int end = sb.length();
            while (sb.charAt(end - 1) == '0') {
                end--;
            }
            boolean bareDot = sb.charAt(end - 1) == '.';
            sb.setLength(bareDot && !alt2 ? end - 1 : end);
            if (bareDot && alt2) {
                sb.append('0');
            }
        }
        if (expForm) {
            sb.append(Character.isUpperCase(conv) ? 'E' : 'e');
            sb.append(exp < 0 ? '-' : '+');
            int a = Math.abs(exp);
            if (a >= 100) {
                sb.append((char) ('0' + a / 100));
                a %= 100;
            }
            sb.append((char) ('0' + a / 10)).append((char) ('0' + a % 10));
        }
        return sb.toString();
    }

    /** Digits read off a value in [0, 10): the integer part, then the rest times ten; zeros after the limit. */
    private static final class Digits {
        private ExtendedReal value;
        private int left;

        Digits(ExtendedReal value, int limit) {
            this.value = value;
            this.left = limit;
        }

        char next() {
            if (left <= 0) {
                return '0';
            }
            left--;
            int d = value.intPart();
            value = value.nextDigitRemainder();
            return (char) ('0' + d);
        }
    }
}
