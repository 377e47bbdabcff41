/*
 * What one loop over a table on an AccessPath is guessed to cost and to
 * yield, as SQLite's planner guesses it (queryplanner-ng.html): from the
 * table's rows and the entries per key prefix of the index used, analyzed
 * (sqlite_stat1, through Statistics) or SQLite's defaults, and from the
 * sizes of a table row and an index entry. All figures are LogEst. The
 * rows are those the seek gives, before the other WHERE terms the loop
 * tests take their share (JoinOrder does that); JoinOrder compares whole
 * join orders with these figures, AccessPaths the paths of one table.
 */
package turso.planner;

import java.util.List;

import turso.vm.Affinity;

final class LoopCost {
    private LoopCost() {
    }

    /** Rows one lookup of an automatic index is guessed to yield (LogEst 43: 20). */
    private static final int AUTOMATIC_ROWS = 43;

    /** One loop's estimate: a one-time cost, a cost per pass, and the rows each pass yields. */
    record Estimate(int setup, int run, int rows) {
    }

    /** The rows of {@code scope}'s table (LogEst). */
    static int tableRows(Scope scope, Statistics.TableStat stat) {
        return Statistics.rows(scope.table(), stat);
    }

    /**
     * The estimate of a loop over {@code scope}'s table on {@code path};
     * {@code covering} when the query reads nothing of the table beyond the
     * columns of the path's index.
     */
    static Estimate of(Scope scope, AccessPath path, boolean covering, Statistics.TableStat stat) {
        Table table = scope.table();
        int rowsAll = tableRows(scope, stat);
        int logRows = LogEst.log(rowsAll);
        return switch (path) {
            case AccessPath.FullScan f when table.withoutRowid() -> of(scope,
                    new AccessPath.IndexRange(table.primaryKey(), List.of(), List.of(), null, null, Affinity.NONE, null),
                    true, stat);
            case AccessPath.FullScan f -> new Estimate(0, rowsAll + 16, rowsAll);
            case AccessPath.Virtual v -> new Estimate(0, rowsAll + 16, rowsAll);
            case AccessPath.RowidEq r -> new Estimate(0, LogEst.add(logRows, 16), 0);
            case AccessPath.RowidIn r -> {
                int lookups = LogEst.of(r.values().size());
                yield new Estimate(0, LogEst.add(logRows, 16) + lookups, lookups);
            }
            case AccessPath.RowidRange r -> {
                int rows = range(rowsAll, r.lower() != null, r.upper() != null);
                yield new Estimate(0, LogEst.add(logRows, rows + 16), rows);
            }
            case AccessPath.IndexRange i when i.index().rootPage() == Table.EPHEMERAL -> {
                int setup = Math.max(0, logRows + rowsAll + 28);
                yield new Estimate(setup, LogEst.add(logRows, AUTOMATIC_ROWS), AUTOMATIC_ROWS);
            }
            case AccessPath.IndexRange i -> {
                int[] perPrefix = Statistics.indexRows(i.index(), table, stat);
                int equalities = i.equal().size();
                int rows = perPrefix[Math.min(equalities, perPrefix.length - 1)];
                if (i.lower() != null || i.upper() != null) {
                    rows = range(rows, i.lower() != null, i.upper() != null);
                }
                int sizeRatio = 15 * Statistics.indexSize(i.index(), table, stat)
                        / Statistics.tableSize(table, stat);
                int run = LogEst.add(LogEst.log(perPrefix[0]), rows + 1 + sizeRatio);
                if (!covering) {
                    run = LogEst.add(run, rows + 16);
                }
                int lookups = i.in() == null ? 0 : LogEst.of(i.in().size());
                yield new Estimate(0, run + lookups, rows + lookups);
            }
        };
    }

    /**
     * The rows a range leaves of {@code rows}: a quarter for each bound, and
     * a quarter again when both are there, but no fewer than 10 (LogEst).
     */
    private static int range(int rows, boolean lower, boolean upper) {
        int guess = rows - (lower ? 20 : 0) - (upper ? 20 : 0) - (lower && upper ? 20 : 0);
        int most = rows - (lower ? 1 : 0) - (upper ? 1 : 0);
        return Math.min(most, Math.max(guess, 10));
    }
}
