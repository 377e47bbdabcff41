/*
 * SQLite's math functions (lang_mathfunc.html) as they compute: arguments
 * that are not numbers after numeric affinity give NULL, a NaN result (a
 * domain error such as sqrt(-1) or acos(2)) gives NULL, infinities stay REAL,
 * and ceil/floor/trunc of an INTEGER give the integer back.
 */
package turso.functions.math;

import java.util.Set;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import turso.api.DataType;
import turso.api.spi.FunctionArguments;
import turso.api.spi.FunctionContext;
import turso.api.spi.FunctionFlag;
import turso.api.spi.FunctionResult;
import turso.api.spi.ScalarFunction;

sealed interface MathFunction extends ScalarFunction {

    Set<FunctionFlag> FLAGS = Set.of(FunctionFlag.DETERMINISTIC, FunctionFlag.INNOCUOUS);

    @Override
    default Set<FunctionFlag> flags() {
        return FLAGS;
    }

    private static boolean isNumber(FunctionArguments args, int index) {
        DataType t = args.numericType(index);
        return t == DataType.INTEGER || t == DataType.REAL;
    }

    private static void setDouble(FunctionResult result, double value) {
        if (Double.isNaN(value)) {
            result.setNull();
        } else {
            result.setDouble(value);
        }
    }

    /** A function of one number. */
    record Unary(String name, DoubleUnaryOperator f) implements MathFunction {
        @Override
        public int arity() {
            return 1;
        }

        @Override
        public void invoke(FunctionContext context, FunctionArguments args, FunctionResult result) {
            if (!isNumber(args, 0)) {
                result.setNull();
                return;
            }
            setDouble(result, f.applyAsDouble(args.getDouble(0)));
        }
    }

    /** A function of two numbers. */
    record Binary(String name, DoubleBinaryOperator f) implements MathFunction {
        @Override
        public int arity() {
            return 2;
        }

        @Override
        public void invoke(FunctionContext context, FunctionArguments args, FunctionResult result) {
            if (!isNumber(args, 0) || !isNumber(args, 1)) {
                result.setNull();
                return;
            }
            setDouble(result, f.applyAsDouble(args.getDouble(0), args.getDouble(1)));
        }
    }

    /** ceil, floor, trunc: an integer is its own result. */
    record Rounding(String name, DoubleUnaryOperator f) implements MathFunction {
        @Override
        public int arity() {
            return 1;
        }

        @Override
        public void invoke(FunctionContext context, FunctionArguments args, FunctionResult result) {
            switch (args.numericType(0)) {
                case INTEGER -> result.setLong(args.getLong(0));
                case REAL -> setDouble(result, f.applyAsDouble(args.getDouble(0)));
                default -> result.setNull();
            }
        }
    }

    /**
     * ln, log, log10, log2 and log(B, X): NULL unless X is positive, and for
     * log(B, X) unless B is greater than 1. As in SQLite, only the first
     * argument's type is checked for log(B, X); the second is read as a
     * number whatever it is.
     */
    record Logarithm(String name, int arity, DoubleUnaryOperator f) implements MathFunction {
        @Override
        public void invoke(FunctionContext context, FunctionArguments args, FunctionResult result) {
            if (!isNumber(args, 0)) {
                result.setNull();
                return;
            }
            double x = args.getDouble(0);
            if (x <= 0.0) {
                result.setNull();
                return;
            }
            if (arity == 1) {
                setDouble(result, f.applyAsDouble(x));
                return;
            }
            double logBase = CorrectlyRounded.ln(x);
            x = args.getDouble(1);
            if (logBase <= 0.0 || x <= 0.0) {
                result.setNull();
                return;
            }
            setDouble(result, CorrectlyRounded.ln(x) / logBase);
        }
    }

    /** pi(). */
    record Pi() implements MathFunction {
        @Override
        public String name() {
            return "pi";
        }

        @Override
        public int arity() {
            return 0;
        }

        @Override
        public void invoke(FunctionContext context, FunctionArguments args, FunctionResult result) {
            result.setDouble(Math.PI);
        }
    }
}
