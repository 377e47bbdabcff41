/*
 * generate_series(START [, STOP [, STEP]]), the table-valued function that
 * SQLite's CLI has built in (series.html), as SQLite 3.40's extension
 * behaves: a column "value" and the HIDDEN start, stop and step that the
 * arguments fill. START is required; STOP defaults to 4294967295 and STEP to
 * 1 (0 counts as 1; a negative STEP counts down from the last value
 * reached). A NULL argument gives no row. With START and STOP known, the
 * module gives ORDER BY value in either direction itself. Values wrap
 * around past the 64-bit range as 3.40's do.
 */
package turso.functions.series;

import java.util.List;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.FunctionArguments;
import turso.api.spi.FunctionResult;
import turso.api.spi.IndexPlan;
import turso.api.spi.IndexQuery;
import turso.api.spi.VirtualCursor;
import turso.api.spi.VirtualTable;
import turso.api.spi.VirtualTableContext;
import turso.api.spi.VirtualTableModule;

public final class SeriesModule implements VirtualTableModule {

    private static final int VALUE = 0;
    private static final int START = 1;
    /** Plan number bits: which of start (1), stop (2), step (4) are filter() arguments, and the order (8: down, 16: up). */
    private static final int DESCENDING = 8;
    private static final int ASCENDING = 16;
    private static final long DEFAULT_STOP = 0xffffffffL;

    @Override
    public String name() {
        return "generate_series";
    }

    @Override
    public boolean isEponymous() {
        return true;
    }

    @Override
    public VirtualTable create(VirtualTableContext context, List<String> args) {
        return new Series();
    }

    private static final class Series implements VirtualTable {
        @Override
        public String declaration() {
            return "CREATE TABLE x(value,start hidden,stop hidden,step hidden)";
        }

        @Override
        public IndexPlan bestIndex(IndexQuery query) {
            List<IndexQuery.Constraint> constraints = query.constraints();
            int n = constraints.size();
            int[] chosen = {-1, -1, -1};
            int plan = 0;
            int unusable = 0;
            for (int i = 0; i < n; i++) {
                IndexQuery.Constraint c = constraints.get(i);
                if (c.column() < START) {
                    continue;
                }
                int bit = 1 << (c.column() - START);
                if (!c.usable()) {
                    unusable |= bit;
                } else if (c.op() == IndexQuery.Operator.EQ) {
                    plan |= bit;
                    chosen[c.column() - START] = i;
                }
            }
            int[] argumentIndex = new int[n];
            boolean[] omit = new boolean[n];
            int arguments = 0;
            for (int at : chosen) {
                if (at >= 0) {
                    argumentIndex[at] = ++arguments;
                    omit[at] = true;
                }
            }
            if ((plan & 1) == 0) {
                throw new TursoException(ResultCode.ERROR, "first argument to \"generate_series()\" missing or unusable");
            }
            if ((unusable & ~plan) != 0) {
                throw new TursoException(ResultCode.ERROR, "no query solution");
            }
            boolean ordered = false;
            long rows = Integer.MAX_VALUE;
            double cost = 2.0 * Integer.MAX_VALUE;
            if ((plan & 3) == 3) {
                rows = 1000;
                cost = 1000;
                if (query.orderBy().size() == 1 && query.orderBy().getFirst().column() == VALUE) {
                    plan |= query.orderBy().getFirst().descending() ? DESCENDING : ASCENDING;
                    ordered = true;
                }
            }
            return new IndexPlan(argumentIndex, omit, plan, null, ordered, cost, rows, false);
        }

        @Override
        public VirtualCursor open() {
            return new Cursor();
        }
    }

    private static final class Cursor implements VirtualCursor {
        private long min;
        private long max;
        private long step;
        private long value;
        private boolean descending;
        private boolean empty;
        private long rowid;

        @Override
        public void filter(int planNumber, String planString, FunctionArguments args) {
            int i = 0;
            empty = false;
            for (int k = 0; k < args.size(); k++) {
                empty |= args.isNull(k);
            }
            min = (planNumber & 1) != 0 ? args.getLong(i++) : 0;
            max = (planNumber & 2) != 0 ? args.getLong(i++) : DEFAULT_STOP;
            step = (planNumber & 4) != 0 ? args.getLong(i) : 1;
            int order = planNumber;
            if (step == 0) {
                step = 1;
            } else if (step < 0) {
                step = -step;
                if ((order & ASCENDING) == 0) {
                    order |= DESCENDING;
                }
            }
            descending = (order & DESCENDING) != 0;
            if (descending) {
                value = max;
                if (step > 0) {
                    value -= (max - min) % step;
                }
            } else {
                value = min;
            }
            rowid = 1;
        }

        @Override
        public boolean eof() {
            return empty || (descending ? value < min : value > max);
        }

        @Override
        public void next() {
            value = descending ? value - step : value + step;
            rowid++;
        }

        @Override
        public void column(int column, FunctionResult result) {
            switch (column) {
                case VALUE -> result.setLong(value);
                case START -> result.setLong(min);
                case START + 1 -> result.setLong(max);
                default -> result.setLong(step);
            }
        }

        @Override
        public long rowid() {
            return rowid;
        }
    }
}
