/*
 * Computes the window function calls of a WindowPlan over the rows of a
 * sorter (Op.WINDOW) and appends each call's result to every row, in the
 * order the rows are. Per call, the rows are ordered by its partition and
 * order keys (a stable sort of their positions), split into partitions and
 * peer groups, and each row's frame is worked out from the frame spec.
 * Aggregates use step/inverse/value as the frame slides when the function
 * is a WindowFunction and the frame has no EXCLUDE clause; otherwise each frame is
 * aggregated afresh, unless it is the previous row's (peers).
 */
package turso.vm;

import java.util.Arrays;
import java.util.List;
import turso.api.DataType;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.AggregateFunction;
import turso.api.spi.WindowFunction;

final class WindowEvaluator {
    private final RegisterArguments arguments = new RegisterArguments();
    private final RegisterResult result = new RegisterResult();

    /**
     * Replaces each of {@code rows} by itself followed by the result of every
     * call of {@code plan}. As in SQLite, the calls are worked out last to
     * first, each a stable sort of the order the one before left, and the
     * rows end in the first call's window order.
     */
    void evaluate(List<Register[]> rows, WindowPlan plan) {
        int n = rows.size();
        int calls = plan.calls().size();
        Register[][] results = new Register[n][calls];
        Integer[] current = new Integer[n];
        for (int i = 0; i < n; i++) {
            current[i] = i;
        }
        for (int c = calls - 1; c >= 0; c--) {
            WindowPlan.Call call = plan.calls().get(c);
            Integer[] sorted = current.clone();
            Arrays.sort(sorted, (x, y) -> {
                int d = compareKeys(rows.get(x), rows.get(y), call.partition(), call.partitionOrder());
                return d != 0 ? d : compareKeys(rows.get(x), rows.get(y), call.order(), call.orderOrder());
            });
            int start = 0;
            while (start < n) {
                int end = start + 1;
                while (end < n && compareKeys(rows.get(sorted[start]), rows.get(sorted[end]), call.partition(),
                        call.partitionOrder()) == 0) {
                    end++;
                }
                Register[][] part = new Register[end - start][];
                for (int j = 0; j < part.length; j++) {
                    part[j] = rows.get(sorted[start + j]);
                }
                Register[] out = new Partition(call, part).compute();
                for (int j = 0; j < part.length; j++) {
                    results[sorted[start + j]][c] = out[j];
                }
                start = end;
            }
            current = sorted;
        }
        Register[][] extended = new Register[n][];
        for (int i = 0; i < n; i++) {
            Register[] row = rows.get(current[i]);
            extended[i] = Arrays.copyOf(row, row.length + calls);
            System.arraycopy(results[current[i]], 0, extended[i], row.length, calls);
        }
        rows.clear();
        rows.addAll(Arrays.asList(extended));
    }

    private static int compareKeys(Register[] a, Register[] b, int[] keys, SortOrder order) {
        for (int k = 0; k < keys.length; k++) {
            Register x = a[keys[k]];
            Register y = b[keys[k]];
            if (x.isNull() || y.isNull()) {
                if (x.isNull() == y.isNull()) {
                    continue;
                }
                return x.isNull() == order.nullsFirst()[k] ? -1 : 1;
            }
            int c = ValueComparator.compare(x, y, order.collations()[k]);
            if (c != 0) {
                return order.descending()[k] ? -c : c;
            }
        }
        return 0;
    }

    /** One partition's rows in window order, with their peer groups. */
    private final class Partition {
        private final WindowPlan.Call call;
        private final Register[][] rows;
        /** Peer group number of each row, and the first and last row of each group. */
        private final int[] group;
        private final int[] groupStart;
        private final int[] groupEnd;

        Partition(WindowPlan.Call call, Register[][] rows) {
            this.call = call;
            this.rows = rows;
            int m = rows.length;
            group = new int[m];
            int[] starts = new int[m];
            int[] ends = new int[m];
            int g = 0;
            for (int j = 0; j < m; j++) {
                if (j > 0 && compareKeys(rows[j - 1], rows[j], call.order(), call.orderOrder()) != 0) {
                    ends[g] = j - 1;
                    g++;
                    starts[g] = j;
                }
                group[j] = g;
            }
            ends[g] = m - 1;
            groupStart = starts;
            groupEnd = ends;
        }

        Register[] compute() {
            int m = rows.length;
            Register[] out = new Register[m];
            for (int j = 0; j < m; j++) {
                out[j] = new Register();
            }
            switch (call.kind()) {
                case ROW_NUMBER -> {
                    for (int j = 0; j < m; j++) {
                        out[j].setLong(j + 1);
                    }
                }
                case RANK -> {
                    for (int j = 0; j < m; j++) {
                        out[j].setLong(groupStart[group[j]] + 1);
                    }
                }
                case DENSE_RANK -> {
                    for (int j = 0; j < m; j++) {
                        out[j].setLong(group[j] + 1);
                    }
                }
                case PERCENT_RANK -> {
                    for (int j = 0; j < m; j++) {
                        out[j].setDouble(m > 1 ? (double) groupStart[group[j]] / (m - 1) : 0.0);
                    }
                }
                case CUME_DIST -> {
                    for (int j = 0; j < m; j++) {
                        out[j].setDouble((double) (groupEnd[group[j]] + 1) / m);
                    }
                }
                case NTILE -> ntile(out);
                case LAG, LEAD -> shifted(out, call.kind() == WindowPlan.Kind.LAG ? -1 : 1);
                case FIRST_VALUE, LAST_VALUE, NTH_VALUE -> valueInFrame(out);
                case AGGREGATE -> aggregate(out);
            }
            return out;
        }

        private void ntile(Register[] out) {
            int m = rows.length;
            for (int j = 0; j < m; j++) {
                Register arg = rows[j][call.args()[0]];
                long buckets = positiveInteger(arg, "argument of ntile must be a positive integer");
                long size = m / buckets;
                long extra = m % buckets;
                long bucket;
                if (size == 0) {
                    bucket = j + 1;
                } else if (j < extra * (size + 1)) {
                    bucket = j / (size + 1) + 1;
                } else {
                    bucket = extra + (j - extra * (size + 1)) / size + 1;
                }
                out[j].setLong(bucket);
            }
        }

        private void shifted(Register[] out, int direction) {
            int[] args = call.args();
            for (int j = 0; j < rows.length; j++) {
                long offset = 1;
                if (args.length > 1) {
                    Register o = rows[j][args[1]];
                    if (o.isNull()) {
                        out[j].setNull();
                        continue;
                    }
                    offset = o.toLong();
                }
                long k = j + direction * offset;
                if (k >= 0 && k < rows.length) {
                    out[j].copyFrom(rows[(int) k][args[0]]);
                } else if (args.length > 2) {
                    out[j].copyFrom(rows[j][args[2]]);
                } else {
                    out[j].setNull();
                }
            }
        }

        private void valueInFrame(Register[] out) {
            int[] args = call.args();
            for (int j = 0; j < rows.length; j++) {
                long nth = 1;
                if (call.kind() == WindowPlan.Kind.NTH_VALUE) {
                    nth = positiveInteger(rows[j][args[1]], "second argument to nth_value must be a positive integer");
                }
                int[] frame = frame(j);
                int picked = -1;
                int seen = 0;
                for (int k = frame[0]; k <= frame[1]; k++) {
                    if (excluded(j, k)) {
                        continue;
                    }
                    if (call.kind() == WindowPlan.Kind.LAST_VALUE) {
                        picked = k;
                    } else if (++seen == nth) {
                        picked = k;
                        break;
                    }
                }
                if (picked >= 0) {
                    out[j].copyFrom(rows[picked][args[0]]);
                } else {
                    out[j].setNull();
                }
            }
        }

        @SuppressWarnings("unchecked")
        private void aggregate(Register[] out) {
            AggregateFunction<Object> f = (AggregateFunction<Object>) call.function();
            boolean sliding = f instanceof WindowFunction<?> && call.frame().exclude() == WindowPlan.Exclude.NONE;
            boolean growing = !sliding && f instanceof ReusableState && excludesNothing();
            Object state = sliding ? f.newState() : null;
            int lo = 0;
            int hi = 0;
            for (int j = 0; j < rows.length; j++) {
                int[] frame = frame(j);
                if (sliding) {
                    // as SQLite: a row is added when the frame's end passes it and removed when the frame's
                    // start does, so a row the frame starts after was still added once (sum() then stays real)
                    WindowFunction<Object> w = (WindowFunction<Object>) f;
                    for (int k = hi; k <= frame[1]; k++) {
                        if (passes(k)) {
                            f.step(state, bind(k));
                        }
                    }
                    hi = Math.max(hi, frame[1] + 1);
                    int removed = Math.min(frame[0], hi);
                    for (int k = lo; k < removed; k++) {
                        if (passes(k)) {
                            w.inverse(state, bind(k));
                        }
                    }
                    lo = Math.max(lo, removed);
                    result.reset(out[j]);
                    w.value(state, result);
                } else if (growing) {
                    if (state == null || frame[0] != lo || frame[1] + 1 < hi) {
                        state = f.newState();
                        lo = frame[0];
                        hi = frame[0];
                    }
                    for (int k = hi; k <= frame[1]; k++) {
                        if (passes(k)) {
                            f.step(state, bind(k));
                        }
                    }
                    hi = Math.max(hi, frame[1] + 1);
                    result.reset(out[j]);
                    f.finish(state, result);
                } else if (j > 0 && excludesNothing()
                        && Arrays.equals(frame, frame(j - 1))) {
                    out[j].copyFrom(out[j - 1]);
                } else {
                    Object s = f.newState();
                    for (int k = frame[0]; k <= frame[1]; k++) {
                        if (!excluded(j, k) && passes(k)) {
                            f.step(s, bind(k));
                        }
                    }
                    result.reset(out[j]);
                    f.finish(s, result);
                }
                result.throwIfError();
            }
        }

        private boolean excludesNothing() {
            return call.frame().exclude() == WindowPlan.Exclude.NONE
                    || call.frame().exclude() == WindowPlan.Exclude.NO_OTHERS;
        }

        private boolean passes(int k) {
            return call.filter() < 0 || rows[k][call.filter()].isTrue();
        }

        private RegisterArguments bind(int k) {
            int[] args = call.args();
            Register[] values = new Register[args.length];
            for (int a = 0; a < args.length; a++) {
                values[a] = rows[k][args[a]];
            }
            return arguments.bind(values, 0, values.length);
        }

        private boolean excluded(int j, int k) {
            return switch (call.frame().exclude()) {
                case NONE, NO_OTHERS -> false;
                case CURRENT_ROW -> k == j;
                case GROUP -> group[k] == group[j];
                case TIES -> k != j && group[k] == group[j];
            };
        }

        /** The first and last row of row {@code j}'s frame (first > last when it is empty). */
        private int[] frame(int j) {
            WindowPlan.Frame f = call.frame();
            int m = rows.length;
            int first = bound(j, f.start(), true);
            int last = bound(j, f.end(), false);
            return new int[] {Math.max(first, 0), Math.min(last, m - 1)};
        }

        private int bound(int j, WindowPlan.Bound b, boolean start) {
            int m = rows.length;
            WindowPlan.Unit unit = call.frame().unit();
            return switch (b.kind()) {
                case UNBOUNDED_PRECEDING -> 0;
                case UNBOUNDED_FOLLOWING -> m - 1;
                case CURRENT_ROW -> unit == WindowPlan.Unit.ROWS ? j
                        : start ? groupStart[group[j]] : groupEnd[group[j]];
                case PRECEDING, FOLLOWING -> {
                    boolean preceding = b.kind() == WindowPlan.BoundKind.PRECEDING;
                    Register offset = rows[j][b.offset()];
                    if (unit == WindowPlan.Unit.RANGE) {
                        yield rangeBound(j, offset, preceding, start);
                    }
                    long n = offsetValue(offset, start, false);
                    long delta = preceding ? -n : n;
                    if (unit == WindowPlan.Unit.ROWS) {
                        yield (int) Math.max(-1, Math.min(m, j + delta));
                    }
                    long g = group[j] + delta;
                    int groups = group[m - 1] + 1;
                    if (g < 0) {
                        yield start ? 0 : -1;
                    }
                    if (g >= groups) {
                        yield start ? m : m - 1;
                    }
                    yield start ? groupStart[(int) g] : groupEnd[(int) g];
                }
            };
        }

        /** RANGE N PRECEDING / FOLLOWING: by the value of the one ORDER BY key, NULLs being peers of NULLs only. */
        private int rangeBound(int j, Register offset, boolean preceding, boolean start) {
            offsetValue(offset, start, true);
            int key = call.order()[0];
            Register current = rows[j][key];
            if (current.isNull()) {
                return start ? groupStart[group[j]] : groupEnd[group[j]];
            }
            boolean descending = call.orderOrder().descending()[0];
            Register limit = new Register();
            DataType type = current.type();
            if (type == DataType.INTEGER || type == DataType.REAL) {
                if (preceding != descending) {
                    Arithmetic.subtract(current, offset, limit);
                } else {
                    Arithmetic.add(current, offset, limit);
                }
            } else {
                limit.copyFrom(current);
            }
            var collation = call.orderOrder().collations()[0];
            int lo = 0;
            int hi = rows.length;
            while (lo < hi && rows[lo][key].isNull()) {
                lo++;
            }
            while (hi > lo && rows[hi - 1][key].isNull()) {
                hi--;
            }
            int first = lo;
            int last = hi - 1;
            // the non-NULL keys are sorted: find the first row past the limit (start) or the last within it (end)
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                int c = ValueComparator.compare(rows[mid][key], limit, collation);
                if (descending) {
                    c = -c;
                }
                if (start ? c < 0 : c <= 0) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            if (start) {
                return lo > last ? rows.length : lo;
            }
            return lo - 1 < first ? -1 : lo - 1;
        }
    }

    private static long offsetValue(Register offset, boolean start, boolean range) {
        DataType t = offset.numericType();
        boolean ok = range ? (t == DataType.INTEGER || t == DataType.REAL) && offset.toDouble() >= 0
                : t == DataType.INTEGER && offset.toLong() >= 0;
        if (!ok) {
            throw new TursoException(ResultCode.ERROR, "frame " + (start ? "starting" : "ending")
                    + " offset must be a non-negative " + (range ? "number" : "integer"));
        }
        return range ? 0 : offset.toLong();
    }

    private static long positiveInteger(Register value, String message) {
        if (value.numericType() != DataType.INTEGER || value.toLong() <= 0) {
            throw new TursoException(ResultCode.ERROR, message);
        }
        return value.toLong();
    }
}
