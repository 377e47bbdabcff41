/*
 * The core aggregate functions: count(*), count(x), sum, total, avg,
 * group_concat(x [, sep]), string_agg(x, sep), min(x), max(x). All but min
 * and max are window functions too (rows leave the frame through inverse()).
 * sum/total/avg follow SQLite 3.40: integers are summed exactly while no real
 * has been seen (overflow is the error "integer overflow" for sum), reals by
 * plain double addition.
 */
package turso.vm.func;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.List;
import turso.api.DataType;
import turso.api.spi.AggregateFunction;
import turso.api.spi.Collation;
import turso.api.spi.FunctionArguments;
import turso.api.spi.FunctionResult;
import turso.api.spi.SqlFunction;
import turso.api.spi.WindowFunction;
import turso.vm.Collated;
import turso.vm.Register;
import turso.vm.ReusableState;
import turso.vm.ValueComparator;

final class Aggregates {
    private Aggregates() {
    }

    static List<SqlFunction> all() {
        return List.of(
                new Count("count", 0), new Count("count", 1),
                new Sum("sum", Sum.Kind.SUM), new Sum("total", Sum.Kind.TOTAL), new Sum("avg", Sum.Kind.AVG),
                new GroupConcat("group_concat", 1), new GroupConcat("group_concat", 2), new GroupConcat("string_agg", 2),
                new MinMax("min", false, null), new MinMax("max", true, null));
    }

    // ---- count ----

    static final class Counter {
        long n;
    }

    record Count(String name, int arity) implements WindowFunction<Counter> {
        @Override
        public Counter newState() {
            return new Counter();
        }

        @Override
        public void step(Counter s, FunctionArguments args) {
            if (arity == 0 || !args.isNull(0)) {
                s.n++;
            }
        }

        @Override
        public void inverse(Counter s, FunctionArguments args) {
            if (arity == 0 || !args.isNull(0)) {
                s.n--;
            }
        }

        @Override
        public void value(Counter s, FunctionResult result) {
            result.setLong(s.n);
        }

        @Override
        public void finish(Counter s, FunctionResult result) {
            result.setLong(s.n);
        }
    }

    // ---- sum, total, avg ----

    static final class SumState {
        long count;
        double realSum;
        long intSum;
        boolean approximate;
        boolean overflow;
    }

    record Sum(String name, Kind kind) implements WindowFunction<SumState> {
        enum Kind { SUM, TOTAL, AVG }

        @Override
        public int arity() {
            return 1;
        }

        @Override
        public SumState newState() {
            return new SumState();
        }

        @Override
        public void step(SumState s, FunctionArguments args) {
            DataType t = args.numericType(0);
            if (t == DataType.NULL) {
                return;
            }
            s.count++;
            if (t == DataType.INTEGER) {
                long v = args.getLong(0);
                s.realSum += v;
                if (!s.approximate && !s.overflow) {
                    long r = s.intSum + v;
                    if (((s.intSum ^ r) & (v ^ r)) < 0) {
                        s.approximate = true;
                        s.overflow = true;
                    } else {
                        s.intSum = r;
                    }
                }
            } else {
                s.realSum += args.getDouble(0);
                s.approximate = true;
            }
        }

        @Override
        public void inverse(SumState s, FunctionArguments args) {
            DataType t = args.numericType(0);
            if (t == DataType.NULL) {
                return;
            }
            s.count--;
            if (t == DataType.INTEGER && !s.approximate) {
                long v = args.getLong(0);
                s.realSum -= v;
                s.intSum -= v;
            } else {
                s.realSum -= args.getDouble(0);
            }
        }

        @Override
        public void value(SumState s, FunctionResult result) {
            switch (kind) {
                case TOTAL -> result.setDouble(s.realSum);
                case AVG -> {
                    if (s.count > 0) {
                        result.setDouble(s.realSum / (double) s.count);
                    } else {
                        result.setNull();
                    }
                }
                case SUM -> {
                    if (s.count == 0) {
                        result.setNull();
                    } else if (s.overflow) {
                        result.setError("integer overflow");
                    } else if (s.approximate) {
                        result.setDouble(s.realSum);
                    } else {
                        result.setLong(s.intSum);
                    }
                }
            }
        }

        @Override
        public void finish(SumState s, FunctionResult result) {
            value(s, result);
        }
    }

    // ---- group_concat, string_agg ----

    /** The values in the frame, each with the separator that goes before it. */
    static final class ConcatState {
        final ArrayDeque<byte[][]> parts = new ArrayDeque<>();
    }

    private static final byte[] COMMA = {','};

    record GroupConcat(String name, int arity) implements WindowFunction<ConcatState> {
        @Override
        public ConcatState newState() {
            return new ConcatState();
        }

        @Override
        public void step(ConcatState s, FunctionArguments args) {
            if (args.isNull(0)) {
                return;
            }
            byte[] sep = arity == 2 ? (args.isNull(1) ? new byte[0] : args.getTextUtf8(1).clone()) : COMMA;
            s.parts.addLast(new byte[][] {sep, args.getTextUtf8(0).clone()});
        }

        @Override
        public void inverse(ConcatState s, FunctionArguments args) {
            if (!args.isNull(0)) {
                s.parts.pollFirst();
            }
        }

        @Override
        public void value(ConcatState s, FunctionResult result) {
            if (s.parts.isEmpty()) {
                result.setNull();
                return;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            boolean first = true;
            for (byte[][] part : s.parts) {
                if (!first) {
                    out.write(part[0], 0, part[0].length);
                }
                out.write(part[1], 0, part[1].length);
                first = false;
            }
            result.setTextUtf8(out.toByteArray());
        }

        @Override
        public void finish(ConcatState s, FunctionResult result) {
            value(s, result);
        }
    }

    // ---- min, max ----

    static final class Best {
        final Register value = new Register();
    }

    /**
     * min(x) and max(x): the first of the least (greatest) non-NULL values,
     * compared under the argument's collation (null: BINARY).
     */
    record MinMax(String name, boolean max, Collation collation)
            implements AggregateFunction<Best>, Collated, ReusableState {
        @Override
        public SqlFunction withCollation(Collation c) {
            return new MinMax(name, max, c);
        }

        @Override
        public int arity() {
            return 1;
        }

        @Override
        public Best newState() {
            return new Best();
        }

        @Override
        public void step(Best s, FunctionArguments args) {
            if (args.isNull(0)) {
                return;
            }
            Register x = Args.register(args, 0);
            if (s.value.isNull()) {
                Args.capture(args, 0, s.value);
                return;
            }
            int cmp = ValueComparator.compare(s.value, x, collation);
            if (max ? cmp < 0 : cmp > 0) {
                Args.capture(args, 0, s.value);
            }
        }

        @Override
        public void finish(Best s, FunctionResult result) {
            Register v = s.value;
            switch (v.type()) {
                case NULL -> result.setNull();
                case INTEGER -> result.setLong(v.longValue());
                case REAL -> result.setDouble(v.doubleValue());
                case TEXT -> result.setTextUtf8(v.toTextBytes());
                case BLOB -> result.setBlob(v.toTextBytes());
            }
        }
    }
}
