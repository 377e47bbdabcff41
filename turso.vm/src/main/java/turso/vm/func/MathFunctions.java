/*
 * SQLite's built-in math functions (lang_mathfunc.html): trigonometric,
 * hyperbolic, exponential and logarithmic functions, pow, mod, pi, and
 * ceil/floor/trunc. Arguments must be numbers or text that is wholly a
 * number; anything else gives NULL, as do results that are not numbers
 * (logarithms of values <= 0, acos(2)...). Integers stay integers under
 * ceil, floor and trunc.
 */
package turso.vm.func;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import turso.api.DataType;
import turso.api.spi.FunctionArguments;
import turso.api.spi.FunctionResult;
import turso.api.spi.SqlFunction;

final class MathFunctions {
    private MathFunctions() {
    }

    static List<SqlFunction> all() {
        List<SqlFunction> all = new ArrayList<>();
        unary(all, "acos", Math::acos);
        unary(all, "asin", Math::asin);
        unary(all, "atan", Math::atan);
        unary(all, "cos", Math::cos);
        unary(all, "sin", Math::sin);
        unary(all, "tan", Math::tan);
        unary(all, "cosh", Math::cosh);
        unary(all, "sinh", Math::sinh);
        unary(all, "tanh", Math::tanh);
        unary(all, "acosh", MathFunctions::acosh);
        unary(all, "asinh", MathFunctions::asinh);
        unary(all, "atanh", MathFunctions::atanh);
        unary(all, "exp", Math::exp);
        unary(all, "sqrt", Math::sqrt);
        unary(all, "degrees", x -> x * (180.0 / Math.PI));
        unary(all, "radians", x -> x * (Math.PI / 180.0));
        binary(all, "atan2", Math::atan2);
        binary(all, "pow", Math::pow);
        binary(all, "power", Math::pow);
        binary(all, "mod", (x, y) -> x % y);
        rounding(all, "ceil", Math::ceil);
        rounding(all, "ceiling", Math::ceil);
        rounding(all, "floor", Math::floor);
        rounding(all, "trunc", x -> x < 0 ? Math.ceil(x) : Math.floor(x));
        all.add(Scalar.of("ln", 1, (c, a, r) -> log(a, r, Math::log)));
        all.add(Scalar.of("log", 1, (c, a, r) -> log(a, r, Math::log10)));
        all.add(Scalar.of("log10", 1, (c, a, r) -> log(a, r, Math::log10)));
        all.add(Scalar.of("log2", 1, (c, a, r) -> log(a, r, x -> Math.log(x) / LN2)));
        all.add(Scalar.of("log", 2, (c, a, r) -> logBase(a, r)));
        all.add(Scalar.of("pi", 0, (c, a, r) -> r.setDouble(Math.PI)));
        return all;
    }

    private static final double LN2 = 0.6931471805599453;
    /** Beyond 2^28 the square roots below add nothing to x. */
    private static final double LARGE = 268435456.0;

    // The inverse hyperbolic functions in forms that neither overflow for huge
    // arguments nor lose small ones, as C's libm computes them.
    private static double acosh(double x) {
        if (x < 1.0) {
            return Double.NaN;
        }
        if (x >= LARGE) {
            return Math.log(x) + LN2;
        }
        if (x > 2.0) {
            return Math.log(2.0 * x - 1.0 / (x + Math.sqrt(x * x - 1.0)));
        }
        double t = x - 1.0;
        return Math.log1p(t + Math.sqrt(2.0 * t + t * t));
    }

    private static double asinh(double x) {
        double a = Math.abs(x);
        double y;
        if (a >= LARGE) {
            y = Math.log(a) + LN2;
        } else if (a > 2.0) {
            y = Math.log(2.0 * a + 1.0 / (Math.sqrt(x * x + 1.0) + a));
        } else if (a < 1.0 / LARGE) {
            return x;
        } else {
            double t = x * x;
            y = Math.log1p(a + t / (1.0 + Math.sqrt(1.0 + t)));
        }
        return x < 0 ? -y : y;
    }

    private static double atanh(double x) {
        double a = Math.abs(x);
        if (a > 1.0) {
            return Double.NaN;
        }
        if (a < 1.0 / LARGE) {
            return x;
        }
        double y;
        if (a < 0.5) {
            double t = a + a;
            y = 0.5 * Math.log1p(t + t * a / (1.0 - a));
        } else {
            y = 0.5 * Math.log1p((a + a) / (1.0 - a));
        }
        return x < 0 ? -y : y;
    }

    private static boolean isNumber(FunctionArguments a, int i) {
        DataType t = a.numericType(i);
        return t == DataType.INTEGER || t == DataType.REAL;
    }

    private static void unary(List<SqlFunction> all, String name, DoubleUnaryOperator f) {
        all.add(Scalar.of(name, 1, (c, a, r) -> {
            if (isNumber(a, 0)) {
                r.setDouble(f.applyAsDouble(a.getDouble(0)));
            }
        }));
    }

    private static void binary(List<SqlFunction> all, String name, DoubleBinaryOperator f) {
        all.add(Scalar.of(name, 2, (c, a, r) -> {
            if (isNumber(a, 0) && isNumber(a, 1)) {
                r.setDouble(f.applyAsDouble(a.getDouble(0), a.getDouble(1)));
            }
        }));
    }

    private static void rounding(List<SqlFunction> all, String name, DoubleUnaryOperator f) {
        all.add(Scalar.of(name, 1, (c, a, r) -> {
            switch (a.numericType(0)) {
                case INTEGER -> r.setLong(a.getLong(0));
                case REAL -> r.setDouble(f.applyAsDouble(a.getDouble(0)));
                default -> {
                }
            }
        }));
    }

    private static void log(FunctionArguments a, FunctionResult r, DoubleUnaryOperator f) {
        if (!isNumber(a, 0)) {
            return;
        }
        double x = a.getDouble(0);
        if (x > 0.0) {
            r.setDouble(f.applyAsDouble(x));
        }
    }

    private static void logBase(FunctionArguments a, FunctionResult r) {
        if (!isNumber(a, 0) || !isNumber(a, 1)) {
            return;
        }
        double b = a.getDouble(0);
        double x = a.getDouble(1);
        // SQLite 3.40 gives NULL for a base of 1 or less
        if (b > 1.0 && x > 0.0) {
            r.setDouble(Math.log(x) / Math.log(b));
        }
    }
}
