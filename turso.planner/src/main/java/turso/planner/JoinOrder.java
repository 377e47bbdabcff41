/*
 * The order in which the loops of an inner join nest, chosen by cost in the
 * spirit of SQLite's "next generation query planner" (queryplanner-ng.html):
 * each access path gets an estimate of the rows it yields and of what it
 * costs per row of the loops around it (LoopCost: from sqlite_stat1's
 * figures where ANALYZE left some, else SQLite's defaults of a million
 * rows a table and ten rows per value of an index's column), and the
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
    /** A table that reads every column of every table: no term is ever known before it. */
    private static final long ALL = -1L;

    /** What the search needs to know of the query. */
    interface Query {
        /** The access path of FROM item {@code table} when the items in {@code known} are read before it (no automatic index if {@code first}). */
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
        // one table: its cheapest path in the wanted order is kept beside its cheapest path
        int keep = n <= 1 ? (query.sorts() ? 2 : 1) : n == 2 ? 5 : 10;
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
                        AccessPath scan = withoutAutomatic(t, from.placed());
                        Estimate whole = estimate(t, from.placed(), scan, true);
                        if (total(from, whole) < total(from, loop)) {
                            path = scan;
                            loop = whole;
                        }
                    }
                    grow(next, from, t, path, loop, from.sorted(), keep);
                    if (step == 0 && query.sorts()) {
                        AccessPath ordered = query.ordered(t, path);
                        if (ordered == null && !(path instanceof AccessPath.FullScan)) {
                            // an index read whole in the wanted order, in place of a seek and a sort
                            ordered = query.ordered(t, new AccessPath.FullScan());
                        }
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
                cost = LogEst.add(cost, p.rows() + 16 + LogEst.log(p.rows()));
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
        return LogEst.add(from.cost(), LogEst.add(loop.setup(), loop.run() + from.rows()));
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

    /** The path table {@code t} would have without an automatic index: the whole table, or a smaller index covering the query. */
    private AccessPath withoutAutomatic(int t, long placed) {
        long known = placed & relevant(t);
        return chosen.computeIfAbsent(new Key(t, known, true), k -> query.path(t, e -> (readsOf(e) & ~known) == 0, true));
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
        Statistics.TableStat stat = exprs.statistics(scope.table());
        List<Integer> keyColumns = new ArrayList<>();
        int rowsAll = LoopCost.tableRows(scope, stat);
        switch (path) {
            case AccessPath.RowidEq r -> keyColumns.add(ColumnKey.ROWID);
            case AccessPath.RowidIn r -> keyColumns.add(ColumnKey.ROWID);
            case AccessPath.RowidRange r -> keyColumns.add(ColumnKey.ROWID);
            case AccessPath.IndexRange i -> {
                for (int p = 0; p < i.equal().size() + (i.lower() != null || i.upper() != null ? 1 : 0); p++) {
                    keyColumns.add(i.index().parts().get(p).column());
                }
                if (i.index().rootPage() != Table.EPHEMERAL) {
                    rowsAll = Statistics.indexRows(i.index(), scope.table(), stat)[0];
                }
            }
            default -> { }
        }
        boolean covering = path instanceof AccessPath.IndexRange i && query.covers(i.index(), scope);
        LoopCost.Estimate loop = LoopCost.of(scope, path, covering, stat);
        return new Estimate(loop.setup(), loop.run(), adjusted(t, loop.rows(), rowsAll, keyColumns, available));
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
}
