/*
 * Double-double arithmetic: a value held as the unevaluated sum of two
 * doubles (hi + lo, |lo| <= ulp(hi)/2), about 106 bits of precision. The
 * correctly rounded math functions compute in it and round once at the end;
 * error-free transformations (two-sum, fma two-product) keep each operation
 * within a few units of 2^-104 relative.
 */
package turso.functions.math;

record DoubleDouble(double hi, double lo) {

    static final DoubleDouble ZERO = new DoubleDouble(0.0, 0.0);
    static final DoubleDouble ONE = new DoubleDouble(1.0, 0.0);

    static DoubleDouble of(double x) {
        return new DoubleDouble(x, 0.0);
    }

    /** a + b exactly. */
    static DoubleDouble sum(double a, double b) {
        double s = a + b;
        double bb = s - a;
        return new DoubleDouble(s, (a - (s - bb)) + (b - bb));
    }

    /** a * b exactly (barring overflow and underflow). */
    static DoubleDouble product(double a, double b) {
        double p = a * b;
        return new DoubleDouble(p, Math.fma(a, b, -p));
    }

    private static DoubleDouble quick(double a, double b) {
        double s = a + b;
        return new DoubleDouble(s, b - (s - a));
    }

    DoubleDouble add(DoubleDouble y) {
        DoubleDouble s = sum(hi, y.hi);
        DoubleDouble t = sum(lo, y.lo);
        DoubleDouble u = quick(s.hi, s.lo + t.hi);
        return quick(u.hi, u.lo + t.lo);
    }

    DoubleDouble add(double y) {
        DoubleDouble s = sum(hi, y);
        return quick(s.hi, s.lo + lo);
    }

    DoubleDouble negate() {
        return new DoubleDouble(-hi, -lo);
    }

    DoubleDouble subtract(DoubleDouble y) {
        return add(y.negate());
    }

    DoubleDouble multiply(DoubleDouble y) {
        DoubleDouble p = product(hi, y.hi);
        return quick(p.hi, p.lo + (hi * y.lo + lo * y.hi));
    }

    DoubleDouble multiply(double y) {
        DoubleDouble p = product(hi, y);
        return quick(p.hi, p.lo + lo * y);
    }

    /** Multiplication by a power of two: exact. */
    DoubleDouble scale(int exponent) {
        return new DoubleDouble(Math.scalb(hi, exponent), Math.scalb(lo, exponent));
    }

    DoubleDouble divide(DoubleDouble y) {
        double q1 = hi / y.hi;
        DoubleDouble r = subtract(y.multiply(q1));
        double q2 = r.hi / y.hi;
        r = r.subtract(y.multiply(q2));
        double q3 = r.hi / y.hi;
        return quick(q1, q2).add(q3);
    }

    DoubleDouble sqrt() {
        if (hi <= 0) {
            return ZERO;
        }
        double s = Math.sqrt(hi);
        DoubleDouble r = subtract(product(s, s));
        return sum(s, r.hi / (2 * s)).add(r.lo / (2 * s));
    }

    DoubleDouble abs() {
        return hi < 0 ? negate() : this;
    }
}
