/*
 * A non-negative x87 80-bit long double: a 64-bit significand and a binary
 * exponent, each operation rounded to nearest-even as the FPU does. SQLite's
 * printf computes in this type on x86-64 Linux, and the last digit of
 * strftime's %J and %f depends on it; Java has no such type, so this is just
 * enough of one for SqlitePrintf (exponent range is not limited, which the
 * values printed here never need).
 */
package turso.functions.datetime;

import java.math.BigInteger;

record LongDouble(BigInteger significand, int exponent) implements Comparable<LongDouble> {

    private static final int BITS = 64;

    static final LongDouble ZERO = new LongDouble(BigInteger.ZERO, 0);

    /** The value of a double, exactly. */
    static LongDouble of(double d) {
        if (d <= 0.0) {
            return ZERO;
        }
        long bits = Double.doubleToRawLongBits(d);
        int biased = (int) ((bits >>> 52) & 0x7ff);
        long fraction = bits & ((1L << 52) - 1);
        if (biased == 0) {
            return round(BigInteger.valueOf(fraction), -1074);
        }
        return round(BigInteger.valueOf(fraction | (1L << 52)), biased - 1075);
    }

    /** m * 2^e rounded to a 64-bit significand, ties to even. */
    private static LongDouble round(BigInteger m, int e) {
        if (m.signum() == 0) {
            return ZERO;
        }
        int n = m.bitLength();
        if (n <= BITS) {
            return new LongDouble(m.shiftLeft(BITS - n), e - (BITS - n));
        }
        int shift = n - BITS;
        BigInteger q = m.shiftRight(shift);
        BigInteger rest = m.subtract(q.shiftLeft(shift));
        int cmp = rest.compareTo(BigInteger.ONE.shiftLeft(shift - 1));
        if (cmp > 0 || (cmp == 0 && q.testBit(0))) {
            q = q.add(BigInteger.ONE);
            if (q.bitLength() > BITS) {
                q = q.shiftRight(1);
                shift++;
            }
        }
        return new LongDouble(q, e + shift);
    }

    boolean isZero() {
        return significand.signum() == 0;
    }

    LongDouble add(LongDouble o) {
        if (isZero()) {
            return o;
        }
        if (o.isZero()) {
            return this;
        }
        int e = Math.min(exponent, o.exponent);
        return round(significand.shiftLeft(exponent - e).add(o.significand.shiftLeft(o.exponent - e)), e);
    }

    /** this - o, for o <= this. */
    LongDouble subtract(LongDouble o) {
        if (o.isZero()) {
            return this;
        }
        int e = Math.min(exponent, o.exponent);
        return round(significand.shiftLeft(exponent - e).subtract(o.significand.shiftLeft(o.exponent - e)), e);
    }

    LongDouble multiply(LongDouble o) {
        if (isZero() || o.isZero()) {
            return ZERO;
        }
        return round(significand.multiply(o.significand), exponent + o.exponent);
    }

    LongDouble divide(LongDouble o) {
        if (isZero()) {
            return ZERO;
        }
        BigInteger[] qr = significand.shiftLeft(2 * BITS + 2).divideAndRemainder(o.significand);
        BigInteger q = qr[0];
        int e = exponent - o.exponent - (2 * BITS + 2);
        if (qr[1].signum() != 0) {
            q = q.shiftLeft(1).or(BigInteger.ONE);
            e--;
        }
        return round(q, e);
    }

    @Override
    public int compareTo(LongDouble o) {
        if (isZero() || o.isZero()) {
            return Integer.compare(significand.signum(), o.significand.signum());
        }
        if (exponent != o.exponent) {
            return Integer.compare(exponent, o.exponent);
        }
        return significand.compareTo(o.significand);
    }

    /** The integer part, as C's conversion to int truncates it; for values below 2^31. */
    int intValue() {
        return exponent >= 0 ? significand.shiftLeft(exponent).intValueExact() : significand.shiftRight(-exponent).intValue();
    }

    /** Rounded to the nearest double. */
    double doubleValue() {
        return isZero() ? 0.0 : Math.scalb(significand.doubleValue(), exponent);
    }
}
