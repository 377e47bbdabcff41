/*
 * The "math" function library: SQLite's built-in math functions
 * (lang_mathfunc.html). sign() is a core function, not one of these. Where
 * Java has no direct equivalent of the C library function (acosh, asinh,
 * atanh, log2) it is computed the way fdlibm does, and pow follows C where
 * Java's Math.pow does not (1 to an infinite power).
 */
package turso.functions.math;

import java.util.List;
import turso.api.spi.FunctionLibrary;
import turso.api.spi.SqlFunction;

public final class MathLibrary implements FunctionLibrary {

    private static final List<SqlFunction> FUNCTIONS = List.of(
            new MathFunction.Unary("acos", Math::acos),
            new MathFunction.Unary("acosh", MathLibrary::acosh),
            new MathFunction.Unary("asin", Math::asin),
            new MathFunction.Unary("asinh", MathLibrary::asinh),
            new MathFunction.Unary("atan", Math::atan),
            new MathFunction.Binary("atan2", Math::atan2),
            new MathFunction.Unary("atanh", MathLibrary::atanh),
            new MathFunction.Rounding("ceil", Math::ceil),
            new MathFunction.Rounding("ceiling", Math::ceil),
            new MathFunction.Unary("cos", Math::cos),
            new MathFunction.Unary("cosh", Math::cosh),
            new MathFunction.Unary("degrees", x -> x * (180.0 / Math.PI)),
            new MathFunction.Unary("exp", Math::exp),
            new MathFunction.Rounding("floor", Math::floor),
            new MathFunction.Logarithm("ln", 1, Math::log),
            new MathFunction.Logarithm("log", 1, Math::log10),
            new MathFunction.Logarithm("log", 2, Math::log),
            new MathFunction.Logarithm("log10", 1, Math::log10),
            new MathFunction.Logarithm("log2", 1, MathLibrary::log2),
            new MathFunction.Binary("mod", (x, y) -> x % y),
            new MathFunction.Pi(),
            new MathFunction.Binary("pow", MathLibrary::pow),
            new MathFunction.Binary("power", MathLibrary::pow),
            new MathFunction.Unary("radians", x -> x * (Math.PI / 180.0)),
            new MathFunction.Unary("sin", Math::sin),
            new MathFunction.Unary("sinh", Math::sinh),
            new MathFunction.Unary("sqrt", Math::sqrt),
            new MathFunction.Unary("tan", Math::tan),
            new MathFunction.Unary("tanh", Math::tanh),
            new MathFunction.Rounding("trunc", x -> x < 0 ? Math.ceil(x) : Math.floor(x)));

    @Override
    public String name() {
        return "math";
    }

    @Override
    public List<SqlFunction> functions() {
        return FUNCTIONS;
    }

    private static final double LN2 = Math.log(2);
    private static final double HUGE = 0x1p28;

    static double acosh(double x) {
        if (x < 1) {
            return Double.NaN;
        }
        if (x >= HUGE) {
            return Math.log(x) + LN2;
        }
        if (x > 2) {
            return Math.log(2 * x - 1 / (x + Math.sqrt(x * x - 1)));
        }
        double t = x - 1;
        return Math.log1p(t + Math.sqrt(2 * t + t * t));
    }

    static double asinh(double x) {
        double a = Math.abs(x);
        double r;
        if (a >= HUGE) {
            r = Math.log(a) + LN2;
        } else if (a > 2) {
            r = Math.log(2 * a + 1 / (Math.sqrt(a * a + 1) + a));
        } else {
            r = Math.log1p(a + a * a / (1 + Math.sqrt(1 + a * a)));
        }
        return Math.copySign(r, x);
    }

    static double atanh(double x) {
        double a = Math.abs(x);
        double r = a < 0.5 ? 0.5 * Math.log1p(2 * a + 2 * a * a / (1 - a)) : 0.5 * Math.log1p(2 * a / (1 - a));
        return Math.copySign(r, x);
    }

    /** log base 2: exact for powers of two, and without cancellation near 1. */
    static double log2(double x) {
        if (x > 0 && x < Double.POSITIVE_INFINITY && x >= Double.MIN_NORMAL
                && (Double.doubleToRawLongBits(x) & 0xfffffffffffffL) == 0) {
            return Math.getExponent(x);
        }
        if (x >= 0.5 && x <= 2) {
            return Math.log1p(x - 1) / LN2;
        }
        return Math.log(x) / LN2;
    }

    /** C's pow: 1 and -1 to an infinite power are 1 (Java's Math.pow gives NaN). */
    static double pow(double x, double y) {
        if (Double.isInfinite(y) && Math.abs(x) == 1) {
            return 1.0;
        }
        return Math.pow(x, y);
    }
}
