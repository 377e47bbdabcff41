/*
 * The text form of a REAL value as SQLite 3.40 writes it (printf "%!.15g"):
 * 15 significant digits, trailing zeros dropped but always a ".0" so it reads
 * back as a real, exponent form below 1e-4 and from 1e15 on ("1.0e+15",
 * "1.0e-05"), "Inf" and "-Inf" for infinities, and "0.0" for minus zero.
 * Used by casts, concatenation, text affinity and result columns; the
 * digits are SQLite's own (FloatFormat), computed quickly for short ones.
 */
package turso.vm;

public final class RealFormat {
    private RealFormat() {
    }

    private static final int PRECISION = 15;

    public static String render(double d) {
        if (Double.isFinite(d) && Math.abs(d) >= Double.MIN_NORMAL) {
            String fast = shortForm(d);
            if (fast != null) {
                return fast;
            }
        }
        return FloatFormat.format(d, 'g', PRECISION, false, false, false, true);
    }

    /**
     * The rendering of a normal double whose shortest round-trip form has at
     * most 15 significant digits: those digits are what rounding to 15 gives
     * (the double is within half an ulp of them, far from a rounding tie), so
     * the slow exact procedure is not needed. Null for other doubles.
     */
    private static String shortForm(double d) {
        String s = Double.toString(Math.abs(d));
        int e = s.indexOf('E');
        int exp10 = 0;
        String mantissa = s;
        if (e >= 0) {
            exp10 = Integer.parseInt(s.substring(e + 1));
            mantissa = s.substring(0, e);
        }
        int dot = mantissa.indexOf('.');
        String intPart = mantissa.substring(0, dot);
        String all = intPart + mantissa.substring(dot + 1);
        int firstNonZero = 0;
        while (firstNonZero < all.length() - 1 && all.charAt(firstNonZero) == '0') {
            firstNonZero++;
        }
        int end = all.length();
        while (end > firstNonZero + 1 && all.charAt(end - 1) == '0') {
            end--;
        }
        String digits = all.substring(firstNonZero, end);
        if (digits.length() > PRECISION) {
            return null;
        }
        int exp = intPart.length() - 1 - firstNonZero + exp10;
        StringBuilder sb = new StringBuilder(24);
        if (d < 0) {
            sb.append('-');
        }
        if (exp < -4 || exp >= PRECISION) {
            sb.append(digits.charAt(0)).append('.');
            sb.append(digits.length() > 1 ? digits.substring(1) : "0");
            sb.append('e').append(exp < 0 ? '-' : '+');
            int a = Math.abs(exp);
            if (a < 10) {
                sb.append('0');
            }
            sb.append(a);
        } else if (exp >= 0) {
            if (digits.length() <= exp + 1) {
                sb.append(digits);
                sb.repeat('0', exp + 1 - digits.length());
                sb.append(".0");
            } else {
                sb.append(digits, 0, exp + 1).append('.').append(digits, exp + 1, digits.length());
            }
        } else {
            sb.append("0.");
            sb.repeat('0', -exp - 1);
            sb.append(digits);
        }
        return sb.toString();
    }
}
