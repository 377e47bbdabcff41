/*
 * A non-negative x87 80-bit extended real ("long double" on x86-64 Linux):
 * a 64-bit significand, every operation rounded to nearest, ties to even.
 * SQLite 3.40 reads and writes the decimal digits of reals in this
 * precision, and its last digits (and its rounding of near-ties) depend on
 * it, so NumericText and FloatFormat compute with the same arithmetic.
 * The significand is an unsigned long with its top bit set (or 0 for zero);
 * products use 128-bit intermediate results, division is done bit by bit.
 */
package turso.vm;

import java.math.BigInteger;

final class ExtendedReal implements Comparable<ExtendedReal> {
    private static final long TOP = 1L << 63;

    static final ExtendedReal ZERO = new ExtendedReal(0, 0);

    /** The value is significand * 2^exponent, the significand read as unsigned. */
    private final long significand;
    private final int exponent;

    private ExtendedReal(long significand, int exponent) {
        this.significand = significand;
        this.exponent = exponent;
    }

    /** The 64-bit value {@code m * 2^e}, exactly. */
    private static ExtendedReal exact(long m, int e) {
        if (m == 0) {
            return ZERO;
        }
        int lz = Long.numberOfLeadingZeros(m);
        return new ExtendedReal(m << lz, e - lz);
    }

    /**
     * Rounds {@code (hi:lo) * 2^e} to 64 significant bits; {@code sticky} says
     * that non-zero bits were already dropped below {@code lo}.
     */
    private static ExtendedReal round(long hi, long lo, int e, boolean sticky) {
        if (hi == 0) {
            if (!sticky) {
                return exact(lo, e);
            }
            hi = lo;
            lo = 0;
            e -= 64;
        }
        int lz = Long.numberOfLeadingZeros(hi);
        if (lz > 0) {
            hi = (hi << lz) | (lo >>> (64 - lz));
            lo <<= lz;
            e -= lz;
        }
        int cmp = Long.compareUnsigned(lo, TOP);
        if (cmp == 0 && sticky) {
            cmp = 1;
        }
        if (cmp > 0 || (cmp == 0 && (hi & 1) != 0)) {
            hi++;
            if (hi == 0) {
                hi = TOP;
                e++;
            }
        }
        return new ExtendedReal(hi, e + 64);
    }

    /** A double, exactly (every double is an extended real). */
    static ExtendedReal of(double d) {
        long bits = Double.doubleToRawLongBits(Math.abs(d));
        int biased = (int) (bits >>> 52);
        long fraction = bits & ((1L << 52) - 1);
        if (biased == 0) {
            return exact(fraction, -1074);
        }
        return exact(fraction | (1L << 52), biased - 1075);
    }

    /** A non-negative long, exactly. */
    static ExtendedReal of(long n) {
        return exact(n, 0);
    }

    boolean isZero() {
        return significand == 0;
    }

    ExtendedReal multiply(ExtendedReal o) {
        if (isZero() || o.isZero()) {
            return ZERO;
        }
        long hi = Math.unsignedMultiplyHigh(significand, o.significand);
        long lo = significand * o.significand;
        return round(hi, lo, exponent + o.exponent, false);
    }

    ExtendedReal add(ExtendedReal o) {
        if (isZero()) {
            return o;
        }
        if (o.isZero()) {
            return this;
        }
        ExtendedReal a = exponent >= o.exponent ? this : o;
        ExtendedReal b = a == this ? o : this;
        int d = a.exponent - b.exponent;
        // both as 128-bit numbers in units of 2^(a.exponent - 64)
        long aHi = a.significand;
        long bHi;
        long bLo;
        boolean sticky = false;
        if (d == 0) {
            bHi = b.significand;
            bLo = 0;
        } else if (d < 64) {
            bHi = b.significand >>> d;
            bLo = b.significand << (64 - d);
        } else if (d < 128) {
            bHi = 0;
            bLo = d == 64 ? b.significand : b.significand >>> (d - 64);
            sticky = d > 64 && (b.significand << (128 - d)) != 0;
        } else {
            bHi = 0;
            bLo = 0;
            sticky = true;
        }
        long lo = bLo;
        long hi = aHi + bHi;
        int e = a.exponent - 64;
        if (Long.compareUnsigned(hi, aHi) < 0) {
            // carry out of 128 bits: shift right by one, keeping the lost bit as sticky
            sticky |= (lo & 1) != 0;
            lo = (lo >>> 1) | (hi << 63);
            hi = (hi >>> 1) | TOP;
            e++;
        }
        return round(hi, lo, e, sticky);
    }

    ExtendedReal divide(ExtendedReal o) {
        if (isZero()) {
            return ZERO;
        }
        // long division, one bit at a time: 64 quotient bits from the first 1, a round bit, a sticky remainder
        long b = o.significand;
        long r = significand;
        long q = 0;
        int bits = 0;
        int steps = 0;
        if (Long.compareUnsigned(r, b) >= 0) {
            q = 1;
            bits = 1;
            r -= b;
        }
        while (bits < 64) {
            boolean carry = r < 0;
            r <<= 1;
            steps++;
            boolean bit = carry || Long.compareUnsigned(r, b) >= 0;
            if (bit) {
                r -= b;
            }
            if (bits > 0 || bit) {
                q = (q << 1) | (bit ? 1 : 0);
                bits++;
            }
        }
        boolean carry = r < 0;
        r <<= 1;
        boolean roundBit = carry || Long.compareUnsigned(r, b) >= 0;
        if (roundBit) {
            r -= b;
        }
        boolean sticky = r != 0;
        int e = exponent - o.exponent - steps;
        if (roundBit && (sticky || (q & 1) != 0)) {
            q++;
            if (q == 0) {
                q = TOP;
                e++;
            }
        }
        return new ExtendedReal(q, e);
    }

    private static BigInteger unsigned(long v) {
        BigInteger b = BigInteger.valueOf(v & Long.MAX_VALUE);
        return v < 0 ? b.setBit(63) : b;
    }

    /** The integer part (the value must be below 2^31). */
    int intPart() {
        if (isZero() || exponent <= -64) {
            return 0;
        }
        return (int) (significand >>> -exponent);
    }

    /** (this - intPart()) * 10, the step that reads off one decimal digit. */
    ExtendedReal nextDigitRemainder() {
        if (isZero() || exponent >= 0) {
            return ZERO;
        }
        long fraction = exponent <= -64 ? significand : significand & ((1L << -exponent) - 1);
        long hi = Math.unsignedMultiplyHigh(fraction, 10);
        long lo = fraction * 10;
        return round(hi, lo, exponent, false);
    }

    /** The nearest double (ties to even), as storing a long double into a double does. */
    double toDouble() {
        if (isZero()) {
            return 0.0;
        }
        int binaryExponent = exponent + 63;
        if (binaryExponent < -1022) {
            java.math.BigDecimal exact = new java.math.BigDecimal(
                    unsigned(significand).multiply(BigInteger.valueOf(5).pow(-exponent)), -exponent);
            return exact.doubleValue();
        }
        long q = significand >>> 11;
        long r = significand & 0x7FF;
        if (r > 0x400 || (r == 0x400 && (q & 1) != 0)) {
            q++;
        }
        return Math.scalb((double) q, exponent + 11);
    }

    @Override
    public int compareTo(ExtendedReal o) {
        if (isZero() || o.isZero()) {
            return Boolean.compare(!isZero(), !o.isZero());
        }
        if (exponent != o.exponent) {
            return Integer.compare(exponent, o.exponent);
        }
        return Long.compareUnsigned(significand, o.significand);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExtendedReal x && compareTo(x) == 0;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(significand) * 31 + exponent;
    }
}
