/*
 * The order GROUP BY's groups come out in, as SQLite's planner makes it: when
 * the outermost loop can walk an index (or the rowid, or a WITHOUT ROWID
 * table's PRIMARY KEY) whose next columns are the GROUP BY terms, in any order
 * and either direction, SQLite reads the rows that way instead of sorting them,
 * so the groups follow the index (a DESC column gives its groups in descending
 * order). SelectCompiler still gathers the rows in its group sorter; this
 * chooses the path and the sorter's key order and directions, so that the
 * groups come out as SQLite's do and no temporary B-tree is shown.
 */
package turso.planner;

import java.util.ArrayList;
import java.util.List;
import turso.parser.ast.Expr;
import turso.vm.Affinity;

/**
 * The outermost loop's path and the GROUP BY keys in the order it gives them
 * ({@code order}: indexes into the keys as written), each descending or not.
 */
record GroupOrder(AccessPath path, int[] order, boolean[] descending) {

    /**
     * How {@code path}, the outermost loop over {@code scope}, can give rows
     * grouped by {@code keys}: the path itself when its order does, else a
     * whole scan of the rowid, an index or the WITHOUT ROWID table that does,
     * where SQLite prefers it to {@code path}; null when none does.
     */
    static GroupOrder of(Scope scope, AccessPath path, List<Expr> keys, ExprCompiler exprs) {
        return of(scope, path, keys, exprs, false);
    }

    /**
     * For JoinOrder, which weighs the sort itself: {@code path} when it gives
     * the rows grouped by {@code keys}, for a whole-table scan the whole scan
     * of the rowid or an index that does; else null.
     */
    static AccessPath given(Scope scope, AccessPath path, List<Expr> keys, ExprCompiler exprs) {
        GroupOrder order = of(scope, path, keys, exprs, true);
        return order == null ? null : order.path();
    }

    private static GroupOrder of(Scope scope, AccessPath path, List<Expr> keys, ExprCompiler exprs, boolean costed) {
        int[] columns = new int[keys.size()];
        String[] collations = new String[keys.size()];
        for (int g = 0; g < keys.size(); g++) {
            columns[g] = columnOf(keys.get(g), scope, exprs);
            if (columns[g] == IndexExpressions.NONE) {
                return null;
            }
            collations[g] = exprs.sortCollation(keys.get(g)).name();
            for (int h = 0; h < g; h++) {
                if (columns[h] == columns[g]) {
                    return null; // SQLite sorts when a term is repeated
                }
            }
        }
        Table table = scope.table();
        GroupOrder own = switch (path) {
            case AccessPath.FullScan f when !table.withoutRowid() && allRowid(columns) ->
                    new GroupOrder(path, identity(keys.size()), new boolean[keys.size()]);
            case AccessPath.RowidEq r -> new GroupOrder(path, identity(keys.size()), new boolean[keys.size()]);
            case AccessPath.IndexRange i when i.in() == null && i.index().unique()
                    && i.equal().size() == i.index().parts().size() ->
                    new GroupOrder(path, identity(keys.size()), new boolean[keys.size()]);
            case AccessPath.RowidRange r when allRowid(columns) ->
                    new GroupOrder(path, identity(keys.size()), new boolean[keys.size()]);
            case AccessPath.IndexRange i when i.in() == null ->
                    follow(i.index(), table, i.equal().size(), columns, collations, path);
            default -> null;
        };
        if (own != null || (costed ? !(path instanceof AccessPath.FullScan)
                : !replaceable(path) || exprs.statistics(table) != null)) {
            return own;
        }
        if (!table.withoutRowid() && allRowid(columns)) {
            return new GroupOrder(new AccessPath.FullScan(), identity(keys.size()), new boolean[keys.size()]);
        }
        return wholeIndex(scope, columns, collations, exprs);
    }

    /**
     * Whether SQLite, without sqlite_stat1 figures, would rather read the
     * whole table in group order than take {@code path} and sort: a path
     * reading the whole table, or a range with one bound only (which it
     * guesses keeps a quarter of the rows).
     */
    private static boolean replaceable(AccessPath path) {
        return switch (path) {
            case AccessPath.FullScan f -> true;
            case AccessPath.RowidRange r -> r.lower() == null || r.upper() == null;
            case AccessPath.IndexRange i -> i.in() == null && i.equal().isEmpty() && i.index().where() == null
                    && (i.lower() == null || i.upper() == null);
            default -> false;
        };
    }

    /** Where NULLs go per key: first where the index ascends, last where it descends (as a NULL is smallest). */
    boolean[] nullsFirst() {
        boolean[] first = new boolean[descending.length];
        for (int g = 0; g < first.length; g++) {
            first[g] = !descending[g];
        }
        return first;
    }

    /** The key columns reordered as the path gives them. */
    List<Expr> reorder(List<Expr> keys) {
        List<Expr> reordered = new ArrayList<>();
        for (int g : order) {
            reordered.add(keys.get(g));
        }
        return reordered;
    }

    /** The column (or index expression key) a GROUP BY term is of {@code scope}'s table; NONE otherwise. */
    private static int columnOf(Expr key, Scope scope, ExprCompiler exprs) {
        int expression = IndexExpressions.keyOf(key, scope, exprs);
        if (expression != IndexExpressions.NONE) {
            return expression;
        }
        Expr bare = key instanceof Expr.Collate c ? c.expr() : key;
        if (bare instanceof Expr.ColumnRef ref && exprs.columnKey(ref) != null
                && exprs.columnKey(ref).cursor() == scope.cursor()) {
            return exprs.columnKey(ref).column();
        }
        return IndexExpressions.NONE;
    }

    private static boolean allRowid(int[] columns) {
        for (int column : columns) {
            if (column != ColumnKey.ROWID) {
                return false;
            }
        }
        return true;
    }

    /**
     * A whole scan of the first index of the table (a WITHOUT ROWID table's
     * PRIMARY KEY first, being the table) whose columns are the keys; null if none.
     */
    private static GroupOrder wholeIndex(Scope scope, int[] columns, String[] collations, ExprCompiler exprs) {
        Table table = scope.table();
        List<Index> candidates = new ArrayList<>();
        if (table.withoutRowid()) {
            candidates.add(table.primaryKey());
        }
        for (Index index : table.indexes()) {
            if (index.where() == null && !WithoutRowid.isPrimaryKey(table, index)
                    && !Statistics.unordered(index, exprs.statistics(table))) {
                candidates.add(index);
            }
        }
        for (Index index : candidates) {
            AccessPath path = WithoutRowid.isPrimaryKey(table, index) ? new AccessPath.FullScan()
                    : new AccessPath.IndexRange(index, List.of(), List.of(), null, null, Affinity.NONE, null);
            GroupOrder found = follow(index, table, 0, columns, collations, path);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /**
     * The order {@code index}, its first {@code fixed} columns held equal,
     * gives the keys in (each a column of its own): the keys on fixed columns
     * first, then the next columns must be the other keys' columns, in the
     * keys' collations; null if they are not.
     */
    private static GroupOrder follow(Index index, Table table, int fixed, int[] columns, String[] collations,
            AccessPath path) {
        List<Index.Part> parts = index.parts();
        int n = columns.length;
        int[] order = new int[n];
        boolean[] descending = new boolean[n];
        boolean[] placed = new boolean[n];
        int at = 0;
        for (int g = 0; g < n; g++) {
            for (int p = 0; p < fixed && !placed[g]; p++) {
                if (IndexExpressions.keyOf(parts.get(p), table) == columns[g] && columns[g] != ColumnKey.ROWID) {
                    placed[g] = true;
                    order[at++] = g;
                }
            }
        }
        for (int p = fixed; p < parts.size() && at < n; p++) {
            Index.Part part = parts.get(p);
            int column = IndexExpressions.keyOf(part, table);
            boolean used = false;
            for (int g = 0; g < n; g++) {
                if (!placed[g] && columns[g] == column) {
                    if (!part.collation().equalsIgnoreCase(collations[g])) {
                        return null;
                    }
                    placed[g] = true;
                    descending[at] = part.descending();
                    order[at++] = g;
                    used = true;
                }
            }
            if (!used) {
                return null;
            }
        }
        return at == n ? new GroupOrder(path, order, descending) : null;
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int g = 0; g < n; g++) {
            order[g] = g;
        }
        return order;
    }
}
