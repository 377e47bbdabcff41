/*
 * Correctly rounded elementary functions for the math library. SQLite calls
 * the C library (glibc), whose sin, cos, exp, log, atan2... give the double
 * nearest to the exact result in all but about one case in a thousand (its
 * error bound is a little above half a unit in the last place); Java's
 * StrictMath (fdlibm) misses it far more often. Each function here
 * evaluates in double-double (about 106 bits: argument reduction, Taylor
 * series, Newton steps on StrictMath's first guess) and rounds once. The result is the nearest double
 * unless the exact value lies within about 2^-90 of a half-way point, which
 * random arguments essentially never do. Ranges the double-double path does
 * not cover (subnormal results, non-finite arguments) use StrictMath, which
 * is exact there or agrees with C's special cases.
 */
package turso.functions.math;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

final class CorrectlyRounded {

    private CorrectlyRounded() {
    }

    private static final MathContext WIDE = new MathContext(480);
    private static final BigDecimal HALF_PI_WIDE = machinPi().divide(BigDecimal.TWO, WIDE);
    static final DoubleDouble HALF_PI = toDoubleDouble(HALF_PI_WIDE);
    static final DoubleDouble PI = HALF_PI.scale(1);
    static final DoubleDouble LN2 = toDoubleDouble(atanhInverse(3).multiply(BigDecimal.TWO));
    /** pi/2 as three doubles, for an exact reduction of moderate arguments. */
    private static final double PIO2_1 = HALF_PI_WIDE.doubleValue();
    private static final double PIO2_2 = HALF_PI_WIDE.subtract(new BigDecimal(PIO2_1)).doubleValue();
    private static final double PIO2_3 = HALF_PI_WIDE.subtract(new BigDecimal(PIO2_1))
            .subtract(new BigDecimal(PIO2_2)).doubleValue();
    /** 1/n! for n = 0..32. */
    private static final DoubleDouble[] INVERSE_FACTORIAL = new DoubleDouble[33];
    /** 1/n for n = 0..32 (index 0 unused). */
    private static final DoubleDouble[] INVERSE = new DoubleDouble[33];

    static {
        BigDecimal factorial = BigDecimal.ONE;
        for (int n = 0; n < INVERSE_FACTORIAL.length; n++) {
            if (n > 0) {
                factorial = factorial.multiply(BigDecimal.valueOf(n));
                INVERSE[n] = toDoubleDouble(BigDecimal.ONE.divide(BigDecimal.valueOf(n), WIDE));
            }
            INVERSE_FACTORIAL[n] = toDoubleDouble(BigDecimal.ONE.divide(factorial, WIDE));
        }
        INVERSE[0] = DoubleDouble.ZERO;
    }

    private static DoubleDouble toDoubleDouble(BigDecimal v) {
        double hi = v.doubleValue();
        return new DoubleDouble(hi, v.subtract(new BigDecimal(hi)).doubleValue());
    }

    /** pi = 16 atan(1/5) - 4 atan(1/239). */
    private static BigDecimal machinPi() {
        return atanInverse(5).multiply(BigDecimal.valueOf(16)).subtract(atanInverse(239).multiply(BigDecimal.valueOf(4)));
    }

    /** atan(1/n) by its series. */
    private static BigDecimal atanInverse(int n) {
        return inverseSeries(n, true);
    }

    /** atanh(1/n) by its series. */
    private static BigDecimal atanhInverse(int n) {
        return inverseSeries(n, false);
    }

    private static BigDecimal inverseSeries(int n, boolean alternating) {
        BigDecimal nn = BigDecimal.valueOf((long) n * n);
        BigDecimal power = BigDecimal.ONE.divide(BigDecimal.valueOf(n), WIDE);
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal limit = BigDecimal.ONE.movePointLeft(WIDE.getPrecision() + 5);
        for (int k = 0; power.compareTo(limit) > 0; k++) {
            BigDecimal term = power.divide(BigDecimal.valueOf(2L * k + 1), WIDE);
            total = alternating && (k & 1) == 1 ? total.subtract(term) : total.add(term);
            power = power.divide(nn, WIDE);
        }
        return total;
    }

    private static double round(DoubleDouble v) {
        return v.hi() + v.lo();
    }

    // ---- exponential and logarithm

    /** e^a for a below about 709.8; the caller keeps results out of the subnormal range. */
    static DoubleDouble exp(DoubleDouble a) {
        if (a.hi() > 709.79) {
            return DoubleDouble.of(Double.POSITIVE_INFINITY);
        }
        double k = Math.rint(a.hi() / LN2.hi());
        DoubleDouble r = a.subtract(LN2.multiply(k)).scale(-10);
        DoubleDouble p = INVERSE_FACTORIAL[10];
        for (int n = 9; n >= 1; n--) {
            p = p.multiply(r).add(INVERSE_FACTORIAL[n]);
        }
        DoubleDouble s = p.multiply(r);
        for (int i = 0; i < 10; i++) {
            s = s.multiply(s.add(2.0));
        }
        return s.add(1.0).scale((int) k);
    }

    /** log(1 + t) for small |t| by its series; t exact in double-double. */
    private static DoubleDouble log1pSeries(DoubleDouble t) {
        DoubleDouble p = INVERSE[20].negate();
        for (int n = 19; n >= 1; n--) {
            p = p.multiply(t).add((n & 1) == 1 ? INVERSE[n] : INVERSE[n].negate());
        }
        return p.multiply(t);
    }

    /** Natural logarithm of a positive finite double-double. */
    static DoubleDouble log(DoubleDouble x) {
        DoubleDouble t = x.add(-1.0);
        if (Math.abs(t.hi()) < 1.0 / 64) {
            return log1pSeries(t);
        }
        int e = 0;
        if (x.hi() < Double.MIN_NORMAL) {
            x = x.scale(64);
            e = -64;
        }
        e += Math.getExponent(x.hi());
        DoubleDouble m = x.scale(-Math.getExponent(x.hi()));
        if (m.hi() > 1.5) {
            m = m.scale(-1);
            e++;
        }
        DoubleDouble y;
        DoubleDouble mt = m.add(-1.0);
        if (Math.abs(mt.hi()) < 1.0 / 64) {
            y = log1pSeries(mt);
        } else {
            y = DoubleDouble.of(StrictMath.log(m.hi()));
            y = y.add(m.multiply(exp(y.negate())).add(-1.0));
        }
        return e == 0 ? y : y.add(LN2.multiply(e));
    }

    static double exp(double x) {
        if (Double.isNaN(x) || x > 709.79 || x < -708.39) {
            return StrictMath.exp(x);
        }
        return round(exp(DoubleDouble.of(x)));
    }

    static double ln(double x) {
        if (!(x > 0) || x == Double.POSITIVE_INFINITY) {
            return StrictMath.log(x);
        }
        return round(log(DoubleDouble.of(x)));
    }

    /** C's pow, correctly rounded where the result is a normal double. */
    static double pow(double x, double y) {
        if (Double.isInfinite(y) && Math.abs(x) == 1) {
            return 1.0;
        }
        if (y == 0 || x == 1) {
            return 1.0;
        }
        if (!Double.isFinite(x) || !Double.isFinite(y) || x == 0 || Math.abs(y) > 0x1p62) {
            return StrictMath.pow(x, y);
        }
        double sign = 1;
        if (x < 0) {
            if (y != Math.rint(y)) {
                return Double.NaN;
            }
            sign = (((long) y) & 1) == 1 ? -1 : 1;
            x = -x;
        }
        DoubleDouble z = log(DoubleDouble.of(x)).multiply(y);
        if (z.hi() > 709.79) {
            return sign * Double.POSITIVE_INFINITY;
        }
        if (z.hi() < -708.3) {
            return sign * StrictMath.pow(x, y);
        }
        return sign * round(exp(z));
    }

    // ---- circular functions

    /** x reduced by multiples of pi/2: the quadrant (k mod 4) and the remainder in [-pi/4, pi/4]. */
    private record Reduced(int quadrant, DoubleDouble r) {
    }

    private static Reduced reduce(double x) {
        double a = Math.abs(x);
        if (a <= Math.PI / 4) {
            return new Reduced(0, DoubleDouble.of(x));
        }
        if (a < 0x1p20) {
            double k = Math.rint(x / PIO2_1);
            DoubleDouble r = DoubleDouble.of(x).subtract(DoubleDouble.product(k, PIO2_1))
                    .subtract(DoubleDouble.product(k, PIO2_2)).add(-k * PIO2_3);
            return new Reduced((int) ((long) k & 3), r);
        }
        BigDecimal big = new BigDecimal(x);
        BigInteger k = big.divide(HALF_PI_WIDE, WIDE).setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
        BigDecimal r = big.subtract(HALF_PI_WIDE.multiply(new BigDecimal(k)), WIDE);
        return new Reduced(k.and(BigInteger.valueOf(3)).intValue(), toDoubleDouble(r));
    }

    /** sin r for |r| <= pi/4. */
    private static DoubleDouble sinKernel(DoubleDouble r) {
        DoubleDouble z = r.multiply(r);
        DoubleDouble p = INVERSE_FACTORIAL[31].negate();
        for (int n = 29; n >= 1; n -= 2) {
            p = p.multiply(z).add(((n - 1) / 2 & 1) == 1 ? INVERSE_FACTORIAL[n].negate() : INVERSE_FACTORIAL[n]);
        }
        return p.multiply(r);
    }

    /** cos r for |r| <= pi/4. */
    private static DoubleDouble cosKernel(DoubleDouble r) {
        DoubleDouble z = r.multiply(r);
        DoubleDouble p = INVERSE_FACTORIAL[32];
        for (int n = 30; n >= 0; n -= 2) {
            p = p.multiply(z).add((n / 2 & 1) == 1 ? INVERSE_FACTORIAL[n].negate() : INVERSE_FACTORIAL[n]);
        }
        return p;
    }

    private static DoubleDouble sin(Reduced x) {
        return switch (x.quadrant()) {
            case 0 -> sinKernel(x.r());
            case 1 -> cosKernel(x.r());
            case 2 -> sinKernel(x.r()).negate();
            default -> cosKernel(x.r()).negate();
        };
    }

    private static DoubleDouble cos(Reduced x) {
        return switch (x.quadrant()) {
            case 0 -> cosKernel(x.r());
            case 1 -> sinKernel(x.r()).negate();
            case 2 -> cosKernel(x.r()).negate();
            default -> sinKernel(x.r());
        };
    }

    static double sin(double x) {
        if (!Double.isFinite(x) || x == 0) {
            return StrictMath.sin(x);
        }
        return round(sin(reduce(x)));
    }

    static double cos(double x) {
        if (!Double.isFinite(x)) {
            return StrictMath.cos(x);
        }
        return round(cos(reduce(x)));
    }

    static double tan(double x) {
        if (!Double.isFinite(x) || x == 0) {
            return StrictMath.tan(x);
        }
        Reduced r = reduce(x);
        return round(sin(r).divide(cos(r)));
    }

    /** atan u for 0 <= u <= 1. */
    private static DoubleDouble atanCore(DoubleDouble u) {
        if (u.hi() < 0x1p-10) {
            DoubleDouble z = u.multiply(u);
            DoubleDouble p = INVERSE[21];
            for (int n = 19; n >= 1; n -= 2) {
                p = p.multiply(z).add(((n - 1) / 2 & 1) == 1 ? INVERSE[n].negate() : INVERSE[n]);
            }
            return p.multiply(u);
        }
        double y0 = StrictMath.atan(u.hi());
        Reduced r = reduce(y0);
        DoubleDouble s = sin(r);
        DoubleDouble c = cos(r);
        return DoubleDouble.of(y0).add(c.multiply(u.multiply(c).subtract(s)));
    }

    /** atan t for any finite t. */
    private static DoubleDouble atan(DoubleDouble t) {
        DoubleDouble a = t.abs();
        DoubleDouble r = a.hi() > 1 ? HALF_PI.subtract(atanCore(DoubleDouble.ONE.divide(a))) : atanCore(a);
        return t.hi() < 0 ? r.negate() : r;
    }

    /** atan2(y, x) for finite arguments, not both zero, y/x not subnormal. */
    private static DoubleDouble atan2(DoubleDouble y, DoubleDouble x) {
        if (y.abs().hi() <= x.abs().hi()) {
            DoubleDouble base = atan(y.divide(x));
            if (x.hi() < 0) {
                return y.hi() < 0 || (y.hi() == 0 && 1 / y.hi() < 0) ? base.subtract(PI) : base.add(PI);
            }
            return base;
        }
        DoubleDouble base = atan(x.divide(y));
        return y.hi() > 0 ? HALF_PI.subtract(base) : HALF_PI.negate().subtract(base);
    }

    static double atan(double x) {
        if (!Double.isFinite(x) || x == 0) {
            return StrictMath.atan(x);
        }
        return round(atan(DoubleDouble.of(x)));
    }

    static double atan2(double y, double x) {
        if (!Double.isFinite(x) || !Double.isFinite(y) || x == 0 || y == 0) {
            return StrictMath.atan2(y, x);
        }
        double ay = Math.abs(y);
        double ax = Math.abs(x);
        if (ay <= ax && ay / ax < 0x1p-960) {
            return StrictMath.atan2(y, x);
        }
        return round(atan2(DoubleDouble.of(y), DoubleDouble.of(x)));
    }

    /** sqrt(1 - x^2) without cancellation, |x| <= 1. */
    private static DoubleDouble complement(double x) {
        return DoubleDouble.sum(1.0, -x).multiply(DoubleDouble.sum(1.0, x)).sqrt();
    }

    static double asin(double x) {
        if (!(Math.abs(x) <= 1) || x == 0 || Math.abs(x) < 0x1p-960) {
            return StrictMath.asin(x);
        }
        if (Math.abs(x) == 1) {
            return Math.copySign(round(HALF_PI), x);
        }
        return round(atan2(DoubleDouble.of(x), complement(x)));
    }

    static double acos(double x) {
        if (!(Math.abs(x) <= 1)) {
            return StrictMath.acos(x);
        }
        if (x == 1) {
            return 0.0;
        }
        if (x == -1) {
            return round(PI);
        }
        if (x == 0) {
            return round(HALF_PI);
        }
        return round(atan2(complement(x), DoubleDouble.of(x)));
    }
}
