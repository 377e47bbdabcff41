/*
 * The order in which the loops of an inner join nest, chosen by cost in the
 * spirit of SQLite's "next generation query planner" (queryplanner-ng.html):
 * every table is guessed to hold about a million rows (SQLite's default
 * without sqlite_stat1), each access path gets an estimate of the rows it
 * yields and of what it costs per row of the loops around it (from the
 * default per-column selectivities SQLite assumes for an index), and the
 * search keeps the few cheapest partial orders at each step, growing them
 * by one table at a time until every table is placed. Figures are kept as
 * SQLite keeps them, in tenths of a binary order of magnitude ("LogEst"),
 * so that equal plans compare equal and the first order in FROM wins a tie.
 * Tables that must follow others (the right side of a LEFT or CROSS JOIN
 * follows every table before it in FROM) only enter once those are placed.
 * SelectCompiler then plans each loop again, in the order found here.
 */
package turso.planner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import turso.parser.ast.Expr;

final class JoinOrder {
    /** The rows a table is guessed to hold: about 2^20 (LogEst 200), SQLite's default. */
    private static final int TABLE_ROWS = 200;
    /** Rows one equality on an index's first, second... column is guessed to leave (LogEst 33: 10 rows, then fewer). */
    private static final int[] EQUALITY_ROWS = {33, 32, 30, 28, 26};
    private static final int LATER_EQUALITY_ROWS = 23;
    /** Rows one lookup of an automatic index is guessed to yield (LogEst 43: 20). */
    private static final int AUTOMATIC_ROWS = 43;
    /** A table that reads every column of every table: no term is ever known before it. */
    private static final long ALL = -1L;

    /** What the search needs to know of the query. */
    interface Query {
        /** The access path of FROM item {@code table} when the items in {@code known} are read before it. */
        AccessPath path(int table, Predicate<Expr> known, boolean first);

        /** Whether the query reads nothing of {@code scope} but the columns of {@code index}. */
        boolean covers(Index index, Scope scope);

        /** Whether the query has an ORDER BY that the outermost loop might give. */
        boolean sorts();

        /** The path that gives the ORDER BY's order from table {@code table}'s rows on {@code path}, outermost; null if none does. */
        AccessPath ordered(int table, AccessPath path);
    }

    /** The order found: FROM positions, outermost first, and the access path of each loop. */
    record Plan(int[] order, List<AccessPath> paths) {
    }

    /** One loop's estimate: a one-time cost, a cost per pass, and the rows each pass yields. */
    private record Estimate(int setup, int run, int rows) {
    }

    /**
     * A partial order: the tables placed (a bit each, by FROM position), in
     * order, with their paths, its cost and rows, and whether its outermost
     * loop gives the ORDER BY's order.
     */
    private record Partial(long placed, int[] order, AccessPath[] paths, int cost, int rows, boolean sorted) {
    }

    private final ExprCompiler exprs;
    private final List<Scope> scopes;
    private final long[] prerequisites;
    private final List<Expr> terms;
    private final List<List<Expr>> onTerms;
    private final Query query;
    private final Map<Expr, Long> reads = new IdentityHashMap<>();
    private final Map<Key, Estimate> estimates = new HashMap<>();
    private final Map<Key, AccessPath> chosen = new HashMap<>();
    /** Per table, the tables its terms read beside it. */
    private final long[] relevant;

    private JoinOrder(ExprCompiler exprs, List<Scope> scopes, long[] prerequisites, List<Expr> terms,
            List<List<Expr>> onTerms, Query query) {
        this.exprs = exprs;
        this.scopes = scopes;
        this.prerequisites = prerequisites;
        this.terms = terms;
        this.onTerms = onTerms;
        this.query = query;
        this.relevant = new long[scopes.size()];
        for (int t = 0; t < relevant.length; t++) {
            relevant[t] = readBeside(t);
        }
    }

    /**
     * The loop order (FROM positions, outermost first) for the tables of
     * {@code scopes}, FROM order being what the expressions' scopes are set
     * to. {@code prerequisites} holds, per table, the tables that must be
     * read before it; {@code terms} the WHERE and inner-join ON terms;
     * {@code onTerms} per table the ON terms of a LEFT JOIN (they drive only
     * that table).
     */
    static Plan choose(ExprCompiler exprs, List<Scope> scopes, long[] prerequisites, List<Expr> terms,
            List<List<Expr>> onTerms, Query query) {
        return new JoinOrder(exprs, scopes, prerequisites, terms, onTerms, query).search();
    }

    private Plan search() {
        int n = scopes.size();
        int keep = n <= 1 ? 1 : n == 2 ? 5 : 10;
        List<Partial> partials = List.of(new Partial(0, new int[0], new AccessPath[0], 0, 0, false));
        for (int step = 0; step < n; step++) {
            List<Partial> next = new ArrayList<>();
            for (Partial from : partials) {
                for (int t = 0; t < n; t++) {
                    long bit = 1L << t;
                    if ((from.placed() & bit) != 0 || (prerequisites[t] & ~from.placed()) != 0) {
                        continue;
                    }
                    AccessPath path = path(t, from.placed());
                    Estimate loop = estimate(t, from.placed(), path, false);
                    if (path instanceof AccessPath.IndexRange i && i.index().rootPage() == Table.EPHEMERAL) {
                        AccessPath scan = new AccessPath.FullScan();
                        Estimate whole = estimate(t, from.placed(), scan, true);
                        if (total(from, whole) < total(from, loop)) {
                            path = scan;
                            loop = whole;
                        }
                    }
                    grow(next, from, t, path, loop, from.sorted(), keep);
                    if (step == 0 && query.sorts()) {
                        AccessPath ordered = query.ordered(t, path);
                        if (ordered != null) {
                            grow(next, from, t, ordered, cost(t, ordered, bit), true, keep);
                        }
                    }
                }
            }
            if (next.isEmpty()) {
                return null;
            }
            partials = next;
        }
        Partial best = null;
        int bestCost = 0;
        for (Partial p : partials) {
            int cost = p.cost();
            if (query.sorts() && !p.sorted()) {
                cost = add(cost, p.rows() + 16 + estimateLog(p.rows()));
            }
            if (best == null || cost < bestCost || cost == bestCost && p.rows() < best.rows()) {
                best = p;
                bestCost = cost;
            }
        }
        return new Plan(best.order(), List.of(best.paths()));
    }

    /** The cost of {@code from} followed by {@code loop}: the loop's setup, then a pass per row of {@code from}. */
    private static int total(Partial from, Estimate loop) {
        return add(from.cost(), add(loop.setup(), loop.run() + from.rows()));
    }

    /** Offers {@code from} grown by table {@code t} on {@code path}. */
    private static void grow(List<Partial> next, Partial from, int t, AccessPath path, Estimate loop, boolean sorted,
            int keep) {
        int cost = total(from, loop);
        int rows = from.rows() + loop.rows();
        int step = from.order().length;
        int[] order = java.util.Arrays.copyOf(from.order(), step + 1);
        order[step] = t;
        AccessPath[] paths = java.util.Arrays.copyOf(from.paths(), step + 1);
        paths[step] = path;
        offer(next, new Partial(from.placed() | (1L << t), order, paths, cost, rows, sorted), keep);
    }

    /** Keeps {@code candidate} among the {@code keep} cheapest partial orders, one per set of tables placed. */
    private static void offer(List<Partial> kept, Partial candidate, int keep) {
        for (int i = 0; i < kept.size(); i++) {
            Partial p = kept.get(i);
            if (p.placed() == candidate.placed() && p.sorted() == candidate.sorted()) {
                if (better(candidate, p)) {
                    kept.set(i, candidate);
                }
                return;
            }
        }
        if (kept.size() < keep) {
            kept.add(candidate);
            return;
        }
        int worst = 0;
        for (int i = 1; i < kept.size(); i++) {
            if (better(kept.get(worst), kept.get(i))) {
                worst = i;
            }
        }
        if (better(candidate, kept.get(worst))) {
            kept.set(worst, candidate);
        }
    }

    private static boolean better(Partial a, Partial b) {
        return a.cost() < b.cost() || a.cost() == b.cost() && a.rows() < b.rows();
    }

    /** A table, the tables known before it that its terms read, and whether it is scanned whole in place of an automatic index. */
    private record Key(int table, long known, boolean scan) {
    }

    /** The path the query's rules give table {@code t} when the tables of {@code placed} are read before it. */
    private AccessPath path(int t, long placed) {
        long known = placed & relevant(t);
        return chosen.computeIfAbsent(new Key(t, known, false), k -> query.path(t, e -> (readsOf(e) & ~known) == 0, placed == 0));
    }

    /** The estimate of table {@code t}'s loop on {@code path} (a whole-table scan in place of an automatic index if {@code scan}). */
    private Estimate estimate(int t, long placed, AccessPath path, boolean scan) {
        long known = placed & relevant(t);
        return estimates.computeIfAbsent(new Key(t, known, scan), k -> cost(t, path, placed | (1L << t)));
    }

    /** The tables whose columns some term about table {@code t} reads: only they change its path. */
    private long relevant(int t) {
        return relevant[t];
    }

    private long readBeside(int t) {
        long mask = 0;
        long self = 1L << t;
        for (Expr term : terms) {
            long r = readsOf(term);
            if ((r & self) != 0 && r != ALL) {
                mask |= r;
            }
        }
        for (Expr term : onTerms.get(t)) {
            long r = readsOf(term);
            if (r != ALL) {
                mask |= r;
            }
        }
        return mask & ~self;
    }

    /** The FROM items {@code e} reads (a bit each), ALL if it holds a subquery or a name that resolves nowhere. */
    private long readsOf(Expr e) {
        Long cached = reads.get(e);
        if (cached != null) {
            return cached;
        }
        long[] mask = {0};
        ExprWalker.walk(e, x -> {
            switch (x) {
                case Expr.Subquery s -> mask[0] = ALL;
                case Expr.Exists s -> mask[0] = ALL;
                case Expr.InSelect s -> mask[0] = ALL;
                case Expr.ColumnRef ref -> {
                    if (exprs.columnKey(ref) == null) {
                        mask[0] = ALL;
                    } else {
                        int at = exprs.scopeIndex(ref);
                        if (at >= 0) {
                            mask[0] |= 1L << at;
                        }
                    }
                }
                default -> { }
            }
            return mask[0] != ALL;
        });
        reads.put(e, mask[0]);
        return mask[0];
    }

    /** SQLite's guesses for one loop on {@code path}; {@code available} holds the tables read by then, itself included. */
    private Estimate cost(int t, AccessPath path, long available) {
        Scope scope = scopes.get(t);
        int rowsAll = TABLE_ROWS;
        int logRows = estimateLog(rowsAll);
        int setup = 0;
        int run;
        int rows;
        List<Integer> keyColumns = new ArrayList<>();
        switch (path) {
            case AccessPath.FullScan f -> {
                rows = rowsAll;
                run = rowsAll + 16;
            }
            case AccessPath.Virtual v -> {
                // not reached: a query with a virtual table keeps FROM order, its plan the module's
                rows = rowsAll;
                run = rowsAll + 16;
            }
            case AccessPath.RowidEq r -> {
                keyColumns.add(ColumnKey.ROWID);
                rows = 0;
                run = add(logRows, 16);
            }
            case AccessPath.RowidIn r -> {
                keyColumns.add(ColumnKey.ROWID);
                rows = logEst(r.values().size());
                run = add(logRows + rows, rows + 16);
            }
            case AccessPath.RowidRange r -> {
                keyColumns.add(ColumnKey.ROWID);
                rows = Math.max(10, rowsAll - (r.lower() != null ? 20 : 0) - (r.upper() != null ? 20 : 0));
                run = add(logRows, rows + 16);
            }
            case AccessPath.IndexRange i -> {
                int equalities = i.equal().size();
                for (int p = 0; p < equalities + (i.lower() != null || i.upper() != null ? 1 : 0); p++) {
                    keyColumns.add(i.index().parts().get(p).column());
                }
                boolean automatic = i.index().rootPage() == Table.EPHEMERAL;
                if (automatic) {
                    setup = logRows + rowsAll + 28;
                    rows = AUTOMATIC_ROWS;
                    run = add(logRows, rows);
                } else {
                    if (equalities == 0) {
                        rows = rowsAll;
                    } else if (i.index().unique() && equalities == i.index().parts().size() && i.in() == null) {
                        rows = 0;
                    } else {
                        rows = equalities <= EQUALITY_ROWS.length ? EQUALITY_ROWS[equalities - 1] : LATER_EQUALITY_ROWS;
                    }
                    int lookups = i.in() == null ? 0 : logEst(i.in().size());
                    rows += lookups;
                    if (i.lower() != null) {
                        rows -= 20;
                    }
                    if (i.upper() != null) {
                        rows -= 20;
                    }
                    rows = Math.max(rows, Math.min(10, rows + 40));
                    int indexCost = rows + 1 + 15 * (i.index().parts().size() + 1) / (scope.table().columns().size() + 1);
                    run = query.covers(i.index(), scope) ? indexCost : add(indexCost, rows + 16);
                    run = add(logRows + lookups, run);
                }
            }
        }
        return new Estimate(setup, run, adjusted(t, rows, rowsAll, keyColumns, available));
    }

    /**
     * The rows a loop yields once the terms it does not seek by, but can
     * test, are applied: a little fewer for each, and for an equality no
     * more than the table's rows over a million (a thousand for 0, 1 or -1).
     */
    private int adjusted(int t, int rows, int rowsAll, List<Integer> keyColumns, long available) {
        long self = 1L << t;
        int reduce = 0;
        List<Expr> applicable = new ArrayList<>(terms);
        applicable.addAll(onTerms.get(t));
        for (Expr term : applicable) {
            long r = readsOf(term);
            if (r == ALL || (r & self) == 0 || (r & ~available) != 0 || seeks(term, t, keyColumns)) {
                continue;
            }
            rows--;
            if (term instanceof Expr.Binary bin && bin.op() == Expr.BinaryOp.EQ) {
                reduce = Math.max(reduce, smallInteger(bin.right()) || smallInteger(bin.left()) ? 10 : 20);
            }
        }
        return Math.min(rows, rowsAll - reduce);
    }

    private static boolean smallInteger(Expr e) {
        Expr value = e instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NEGATE ? u.operand() : e;
        return value instanceof Expr.Literal l && l.kind() == Expr.LiteralKind.INTEGER
                && (l.text().equals("0") || l.text().equals("1"));
    }

    /** Whether {@code term} compares a column the loop seeks by (so the seek already applied it). */
    private boolean seeks(Expr term, int t, List<Integer> keyColumns) {
        Expr column = switch (term) {
            case Expr.Binary bin when bin.op() != Expr.BinaryOp.AND && bin.op() != Expr.BinaryOp.OR ->
                    ownColumn(bin.left(), t) ? bin.left() : bin.right();
            case Expr.InList in -> in.expr();
            case Expr.Between between -> between.expr();
            default -> null;
        };
        if (!(column instanceof Expr.ColumnRef ref) || !ownColumn(ref, t)) {
            return false;
        }
        return keyColumns.contains(exprs.columnKey(ref).column());
    }

    private boolean ownColumn(Expr e, int t) {
        return e instanceof Expr.ColumnRef ref && exprs.columnKey(ref) != null
                && exprs.columnKey(ref).cursor() == scopes.get(t).cursor();
    }

    /** LogEst of a count: ten times its binary logarithm. */
    private static int logEst(long n) {
        return n <= 1 ? 0 : (int) Math.round(10 * Math.log(n) / Math.log(2));
    }

    /** The LogEst of the binary logarithm of a LogEst's value: what a B-tree seek among that many rows costs. */
    private static int estimateLog(int logEst) {
        return logEst <= 10 ? 0 : logEst(logEst) - 33;
    }

    /** The LogEst of the sum of two LogEst values. */
    private static int add(int a, int b) {
        int high = Math.max(a, b);
        int diff = high - Math.min(a, b);
        if (diff >= 50) {
            return high;
        }
        if (diff >= 32) {
            return high + 1;
        }
        return high + (int) Math.round(10 * Math.log(1 + Math.pow(2, -diff / 10.0)) / Math.log(2));
    }
}
