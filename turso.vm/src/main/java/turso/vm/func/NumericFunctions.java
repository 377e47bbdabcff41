/*
 * The core numeric functions: abs, round, sign, random, randomblob,
 * zeroblob, and the multi-argument scalar max() and min() (the one-argument
 * forms are the aggregates).
 */
package turso.vm.func;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import turso.api.DataType;
import turso.api.ResultCode;
import turso.api.spi.Collation;
import turso.api.spi.FunctionArguments;
import turso.api.spi.FunctionContext;
import turso.api.spi.FunctionResult;
import turso.api.spi.ScalarFunction;
import turso.api.spi.SqlFunction;
import turso.vm.Collated;
import turso.vm.FloatFormat;
import turso.vm.Register;
import turso.vm.ValueComparator;

final class NumericFunctions {
    private NumericFunctions() {
    }

    static List<SqlFunction> all() {
        return List.of(
                Scalar.of("abs", 1, (c, a, r) -> abs(a, r)),
                Scalar.of("round", 1, (c, a, r) -> round(a, r)),
                Scalar.of("round", 2, (c, a, r) -> round(a, r)),
                Scalar.of("sign", 1, (c, a, r) -> sign(a, r)),
                Scalar.volatileOf("random", 0, (c, a, r) -> r.setLong(ThreadLocalRandom.current().nextLong())),
                Scalar.volatileOf("randomblob", 1, (c, a, r) -> randomblob(a, r)),
                Scalar.of("zeroblob", 1, (c, a, r) -> zeroblob(a, r)),
                new MinMax("max", true, null), new MinMax("min", false, null));
    }

    private static void abs(FunctionArguments a, FunctionResult r) {
        switch (a.type(0)) {
            case NULL -> {
            }
            case INTEGER -> {
                long v = a.getLong(0);
                if (v == Long.MIN_VALUE) {
                    r.setError("integer overflow");
                } else {
                    r.setLong(Math.abs(v));
                }
            }
            default -> r.setDouble(Math.abs(a.getDouble(0)));
        }
    }

    /** Beyond 2^52 a real has no fractional part, so there is nothing to round. */
    private static final double NO_FRACTION = 4503599627370496.0;

    private static void round(FunctionArguments a, FunctionResult r) {
        long digits = 0;
        if (a.size() == 2) {
            if (a.isNull(1)) {
                return;
            }
            digits = Math.max(0, Math.min(30, (int) a.getLong(1)));
        }
        if (a.isNull(0)) {
            return;
        }
        double v = a.getDouble(0);
        if (v < -NO_FRACTION || v > NO_FRACTION) {
            r.setDouble(v);
        } else if (digits == 0) {
            r.setDouble((double) (long) (v + (v < 0 ? -0.5 : 0.5)));
        } else {
            String s = FloatFormat.format(v, 'f', (int) digits, false, false, false, true);
            r.setDouble(TextFunctions.readReal(s));
        }
    }

    private static void sign(FunctionArguments a, FunctionResult r) {
        DataType t = a.numericType(0);
        if (t != DataType.INTEGER && t != DataType.REAL) {
            return;
        }
        double v = a.getDouble(0);
        r.setLong(v < 0 ? -1 : v > 0 ? 1 : 0);
    }

    private static void randomblob(FunctionArguments a, FunctionResult r) {
        long n = a.getLong(0);
        if (n < 1) {
            n = 1;
        }
        if (n > Printf.MAX_LENGTH) {
            r.setError(ResultCode.TOOBIG, "string or blob too big");
            return;
        }
        try {
            byte[] b = new byte[(int) n];
            ThreadLocalRandom.current().nextBytes(b);
            r.setBlob(b);
        } catch (OutOfMemoryError e) {
            r.setError(ResultCode.NOMEM, ResultCode.NOMEM.defaultMessage());
        }
    }

    private static void zeroblob(FunctionArguments a, FunctionResult r) {
        long n = a.getLong(0);
        if (n < 0) {
            n = 0;
        }
        if (n > Printf.MAX_LENGTH) {
            r.setError(ResultCode.TOOBIG, "string or blob too big");
            return;
        }
        try {
            r.setBlob(new byte[(int) n]);
        } catch (OutOfMemoryError e) {
            r.setError(ResultCode.NOMEM, ResultCode.NOMEM.defaultMessage());
        }
    }

    /** Scalar max(x, y, ...) and min(x, y, ...), comparing under the call's collation (null: BINARY). */
    record MinMax(String name, boolean max, Collation collation) implements ScalarFunction, Collated {
        @Override
        public int arity() {
            return SqlFunction.VARIADIC;
        }

        @Override
        public SqlFunction withCollation(Collation c) {
            return new MinMax(name, max, c);
        }

        @Override
        public void invoke(FunctionContext context, FunctionArguments a, FunctionResult r) {
            if (a.size() < 2) {
                r.setError("wrong number of arguments to function " + name + "()");
                return;
            }
            Register best = Args.register(a, 0);
            int bestIndex = 0;
            if (best.isNull()) {
                return;
            }
            for (int i = 1; i < a.size(); i++) {
                Register x = Args.register(a, i);
                if (x.isNull()) {
                    return;
                }
                int cmp = ValueComparator.compare(best, x, collation);
                // among equal values max() keeps the first and min() takes the last, as SQLite does
                if (max ? cmp < 0 : cmp >= 0) {
                    best = x;
                    bestIndex = i;
                }
            }
            r.setArgument(a, bestIndex);
        }
    }
}
