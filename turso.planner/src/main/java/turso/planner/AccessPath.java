/*
 * How one table of a join is read: the whole table in rowid order, one row
 * by rowid, a range of rowids, or the entries of an index that match
 * equalities on its first columns and perhaps a range on the next. It is
 * chosen from the WHERE and ON terms that compare a column of the table with
 * a value known before the table is read (a constant, a parameter, a column
 * of an earlier table), and only where SQLite would accept the comparison
 * for the index: the same collating sequence, and an affinity that makes the
 * index order the comparison's order (sqlite3IndexAffinityOk). The terms are
 * still tested on every row, so a path only has to find every row they
 * accept; ScanLoop emits the code.
 */
package turso.planner;

import java.util.ArrayList;
import java.util.List;
import turso.parser.ast.Expr;
import turso.vm.Affinity;

sealed interface AccessPath {

    /** Every row, in rowid order. */
    record FullScan() implements AccessPath {
    }

    /** The row whose rowid is {@code value}. */
    record RowidEq(Expr value) implements AccessPath {
    }

    /** The rows whose rowid is one of {@code values} (each once). */
    record RowidIn(List<Expr> values) implements AccessPath {
    }

    /** The rows whose rowid is within the bounds (either may be null). */
    record RowidRange(Bound lower, Bound upper) implements AccessPath {
    }

    /**
     * Entries of {@code index} whose first columns equal {@code equal} (each
     * with the affinity it is compared with), then within the bounds on the
     * next column, if any. With {@code in} not null, the last equality is
     * instead each of those values in turn (x IN (...)), and there is no range.
     */
    record IndexRange(Index index, List<Expr> equal, List<Affinity> affinities, Bound lower, Bound upper,
            Affinity rangeAffinity, List<Expr> in) implements AccessPath {
    }

    /**
     * The rows a virtual table's module gives for the plan its bestIndex
     * chose for {@code request}: filter() gets {@code arguments} (in order), the WHERE terms in
     * {@code omitted} are not tested again, and the table-valued function
     * arguments the module left unused are tested as {@code unconsumed}.
     */
    record Virtual(VirtualScans.Request request, turso.api.spi.IndexPlan plan, List<Expr> arguments,
            List<Expr> omitted, List<Expr> unconsumed) implements AccessPath {
        public Virtual {
            arguments = List.copyOf(arguments);
            omitted = List.copyOf(omitted);
            unconsumed = List.copyOf(unconsumed);
        }
    }

    /** A bound of a range: the value, and whether rows equal to it are in. */
    record Bound(Expr value, boolean inclusive) {
    }

    /** SQLite's words for the path in EXPLAIN QUERY PLAN. */
    default String describe(Scope scope) {
        String table = scope.name();
        return switch (this) {
            case FullScan f -> "SCAN " + table;
            case Virtual v -> "SCAN " + table + " VIRTUAL TABLE INDEX " + v.plan().planNumber() + ":"
                    + (v.plan().planString() == null ? "" : v.plan().planString());
            case RowidEq r -> "SEARCH " + table + " USING INTEGER PRIMARY KEY (rowid=?)";
            case RowidIn r -> "SEARCH " + table + " USING INTEGER PRIMARY KEY (rowid=?)";
            case RowidRange r -> "SEARCH " + table + " USING INTEGER PRIMARY KEY ("
                    + range("rowid", r.lower(), r.upper()) + ")";
            case IndexRange i -> {
                List<String> terms = new ArrayList<>();
                for (int p = 0; p < i.equal().size(); p++) {
                    terms.add(label(scope, i.index().parts().get(p)) + "=?");
                }
                if (i.lower() != null || i.upper() != null) {
                    terms.add(range(label(scope, i.index().parts().get(i.equal().size())),
                            i.lower(), i.upper()));
                }
                if (WithoutRowid.isPrimaryKey(scope.table(), i.index())) {
                    yield terms.isEmpty() ? "SCAN " + table
                            : "SEARCH " + table + " USING PRIMARY KEY (" + String.join(" AND ", terms) + ")";
                }
                String index = i.index().rootPage() != Table.EPHEMERAL ? "INDEX " + i.index().name()
                        : i.index().where() != null ? "AUTOMATIC PARTIAL INDEX" : "AUTOMATIC INDEX";
                yield (terms.isEmpty() ? "SCAN " : "SEARCH ") + table + " USING " + index
                        + (terms.isEmpty() ? "" : " (" + String.join(" AND ", terms) + ")");
            }
        };
    }

    /** How EXPLAIN QUERY PLAN names a key column: its name, or "<expr>" for an expression. */
    private static String label(Scope scope, Index.Part part) {
        return part.column() == Index.EXPRESSION ? "<expr>" : scope.table().columnLabel(part.column());
    }

    /** A range as SQLite words it, whether its bounds are in or not: {@code x>? AND x<?}. */
    private static String range(String column, Bound lower, Bound upper) {
        List<String> terms = new ArrayList<>();
        if (lower != null) {
            terms.add(column + ">?");
        }
        if (upper != null) {
            terms.add(column + "<?");
        }
        return String.join(" AND ", terms);
    }
}
