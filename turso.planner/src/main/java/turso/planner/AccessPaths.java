/*
 * Chooses the AccessPath of one table of a join from the terms that can
 * drive it, by cost as SQLite chooses (LoopCost, from sqlite_stat1's
 * figures where ANALYZE left some, else SQLite's defaults): the whole
 * table, the rowid paths, each index's path (an equality prefix, then an
 * IN list or a range) and a smaller index that covers the query read
 * whole, compared, the index SQLite would try first winning a tie. A term
 * may compare a column or an expression an index keeps (IndexExpressions);
 * a partial index is only a candidate where the terms imply its WHERE
 * (PartialIndexes).
 */
package turso.planner;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import turso.parser.ast.Expr;
import turso.vm.Affinity;

final class AccessPaths {
    private AccessPaths() {
    }

    private enum Kind { EQ, LT, LE, GT, GE, IN }


    /**
     * A term {@code column kind value} (for IN: {@code values}), as found in
     * WHERE or ON; {@code column} is an IndexExpressions key for an
     * expression an index keeps, whose affinity is then {@code affinity}.
     */
    private record Constraint(int column, Kind kind, Expr value, Affinity comparison, String collation,
            List<Expr> values, Affinity affinity) {
    }

    /**
     * The path for {@code scope}, given the terms that may drive it and
     * {@code known}, which says whether an expression's value is known before
     * the table is read.
     */
    static AccessPath choose(Scope scope, List<Expr> terms, ExprCompiler exprs, Predicate<Expr> known) {
        return choose(scope, terms, exprs, known, index -> false);
    }

    /** As {@link #choose(Scope, List, ExprCompiler, Predicate)}; {@code covering} says which indexes hold every column the query reads. */
    static AccessPath choose(Scope scope, List<Expr> terms, ExprCompiler exprs, Predicate<Expr> known,
            Predicate<Index> covering) {
        List<Constraint> constraints = new ArrayList<>();
        Map<Constraint, Expr> sources = new IdentityHashMap<>();
        for (Expr term : terms) {
            int before = constraints.size();
            collect(term, scope, exprs, known, constraints);
            for (int c = before; c < constraints.size(); c++) {
                sources.put(constraints.get(c), term);
            }
        }
        return new Costed(scope, terms, exprs, known, sources, covering, exprs.statistics(scope.table()))
                .cheapest(constraints);
    }

    /** The rowid range the constraints give, or null. */
    private static AccessPath.RowidRange rowidRange(List<Constraint> constraints) {
        AccessPath.Bound lower = bound(constraints, ColumnKey.ROWID, true, null, null);
        AccessPath.Bound upper = bound(constraints, ColumnKey.ROWID, false, null, null);
        return lower != null || upper != null ? new AccessPath.RowidRange(lower, upper) : null;
    }

    /**
     * The path on {@code index}: equalities on its leading columns (the last
     * one perhaps an IN list), then a range on the next one, unless the
     * index's analyzed order is not to be trusted ({@code stat} says "unordered").
     */
    private static AccessPath.IndexRange indexPath(Index index, List<Constraint> constraints, Table table,
            Statistics.TableStat stat, List<Constraint> used) {
        List<Expr> equal = new ArrayList<>();
        List<Affinity> affinities = new ArrayList<>();
        List<Expr> in = null;
        for (Index.Part part : index.parts()) {
            Constraint eq = find(constraints, part, Kind.EQ, table);
            if (eq == null) {
                Constraint list = find(constraints, part, Kind.IN, table);
                if (list != null) {
                    used.add(list);
                    in = list.values();
                    equal.add(list.values().getFirst());
                    affinities.add(seekAffinity(list.comparison()));
                }
                break;
            }
            used.add(eq);
            equal.add(eq.value());
            affinities.add(seekAffinity(eq.comparison()));
        }
        AccessPath.Bound lower = null;
        AccessPath.Bound upper = null;
        Affinity rangeAffinity = Affinity.NONE;
        if (in == null && equal.size() < index.parts().size() && !Statistics.unordered(index, stat)) {
            Index.Part next = index.parts().get(equal.size());
            int key = IndexExpressions.keyOf(next, table);
            Constraint[] bound = new Constraint[1];
            lower = bound(constraints, key, true, next, table, bound);
            Constraint lowerUsed = bound[0];
            upper = bound(constraints, key, false, next, table, bound);
            Constraint upperUsed = bound[0];
            Constraint any = lowerUsed != null ? lowerUsed : upperUsed;
            if (any != null) {
                rangeAffinity = seekAffinity(any.comparison());
            }
            if (lowerUsed != null) {
                used.add(lowerUsed);
            }
            if (upperUsed != null) {
                used.add(upperUsed);
            }
        }
        return new AccessPath.IndexRange(index, equal, affinities, lower, upper, rangeAffinity, in);
    }

    /**
     * The choice by SQLite's estimates: each candidate path's cost (LoopCost) and rows once the terms it
     * does not seek by are tested, a path seeking by a proper superset of
     * the terms of a cheaper index path made as cheap as it and a row
     * fewer (SQLite's whereLoopAdjustCost), then the cheapest.
     */
    private record Costed(Scope scope, List<Expr> terms, ExprCompiler exprs, Predicate<Expr> known,
            Map<Constraint, Expr> sources, Predicate<Index> covering, Statistics.TableStat stat) {

        /** A candidate: its path, the terms it seeks by, its cost and rows. */
        private record Candidate(AccessPath path, Set<Expr> used, int cost, int rows) {
        }

        /**
         * The whole table, the rowid paths, then each index in the order
         * SQLite tries them (the most recently created first); a later one
         * wins only by costing less, or as much for fewer rows.
         */
        AccessPath cheapest(List<Constraint> constraints) {
            Table table = scope.table();
            List<Candidate> candidates = new ArrayList<>();
            candidates.add(candidate(new AccessPath.FullScan(), List.of()));
            for (Constraint c : constraints) {
                if (c.column() == ColumnKey.ROWID && c.kind() == Kind.EQ) {
                    candidates.add(candidate(new AccessPath.RowidEq(c.value()), List.of(c)));
                    break;
                }
            }
            for (Constraint c : constraints) {
                if (c.column() == ColumnKey.ROWID && c.kind() == Kind.IN) {
                    candidates.add(candidate(new AccessPath.RowidIn(c.values()), List.of(c)));
                    break;
                }
            }
            AccessPath.RowidRange range = rowidRange(constraints);
            if (range != null) {
                List<Constraint> bounds = constraints.stream()
                        .filter(c -> c.column() == ColumnKey.ROWID && c.kind() != Kind.EQ && c.kind() != Kind.IN).toList();
                candidates.add(candidate(range, bounds));
            }
            int first = candidates.size();
            int tableSize = Statistics.tableSize(table, stat);
            for (Index index : table.indexes().reversed()) {
                if (!PartialIndexes.usable(index, terms, scope, exprs)) {
                    continue;
                }
                boolean smaller = covering.test(index) && !Statistics.unordered(index, stat)
                        && Statistics.indexSize(index, table, stat) < tableSize;
                if (index.where() != null || smaller) {
                    candidates.add(candidate(new AccessPath.IndexRange(index, List.of(), List.of(), null, null,
                            Affinity.NONE, null), List.of()));
                }
                List<Constraint> used = new ArrayList<>();
                AccessPath.IndexRange path = indexPath(index, constraints, table, stat, used);
                if (!used.isEmpty()) {
                    candidates.add(candidate(path, used));
                }
            }
            for (int y = first; y < candidates.size(); y++) {
                for (int x = first; x < candidates.size(); x++) {
                    Candidate cx = candidates.get(x);
                    Candidate cy = candidates.get(y);
                    if (x != y && cheaperSubset(cx, cy)) {
                        candidates.set(y, new Candidate(cy.path(), cy.used(), Math.min(cx.cost(), cy.cost()),
                                Math.min(cx.rows(), cy.rows()) - 1));
                    }
                }
            }
            Candidate best = candidates.getFirst();
            for (Candidate c : candidates) {
                if (c.cost() < best.cost() || c.cost() == best.cost() && (c.rows() < best.rows()
                        || c.rows() == best.rows() && beforePrimaryKey(table, best, c))) {
                    best = c;
                }
            }
            return best.path();
        }

        /**
         * Whether SQLite tries {@code c} before the scan {@code best} of a
         * WITHOUT ROWID table (its PRIMARY KEY index), so that it wins a tie:
         * SQLite's list of the table's indexes has the PRIMARY KEY last.
         */
        private static boolean beforePrimaryKey(Table table, Candidate best, Candidate c) {
            return table.withoutRowid() && best.path() instanceof AccessPath.FullScan
                    && c.path() instanceof AccessPath.IndexRange i && i.index().rootPage() != Table.EPHEMERAL;
        }

        /** Whether {@code x} seeks by fewer terms, all of which {@code y} seeks by, for no more cost (or rows at equal cost). */
        private static boolean cheaperSubset(Candidate x, Candidate y) {
            if (x.used().size() >= y.used().size() || !y.used().containsAll(x.used())) {
                return false;
            }
            return x.cost() < y.cost() || x.cost() == y.cost() && x.rows() <= y.rows();
        }

        private Candidate candidate(AccessPath path, List<Constraint> constraints) {
            Set<Expr> used = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            for (Constraint c : constraints) {
                used.add(sources.get(c));
            }
            boolean covers = path instanceof AccessPath.IndexRange i && covering.test(i.index());
            LoopCost.Estimate estimate = LoopCost.of(scope, path, covers, stat);
            int all = path instanceof AccessPath.IndexRange i
                    ? Statistics.indexRows(i.index(), scope.table(), stat)[0] : LoopCost.tableRows(scope, stat);
            int rows = estimate.rows();
            int reduce = 0;
            for (Expr term : terms) {
                if (used.contains(term) || !applies(term)) {
                    continue;
                }
                rows--;
                if (term instanceof Expr.Binary bin && (bin.op() == Expr.BinaryOp.EQ || bin.op() == Expr.BinaryOp.IS)) {
                    reduce = Math.max(reduce, smallInteger(bin.right()) ? 10 : 20);
                }
            }
            return new Candidate(path, used, LogEst.add(estimate.setup(), estimate.run()), Math.min(rows, all - reduce));
        }

        /** Whether {@code term} can be tested in this table's loop: it reads the table, and nothing not known by then. */
        private boolean applies(Expr term) {
            boolean[] self = {false};
            boolean[] ok = {true};
            ExprWalker.walk(term, x -> {
                switch (x) {
                    case Expr.Subquery s -> ok[0] = false;
                    case Expr.Exists s -> ok[0] = false;
                    case Expr.InSelect s -> ok[0] = false;
                    case Expr.ColumnRef ref -> {
                        ColumnKey key = exprs.columnKey(ref);
                        if (key != null && key.cursor() == scope.cursor()) {
                            self[0] = true;
                        } else if (!known.test(ref)) {
                            ok[0] = false;
                        }
                    }
                    default -> { }
                }
                return ok[0];
            });
            return ok[0] && self[0];
        }

        /** An integer literal -1, 0 or 1: an equality with one is guessed to keep more rows. */
        private static boolean smallInteger(Expr e) {
            Expr value = e instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NEGATE ? u.operand() : e;
            return value instanceof Expr.Literal l && l.kind() == Expr.LiteralKind.INTEGER
                    && (l.text().equals("0") || l.text().equals("1"));
        }
    }

    /** An ORDER BY term on a column of the table ({@link ColumnKey#ROWID}: the rowid; an IndexExpressions key: an index's expression). */
    record OrderTerm(int column, boolean descending, String collation) {
    }

    /** A path that gives rows in the wanted order, forwards or backwards. */
    record Ordered(AccessPath path, boolean reverse) {
    }

    /**
     * A path giving the rows of {@code path} in the order of {@code wanted}:
     * the same path when its order already is (an index whose columns after
     * the equalities are the terms, or the rowid), an index scan in place of
     * a whole-table scan (not of an index sqlite_stat1 calls "unordered");
     * null when none does. A rowid range runs forwards only.
     */
    static Ordered ordered(Scope scope, AccessPath path, List<OrderTerm> wanted, ExprCompiler exprs) {
        switch (path) {
            case AccessPath.FullScan f -> {
                Boolean byRowid = rowidOrder(wanted);
                if (byRowid != null) {
                    return new Ordered(path, byRowid);
                }
                for (Index index : scope.table().indexes()) {
                    if (index.where() != null || Statistics.unordered(index, exprs.statistics(scope.table()))) {
                        continue;
                    }
                    Boolean reverse = indexOrder(index, scope.table(), 0, wanted);
                    if (reverse != null) {
                        return new Ordered(new AccessPath.IndexRange(index, List.of(), List.of(), null, null,
                                Affinity.NONE, null), reverse);
                    }
                }
                return null;
            }
            case AccessPath.RowidEq r -> {
                return new Ordered(path, false);
            }
            case AccessPath.RowidRange r -> {
                return Boolean.FALSE.equals(rowidOrder(wanted)) ? new Ordered(path, false) : null;
            }
            case AccessPath.IndexRange i when i.in() == null
                    && !Statistics.unordered(i.index(), exprs.statistics(scope.table())) -> {
                Boolean reverse = indexOrder(i.index(), scope.table(), i.equal().size(), wanted);
                if (reverse == null) {
                    return null;
                }
                return new Ordered(path, reverse);
            }
            default -> {
                return null;
            }
        }
    }

    /** Whether {@code wanted} is the rowid alone: FALSE ascending, TRUE descending; null if not. */
    private static Boolean rowidOrder(List<OrderTerm> wanted) {
        if (wanted.size() == 1 && wanted.getFirst().column() == ColumnKey.ROWID) {
            return wanted.getFirst().descending();
        }
        return null;
    }

    /**
     * Whether {@code index}, its first {@code fixed} columns held equal, lists
     * entries in the order of {@code wanted}: FALSE forwards, TRUE backwards,
     * null if it does not.
     */
    private static Boolean indexOrder(Index index, Table table, int fixed, List<OrderTerm> wanted) {
        int next = fixed;
        Boolean reverse = null;
        boolean rowidSeen = false;
        for (OrderTerm term : wanted) {
            if (rowidSeen) {
                return null;
            }
            boolean isFixed = false;
            for (int p = 0; p < fixed; p++) {
                isFixed |= IndexExpressions.keyOf(index.parts().get(p), table) == term.column()
                        && term.column() != ColumnKey.ROWID;
            }
            if (isFixed) {
                continue;
            }
            boolean direction;
            if (next < index.parts().size() && IndexExpressions.keyOf(index.parts().get(next), table) == term.column()
                    && index.parts().get(next).collation().equalsIgnoreCase(term.collation())) {
                direction = term.descending() != index.parts().get(next).descending();
                next++;
            } else if (term.column() == ColumnKey.ROWID && next == index.parts().size()) {
                direction = term.descending();
                rowidSeen = true;
            } else {
                return null;
            }
            if (reverse != null && reverse != direction) {
                return null;
            }
            reverse = direction;
        }
        return reverse == null ? Boolean.FALSE : reverse;
    }

    /**
     * For a table that would be scanned whole once per row of the loops
     * around it: an automatic index (as SQLite builds one) on the columns
     * WHERE or ON compare for equality with values known before the loop,
     * followed by every other column, so that it also covers the query, of
     * the rows that pass the terms about this table alone (a partial index,
     * as SQLite builds it); null when no such comparison can use one.
     */
    static AccessPath automatic(Scope scope, List<Expr> terms, ExprCompiler exprs, Predicate<Expr> known) {
        if (exprs.schema() != null && !exprs.schema().flags().automaticIndex()) {
            return null;
        }
        List<Constraint> found = new ArrayList<>();
        List<Integer> places = new ArrayList<>();
        for (int t = 0; t < terms.size(); t++) {
            int before = found.size();
            collect(terms.get(t), scope, exprs, known, found);
            int place = turned(terms.get(t), scope, exprs) ? 2 * terms.size() - 1 - t : t;
            for (int c = before; c < found.size(); c++) {
                places.add(place);
            }
        }
        List<Constraint> constraints = new ArrayList<>();
        java.util.stream.IntStream.range(0, found.size()).boxed().sorted(java.util.Comparator.comparing(places::get))
                .forEach(c -> constraints.add(found.get(c)));
        Table table = scope.table();
        List<Index.Part> parts = new ArrayList<>();
        List<Expr> equal = new ArrayList<>();
        List<Affinity> affinities = new ArrayList<>();
        java.util.Set<Integer> keyed = new java.util.HashSet<>();
        for (Constraint c : constraints) {
            if (c.kind() != Kind.EQ || c.column() < 0 || keyed.contains(c.column())) {
                continue;
            }
            Index.Part part = new Index.Part(c.column(), table.columns().get(c.column()).collation(), false);
            if (usable(c, part, table)) {
                keyed.add(c.column());
                parts.add(part);
                equal.add(c.value());
                affinities.add(seekAffinity(c.comparison()));
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        for (int j = 0; j < table.columns().size(); j++) {
            if (!keyed.contains(j) && j != table.rowidAlias()) {
                parts.add(new Index.Part(j, table.columns().get(j).collation(), false));
            }
        }
        Index index = new Index("automatic index", table.name(), Table.EPHEMERAL, parts, false,
                partialCondition(scope, terms, exprs), "auto", null);
        return new AccessPath.IndexRange(index, equal, affinities, null, null, Affinity.NONE, null);
    }

    /**
     * Whether SQLite sees {@code term} turned round for this table, as a
     * copy it adds after the terms of the query (a column of another table
     * compared with one of this table): the automatic index's columns come
     * in the order of the terms as SQLite lists them, such copies last, the
     * last term's first.
     */
    private static boolean turned(Expr term, Scope scope, ExprCompiler exprs) {
        return term instanceof Expr.Binary b && b.left() instanceof Expr.ColumnRef left
                && b.right() instanceof Expr.ColumnRef right && exprs.columnKey(right) != null
                && exprs.columnKey(right).cursor() == scope.cursor()
                && (exprs.columnKey(left) == null || exprs.columnKey(left).cursor() != scope.cursor());
    }

    /**
     * The rows an automatic index needs, as SQLite makes it a partial index:
     * the AND of the terms that read this table's columns and nothing else
     * (no other table, parameter, subquery or random value); null if none.
     */
    private static Expr partialCondition(Scope scope, List<Expr> terms, ExprCompiler exprs) {
        Expr condition = null;
        for (Expr term : terms) {
            boolean[] own = {false};
            boolean[] ok = {true};
            ExprWalker.walk(term, x -> {
                switch (x) {
                    case Expr.Subquery s -> ok[0] = false;
                    case Expr.Exists s -> ok[0] = false;
                    case Expr.InSelect s -> ok[0] = false;
                    case Expr.Parameter p -> ok[0] = false;
                    case Expr.FunctionCall f when f.name().is("random") || f.name().is("randomblob") -> ok[0] = false;
                    case Expr.ColumnRef ref -> {
                        ColumnKey key = exprs.columnKey(ref);
                        if (key == null || key.cursor() != scope.cursor()) {
                            ok[0] = false;
                        } else {
                            own[0] = true;
                        }
                    }
                    default -> { }
                }
                return ok[0];
            });
            if (ok[0] && own[0]) {
                condition = condition == null ? term
                        : new Expr.Binary(Expr.BinaryOp.AND, condition, term, new turso.parser.ast.Span(0, 0));
            }
        }
        return condition;
    }

    /** The affinity a seek key gets: none, text, or numeric, as the comparison applies it. */
    private static Affinity seekAffinity(Affinity comparison) {
        return comparison == Affinity.TEXT ? Affinity.TEXT : comparison.isNumeric() ? Affinity.NUMERIC : Affinity.NONE;
    }

    private static Constraint find(List<Constraint> constraints, Index.Part part, Kind kind, Table table) {
        int key = IndexExpressions.keyOf(part, table);
        for (Constraint c : constraints) {
            if (c.column() == key && c.kind() == kind && usable(c, part, table)) {
                return c;
            }
        }
        return null;
    }

    /** Whether the index column orders values as the comparison does (sqlite3IndexAffinityOk, same collation). */
    private static boolean usable(Constraint c, Index.Part part, Table table) {
        if (part != null && !part.collation().equalsIgnoreCase(c.collation())) {
            return false;
        }
        Affinity column = c.column() == ColumnKey.ROWID ? Affinity.INTEGER
                : c.column() < 0 ? c.affinity() : table.columns().get(c.column()).affinity();
        return switch (c.comparison()) {
            case NONE, BLOB -> true;
            case TEXT -> column == Affinity.TEXT;
            default -> column.isNumeric();
        };
    }

    private static AccessPath.Bound bound(List<Constraint> constraints, int column, boolean lower, Index.Part part,
            Table table) {
        return bound(constraints, column, lower, part, table, new Constraint[1]);
    }

    /** The first lower (or upper) bound on {@code column} the index part can use; the term used goes to {@code used[0]}. */
    private static AccessPath.Bound bound(List<Constraint> constraints, int column, boolean lower, Index.Part part,
            Table table, Constraint[] used) {
        used[0] = null;
        for (Constraint c : constraints) {
            if (c.column() != column || (part != null && !usable(c, part, table))) {
                continue;
            }
            boolean isLower = c.kind() == Kind.GT || c.kind() == Kind.GE;
            boolean isUpper = c.kind() == Kind.LT || c.kind() == Kind.LE;
            if (lower ? isLower : isUpper) {
                used[0] = c;
                return new AccessPath.Bound(c.value(), c.kind() == Kind.GE || c.kind() == Kind.LE);
            }
        }
        return null;
    }

    /** The constraints {@code term} puts on a column of {@code scope}, if its other side is known in time. */
    private static void collect(Expr term, Scope scope, ExprCompiler exprs, Predicate<Expr> known,
            List<Constraint> out) {
        switch (term) {
            case Expr.Binary bin -> {
                Kind kind = switch (bin.op()) {
                    case EQ -> Kind.EQ;
                    case LT -> Kind.LT;
                    case LE -> Kind.LE;
                    case GT -> Kind.GT;
                    case GE -> Kind.GE;
                    default -> null;
                };
                if (kind == null) {
                    return;
                }
                int left = columnOf(bin.left(), scope, exprs);
                if (left != NONE && known.test(bin.right())) {
                    out.add(constraint(left, kind, bin.left(), bin.right(), exprs));
                    return;
                }
                int right = columnOf(bin.right(), scope, exprs);
                if (right != NONE && known.test(bin.left())) {
                    Kind mirrored = switch (kind) {
                        case LT -> Kind.GT;
                        case LE -> Kind.GE;
                        case GT -> Kind.LT;
                        case GE -> Kind.LE;
                        case EQ, IN -> kind;
                    };
                    out.add(constraint(right, mirrored, bin.right(), bin.left(), exprs));
                }
            }
            case Expr.InList list when !list.not() && !list.values().isEmpty() -> {
                int column = columnOf(list.expr(), scope, exprs);
                if (column == NONE || !list.values().stream().allMatch(known)) {
                    return;
                }
                Affinity comparison = Affinity.forComparison(exprs.affinity(list.expr()), Affinity.NONE);
                out.add(new Constraint(column, Kind.IN, null, comparison,
                        exprs.collation(list.expr(), list.expr()).name(), list.values(), exprs.affinity(list.expr())));
            }
            case Expr.Between between when !between.not() -> {
                int column = columnOf(between.expr(), scope, exprs);
                if (column != NONE && known.test(between.low()) && known.test(between.high())) {
                    out.add(constraint(column, Kind.GE, between.expr(), between.low(), exprs));
                    out.add(constraint(column, Kind.LE, between.expr(), between.high(), exprs));
                }
            }
            default -> { }
        }
    }

    private static Constraint constraint(int column, Kind kind, Expr columnSide, Expr value, ExprCompiler exprs) {
        Affinity comparison = Affinity.forComparison(exprs.affinity(columnSide), exprs.affinity(value));
        return new Constraint(column, kind, value, comparison, exprs.collation(columnSide, value).name(), null,
                exprs.affinity(columnSide));
    }

    private static final int NONE = IndexExpressions.NONE;

    /**
     * The column of {@code scope} that {@code e} is ({@link ColumnKey#ROWID}
     * for the rowid), the key of an expression an index of its table keeps, or NONE.
     */
    private static int columnOf(Expr e, Scope scope, ExprCompiler exprs) {
        if (!(e instanceof Expr.ColumnRef ref)) {
            return IndexExpressions.keyOf(e, scope, exprs);
        }
        ColumnKey key = exprs.columnKey(ref);
        return key != null && key.cursor() == scope.cursor() ? key.column() : NONE;
    }
}
