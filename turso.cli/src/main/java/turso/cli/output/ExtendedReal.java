/*
 * A non-negative binary floating-point number with a 64-bit significand,
 * rounded to nearest-even after every operation: the x87 "long double" that
 * sqlite3 3.40's printf uses to turn a double into decimal digits. Its
 * rounding errors are visible in the shell's output (2^63 in quote mode
 * prints as 9223372036854775807.8), so RealFormat replays that arithmetic
 * here. The value is mantissa * 2^exponent, the mantissa an unsigned 64-bit
 * number with its top bit set (zero is all zeros); products and sums are
 * formed exactly in 128 bits and then rounded, so no objects are allocated
 * except by division.
 */
package turso.cli.output;

import java.math.BigInteger;

record ExtendedReal(long mantissa, int exponent) implements Comparable<ExtendedReal> {

    static final ExtendedReal ZERO = new ExtendedReal(0, 0);

    private static final long TOP_BIT = Long.MIN_VALUE;
    private static final int DIVISION_GUARD_BITS = 66;

    /** The exact value of a finite double's magnitude. */
    static ExtendedReal of(double value) {
        long bits = Double.doubleToRawLongBits(value) & Long.MAX_VALUE;
        int biased = (int) (bits >>> 52);
        long fraction = bits & ((1L << 52) - 1);
        return biased == 0 ? normalized(fraction, -1074) : normalized(fraction | (1L << 52), biased - 1075);
    }

    static ExtendedReal ofInt(int value) {
        return normalized(value, 0);
    }

    boolean isZero() {
        return mantissa == 0;
    }

    ExtendedReal times(ExtendedReal other) {
        if (isZero() || other.isZero()) {
            return ZERO;
        }
        long high = Math.unsignedMultiplyHigh(mantissa, other.mantissa);
        long low = mantissa * other.mantissa;
        return rounded(high, low, exponent + other.exponent, false);
    }

    ExtendedReal dividedBy(ExtendedReal other) {
        if (isZero()) {
            return ZERO;
        }
        BigInteger[] qr = unsigned(mantissa).shiftLeft(DIVISION_GUARD_BITS).divideAndRemainder(unsigned(other.mantissa));
        return rounded(qr[0].shiftRight(64).longValue(), qr[0].longValue(),
                exponent - DIVISION_GUARD_BITS - other.exponent, qr[1].signum() != 0);
    }

    ExtendedReal plus(ExtendedReal other) {
        if (other.isZero()) {
            return this;
        }
        if (isZero()) {
            return other;
        }
        ExtendedReal big = exponent >= other.exponent ? this : other;
        ExtendedReal small = big == this ? other : this;
        Aligned s = Aligned.of(small.mantissa, big.exponent - small.exponent);
        long high = big.mantissa + s.high;
        long low = s.low;
        boolean sticky = s.sticky;
        int frameExponent = big.exponent - 64;
        if (Long.compareUnsigned(high, big.mantissa) < 0) {
            sticky |= (low & 1) != 0;
            low = (low >>> 1) | (high << 63);
            high = (high >>> 1) | TOP_BIT;
            frameExponent++;
        }
        return rounded(high, low, frameExponent, sticky);
    }

    /** this - other, for other &lt;= this. */
    ExtendedReal minus(ExtendedReal other) {
        if (other.isZero()) {
            return this;
        }
        Aligned s = Aligned.of(other.mantissa, exponent - other.exponent);
        long low = -s.low;
        long borrow = s.low != 0 ? 1 : 0;
        if (s.sticky) {
            // The bits shifted out make the true difference a little smaller: take one more unit, keep a sticky rest.
            borrow += low == 0 ? 1 : 0;
            low--;
        }
        long high = mantissa - s.high - borrow;
        return rounded(high, low, exponent - 64, s.sticky);
    }

    /** The integer part, as a C cast truncates it (used on values below 10). */
    int truncated() {
        if (isZero() || exponent <= -64) {
            return 0;
        }
        return exponent >= 0 ? (int) (mantissa << exponent) : (int) (mantissa >>> -exponent);
    }

    @Override
    public int compareTo(ExtendedReal other) {
        if (isZero() || other.isZero()) {
            return Boolean.compare(!isZero(), !other.isZero());
        }
        if (exponent != other.exponent) {
            return Integer.compare(exponent, other.exponent);
        }
        return Long.compareUnsigned(mantissa, other.mantissa);
    }

    /** A mantissa shifted right by {@code distance} bits into a 128-bit frame below a 64-bit one. */
    private record Aligned(long high, long low, boolean sticky) {
        static Aligned of(long mantissa, int distance) {
            if (distance == 0) {
                return new Aligned(mantissa, 0, false);
            }
            if (distance < 64) {
                return new Aligned(mantissa >>> distance, mantissa << (64 - distance), false);
            }
            if (distance == 64) {
                return new Aligned(0, mantissa, false);
            }
            if (distance < 128) {
                return new Aligned(0, mantissa >>> (distance - 64), (mantissa << (128 - distance)) != 0);
            }
            return new Aligned(0, 0, true);
        }
    }

    private static ExtendedReal normalized(long value, int exponent) {
        if (value == 0) {
            return ZERO;
        }
        int shift = Long.numberOfLeadingZeros(value);
        return new ExtendedReal(value << shift, exponent - shift);
    }

    /** (high:low) * 2^frameExponent, plus a sticky non-zero rest below low, rounded to 64 bits. */
    private static ExtendedReal rounded(long high, long low, int frameExponent, boolean sticky) {
        if (high == 0 && low == 0) {
            return sticky ? new ExtendedReal(TOP_BIT, frameExponent - 64 - 63) : ZERO;
        }
        int shift = high != 0 ? Long.numberOfLeadingZeros(high) : 64 + Long.numberOfLeadingZeros(low);
        if (shift >= 64) {
            high = low << (shift - 64);
            low = 0;
        } else if (shift > 0) {
            high = (high << shift) | (low >>> (64 - shift));
            low <<= shift;
        }
        int resultExponent = frameExponent - shift + 64;
        boolean half = low < 0;
        boolean aboveHalf = (low << 1) != 0 || sticky;
        if (half && (aboveHalf || (high & 1) != 0)) {
            high++;
            if (high == 0) {
                high = TOP_BIT;
                resultExponent++;
            }
        }
        return new ExtendedReal(high, resultExponent);
    }

    private static BigInteger unsigned(long value) {
        return BigInteger.valueOf(value >>> 1).shiftLeft(1).or(BigInteger.valueOf(value & 1));
    }
}
