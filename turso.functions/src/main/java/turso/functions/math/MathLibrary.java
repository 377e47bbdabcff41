/*
 * The "math" function library: SQLite's built-in math functions
 * (lang_mathfunc.html). sign() is a core function, not one of these. As
 * glibc, which SQLite calls: the circular functions, exp, log and pow
 * correctly rounded (CorrectlyRounded); the hyperbolic ones and log10 by
 * fdlibm's identities over those (LibmFormulas); log2 keeps 3.40's ln(x)/ln(2).
 */
package turso.functions.math;

import java.util.List;
import turso.api.spi.FunctionLibrary;
import turso.api.spi.SqlFunction;

public final class MathLibrary implements FunctionLibrary {

    private static final List<SqlFunction> FUNCTIONS = List.of(
            new MathFunction.Unary("acos", CorrectlyRounded::acos),
            new MathFunction.Unary("acosh", LibmFormulas::acosh),
            new MathFunction.Unary("asin", CorrectlyRounded::asin),
            new MathFunction.Unary("asinh", LibmFormulas::asinh),
            new MathFunction.Unary("atan", CorrectlyRounded::atan),
            new MathFunction.Binary("atan2", CorrectlyRounded::atan2),
            new MathFunction.Unary("atanh", LibmFormulas::atanh),
            new MathFunction.Rounding("ceil", Math::ceil),
            new MathFunction.Rounding("ceiling", Math::ceil),
            new MathFunction.Unary("cos", CorrectlyRounded::cos),
            new MathFunction.Unary("cosh", LibmFormulas::cosh),
            new MathFunction.Unary("degrees", x -> x * (180.0 / Math.PI)),
            new MathFunction.Unary("exp", CorrectlyRounded::exp),
            new MathFunction.Rounding("floor", Math::floor),
            new MathFunction.Logarithm("ln", 1, CorrectlyRounded::ln),
            new MathFunction.Logarithm("log", 1, LibmFormulas::log10),
            new MathFunction.Logarithm("log", 2, CorrectlyRounded::ln),
            new MathFunction.Logarithm("log10", 1, LibmFormulas::log10),
            new MathFunction.Logarithm("log2", 1, MathLibrary::log2),
            new MathFunction.Binary("mod", (x, y) -> x % y),
            new MathFunction.Pi(),
            new MathFunction.Binary("pow", CorrectlyRounded::pow),
            new MathFunction.Binary("power", CorrectlyRounded::pow),
            new MathFunction.Unary("radians", x -> x * (Math.PI / 180.0)),
            new MathFunction.Unary("sin", CorrectlyRounded::sin),
            new MathFunction.Unary("sinh", LibmFormulas::sinh),
            new MathFunction.Unary("sqrt", Math::sqrt),
            new MathFunction.Unary("tan", CorrectlyRounded::tan),
            new MathFunction.Unary("tanh", LibmFormulas::tanh),
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

    /** log base 2: exact for powers of two, and without cancellation near 1. */
    static double log2(double x) {
        if (x > 0 && x < Double.POSITIVE_INFINITY && x >= Double.MIN_NORMAL
                && (Double.doubleToRawLongBits(x) & 0xfffffffffffffL) == 0) {
            return Math.getExponent(x);
        }
        if (x >= 0.5 && x <= 2) {
            return Math.log1p(x - 1) / LN2;
        }
        return CorrectlyRounded.ln(x) / LN2;
    }
}
