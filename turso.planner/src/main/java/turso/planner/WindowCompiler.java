/*
 * Window functions. A SELECT whose result columns or ORDER BY call window
 * functions is rewritten into two: an inner SELECT (FROM, WHERE, GROUP BY,
 * HAVING of the query) whose rows carry every value the window calls and the
 * rest of the query read, and an outer SELECT over those rows, after the
 * window results are appended to them (Op.WINDOW), that computes the result
 * columns, DISTINCT, ORDER BY and LIMIT. The values are columns of a FROM
 * source named (window), hidden from * and from unqualified names.
 * SelectCompiler materializes that source through materialize() here.
 */
package turso.planner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.AggregateFunction;
import turso.api.spi.Collation;
import turso.api.spi.SqlFunction;
import turso.parser.ast.Expr;
import turso.parser.ast.FromClause;
import turso.parser.ast.Name;
import turso.parser.ast.OrderingTerm;
import turso.parser.ast.ResultColumn;
import turso.parser.ast.Select;
import turso.parser.ast.SelectCore;
import turso.parser.ast.WindowSpec;
import turso.vm.FunctionRegistry;
import turso.vm.SortOrder;
import turso.vm.WindowPlan;

final class WindowCompiler {
    /** The name of the FROM source holding the windowed rows. */
    static final String SOURCE = "(window)";

    private static final Map<String, WindowPlan.Kind> BUILTINS = Map.ofEntries(
            Map.entry("row_number", WindowPlan.Kind.ROW_NUMBER), Map.entry("rank", WindowPlan.Kind.RANK),
            Map.entry("dense_rank", WindowPlan.Kind.DENSE_RANK), Map.entry("percent_rank", WindowPlan.Kind.PERCENT_RANK),
            Map.entry("cume_dist", WindowPlan.Kind.CUME_DIST), Map.entry("ntile", WindowPlan.Kind.NTILE),
            Map.entry("lag", WindowPlan.Kind.LAG), Map.entry("lead", WindowPlan.Kind.LEAD),
            Map.entry("first_value", WindowPlan.Kind.FIRST_VALUE), Map.entry("last_value", WindowPlan.Kind.LAST_VALUE),
            Map.entry("nth_value", WindowPlan.Kind.NTH_VALUE));

    /** A window call as rewritten: positions among the extracted values, and its resolved window. */
    record CallSpec(WindowPlan.Kind kind, AggregateFunction<?> function, int[] args, int filter,
            int[] partition, int[] order, List<OrderingTerm> orderTerms, WindowPlan.Frame frame) {
    }

    /**
     * The rewritten query: {@code outer} reads {@code source}, whose rows are
     * {@code inner}'s (its * columns, then {@code extracted} values) followed
     * by one value per window call.
     */
    record Rewrite(Select outer, FromClause.SubquerySource source, Select inner, int extracted,
            List<CallSpec> calls, Set<String> hidden) {
    }

    private final FunctionRegistry functions;
    private final Map<String, WindowSpec> named = new HashMap<>();
    private final List<Expr> extracted = new ArrayList<>();
    private final List<CallSpec> calls = new ArrayList<>();
    private final Set<String> aliases = new HashSet<>();

    private WindowCompiler(FunctionRegistry functions) {
        this.functions = functions;
    }

    /** Whether the result columns or ORDER BY of {@code select} call a window function. */
    static boolean uses(Select select, SelectCore.Simple core) {
        List<Expr> exprs = new ArrayList<>();
        for (ResultColumn c : core.columns()) {
            if (c instanceof ResultColumn.Single s) {
                exprs.add(s.expr());
            }
        }
        select.orderBy().forEach(t -> exprs.add(t.expr()));
        return exprs.stream().anyMatch(e -> windowCall(e) != null);
    }

    /** The first window call in {@code e} outside subqueries, or null. */
    private static Expr.FunctionCall windowCall(Expr e) {
        Expr.FunctionCall[] found = new Expr.FunctionCall[1];
        ExprWalker.walk(e, x -> {
            if (found[0] != null) {
                return false;
            }
            if (x instanceof Expr.FunctionCall f && f.over() != null) {
                found[0] = f;
                return false;
            }
            return true;
        });
        return found[0];
    }

    /**
     * A call of a built-in window function (row_number, lag, ...) without
     * OVER: SQLite's error, once the number of arguments is right.
     */
    static void checkCallWithoutOver(Expr.FunctionCall f) {
        WindowPlan.Kind kind = BUILTINS.get(key(f.name().value()));
        if (kind != null) {
            checkArity(kind, f.name().value(), f.star() ? 0 : f.args().size());
            throw misuse(f);
        }
    }

    private static void checkArity(WindowPlan.Kind kind, String name, int arity) {
        boolean ok = switch (kind) {
            case NTILE, FIRST_VALUE, LAST_VALUE -> arity == 1;
            case LAG, LEAD -> arity >= 1 && arity <= 3;
            case NTH_VALUE -> arity == 2;
            default -> arity == 0;
        };
        if (!ok) {
            throw new TursoException(ResultCode.ERROR, "wrong number of arguments to function " + name + "()");
        }
    }

    private static TursoException misuse(Expr.FunctionCall f) {
        return new TursoException(ResultCode.ERROR, "misuse of window function " + f.name().value() + "()");
    }

    static Rewrite rewrite(Select select, SelectCore.Simple core, String sql, FunctionRegistry functions) {
        return new WindowCompiler(functions).build(select, core, sql);
    }

    private Rewrite build(Select select, SelectCore.Simple core, String sql) {
        for (WindowSpec.Definition d : core.windows()) {
            named.put(key(d.name().value()), resolve(d.spec()));
        }
        for (Expr e : core.groupBy()) {
            Expr.FunctionCall f = windowCall(e);
            if (f != null) {
                throw misuse(f);
            }
        }
        for (Expr e : new Expr[] {core.where(), core.having()}) {
            Expr.FunctionCall f = e == null ? null : windowCall(e);
            if (f != null) {
                throw misuse(f);
            }
        }
        List<ResultColumn.Single> singles = new ArrayList<>();
        for (ResultColumn c : core.columns()) {
            if (c instanceof ResultColumn.Single s) {
                singles.add(s);
                if (s.alias() != null) {
                    aliases.add(key(s.alias().value()));
                }
            }
        }
        List<ResultColumn> stars = new ArrayList<>();
        List<ResultColumn> outerColumns = new ArrayList<>();
        boolean singleAfterStar = false;
        for (ResultColumn c : core.columns()) {
            if (c instanceof ResultColumn.Single s) {
                singleAfterStar = !stars.isEmpty();
                Name alias = s.alias() != null ? s.alias()
                        : Synthetic.name(SelectCompiler.columnName(s, null, sql));
                outerColumns.add(new ResultColumn.Single(decompose(s.expr(), false), alias, s.span()));
            } else {
                if (singleAfterStar) {
                    throw Unsupported.feature("* columns apart in a query with window functions");
                }
                if (stars.isEmpty()) {
                    outerColumns.add(new ResultColumn.All(Synthetic.NO_SPAN));
                }
                stars.add(c);
            }
        }
        List<OrderingTerm> orderBy = new ArrayList<>();
        for (OrderingTerm t : select.orderBy()) {
            Expr e = t.expr() instanceof Expr.Collate c ? c.expr() : t.expr();
            boolean keep = e instanceof Expr.Literal l && l.kind() == Expr.LiteralKind.INTEGER;
            orderBy.add(keep ? t : new OrderingTerm(decompose(t.expr(), true), t.order(), t.nulls(), t.span()));
        }
        List<Expr> groupBy = new ArrayList<>();
        for (Expr g : core.groupBy()) {
            groupBy.add(groupTerm(g, singles));
        }
        List<ResultColumn> innerColumns = new ArrayList<>(stars);
        if (extracted.isEmpty() && stars.isEmpty()) {
            extracted.add(new Expr.Literal(Expr.LiteralKind.NULL, "NULL", Synthetic.NO_SPAN));
        }
        Set<String> hidden = new HashSet<>();
        for (int i = 0; i < extracted.size(); i++) {
            innerColumns.add(new ResultColumn.Single(extracted.get(i), Synthetic.name(valueName(i)), Synthetic.NO_SPAN));
            hidden.add(valueName(i));
        }
        for (int i = 0; i < calls.size(); i++) {
            hidden.add(callName(i));
        }
        Select inner = new Select(null, new SelectCore.Simple(false, innerColumns, core.from(), core.where(), groupBy,
                core.having(), List.of(), core.span()), List.of(), List.of(), null, select.span());
        FromClause.SubquerySource source = new FromClause.SubquerySource(inner, Synthetic.name(SOURCE),
                Synthetic.NO_SPAN);
        FromClause from = new FromClause(List.of(new FromClause.Joined(null, source, null)), Synthetic.NO_SPAN);
        Select outer = new Select(null, new SelectCore.Simple(core.distinct(), outerColumns, from, null, List.of(), null,
                List.of(), core.span()), List.of(), orderBy, select.limit(), select.span());
        return new Rewrite(outer, source, inner, extracted.size(), List.copyOf(calls), hidden);
    }

    /** A GROUP BY term, with result column numbers and aliases replaced by what they stand for. */
    private Expr groupTerm(Expr g, List<ResultColumn.Single> singles) {
        Expr e = g instanceof Expr.Collate c ? c.expr() : g;
        Expr picked = null;
        if (e instanceof Expr.Literal l && l.kind() == Expr.LiteralKind.INTEGER) {
            int k = Integer.parseInt(l.text());
            if (k >= 1 && k <= singles.size()) {
                picked = singles.get(k - 1).expr();
            }
        } else if (e instanceof Expr.ColumnRef ref && ref.table() == null) {
            for (ResultColumn.Single s : singles) {
                if (s.alias() != null && s.alias().is(ref.column().value())) {
                    picked = s.expr();
                    break;
                }
            }
        }
        if (picked == null) {
            return g;
        }
        Expr.FunctionCall f = windowCall(picked);
        if (f != null) {
            throw misuse(f);
        }
        return g instanceof Expr.Collate c ? new Expr.Collate(picked, c.collation(), c.span()) : picked;
    }

    private static String valueName(int i) {
        return "w:v" + i;
    }

    static String callName(int i) {
        return "w:f" + i;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /**
     * {@code e} as the outer query computes it: parts without window calls
     * (and, in ORDER BY, without result aliases) become values of the inner
     * query, window calls the results of the window pass.
     */
    private Expr decompose(Expr e, boolean orderBy) {
        if (e instanceof Expr.FunctionCall f && f.over() != null) {
            return Synthetic.column(SOURCE, callName(call(f)));
        }
        if (e instanceof Expr.FunctionCall f && functions.find(f.name().value(), f.star() ? 0 : f.args().size())
                .orElse(null) instanceof AggregateFunction<?> && windowCall(e) != null) {
            throw misuse(windowCall(e));
        }
        if (windowCall(e) == null && !(orderBy && readsAlias(e))) {
            return e instanceof Expr.Literal ? e : Synthetic.column(SOURCE, valueName(extract(e)));
        }
        if (e instanceof Expr.ColumnRef) {
            return e;
        }
        return ExprMapper.children(e, x -> decompose(x, orderBy));
    }

    private boolean readsAlias(Expr e) {
        boolean[] found = {false};
        ExprWalker.walk(e, x -> {
            if (x instanceof Expr.ColumnRef c && c.table() == null && aliases.contains(key(c.column().value()))) {
                found[0] = true;
            }
            return !found[0];
        });
        return found[0];
    }

    private int extract(Expr e) {
        Expr.FunctionCall f = windowCall(e);
        if (f != null) {
            throw misuse(f);
        }
        extracted.add(e);
        return extracted.size() - 1;
    }

    /** The resolved window of a WINDOW definition or an OVER clause's (base ...) form. */
    private WindowSpec resolve(WindowSpec spec) {
        if (spec.base() == null) {
            return spec;
        }
        String baseName = spec.base().value();
        WindowSpec base = named.get(key(baseName));
        if (base == null) {
            throw new TursoException(ResultCode.ERROR, "no such window: " + baseName);
        }
        if (!spec.partitionBy().isEmpty()) {
            throw new TursoException(ResultCode.ERROR, "cannot override PARTITION clause of window: " + baseName);
        }
        if (!spec.orderBy().isEmpty() && !base.orderBy().isEmpty()) {
            throw new TursoException(ResultCode.ERROR, "cannot override ORDER BY clause of window: " + baseName);
        }
        if (base.frame() != null) {
            throw new TursoException(ResultCode.ERROR, "cannot override frame specification of window: " + baseName);
        }
        return new WindowSpec(null, base.partitionBy(), spec.orderBy().isEmpty() ? base.orderBy() : spec.orderBy(),
                spec.frame(), spec.span());
    }

    /** Registers window call {@code f}; returns its number. */
    private int call(Expr.FunctionCall f) {
        String name = f.name().value();
        WindowSpec spec;
        if (f.over().windowName() != null) {
            spec = named.get(key(f.over().windowName().value()));
            if (spec == null) {
                throw new TursoException(ResultCode.ERROR, "no such window: " + f.over().windowName().value());
            }
        } else {
            spec = resolve(f.over().spec());
        }
        int arity = f.star() ? 0 : f.args().size();
        WindowPlan.Kind kind = BUILTINS.getOrDefault(key(name), WindowPlan.Kind.AGGREGATE);
        AggregateFunction<?> function = null;
        if (kind == WindowPlan.Kind.AGGREGATE) {
            SqlFunction fn = functions.find(name, arity).orElse(null);
            if (fn instanceof AggregateFunction<?> a) {
                function = a;
            } else if (fn != null) {
                throw new TursoException(ResultCode.ERROR, name + "() may not be used as a window function");
            } else if (functions.exists(name)) {
                throw new TursoException(ResultCode.ERROR, "wrong number of arguments to function " + name + "()");
            } else {
                throw new TursoException(ResultCode.ERROR, "no such function: " + name);
            }
        } else {
            checkArity(kind, name, arity);
            if (f.filter() != null) {
                throw new TursoException(ResultCode.ERROR,
                        "FILTER clause may only be used with aggregate window functions");
            }
        }
        if (f.distinct()) {
            throw new TursoException(ResultCode.ERROR, "DISTINCT is not supported for window functions");
        }
        int[] args = new int[f.star() ? 0 : f.args().size()];
        for (int a = 0; a < args.length; a++) {
            args[a] = extract(f.args().get(a));
        }
        int filter = f.filter() == null ? -1 : extract(f.filter());
        int[] partition = spec.partitionBy().stream().mapToInt(this::extract).toArray();
        int[] order = spec.orderBy().stream().mapToInt(t -> extract(t.expr())).toArray();
        WindowPlan.Frame frame = frame(spec);
        calls.add(new CallSpec(kind, function, args, filter, partition, order, spec.orderBy(), frame));
        return calls.size() - 1;
    }

    private WindowPlan.Frame frame(WindowSpec spec) {
        WindowSpec.Frame f = spec.frame();
        if (f == null) {
            return new WindowPlan.Frame(WindowPlan.Unit.RANGE,
                    new WindowPlan.Bound(WindowPlan.BoundKind.UNBOUNDED_PRECEDING, -1),
                    new WindowPlan.Bound(WindowPlan.BoundKind.CURRENT_ROW, -1), WindowPlan.Exclude.NONE);
        }
        WindowSpec.Bound end = f.end() == null ? new WindowSpec.Bound(WindowSpec.BoundKind.CURRENT_ROW, null) : f.end();
        if (f.unit() == WindowSpec.FrameUnit.RANGE && spec.orderBy().size() != 1
                && (offset(f.start()) || offset(end))) {
            throw new TursoException(ResultCode.ERROR,
                    "RANGE with offset PRECEDING/FOLLOWING requires one ORDER BY expression");
        }
        if (f.start().kind() == WindowSpec.BoundKind.UNBOUNDED_FOLLOWING
                || end.kind() == WindowSpec.BoundKind.UNBOUNDED_PRECEDING
                || rank(f.start().kind()) > rank(end.kind())) {
            throw new TursoException(ResultCode.ERROR, "unsupported frame specification");
        }
        WindowPlan.Exclude exclude = switch (f.exclude()) {
            case NONE -> WindowPlan.Exclude.NONE;
            case NO_OTHERS -> WindowPlan.Exclude.NO_OTHERS;
            case CURRENT_ROW -> WindowPlan.Exclude.CURRENT_ROW;
            case GROUP -> WindowPlan.Exclude.GROUP;
            case TIES -> WindowPlan.Exclude.TIES;
        };
        return new WindowPlan.Frame(WindowPlan.Unit.valueOf(f.unit().name()), bound(f.start()), bound(end), exclude);
    }

    private static boolean offset(WindowSpec.Bound b) {
        return b.kind() == WindowSpec.BoundKind.PRECEDING || b.kind() == WindowSpec.BoundKind.FOLLOWING;
    }

    private static int rank(WindowSpec.BoundKind kind) {
        return switch (kind) {
            case UNBOUNDED_PRECEDING -> 0;
            case PRECEDING -> 1;
            case CURRENT_ROW -> 2;
            case FOLLOWING -> 3;
            case UNBOUNDED_FOLLOWING -> 4;
        };
    }

    private WindowPlan.Bound bound(WindowSpec.Bound b) {
        return new WindowPlan.Bound(WindowPlan.BoundKind.valueOf(b.kind().name()),
                b.offset() == null ? -1 : extract(b.offset()));
    }

    /**
     * The plan of Op.WINDOW once the inner query is compiled: value
     * positions shifted past its * columns, keys compared with the
     * collations of the inner columns.
     */
    static WindowPlan plan(Rewrite w, List<Column> innerColumns, FunctionRegistry functions) {
        int base = innerColumns.size() - w.extracted();
        List<WindowPlan.Call> planned = new ArrayList<>();
        for (CallSpec c : w.calls()) {
            int[] partition = shift(c.partition(), base);
            int[] order = shift(c.order(), base);
            Collation[] pc = new Collation[partition.length];
            boolean[] pd = new boolean[partition.length];
            boolean[] pn = new boolean[partition.length];
            for (int k = 0; k < partition.length; k++) {
                pc[k] = functions.collation(innerColumns.get(partition[k]).collation());
                pn[k] = true;
            }
            Collation[] oc = new Collation[order.length];
            boolean[] od = new boolean[order.length];
            boolean[] on = new boolean[order.length];
            for (int k = 0; k < order.length; k++) {
                OrderingTerm t = c.orderTerms().get(k);
                oc[k] = functions.collation(innerColumns.get(order[k]).collation());
                od[k] = t.order() == OrderingTerm.SortOrder.DESC;
                on[k] = switch (t.nulls()) {
                    case FIRST -> true;
                    case LAST -> false;
                    case NONE -> !od[k];
                };
            }
            WindowPlan.Frame f = c.frame();
            WindowPlan.Frame frame = new WindowPlan.Frame(f.unit(), shift(f.start(), base), shift(f.end(), base),
                    f.exclude());
            planned.add(new WindowPlan.Call(c.kind(), c.function(), shift(c.args(), base),
                    c.filter() < 0 ? -1 : c.filter() + base, partition, new SortOrder(pc, pd, pn), order,
                    new SortOrder(oc, od, on), frame));
        }
        return new WindowPlan(planned);
    }

    private static int[] shift(int[] positions, int base) {
        int[] shifted = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            shifted[i] = positions[i] + base;
        }
        return shifted;
    }

    private static WindowPlan.Bound shift(WindowPlan.Bound b, int base) {
        return b.offset() < 0 ? b : new WindowPlan.Bound(b.kind(), b.offset() + base);
    }
}
