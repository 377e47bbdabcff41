/*
 * The math functions that glibc does not round correctly but computes from
 * other functions by the classic fdlibm identities: the hyperbolic functions
 * and their inverses (from exp, expm1, log, log1p) and log10 (from log).
 * SQLite's results are those of these identities, so the same identities
 * are evaluated here, in double, over the same building blocks: exp and log
 * correctly rounded (as glibc's are, to within a rare last-bit difference),
 * expm1 and log1p from StrictMath (fdlibm's, which glibc also uses).
 */
package turso.functions.math;

final class LibmFormulas {

    private LibmFormulas() {
    }

    private static final double LN2 = 6.93147180559945286227e-01;
    /**
     * The identities switch at thresholds fdlibm tests on the high 32 bits of
     * the argument: these are the smallest doubles of those high words.
     */
    private static final double LOG_MAX = high(0x40862e42);
    private static final double HALF_LN2 = high(0x3fd62e43);

    private static double high(int word) {
        return Double.longBitsToDouble((long) word << 32);
    }

    /** The argument's high 32 bits without the sign, as fdlibm compares them. */
    private static int highWord(double a) {
        return (int) (Double.doubleToRawLongBits(a) >>> 32) & 0x7fffffff;
    }
    private static final double LOG10_2_HI = 3.01029995663611771306e-01;
    private static final double LOG10_2_LO = 3.69423907715893078616e-13;
    private static final double INVERSE_LN10 = 4.34294481903251816668e-01;

    static double sinh(double x) {
        if (!Double.isFinite(x)) {
            return x;
        }
        double a = Math.abs(x);
        double h = Math.copySign(0.5, x);
        if (a < 22) {
            if (a < 0x1p-28) {
                return x;
            }
            double t = StrictMath.expm1(a);
            return a < 1 ? h * (2.0 * t - t * t / (t + 1.0)) : h * (t + t / (t + 1.0));
        }
        if (a < LOG_MAX) {
            return h * CorrectlyRounded.exp(a);
        }
        double w = CorrectlyRounded.exp(0.5 * a);
        return h * w * w;
    }

    static double cosh(double x) {
        if (!Double.isFinite(x)) {
            return Math.abs(x);
        }
        double a = Math.abs(x);
        if (a < HALF_LN2) {
            double t = StrictMath.expm1(a);
            double w = 1.0 + t;
            return a < 0x1p-55 ? w : 1.0 + (t * t) / (w + w);
        }
        if (a < 22) {
            double t = CorrectlyRounded.exp(a);
            return 0.5 * t + 0.5 / t;
        }
        if (a < LOG_MAX) {
            return 0.5 * CorrectlyRounded.exp(a);
        }
        double w = CorrectlyRounded.exp(0.5 * a);
        return 0.5 * w * w;
    }

    static double tanh(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double a = Math.abs(x);
        double z;
        if (a < 22) {
            if (a < 0x1p-55) {
                return x * (1.0 + x);
            }
            if (a >= 1) {
                double t = StrictMath.expm1(2 * a);
                z = 1.0 - 2.0 / (t + 2.0);
            } else {
                double t = StrictMath.expm1(-2 * a);
                z = -t / (t + 2.0);
            }
        } else {
            z = 1.0;
        }
        return Math.copySign(z, x);
    }

    static double asinh(double x) {
        if (!Double.isFinite(x)) {
            return x;
        }
        double a = Math.abs(x);
        if (a < 0x1p-28) {
            return x;
        }
        double w;
        if (highWord(a) > 0x41b00000) {
            w = CorrectlyRounded.ln(a) + LN2;
        } else if (highWord(a) > 0x40000000) {
            w = CorrectlyRounded.ln(2 * a + 1 / (Math.sqrt(x * x + 1) + a));
        } else {
            double t = x * x;
            w = StrictMath.log1p(a + t / (1 + Math.sqrt(1 + t)));
        }
        return Math.copySign(w, x);
    }

    static double acosh(double x) {
        if (!(x >= 1)) {
            return Double.NaN;
        }
        if (x >= 0x1p28) {
            return x == Double.POSITIVE_INFINITY ? x : CorrectlyRounded.ln(x) + LN2;
        }
        if (x == 1) {
            return 0.0;
        }
        if (highWord(x) > 0x40000000) {
            double t = x * x;
            return CorrectlyRounded.ln(2 * x - 1 / (x + Math.sqrt(t - 1)));
        }
        double t = x - 1;
        return StrictMath.log1p(t + Math.sqrt(2 * t + t * t));
    }

    static double atanh(double x) {
        double a = Math.abs(x);
        if (!(a <= 1)) {
            return Double.NaN;
        }
        if (a == 1) {
            return Math.copySign(Double.POSITIVE_INFINITY, x);
        }
        if (a < 0x1p-28) {
            return x;
        }
        double t;
        if (a < 0.5) {
            t = a + a;
            t = 0.5 * StrictMath.log1p(t + t * a / (1 - a));
        } else {
            t = 0.5 * StrictMath.log1p((a + a) / (1 - a));
        }
        return Math.copySign(t, x);
    }

    /** log10 as k log10(2) + log10(m) with m's binary exponent 0 or -1, so that powers of ten come out exact. */
    static double log10(double x) {
        if (!(x > 0) || x == Double.POSITIVE_INFINITY) {
            return StrictMath.log10(x);
        }
        int k = 0;
        if (x < Double.MIN_NORMAL) {
            x *= 0x1p54;
            k = -54;
        }
        int e = Math.getExponent(x);
        k += e;
        int i = k < 0 ? 1 : 0;
        double m = Math.scalb(x, -e - i);
        double y = k + i;
        double z = y * LOG10_2_LO + INVERSE_LN10 * CorrectlyRounded.ln(m);
        return z + y * LOG10_2_HI;
    }
}
