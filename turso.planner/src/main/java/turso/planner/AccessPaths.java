/*
 * Chooses the AccessPath of one table of a join from the terms that can
 * drive it, with a simple ranking in the spirit of SQLite's planner: a rowid
 * lookup first, then a UNIQUE index whose every column is matched, then the
 * index matching the most leading columns by equality (a range on the next
 * column breaking ties), then a rowid range; else the whole table.
 */
package turso.planner;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import turso.parser.ast.Expr;
import turso.vm.Affinity;

final class AccessPaths {
    private AccessPaths() {
    }

    private enum Kind { EQ, LT, LE, GT, GE, IN }

    /** A term {@code column kind value} (for IN: {@code values}), as found in WHERE or ON. */
    private record Constraint(int column, Kind kind, Expr value, Affinity comparison, String collation,
            List<Expr> values) {
    }

    /**
     * The path for {@code scope}, given the terms that may drive it and
     * {@code known}, which says whether an expression's value is known before
     * the table is read.
     */
    static AccessPath choose(Scope scope, List<Expr> terms, ExprCompiler exprs, Predicate<Expr> known) {
        List<Constraint> constraints = new ArrayList<>();
        for (Expr term : terms) {
            collect(term, scope, exprs, known, constraints);
        }
        if (constraints.isEmpty()) {
            return new AccessPath.FullScan();
        }
        for (Constraint c : constraints) {
            if (c.column() == ColumnKey.ROWID && c.kind() == Kind.EQ) {
                return new AccessPath.RowidEq(c.value());
            }
        }
        for (Constraint c : constraints) {
            if (c.column() == ColumnKey.ROWID && c.kind() == Kind.IN) {
                return new AccessPath.RowidIn(c.values());
            }
        }
        AccessPath best = new AccessPath.FullScan();
        int bestScore = 0;
        AccessPath.Bound rowidLower = bound(constraints, ColumnKey.ROWID, true, null, null);
        AccessPath.Bound rowidUpper = bound(constraints, ColumnKey.ROWID, false, null, null);
        if (rowidLower != null || rowidUpper != null) {
            best = new AccessPath.RowidRange(rowidLower, rowidUpper);
            bestScore = rowidLower != null && rowidUpper != null ? 70 : 50;
        }
        Table table = scope.table();
        for (Index index : table.indexes()) {
            if (index.where() != null) {
                continue;
            }
            List<Expr> equal = new ArrayList<>();
            List<Affinity> affinities = new ArrayList<>();
            List<Expr> in = null;
            for (Index.Part part : index.parts()) {
                Constraint eq = find(constraints, part, Kind.EQ, table);
                if (eq == null) {
                    Constraint list = find(constraints, part, Kind.IN, table);
                    if (list != null) {
                        in = list.values();
                        equal.add(list.values().getFirst());
                        affinities.add(seekAffinity(list.comparison()));
                    }
                    break;
                }
                equal.add(eq.value());
                affinities.add(seekAffinity(eq.comparison()));
            }
            AccessPath.Bound lower = null;
            AccessPath.Bound upper = null;
            Affinity rangeAffinity = Affinity.NONE;
            if (in == null && equal.size() < index.parts().size()) {
                Index.Part next = index.parts().get(equal.size());
                Constraint[] used = new Constraint[1];
                lower = bound(constraints, next.column(), true, next, table, used);
                Constraint lowerUsed = used[0];
                upper = bound(constraints, next.column(), false, next, table, used);
                Constraint any = lowerUsed != null ? lowerUsed : used[0];
                if (any != null) {
                    rangeAffinity = seekAffinity(any.comparison());
                }
            }
            int score = equal.size() * 100 + (lower != null && upper != null ? 60 : lower != null || upper != null ? 40 : 0);
            if (index.unique() && equal.size() == index.parts().size() && in == null) {
                score += 1000;
            }
            if (in != null) {
                score -= 10;
            }
            if (score > bestScore) {
                best = new AccessPath.IndexRange(index, equal, affinities, lower, upper, rangeAffinity, in);
                bestScore = score;
            }
        }
        return best;
    }

    /** An ORDER BY term on a column of the table ({@link ColumnKey#ROWID}: the rowid). */
    record OrderTerm(int column, boolean descending, String collation) {
    }

    /** A path that gives rows in the wanted order, forwards or backwards. */
    record Ordered(AccessPath path, boolean reverse) {
    }

    /**
     * A path giving the rows of {@code path} in the order of {@code wanted}:
     * the same path when its order already is (an index whose columns after
     * the equalities are the terms, or the rowid), an index scan in place of
     * a whole-table scan; null when none does. A rowid range runs forwards only.
     */
    static Ordered ordered(Scope scope, AccessPath path, List<OrderTerm> wanted) {
        switch (path) {
            case AccessPath.FullScan f -> {
                Boolean byRowid = rowidOrder(wanted);
                if (byRowid != null) {
                    return new Ordered(path, byRowid);
                }
                for (Index index : scope.table().indexes()) {
                    if (index.where() != null) {
                        continue;
                    }
                    Boolean reverse = indexOrder(index, 0, wanted);
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
            case AccessPath.IndexRange i when i.in() == null -> {
                Boolean reverse = indexOrder(i.index(), i.equal().size(), wanted);
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
    private static Boolean indexOrder(Index index, int fixed, List<OrderTerm> wanted) {
        int next = fixed;
        Boolean reverse = null;
        boolean rowidSeen = false;
        for (OrderTerm term : wanted) {
            if (rowidSeen) {
                return null;
            }
            boolean isFixed = false;
            for (int p = 0; p < fixed; p++) {
                isFixed |= index.parts().get(p).column() == term.column() && term.column() != ColumnKey.ROWID;
            }
            if (isFixed) {
                continue;
            }
            boolean direction;
            if (next < index.parts().size() && index.parts().get(next).column() == term.column()
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
     * followed by every other column, so that it also covers the query; null
     * when no such comparison can use one.
     */
    static AccessPath automatic(Scope scope, List<Expr> terms, ExprCompiler exprs, Predicate<Expr> known) {
        if (exprs.schema() != null && !exprs.schema().flags().automaticIndex()) {
            return null;
        }
        List<Constraint> constraints = new ArrayList<>();
        for (Expr term : terms) {
            collect(term, scope, exprs, known, constraints);
        }
        Table table = scope.table();
        List<Index.Part> parts = new ArrayList<>();
        List<Expr> equal = new ArrayList<>();
        List<Affinity> affinities = new ArrayList<>();
        java.util.Set<Integer> keyed = new java.util.HashSet<>();
        for (Constraint c : constraints) {
            if (c.kind() != Kind.EQ || c.column() == ColumnKey.ROWID || keyed.contains(c.column())) {
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
        Index index = new Index("automatic index", table.name(), Table.EPHEMERAL, parts, false, null, "auto", null);
        return new AccessPath.IndexRange(index, equal, affinities, null, null, Affinity.NONE, null);
    }

    /** The affinity a seek key gets: none, text, or numeric, as the comparison applies it. */
    private static Affinity seekAffinity(Affinity comparison) {
        return comparison == Affinity.TEXT ? Affinity.TEXT : comparison.isNumeric() ? Affinity.NUMERIC : Affinity.NONE;
    }

    private static Constraint find(List<Constraint> constraints, Index.Part part, Kind kind, Table table) {
        for (Constraint c : constraints) {
            if (c.column() == part.column() && c.kind() == kind && usable(c, part, table)) {
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
        Affinity column = c.column() == ColumnKey.ROWID ? Affinity.INTEGER : table.columns().get(c.column()).affinity();
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
                        exprs.collation(list.expr(), list.expr()).name(), list.values()));
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
        return new Constraint(column, kind, value, comparison, exprs.collation(columnSide, value).name(), null);
    }

    private static final int NONE = Integer.MIN_VALUE;

    /** The column of {@code scope} that {@code e} is ({@link ColumnKey#ROWID} for the rowid), or NONE. */
    private static int columnOf(Expr e, Scope scope, ExprCompiler exprs) {
        if (!(e instanceof Expr.ColumnRef ref)) {
            return NONE;
        }
        ColumnKey key = exprs.columnKey(ref);
        return key != null && key.cursor() == scope.cursor() ? key.column() : NONE;
    }
}
