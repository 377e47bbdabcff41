/*
 * Code generation for SELECT: no FROM (one constant row) or tables joined by
 * nested loops (inner, cross, NATURAL, USING, LEFT, RIGHT, FULL) in the
 * order JoinOrder finds cheapest for inner joins, each read on the access
 * path AccessPaths chooses, with WHERE, result columns (*, t.*,
 * expressions), DISTINCT, aggregates and GROUP BY / HAVING, ORDER BY (rows
 * gathered in a sorter, then read back sorted, unless the outermost loop
 * gives them in order) and LIMIT / OFFSET; compounds, VALUES, subqueries and
 * views in FROM.
 */
package turso.planner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.Collation;
import turso.parser.ast.Expr;
import turso.parser.ast.FromClause;
import turso.parser.ast.Name;
import turso.parser.ast.OrderingTerm;
import turso.parser.ast.ResultColumn;
import turso.parser.ast.Select;
import turso.parser.ast.SelectCore;
import turso.vm.Affinity;
import turso.vm.FunctionRegistry;
import turso.vm.Op;
import turso.vm.Program;
import turso.vm.ProgramBuilder;
import turso.vm.SortOrder;

final class SelectCompiler {
    private final ProgramBuilder b;
    /** Whether result columns name the program's columns (a top-level SELECT) or not (a SELECT inside another statement). */
    private final boolean topLevel;
    private RowSink sink;
    /** The rewrite of a query with window functions, whose FROM is its windowed rows; null for others. */
    private WindowCompiler.Rewrite window;
    private final ExprCompiler exprs;
    private final List<Expr> results = new ArrayList<>();
    private final List<String> aliases = new ArrayList<>();
    /** The result columns as a table made of this query's rows sees them: names, affinities, collations. */
    private final List<Column> columns = new ArrayList<>();
    /** Per aggregate of the query being compiled: the sorter gathering its input for ORDER BY, or -1. */
    private int[] orderedInputs;
    /** The DISTINCT set of a SELECT DISTINCT, or -1. */
    private int distinct = -1;
    /** The tables of FROM in join order; empty without FROM. */
    private List<JoinStep> joins = List.of();
    /** The one min() or max() aggregate whose row gives the bare columns, or -1; and the register of its extreme so far. */
    private int extreme = -1;
    private int extremeValue;
    /** Without such an aggregate: the register that is true once the group's first row gave the bare columns. */
    private int bareColumnsKept;
    /** The temporary B-trees (sorters) the query uses, as EXPLAIN QUERY PLAN names them. */
    private final List<String> temporaryTrees = new ArrayList<>();
    /** Every expression of the query (results, WHERE, GROUP BY, HAVING, ORDER BY, ON): what it reads of each table. */
    private List<Expr> queryExpressions = List.of();
    /** FROM items read again at the start of each pass of their loop (table-valued functions), by cursor. */
    private final Map<Integer, Runnable> refills = new HashMap<>();
    /** The virtual tables of FROM, by cursor. */
    private final Map<Integer, VirtualScans.Call> virtuals = new HashMap<>();
    /** Cursors of tables named with INDEXED BY or NOT INDEXED: no automatic index for them. */
    private final java.util.Set<Integer> restricted = new java.util.HashSet<>();
    /** INDEXED BY and NOT INDEXED, by the table's cursor. */
    private final Map<Integer, IndexedBy> indexedBy = new HashMap<>();
    /** The register one() fills with 1, or 0 before it is needed. */
    private int oneRegister;
    /** Subqueries in FROM without an alias so far, which SQLite names (subquery-N). */
    private int subqueryCount;
    /** The WHERE terms tested in each join loop (the last: without FROM), and each table's access path, once planned. */
    private List<List<Expr>> levelTerms;
    private List<AccessPath> paths;
    /** Whether the outermost loop runs backwards (ORDER BY ... DESC read from an ascending index or the rowid). */
    private boolean reverseFirst;
    /** PRAGMA reverse_unordered_selects applies: every loop that can runs backwards (there is no ORDER BY). */
    private boolean reverseUnordered;
    /** Result column aliases (lower-cased) and their expressions, as ExprCompiler is given them. */
    private Map<String, Expr> resultAliases = Map.of();
    /** The loop of each table of {@code joins}, with its access path. */
    private List<ScanLoop> loops = List.of();
    /**
     * The USING columns of RIGHT and FULL joins, by lower-cased name: an
     * unqualified reference (and *) means coalesce() of the copies on both
     * sides, since either may be a row of NULLs.
     */
    private final Map<String, Expr> coalesced = new LinkedHashMap<>();
    /** Per join table on the right of a RIGHT or FULL JOIN, the temporary table of the rowids that matched. */
    private int[] matchedRows;

    /**
     * One table of the join: its scope, whether it gets a row of NULLs when
     * nothing matches a row of the tables before it (the right side of a
     * LEFT or FULL JOIN), its ON condition, whether its rows that match
     * nothing are added with NULLs for the tables before it (the right side
     * of a RIGHT or FULL JOIN), and whether it follows a CROSS JOIN.
     */
    private record JoinStep(Scope scope, boolean left, Expr on, boolean right, boolean cross) {}
    /** For an ORDER BY the outermost loop might give: the order wanted of a table, null if it cannot; null without. */
    private java.util.function.Function<Scope, List<AccessPaths.OrderTerm>> wantedOrder;
    /** While the paths are planned for a GROUP BY: its keys, which a loop may give grouped (GroupOrder). */
    private List<Expr> wantedGroups;
    /** The ORDER BY terms WHERE holds to one value (fixedSortKeys), while ORDER BY is planned. */
    private java.util.Set<Integer> fixedSortKeys = java.util.Set.of();

    private SelectCompiler(ProgramBuilder b, FunctionRegistry functions, boolean topLevel) {
        this.b = b;
        this.topLevel = topLevel;
        this.exprs = new ExprCompiler(b, functions);
    }

    /** The compiler of this query's expressions, which a subquery's may fall back to (correlation). */
    private SelectCompiler within(ExprCompiler outer, Schema schema, String sql) {
        exprs.setContext(schema, sql, outer);
        return this;
    }

    static Program compile(Select select, String sql, Schema schema, FunctionRegistry functions) {
        ProgramBuilder b = new ProgramBuilder();
        int init = b.emit(Op.INIT, 0, 0, 0);
        int start = b.currentAddress();
        int done = b.newLabel();
        StatementConstants constants = new StatementConstants(b);
        SelectCompiler top = new SelectCompiler(b, functions, true).within(null, schema, sql);
        top.exprs.setConstants(constants);
        top.generate(select, sql, schema, (first, count) -> b.emit(Op.RESULT_ROW, first, count, 0), done);
        b.resolve(done);
        b.emit(Op.HALT, 0, 0, 0);
        constants.emitPrologue(init, start, top.exprs);
        return b.build();
    }

    /**
     * Emits {@code select} into another statement's program: each row goes to
     * {@code sink}, and the code ends at label {@code done}, which the caller
     * resolves. Inside an expression ({@code outer} not null) it is a
     * subquery, run again each time the expression is evaluated.
     *
     * @return how many columns a row has
     */
    static List<Column> generateInto(ProgramBuilder b, FunctionRegistry functions, Select select, String sql,
            Schema schema, RowSink sink, int done, ExprCompiler outer) {
        SelectCompiler compiler = new SelectCompiler(b, functions, false).within(outer, schema, sql);
        compiler.generate(select, sql, schema, sink, done);
        return compiler.columns;
    }

    /**
     * Emits {@code select} as the rows of a new table (CREATE TABLE ... AS
     * SELECT), each to {@code sink}, ending at label {@code done}; returns
     * the table's columns, named as SQLite names them.
     */
    static List<Column> generateTable(ProgramBuilder b, FunctionRegistry functions, Select select, String sql,
            Schema schema, RowSink sink, int done) {
        SelectCompiler compiler = new SelectCompiler(b, functions, false).within(null, schema, sql);
        compiler.generate(select, sql, schema, sink, done);
        return named("", null, compiler.columns);
    }

    private void generate(Select select, String sql, Schema schema, RowSink sink, int done) {
        this.sink = sink;
        if (select.with() != null) {
            schema = withTables(schema, select.with());
            exprs.setContext(schema, sql, exprs.outerForSubqueries());
            select = new Select(null, select.first(), select.compounds(), select.orderBy(), select.limit(), select.span());
        }
        if (!select.compounds().isEmpty()) {
            compound(select, sql, schema, done);
            return;
        }
        if (select.first() instanceof SelectCore.Values values) {
            values(values, select, done);
            return;
        }
        SelectCore.Simple core = (SelectCore.Simple) select.first();
        if (window == null && WindowCompiler.uses(select, core)) {
            window = WindowCompiler.rewrite(select, core, sql, exprs.functions());
            select = window.outer();
            core = (SelectCore.Simple) select.first();
        }
        joins = core.from() == null ? List.of() : joins(core.from(), schema);
        exprs.setFromScopes(joins.stream().map(JoinStep::scope).toList());
        exprs.setCoalesced(coalesced);
        collectResults(core.columns(), sql);
        queryExpressions = new ArrayList<>(results);
        if (core.where() != null) {
            queryExpressions.add(core.where());
        }
        if (core.having() != null) {
            queryExpressions.add(core.having());
        }
        core.groupBy().forEach(queryExpressions::add);
        select.orderBy().forEach(t -> queryExpressions.add(t.expr()));
        joins.stream().map(JoinStep::on).filter(java.util.Objects::nonNull).forEach(queryExpressions::add);
        Map<String, Expr> byAlias = new HashMap<>();
        for (int j = 0; j < results.size(); j++) {
            if (aliases.get(j) != null) {
                byAlias.putIfAbsent(aliases.get(j).toLowerCase(java.util.Locale.ROOT), results.get(j));
            }
        }
        exprs.setAliases(byAlias);
        resultAliases = byAlias;
        if (core.distinct()) {
            temporaryTrees.add("USE TEMP B-TREE FOR DISTINCT");
            distinct = b.newCursor();
            b.emit(Op.DISTINCT_CLEAR, distinct, 0, 0);
        }
        List<Expr> sortKeys = new ArrayList<>();
        List<OrderingTerm> terms = select.orderBy();
        for (int t = 0; t < terms.size(); t++) {
            sortKeys.add(resolveTerm(terms.get(t).expr(), t, "ORDER BY"));
        }
        List<Expr.FunctionCall> aggregates = new ArrayList<>();
        List<Expr> outputs = new ArrayList<>(results);
        outputs.addAll(sortKeys);
        if (core.having() != null) {
            outputs.add(core.having());
        }
        for (Expr e : outputs) {
            ExprWalker.walk(e, x -> {
                if (x instanceof Expr.FunctionCall f && exprs.isAggregate(f)) {
                    if (aggregates.stream().noneMatch(g -> SameExpr.same(g, f))) {
                        aggregates.add(f);
                    }
                    return false;
                }
                return true;
            });
        }
        for (Expr.FunctionCall f : aggregates) {
            if (f.distinct() && f.args().size() != 1) {
                throw new TursoException(ResultCode.ERROR, "DISTINCT aggregates must have exactly one argument");
            }
        }
        if (!aggregates.isEmpty() || !core.groupBy().isEmpty()) {
            aggregate(core, select, aggregates, outputs, sortKeys, done);
            return;
        }
        if (core.having() != null) {
            throw new TursoException(ResultCode.ERROR, "HAVING clause on a non-aggregate query");
        }
        boolean sorting = !joins.isEmpty() && !terms.isEmpty() && !orderedByPaths(core.where(), terms, sortKeys);
        int[] limits = limitAndOffset(select, done);
        int limit = limits[0];
        int offset = limits[1];
        int n = results.size();
        int out = b.newRegisters(n);
        int sorter = sorting ? b.newCursor() : 0;
        int keys = sortKeys.size();
        if (sorting) {
            temporaryTrees.add("USE TEMP B-TREE FOR ORDER BY");
            b.emit(Op.SORTER_OPEN, sorter, 0, 0, sortOrder(terms, sortKeys), 0);
            if (limit != 0 && distinct < 0) {
                b.emit(Op.SORTER_BOUND, sorter, limit, offset);
            }
        }
        reverseUnordered = terms.isEmpty() && reversesUnordered();
        scan(core.where(), skip -> {
            if (sorting) {
                int block = b.newRegisters(keys + n);
                for (int k = 0; k < keys; k++) {
                    exprs.compileInto(sortKeys.get(k), block + k);
                }
                int early = limit != 0 && distinct < 0 ? b.emit(Op.SORTER_SKIP, sorter, skip, block) : -1;
                for (int j = 0; j < n; j++) {
                    exprs.compileInto(results.get(j), block + keys + j);
                }
                if (early >= 0 && !TopRows.onlyReads(b, early + 1)) {
                    b.setJump(early, early + 1);
                }
                b.emit(Op.SORTER_INSERT, sorter, block, keys + n);
            } else {
                if (joins.isEmpty()) {
                    for (Expr key : sortKeys) {
                        exprs.compile(key);
                    }
                }
                emitRow(out, offset, limit, skip, done);
            }
        });
        if (sorting) {
            emitSorted(sorter, keys, out, limits, done);
        }
    }

    /**
     * A compound SELECT: each part's rows go to a buffer of their own, the
     * buffers are combined left to right (UNION ALL appends; UNION, EXCEPT
     * and INTERSECT leave distinct rows, sorted as SQLite's temporary B-tree
     * leaves them), then ORDER BY and LIMIT apply to the whole. Column names
     * and collations are the first part's; ORDER BY terms name its result
     * columns by number, alias or column name.
     */
    private void compound(Select select, String sql, Schema schema, int done) {
        List<SelectCore> parts = new ArrayList<>();
        parts.add(select.first());
        select.compounds().forEach(part -> parts.add(part.core()));
        int[] buffers = new int[parts.size()];
        SelectCompiler first = null;
        List<SelectCompiler> later = new ArrayList<>();
        int width = -1;
        for (int i = 0; i < parts.size(); i++) {
            int buffer = b.newCursor();
            buffers[i] = buffer;
            b.emit(Op.SORTER_OPEN, buffer, 0, 0, new SortOrder(new Collation[0], new boolean[0], new boolean[0]), 0);
            SelectCompiler part = new SelectCompiler(b, exprs.functions(), topLevel && i == 0)
                    .within(exprs.outerForSubqueries(), schema, sql);
            int partDone = b.newLabel();
            Select single = new Select(null, parts.get(i), List.of(), List.of(), null, select.span());
            part.generate(single, sql, schema, (from, count) -> b.emit(Op.SORTER_INSERT, buffer, from, count),
                    partDone);
            b.resolve(partDone);
            if (i == 0) {
                first = part;
                width = part.results.size();
            } else {
                later.add(part);
            }
            if (i > 0 && part.results.size() != width) {
                throw new TursoException(ResultCode.ERROR, "SELECTs to the left and right of "
                        + keyword(select.compounds().get(i - 1).op()) + " do not have the same number of result columns");
            }
        }
        results.addAll(first.results);
        columns.addAll(first.columns);
        SortOrder rows = first.allAscending(first.results);
        for (int i = 1; i < parts.size(); i++) {
            b.emit(Op.SORTER_COMBINE, buffers[0], buffers[i], switch (select.compounds().get(i - 1).op()) {
                case UNION_ALL -> 0;
                case UNION -> 1;
                case EXCEPT -> 2;
                case INTERSECT -> 3;
            }, rows, 0);
        }
        int[] limits = limitAndOffset(select, done);
        int out = b.newRegisters(width);
        List<OrderingTerm> terms = select.orderBy();
        int sorter = terms.isEmpty() ? 0 : b.newCursor();
        if (!terms.isEmpty()) {
            Collation[] collations = new Collation[terms.size()];
            boolean[] descending = new boolean[terms.size()];
            boolean[] nullsFirst = new boolean[terms.size()];
            int[] columns = new int[terms.size()];
            for (int t = 0; t < terms.size(); t++) {
                OrderingTerm term = terms.get(t);
                columns[t] = first.resultColumn(term.expr(), t, later);
                collations[t] = term.expr() instanceof Expr.Collate c
                        ? exprs.functions().collation(c.collation().value())
                        : rows.collations()[columns[t]];
                descending[t] = term.order() == OrderingTerm.SortOrder.DESC;
                nullsFirst[t] = switch (term.nulls()) {
                    case FIRST -> true;
                    case LAST -> false;
                    case NONE -> !descending[t];
                };
            }
            b.emit(Op.SORTER_OPEN, sorter, 0, 0, new SortOrder(collations, descending, nullsFirst), 0);
            int block = b.newRegisters(terms.size() + width);
            int empty = b.newLabel();
            b.emit(Op.SORTER_SORT, buffers[0], empty, 0);
            int loop = b.currentAddress();
            for (int j = 0; j < width; j++) {
                b.emit(Op.SORTER_COLUMN, buffers[0], j, block + terms.size() + j);
            }
            for (int t = 0; t < terms.size(); t++) {
                b.emit(Op.COPY, block + terms.size() + columns[t], block + t, 0);
            }
            b.emit(Op.SORTER_INSERT, sorter, block, terms.size() + width);
            b.emit(Op.SORTER_NEXT, buffers[0], loop, 0);
            b.resolve(empty);
        }
        emitSorted(terms.isEmpty() ? buffers[0] : sorter, terms.size(), out, limits, done);
    }

    private static String keyword(Select.CompoundOp op) {
        return switch (op) {
            case UNION -> "UNION";
            case UNION_ALL -> "UNION ALL";
            case EXCEPT -> "EXCEPT";
            case INTERSECT -> "INTERSECT";
        };
    }

    /**
     * The result column an ORDER BY term of a compound SELECT names: a column
     * number, or an alias or column name of this (the first) part's results,
     * else of the {@code later} parts', in order, as SQLite looks.
     */
    private int resultColumn(Expr term, int index, List<SelectCompiler> later) {
        Expr e = term instanceof Expr.Collate c ? c.expr() : term;
        Long number = columnNumber(e);
        if (number != null) {
            return checkedColumn(number, index, "ORDER BY");
        }
        if (e instanceof Expr.ColumnRef ref) {
            int found = namedColumn(ref.column().value());
            for (int k = 0; found < 0 && k < later.size(); k++) {
                found = later.get(k).namedColumn(ref.column().value());
            }
            if (found >= 0) {
                return found;
            }
        }
        throw new TursoException(ResultCode.ERROR, ordinal(index + 1)
                + " ORDER BY term does not match any column in the result set");
    }

    /** The result column whose alias (else column name) is {@code name}, or -1. */
    private int namedColumn(String name) {
        for (int j = 0; j < results.size(); j++) {
            String named = aliases.get(j) != null ? aliases.get(j) : exprs.declaredName(results.get(j));
            if (named != null && named.equalsIgnoreCase(name)) {
                return j;
            }
        }
        return -1;
    }

    /**
     * An aggregate query. Without GROUP BY: one row, computed once every
     * input row went through the aggregates. With GROUP BY, as a hash
     * aggregate where it can be (hashable): each row steps the aggregates of
     * its group, found by its keys, and the groups are output in key order
     * at the end (outputGroups); otherwise the input rows (group keys,
     * aggregate arguments, columns read outside aggregates) go through a
     * sorter ordered by the group keys, and a row is produced each time the
     * keys change, as SQLite does without an index. Either way the groups
     * come out in the order SQLite's sorter gives them. A column read
     * outside an aggregate gives its value in the group's last row (NULL when
     * there was none); SQLite's choice of the min() or max() row for a lone
     * min/max is not made yet.
     */
    private void aggregate(SelectCore.Simple core, Select select, List<Expr.FunctionCall> aggregates,
            List<Expr> outputs, List<Expr> sortKeys, int done) {
        if (core.where() != null) {
            // an aggregate query words this as SQLite does once WHERE has been resolved with the rest
            ExprWalker.walk(core.where(), x -> {
                if (x instanceof Expr.FunctionCall f && exprs.isAggregate(f)) {
                    throw new TursoException(ResultCode.ERROR, "misuse of aggregate: " + f.name().value() + "()");
                }
                return true;
            });
        }
        List<Expr> groupKeys = new ArrayList<>();
        for (int g = 0; g < core.groupBy().size(); g++) {
            Expr key = resolveTerm(core.groupBy().get(g), g, "GROUP BY");
            ExprWalker.walk(key, x -> {
                if (x instanceof Expr.FunctionCall f && exprs.isAggregate(f)) {
                    throw new TursoException(ResultCode.ERROR,
                            "aggregate functions are not allowed in the GROUP BY clause");
                }
                return true;
            });
            groupKeys.add(key);
        }
        if (joins.isEmpty() && !groupKeys.isEmpty()) {
            throw Unsupported.feature("GROUP BY without FROM");
        }
        core = HavingToWhere.moved(core, groupKeys, resultAliases, exprs);
        int[] limits = limitAndOffset(select, done);
        int[] slots = new int[aggregates.size()];
        int[] distinctSets = new int[aggregates.size()];
        orderedInputs = new int[aggregates.size()];
        for (int a = 0; a < slots.length; a++) {
            slots[a] = b.newCursor();
            distinctSets[a] = b.newCursor();
            orderedInputs[a] = aggregates.get(a).orderBy().isEmpty() ? -1 : b.newCursor();
        }
        extremeOf(aggregates);
        resetAggregates(aggregates, slots, distinctSets);
        Map<ColumnKey, Integer> holders = new LinkedHashMap<>();
        for (Expr e : outputs) {
            ExprWalker.walk(e, x -> {
                if (x instanceof Expr.FunctionCall f && exprs.isAggregate(f)) {
                    return false;
                }
                if (x instanceof Expr.ColumnRef ref) {
                    ColumnKey key = exprs.columnKey(ref);
                    if (key != null) {
                        holders.computeIfAbsent(key, k -> b.newRegister());
                    }
                }
                return true;
            });
        }
        boolean grouped = !groupKeys.isEmpty();
        boolean hashed = grouped && hashable(aggregates, groupKeys);
        boolean sortOutput = grouped && !sortKeys.isEmpty();
        int outputSorter = sortOutput ? b.newCursor() : 0;
        if (sortOutput) {
            temporaryTrees.add("USE TEMP B-TREE FOR ORDER BY");
            b.emit(Op.SORTER_OPEN, outputSorter, 0, 0, sortOrder(select.orderBy(), sortKeys), 0);
        }
        int groupSorter = grouped ? b.newCursor() : 0;
        if (grouped) {
            GroupOrder order = groupOrder(core.where(), groupKeys);
            if (order == null) {
                temporaryTrees.add("USE TEMP B-TREE FOR GROUP BY");
            } else {
                paths.set(0, order.path());
                List<Expr> reordered = order.reorder(groupKeys);
                groupKeys.clear();
                groupKeys.addAll(reordered);
            }
            SortOrder ascending = allAscending(groupKeys);
            SortOrder groupOrder = order == null ? ascending
                    : new SortOrder(ascending.collations(), order.descending(), order.nullsFirst());
            if (hashed) {
                b.emit(Op.GROUP_OPEN, groupSorter, 0, 0,
                        groupSpec(aggregates, groupOrder, slots, distinctSets, holders), 0);
            } else {
                b.emit(Op.SORTER_OPEN, groupSorter, 0, 0, groupOrder, 0);
            }
        }
        int argumentCount = 0;
        for (Expr.FunctionCall f : aggregates) {
            argumentCount += ExprCompiler.aggregateValues(f);
        }
        int k = groupKeys.size();
        int width = k + argumentCount + holders.size();
        reverseUnordered = !grouped && reversesUnordered();
        scan(core.where(), skip -> {
            if (grouped && !hashed) {
                int block = b.newRegisters(width);
                for (int g = 0; g < k; g++) {
                    exprs.compileInto(groupKeys.get(g), block + g);
                }
                int at = block + k;
                for (Expr.FunctionCall f : aggregates) {
                    exprs.aggregateArgumentsInto(f, at);
                    at += ExprCompiler.aggregateValues(f);
                }
                for (ColumnKey column : holders.keySet()) {
                    readColumn(column, at++);
                }
                b.emit(Op.SORTER_INSERT, groupSorter, block, width);
            } else {
                if (hashed) {
                    int keys = b.newRegisters(k);
                    for (int g = 0; g < k; g++) {
                        exprs.compileInto(groupKeys.get(g), keys + g);
                    }
                    b.emit(Op.GROUP_FIND, groupSorter, keys, k);
                }
                int extremeArgument = -1;
                for (int a = 0; a < slots.length; a++) {
                    Expr.FunctionCall f = aggregates.get(a);
                    int args = exprs.aggregateArguments(f);
                    if (a == extreme) {
                        extremeArgument = args;
                    }
                    step(slots[a], f, args, distinctSets[a], orderedInputs[a]);
                }
                keepRowOfExtreme(aggregates, extremeArgument, () -> {
                    for (Map.Entry<ColumnKey, Integer> holder : holders.entrySet()) {
                        readColumn(holder.getKey(), holder.getValue());
                    }
                });
            }
        });
        if (!grouped) {
            output(core, aggregates, slots, holders, Map.of(), sortKeys, false, 0, limits, done);
            return;
        }
        if (hashed) {
            outputGroups(core, aggregates, groupKeys, slots, holders, sortKeys, outputSorter, groupSorter, limits, done);
            return;
        }
        int noGroups = b.newLabel();
        b.emit(Op.SORTER_SORT, groupSorter, noGroups, 0);
        int first = b.newRegister();
        b.emit(Op.INTEGER, 1, first, 0);
        int previous = b.newRegisters(k);
        int current = b.newRegisters(k);
        int same = b.newRegister();
        int outLoop = b.currentAddress();
        for (int g = 0; g < k; g++) {
            b.emit(Op.SORTER_COLUMN, groupSorter, g, current + g);
        }
        int start = b.newLabel();
        int changed = b.newLabel();
        int step = b.newLabel();
        b.emit(Op.IF, first, start, 0);
        for (int g = 0; g < k; g++) {
            b.emit(Op.COMPARE, current + g, previous + g, same, new turso.vm.Comparison(turso.vm.CompareOp.IS,
                    turso.vm.Affinity.NONE, exprs.sortCollation(groupKeys.get(g))), 0);
            b.emit(Op.IF_NOT, same, changed, 0);
        }
        b.emit(Op.GOTO, 0, step, 0);
        b.resolve(changed);
        Map<Expr, Integer> keyRegisters = new HashMap<>();
        for (int g = k - 1; g >= 0; g--) {
            keyRegisters.put(groupKeys.get(g), previous + g);
        }
        output(core, aggregates, slots, holders, keyRegisters, sortKeys, sortOutput, outputSorter, limits, done);
        resetAggregates(aggregates, slots, distinctSets);
        b.resolve(start);
        for (int g = 0; g < k; g++) {
            b.emit(Op.COPY, current + g, previous + g, 0);
        }
        b.emit(Op.INTEGER, 0, first, 0);
        b.resolve(step);
        int at = k;
        int extremeArgument = -1;
        for (int a = 0; a < slots.length; a++) {
            Expr.FunctionCall f = aggregates.get(a);
            int args = b.newRegisters(ExprCompiler.aggregateValues(f));
            for (int i = 0; i < ExprCompiler.aggregateValues(f); i++) {
                b.emit(Op.SORTER_COLUMN, groupSorter, at++, args + i);
            }
            if (a == extreme) {
                extremeArgument = args;
            }
            step(slots[a], f, args, distinctSets[a], orderedInputs[a]);
        }
        int holdersAt = at;
        keepRowOfExtreme(aggregates, extremeArgument, () -> {
            int column = holdersAt;
            for (int register : holders.values()) {
                b.emit(Op.SORTER_COLUMN, groupSorter, column++, register);
            }
        });
        b.emit(Op.SORTER_NEXT, groupSorter, outLoop, 0);
        output(core, aggregates, slots, holders, keyRegisters, sortKeys, sortOutput, outputSorter, limits, done);
        b.resolve(noGroups);
        if (sortOutput) {
            emitSorted(outputSorter, sortKeys.size(), b.newRegisters(results.size()), limits, done);
        }
    }

    /**
     * Whether a GROUP BY can run as a hash aggregate (GroupTable): its keys
     * hash as they compare, which the built-in collations allow, and no
     * aggregate sorts its own input (ORDER BY inside the call), which needs
     * a sorter per group. Then the rows are not sorted, only the groups.
     */
    private boolean hashable(List<Expr.FunctionCall> aggregates, List<Expr> groupKeys) {
        for (Expr.FunctionCall f : aggregates) {
            if (!f.orderBy().isEmpty()) {
                return false;
            }
        }
        for (Expr key : groupKeys) {
            if (!(exprs.sortCollation(key) instanceof turso.vm.BuiltinCollation)) {
                return false;
            }
        }
        return true;
    }

    /**
     * What a hash aggregate keeps per group: the aggregates' states and
     * DISTINCT sets, and the registers the per-row code carries from row to
     * row (the bare columns' holders, and whether they were taken or the
     * min/max they follow).
     */
    private turso.vm.GroupSpec groupSpec(List<Expr.FunctionCall> aggregates, SortOrder groupOrder, int[] slots,
            int[] distinctSets, Map<ColumnKey, Integer> holders) {
        turso.api.spi.AggregateFunction<?>[] functions = new turso.api.spi.AggregateFunction<?>[aggregates.size()];
        List<Integer> distinctSlots = new ArrayList<>();
        for (int a = 0; a < functions.length; a++) {
            functions[a] = exprs.aggregateFunction(aggregates.get(a));
            if (aggregates.get(a).distinct()) {
                distinctSlots.add(distinctSets[a]);
            }
        }
        List<Integer> saved = new ArrayList<>();
        saved.add(extreme >= 0 ? extremeValue : bareColumnsKept);
        saved.addAll(holders.values());
        return new turso.vm.GroupSpec(groupOrder, slots, functions,
                distinctSlots.stream().mapToInt(Integer::intValue).toArray(),
                saved.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * After a hash aggregate's scan: each group in key order (as the GROUP
     * BY's sorter would give them), its state swapped in, then its output.
     */
    private void outputGroups(SelectCore.Simple core, List<Expr.FunctionCall> aggregates, List<Expr> groupKeys,
            int[] slots, Map<ColumnKey, Integer> holders, List<Expr> sortKeys, int outputSorter, int groups,
            int[] limits, int done) {
        int k = groupKeys.size();
        boolean sortOutput = !sortKeys.isEmpty();
        int noGroups = b.newLabel();
        int keys = b.newRegisters(k);
        b.emit(Op.GROUP_SORT, groups, noGroups, keys);
        int loop = b.currentAddress();
        Map<Expr, Integer> keyRegisters = new HashMap<>();
        for (int g = k - 1; g >= 0; g--) {
            keyRegisters.put(groupKeys.get(g), keys + g);
        }
        output(core, aggregates, slots, holders, keyRegisters, sortKeys, sortOutput, outputSorter, limits, done);
        b.emit(Op.GROUP_NEXT, groups, loop, keys);
        b.resolve(noGroups);
        if (sortOutput) {
            emitSorted(outputSorter, sortKeys.size(), b.newRegisters(results.size()), limits, done);
        }
    }

    /**
     * The output of one group: the aggregates' results, HAVING, then the row
     * (into the output sorter when ORDER BY sorts groups). Emitted where a
     * group ends; the expressions read aggregate results, the group's keys as
     * they were at its first row (as SQLite shows them), and held columns.
     */
    private void output(SelectCore.Simple core, List<Expr.FunctionCall> aggregates, int[] slots,
            Map<ColumnKey, Integer> holders, Map<Expr, Integer> keyRegisters, List<Expr> sortKeys, boolean sortOutput,
            int outputSorter, int[] limits, int done) {
        Map<SameExpr.Key, Integer> finals = SameExpr.keyed(keyRegisters);
        for (int a = 0; a < slots.length; a++) {
            if (orderedInputs[a] >= 0) {
                stepInOrder(slots[a], aggregates.get(a), orderedInputs[a]);
            }
            int result = b.newRegister();
            b.emit(Op.AGG_FINAL, slots[a], result, 0, exprs.aggregateFunction(aggregates.get(a)), 0);
            finals.put(SameExpr.key(aggregates.get(a)), result);
        }
        exprs.setAggregateOutput(finals, holders);
        int skip = b.newLabel();
        if (core.having() != null) {
            b.emit(Op.IF_NOT, exprs.compile(core.having()), skip, 1);
        }
        if (sortOutput) {
            int keys = sortKeys.size();
            int block = b.newRegisters(keys + results.size());
            for (int i = 0; i < keys; i++) {
                exprs.compileInto(sortKeys.get(i), block + i);
            }
            for (int j = 0; j < results.size(); j++) {
                exprs.compileInto(results.get(j), block + keys + j);
            }
            b.emit(Op.SORTER_INSERT, outputSorter, block, keys + results.size());
        } else {
            emitRow(b.newRegisters(results.size()), limits[1], limits[0], skip, done);
        }
        b.resolve(skip);
        exprs.setAggregateOutput(Map.of(), Map.of());
    }

    /** A table column of the current row of the join into {@code target}. */
    private void readColumn(ColumnKey column, int target) {
        exprs.readColumn(column.cursor(), column.column(), target);
    }

    /**
     * Puts the tables of an inner join in the cheapest order, places each
     * AND term of WHERE in the loop of the last table it reads (not before
     * the last RIGHT or FULL JOIN's), and chooses each table's access path
     * from the terms it can be driven by; once. A single table with
     * sqlite_stat1 figures is costed the same way when ORDER BY is wanted,
     * so that reading an index in order can win over a seek and a sort.
     */
    private void planPaths(Expr where) {
        if (paths != null) {
            return;
        }
        List<Expr> conjuncts = new ArrayList<>();
        Conjuncts.split(where, conjuncts);
        List<AccessPath> planned = null;
        boolean sortedByStatistics = joins.size() == 1 && wantedOrder != null
                && exprs.statistics(joins.getFirst().scope().table()) != null;
        if ((joins.size() > 1 || sortedByStatistics) && joins.size() <= 64 && refills.isEmpty() && virtuals.isEmpty()
                && joins.stream().noneMatch(JoinStep::right)) {
            innerWhereNullsRejected(conjuncts);
            planned = reorder(conjuncts);
        }
        levelTerms = new ArrayList<>();
        for (int k = 0; k <= joins.size(); k++) {
            levelTerms.add(new ArrayList<>());
        }
        int lastRight = lastRightJoin();
        for (Expr term : conjuncts) {
            levelTerms.get(Math.max(levelOf(term), lastRight)).add(term);
        }
        paths = new ArrayList<>();
        for (int k = 0; k < joins.size(); k++) {
            int level = k;
            paths.add(planned != null ? planned.get(k) : pathOf(k, e -> Conjuncts.knownBefore(e, exprs, level), k == 0));
        }
    }

    /**
     * The access path of join table {@code k} from the terms that can drive
     * it (its ON terms, and for a table of an inner join its WHERE terms:
     * the rows of an outer join's table they skip would still have to be
     * met), given which expressions are known before its loop; an automatic
     * index where a table of an inner join would be scanned whole in an
     * inner loop.
     */
    private AccessPath pathOf(int k, java.util.function.Predicate<Expr> known, boolean outermost) {
        JoinStep join = joins.get(k);
        if (refills.containsKey(join.scope().cursor())) {
            return new AccessPath.FullScan();
        }
        List<Expr> drivers = new ArrayList<>();
        Conjuncts.split(join.on(), drivers);
        if (!join.left() && !join.right()) {
            drivers.addAll(levelTerms.get(k));
        }
        VirtualScans.Call call = virtuals.get(join.scope().cursor());
        if (call != null) {
            return VirtualScans.plan(new VirtualScans.Request(join.scope(), call.source(), call.args(),
                    VirtualScans.offered(drivers, join.left() ? List.of() : levelTerms.subList(k + 1, levelTerms.size())),
                    exprs, known));
        }
        AccessPath path = forcedPath(join, drivers, AccessPaths.choose(join.scope(), drivers, exprs, known,
                index -> covers(index, join.scope())));
        if (!outermost && !join.right() && !restricted.contains(join.scope().cursor())
                && wholeTable(path)) {
            AccessPath automatic = AccessPaths.automatic(join.scope(), drivers, exprs, known);
            if (automatic != null) {
                path = automatic;
            }
        }
        return path;
    }

    /** Whether {@code path} reads every row: the table, or a whole index (a smaller one that covers the query). */
    private static boolean wholeTable(AccessPath path) {
        return path instanceof AccessPath.FullScan || path instanceof AccessPath.IndexRange i
                && i.equal().isEmpty() && i.lower() == null && i.upper() == null && i.index().where() == null;
    }

    /** The path of {@code join}'s table as INDEXED BY lets it be (the planner's otherwise). */
    private AccessPath forcedPath(JoinStep join, List<Expr> drivers, AccessPath path) {
        IndexedBy clause = indexedBy.get(join.scope().cursor());
        return clause == null ? path : clause.path(drivers, path);
    }

    /** Makes a LEFT JOIN an inner join where a WHERE term rejects its row of NULLs (NullRejection). */
    private void innerWhereNullsRejected(List<Expr> conjuncts) {
        for (int k = 0; k < joins.size(); k++) {
            JoinStep join = joins.get(k);
            int cursor = join.scope().cursor();
            if (join.left() && conjuncts.stream().anyMatch(t -> NullRejection.rejects(t, cursor, exprs))) {
                joins.set(k, new JoinStep(join.scope(), false, join.on(), false, join.cross()));
            }
        }
    }

    /**
     * The last join table whose unmatched rows are added (RIGHT or FULL
     * JOIN), or 0: WHERE terms are not tested before its loop, since the
     * rows they would drop from the tables before it still match its rows.
     */
    private int lastRightJoin() {
        int last = 0;
        for (int k = 0; k < joins.size(); k++) {
            if (joins.get(k).right()) {
                last = k;
            }
        }
        return last;
    }

    /**
     * Puts the tables of an inner join in the order JoinOrder finds cheapest:
     * the ON terms of inner joins become WHERE terms (which they are
     * equivalent to), seen through ConstantPropagation, and the expressions'
     * scopes follow the new order, so that a table's position is its loop's.
     * Returns the path of each loop.
     */
    private List<AccessPath> reorder(List<Expr> conjuncts) {
        int n = joins.size();
        long[] prerequisites = new long[n];
        List<List<Expr>> onTerms = new ArrayList<>();
        long prior = 0;
        long required = 0;
        for (int k = 0; k < n; k++) {
            JoinStep join = joins.get(k);
            if (join.left() || join.cross()) {
                required |= prior;
            } else {
                required = 0;
            }
            prerequisites[k] = required;
            prior |= 1L << k;
            List<Expr> on = new ArrayList<>();
            Conjuncts.split(join.on(), on);
            if (join.left()) {
                onTerms.add(on);
            } else {
                onTerms.add(List.of());
                conjuncts.addAll(on);
            }
        }
        List<Scope> scopes = joins.stream().map(JoinStep::scope).toList();
        List<Expr> planned = ConstantPropagation.planned(conjuncts, exprs);
        JoinOrder.Plan plan = JoinOrder.choose(exprs, scopes, prerequisites, planned, onTerms, new JoinOrder.Query() {
            @Override
            public AccessPath path(int table, java.util.function.Predicate<Expr> known, boolean first) {
                List<Expr> drivers = new ArrayList<>(onTerms.get(table));
                if (!joins.get(table).left()) {
                    for (Expr term : planned) {
                        if (readsTable(term, table)) {
                            drivers.add(term);
                        }
                    }
                }
                JoinStep join = joins.get(table);
                AccessPath path = forcedPath(join, drivers, AccessPaths.choose(join.scope(), drivers, exprs, known,
                        index -> covers(index, join.scope())));
                if (!first && !restricted.contains(join.scope().cursor()) && wholeTable(path)) {
                    AccessPath automatic = AccessPaths.automatic(join.scope(), drivers, exprs, known);
                    if (automatic != null) {
                        path = automatic;
                    }
                }
                return path;
            }

            @Override
            public boolean covers(Index index, Scope scope) {
                return SelectCompiler.this.covers(index, scope);
            }

            @Override
            public boolean sorts() {
                return wantedOrder != null || wantedGroups != null;
            }

            @Override
            public AccessPath ordered(int table, AccessPath path) {
                if (wantedOrder == null) {
                    return GroupOrder.given(scopes.get(table), path, wantedGroups, exprs);
                }
                List<AccessPaths.OrderTerm> wanted = wantedOrder.apply(scopes.get(table));
                if (wanted != null && wanted.isEmpty()) {
                    return path;
                }
                AccessPaths.Ordered ordered = wanted == null ? null : AccessPaths.ordered(scopes.get(table), path, wanted, exprs);
                return ordered == null ? null : ordered.path();
            }
        });
        if (plan == null) {
            return null;
        }
        List<JoinStep> reordered = new ArrayList<>();
        for (int k : plan.order()) {
            JoinStep join = joins.get(k);
            reordered.add(join.left() ? join : new JoinStep(join.scope(), false, null, false, join.cross()));
        }
        joins = reordered;
        exprs.setScopes(joins.stream().map(JoinStep::scope).toList());
        return plan.paths();
    }

    /** Whether {@code term} reads join table {@code table} (by FROM position). */
    private boolean readsTable(Expr term, int table) {
        boolean[] reads = {false};
        ExprWalker.walk(term, x -> {
            if (x instanceof Expr.ColumnRef ref && exprs.scopeIndex(ref) == table) {
                reads[0] = true;
            }
            return !reads[0];
        });
        return reads[0];
    }

    /**
     * Whether the outermost loop can give the rows in ORDER BY's order (an
     * index whose columns after those fixed by equalities are the ORDER BY
     * terms, or the rowid), so no sort is needed; adjusts its path (an index
     * scan for a whole-table scan, a backward scan for DESC) if so.
     */
    private boolean orderedByPaths(Expr where, List<OrderingTerm> terms, List<Expr> sortKeys) {
        fixedSortKeys = fixedSortKeys(where, sortKeys);
        wantedOrder = scope -> orderWanted(scope, terms, sortKeys);
        planPaths(where);
        wantedOrder = null;
        if (joins.isEmpty() || joins.stream().anyMatch(JoinStep::right)) {
            return false;
        }
        Scope scope = joins.get(0).scope();
        List<AccessPaths.OrderTerm> wanted = orderWanted(scope, terms, sortKeys);
        if (wanted == null) {
            return false;
        }
        if (wanted.isEmpty()) {
            return true;
        }
        if (paths.get(0) instanceof AccessPath.Virtual v) {
            AccessPath.Virtual ordered = VirtualScans.ordered(v, wanted);
            if (ordered != null) {
                paths.set(0, ordered);
            }
            return ordered != null;
        }
        AccessPaths.Ordered ordered = AccessPaths.ordered(scope, paths.get(0), wanted, exprs);
        if (ordered == null) {
            return false;
        }
        paths.set(0, ordered.path());
        reverseFirst = ordered.reverse();
        return true;
    }

    /**
     * How the outermost loop gives the rows grouped by {@code groupKeys}
     * (GroupOrder), after planning the paths (a join's order weighs the sort
     * the groups would need); null when the groups must be sorted as they come.
     */
    private GroupOrder groupOrder(Expr where, List<Expr> groupKeys) {
        wantedGroups = groupKeys;
        planPaths(where);
        wantedGroups = null;
        if (joins.isEmpty() || joins.stream().anyMatch(JoinStep::right)
                || refills.containsKey(joins.getFirst().scope().cursor())) {
            return null;
        }
        return GroupOrder.of(joins.getFirst().scope(), paths.getFirst(), groupKeys, exprs);
    }

    private boolean reversesUnordered() {
        return exprs.schema() != null && exprs.schema().flags().reverseUnorderedSelects();
    }

    /**
     * The ORDER BY terms as columns of {@code scope}'s table, or null when
     * one is not (or its NULLS order cannot be an index's); the terms WHERE
     * holds equal to a constant are left out (empty: any order is the order).
     */
    private List<AccessPaths.OrderTerm> orderWanted(Scope scope, List<OrderingTerm> terms, List<Expr> sortKeys) {
        List<AccessPaths.OrderTerm> wanted = new ArrayList<>();
        for (int t = 0; t < terms.size(); t++) {
            if (fixedSortKeys.contains(t)) {
                continue;
            }
            OrderingTerm term = terms.get(t);
            boolean descending = term.order() == OrderingTerm.SortOrder.DESC;
            if (term.nulls() != null && term.nulls() != OrderingTerm.NullsOrder.NONE
                    && (term.nulls() == OrderingTerm.NullsOrder.FIRST) == descending) {
                return null;
            }
            int expression = IndexExpressions.keyOf(sortKeys.get(t), scope, exprs);
            if (expression != IndexExpressions.NONE) {
                wanted.add(new AccessPaths.OrderTerm(expression, descending, exprs.sortCollation(sortKeys.get(t)).name()));
                continue;
            }
            if (!(sortKeys.get(t) instanceof Expr.ColumnRef ref) || exprs.columnKey(ref) == null
                    || exprs.columnKey(ref).cursor() != scope.cursor()) {
                return null;
            }
            wanted.add(new AccessPaths.OrderTerm(exprs.columnKey(ref).column(), descending,
                    exprs.sortCollation(sortKeys.get(t)).name()));
        }
        return wanted;
    }

    /**
     * The ORDER BY terms (by position) that a WHERE term "column = constant"
     * (or IS) holds to one value, compared in the ORDER BY's collation: every
     * row has the same value there, as SQLite sees it.
     */
    private java.util.Set<Integer> fixedSortKeys(Expr where, List<Expr> sortKeys) {
        List<Expr> conjuncts = new ArrayList<>();
        Conjuncts.split(where, conjuncts);
        java.util.Set<Integer> fixed = new java.util.HashSet<>();
        for (int t = 0; t < sortKeys.size(); t++) {
            if (!(sortKeys.get(t) instanceof Expr.ColumnRef ref) || exprs.columnKey(ref) == null) {
                continue;
            }
            ColumnKey key = exprs.columnKey(ref);
            String collation = exprs.sortCollation(sortKeys.get(t)).name();
            for (Expr term : conjuncts) {
                if (term instanceof Expr.Binary b && (b.op() == Expr.BinaryOp.EQ || b.op() == Expr.BinaryOp.IS)
                        && (sameColumn(b.left(), key) && Conjuncts.constant(b.right(), exprs)
                                || sameColumn(b.right(), key) && Conjuncts.constant(b.left(), exprs))
                        && exprs.collation(b.left(), b.right()).name().equalsIgnoreCase(collation)) {
                    fixed.add(t);
                }
            }
        }
        return fixed;
    }

    private boolean sameColumn(Expr e, ColumnKey key) {
        return e instanceof Expr.ColumnRef ref && key.equals(exprs.columnKey(ref));
    }

    /**
     * Opens the tables and runs {@code body} for each row of the join that
     * passes WHERE (once, without FROM): nested loops in the planned order,
     * then the unmatched rows of each RIGHT or FULL JOIN. Each AND term of
     * WHERE is tested in the loop of the last table it reads, as early as it
     * can be, so that joins of many tables prune as they go; terms holding a
     * subquery are tested innermost. The body is given the label that skips
     * to the next row.
     */
    private void scan(Expr where, java.util.function.IntConsumer body) {
        planPaths(where);
        List<List<Expr>> terms = levelTerms;
        loops = new ArrayList<>();
        for (int k = 0; k < joins.size(); k++) {
            JoinStep join = joins.get(k);
            AccessPath path = paths.get(k);
            if (path instanceof AccessPath.Virtual v && !join.left()) {
                List<Expr> tested = terms.get(k);
                tested.removeAll(v.omitted());
                v.unconsumed().stream().filter(e -> !tested.contains(e)).forEach(tested::add);
            } else if (path instanceof AccessPath.Virtual v && !v.unconsumed().isEmpty()) {
                throw Unsupported.feature("a LEFT JOIN to a table-valued function whose module leaves arguments unused");
            }
            boolean reversible = path instanceof AccessPath.FullScan || path instanceof AccessPath.IndexRange
                    || path instanceof AccessPath.RowidRange || path instanceof AccessPath.RowidIn;
            ScanLoop loop = new ScanLoop(b, exprs, exprs.functions(), join.scope(), path,
                    k == 0 && reverseFirst || reverseUnordered && reversible);
            loop.refillWith(refills.get(join.scope().cursor()));
            if (path instanceof AccessPath.IndexRange range && !join.right() && covers(range.index(), join.scope())) {
                loop.readFromIndex();
            }
            loops.add(loop);
        }
        matchedRows = new int[joins.size()];
        if (!joins.isEmpty()) {
            b.emit(Op.TRANSACTION, 0, 0, 0);
            for (int k = 0; k < loops.size(); k++) {
                loops.get(k).open(false);
                b.plan(loops.get(k).describe() + (joins.get(k).left() ? " LEFT-JOIN" : ""));
                if (joins.get(k).right()) {
                    matchedRows[k] = b.newCursor();
                    b.emit(Op.OPEN_EPHEMERAL, matchedRows[k], 0, 0,
                            joins.get(k).scope().table().withoutRowid() ? turso.btree.KeyInfo.DEFAULT : null, 0);
                }
            }
            for (int k = 0; k < loops.size(); k++) {
                if (joins.get(k).right()) {
                    b.plan("RIGHT-JOIN " + joins.get(k).scope().name());
                    b.plan("SCAN " + joins.get(k).scope().name());
                }
            }
        } else {
            b.plan("SCAN CONSTANT ROW");
        }
        temporaryTrees.sort(java.util.Comparator.comparingInt(t -> t.endsWith("DISTINCT") ? 0 : t.endsWith("GROUP BY") ? 1 : 2));
        temporaryTrees.forEach(b::plan);
        int constantFalse = b.newLabel();
        if (!joins.isEmpty()) {
            for (java.util.Iterator<Expr> it = terms.get(0).iterator(); it.hasNext();) {
                Expr term = it.next();
                if (Conjuncts.testedBeforeLoops(term, exprs)) {
                    b.emit(Op.IF_NOT, exprs.compile(term), constantFalse, 1);
                    it.remove();
                }
            }
        }
        level(0, terms, body);
        for (int k = 0; k < joins.size(); k++) {
            if (joins.get(k).right()) {
                unmatched(k, terms, body);
            }
        }
        b.resolve(constantFalse);
    }

    /**
     * The rows of the right side of a RIGHT or FULL JOIN (join table
     * {@code k}) that matched no row of the tables before it, once the loops
     * are over: each in rowid order, with NULLs for those tables, then the
     * loops of the tables after it, as for a matched row.
     */
    private void unmatched(int k, List<List<Expr>> terms, java.util.function.IntConsumer body) {
        Scope scope = joins.get(k).scope();
        int end = b.newLabel();
        int next = b.newLabel();
        int rowid = b.newRegister();
        b.emit(Op.REWIND, scope.cursor(), end, 0);
        int top = b.currentAddress();
        b.emit(Op.ROWID, scope.cursor(), rowid, 0);
        int notFound = b.newLabel();
        if (scope.table().withoutRowid()) {
            // the matched rows' keys are kept in an index: a WITHOUT ROWID row's stand-in rowid is a record
            b.emit(Op.NO_CONFLICT, matchedRows[k], notFound, rowid, 1, 0);
        } else {
            b.emit(Op.NOT_EXISTS, matchedRows[k], notFound, rowid);
        }
        b.emit(Op.GOTO, 0, next, 0);
        b.resolve(notFound);
        for (int j = 0; j < k; j++) {
            loops.get(j).nullRow();
        }
        test(terms.get(k), next);
        level(k + 1, terms, body);
        b.resolve(next);
        b.emit(Op.NEXT, scope.cursor(), top, 0);
        b.resolve(end);
    }

    /** Remembers the row of join table {@code k} as matched (the right side of a RIGHT or FULL JOIN). */
    private void markMatched(int k) {
        int rowid = b.newRegister();
        int record = b.newRegister();
        b.emit(Op.ROWID, joins.get(k).scope().cursor(), rowid, 0);
        if (joins.get(k).scope().table().withoutRowid()) {
            b.emit(Op.MAKE_RECORD, rowid, 1, record);
            b.emit(Op.IDX_INSERT, matchedRows[k], record, 0);
            return;
        }
        b.emit(Op.MAKE_RECORD, rowid, 0, record);
        b.emit(Op.INSERT, matchedRows[k], record, rowid);
    }


    /** The loop a WHERE term can be tested in: that of the last table it reads (the body without FROM). */
    private int levelOf(Expr term) {
        if (joins.isEmpty()) {
            return 0;
        }
        int[] level = {0};
        ExprWalker.walk(term, x -> {
            switch (x) {
                case Expr.Subquery s -> level[0] = joins.size() - 1;
                case Expr.Exists s -> level[0] = joins.size() - 1;
                case Expr.InSelect s -> level[0] = joins.size() - 1;
                case Expr.ColumnRef ref -> {
                    int at = exprs.scopeIndex(ref);
                    level[0] = Math.max(level[0], at < 0 ? joins.size() - 1 : at);
                }
                default -> { }
            }
            return true;
        });
        return level[0];
    }

    /** Tests WHERE terms, jumping to {@code next} when one is not true. */
    private void test(List<Expr> terms, int next) {
        for (Expr term : terms) {
            b.emit(Op.IF_NOT, exprs.compile(term), next, 1);
        }
    }

    /**
     * The loop over join table {@code k} and, inside it, the rest. The right
     * table of a LEFT JOIN whose ON matched no row gets one pass on a row of
     * NULLs, as SQLite does; its WHERE terms are tested on that pass too.
     */
    private void level(int k, List<List<Expr>> terms, java.util.function.IntConsumer body) {
        if (k == joins.size()) {
            int skip = b.newLabel();
            if (joins.isEmpty()) {
                test(terms.get(0), skip);
            }
            body.accept(skip);
            b.resolve(skip);
            return;
        }
        JoinStep join = joins.get(k);
        ScanLoop scanLoop = loops.get(k);
        int end = b.newLabel();
        int next = b.newLabel();
        if (!join.left()) {
            scanLoop.start(end);
            int loop = b.currentAddress();
            scanLoop.enter(next, end);
            if (join.on() != null) {
                b.emit(Op.IF_NOT, exprs.compile(join.on()), next, 1);
            }
            if (join.right()) {
                markMatched(k);
            }
            test(terms.get(k), next);
            level(k + 1, terms, body);
            b.resolve(next);
            scanLoop.advance(loop);
        } else {
            int matched = b.newRegister();
            int nullPass = b.newRegister();
            int afterLoop = b.newLabel();
            int inner = b.newLabel();
            int afterNull = b.newLabel();
            b.emit(Op.INTEGER, 0, matched, 0);
            b.emit(Op.INTEGER, 0, nullPass, 0);
            scanLoop.start(afterLoop);
            int loop = b.currentAddress();
            scanLoop.enter(next, afterLoop);
            if (join.on() != null) {
                b.emit(Op.IF_NOT, exprs.compile(join.on()), next, 1);
            }
            b.emit(Op.INTEGER, 1, matched, 0);
            if (join.right()) {
                markMatched(k);
            }
            b.resolve(inner);
            test(terms.get(k), next);
            level(k + 1, terms, body);
            b.resolve(next);
            b.emit(Op.IF, nullPass, afterNull, 0);
            scanLoop.advance(loop);
            b.resolve(afterLoop);
            b.emit(Op.IF, matched, end, 0);
            scanLoop.nullRow();
            b.emit(Op.INTEGER, 1, nullPass, 0);
            b.emit(Op.INTEGER, 1, matched, 0);
            b.emit(Op.GOTO, 0, inner, 0);
            b.resolve(afterNull);
        }
        b.resolve(end);
    }

    /**
     * The tables of FROM as join steps, with NATURAL and USING turned into ON
     * conditions on the columns they name, whose right-hand copies are then
     * hidden from unqualified references and from *.
     */
    private List<JoinStep> joins(FromClause from, Schema schema) {
        List<JoinStep> steps = new ArrayList<>();
        coalesced.clear();
        for (FromClause.Joined item : flatten(from)) {
            Table table;
            String name;
            int cursor = b.newCursor();
            switch (item.source()) {
                case FromClause.SubquerySource sub -> {
                    name = sub.alias() == null ? "(subquery-" + (++subqueryCount) + ")" : sub.alias().value();
                    table = window != null && sub == window.source() ? materializeWindowed(schema, cursor)
                            : materialize(name, null, false, sub.select(), exprs.sql(), schema, cursor);
                }
                case FromClause.TableRef ref when schema.view(Tables.database(ref.name()), ref.name().name().value()) != null -> {
                    View view = schema.view(Tables.database(ref.name()), ref.name().name().value());
                    name = ref.alias() == null ? view.name() : ref.alias().value();
                    if (view.boundCursor() >= 0) {
                        cursor = view.boundCursor();
                        table = new Table(view.name(), Table.EPHEMERAL, view.boundColumns(), -1, "a subquery");
                    } else if (view.recursive()) {
                        table = materializeRecursive(view, schema, cursor);
                    } else {
                        table = materialize(view.name(), view.columns(), view.sql() == null, view.select(),
                                view.sql() == null ? exprs.sql() : view.sql(), schema.forView(view), cursor);
                    }
                }
                case FromClause.TableFunction f when f.name().schema() == null
                        && f.name().name().value().regionMatches(true, 0, "pragma_", 0, 7) -> {
                    name = f.alias() == null ? f.name().name().value() : f.alias().value();
                    table = pragmaTable(f.name().name().value(), f.args(), cursor);
                }
                case FromClause.TableRef ref when ref.name().schema() == null
                        && ref.name().name().value().regionMatches(true, 0, "pragma_", 0, 7)
                        && schema.kindOf(ref.name().name().value()) == null -> {
                    name = ref.alias() == null ? ref.name().name().value() : ref.alias().value();
                    table = pragmaTable(ref.name().name().value(), List.of(), cursor);
                }
                case FromClause.TableSource s when VirtualScans.call(schema, s) != null -> {
                    VirtualScans.Call call = VirtualScans.call(schema, s);
                    table = call.source().table();
                    name = s.alias() == null ? table.name() : s.alias().value();
                    virtuals.put(cursor, call);
                }
                case FromClause.TableRef ref -> {
                    table = Tables.find(schema, ref.name());
                    name = ref.alias() == null ? table.name() : ref.alias().value();
                    if (ref.indexed() != null) {
                        IndexedBy clause = IndexedBy.of(table, ref.indexed());
                        table = clause.table();
                        restricted.add(cursor);
                        indexedBy.put(cursor, clause);
                    }
                }
                case FromClause.TableFunction f -> throw new TursoException(ResultCode.ERROR,
                        "no such table: " + (f.name().schema() == null ? "" : f.name().schema().value() + ".")
                                + f.name().name().value());
                default -> throw Unsupported.feature("parenthesized joins in FROM");
            }
            FromClause.JoinOperator op = item.operator();
            FromClause.JoinConstraint constraint = item.constraint();
            Expr on = constraint == null ? null : constraint.on();
            List<String> using = new ArrayList<>();
            if (op != null && op.natural()) {
                if (constraint != null && (constraint.on() != null || constraint.using() != null)) {
                    throw new TursoException(ResultCode.ERROR, "a NATURAL join may not have an ON or USING clause");
                }
                for (Column c : table.columns()) {
                    if (visibleIn(steps, c.name()) != null) {
                        using.add(c.name());
                    }
                }
            } else if (constraint != null && constraint.using() != null) {
                for (Name n : constraint.using()) {
                    using.add(n.value());
                }
            }
            java.util.Set<String> hidden = new java.util.HashSet<>();
            if (window != null && item.source() == window.source()) {
                hidden.addAll(window.hidden());
            }
            FromClause.JoinType type = op == null ? FromClause.JoinType.COMMA : op.type();
            boolean right = type == FromClause.JoinType.RIGHT || type == FromClause.JoinType.FULL;
            for (String column : using) {
                Scope leftSide = visibleIn(steps, column);
                if (leftSide == null || table.columnIndex(column) < 0) {
                    throw new TursoException(ResultCode.ERROR,
                            "cannot join using column " + column + " - column not present in both tables");
                }
                String key = column.toLowerCase(java.util.Locale.ROOT);
                Expr leftValue = coalesced.getOrDefault(key, Synthetic.column(leftSide.name(), column));
                if (right) {
                    coalesced.put(key, new Expr.FunctionCall(Synthetic.name("coalesce"), false, false,
                            List.of(leftValue, Synthetic.column(name, column)), List.of(), null, null, Synthetic.NO_SPAN));
                }
                Expr equal = new Expr.Binary(Expr.BinaryOp.EQ, leftValue,
                        Synthetic.column(name, column), Synthetic.NO_SPAN);
                on = on == null ? equal : new Expr.Binary(Expr.BinaryOp.AND, on, equal, Synthetic.NO_SPAN);
                hidden.add(column.toLowerCase(java.util.Locale.ROOT));
            }
            boolean left = type == FromClause.JoinType.LEFT || type == FromClause.JoinType.FULL;
            steps.add(new JoinStep(new Scope(table, name, cursor, hidden), left, on, right,
                    type == FromClause.JoinType.CROSS));
        }
        return steps;
    }

    /**
     * VALUES (...), (...): each row in turn, columns named column1,
     * column2...; all rows must have as many values.
     */
    private void values(SelectCore.Values values, Select select, int done) {
        if (!select.orderBy().isEmpty() || select.limit() != null) {
            throw Unsupported.feature("ORDER BY and LIMIT on VALUES");
        }
        int width = values.rows().getFirst().size();
        for (List<Expr> row : values.rows()) {
            if (row.size() != width) {
                throw new TursoException(ResultCode.ERROR, "all VALUES must have the same number of terms");
            }
        }
        for (int j = 0; j < width; j++) {
            String name = "column" + (j + 1);
            if (topLevel) {
                b.addColumn(name);
            }
            columns.add(new Column(name, "", turso.vm.Affinity.NONE, "BINARY", false, null));
            results.add(values.rows().getFirst().get(j));
            aliases.add(null);
        }
        int out = b.newRegisters(width);
        for (List<Expr> row : values.rows()) {
            for (int j = 0; j < width; j++) {
                exprs.compileInto(row.get(j), out + j);
            }
            sink.row(out, width);
        }
    }

    /**
     * Whether every column the query reads of {@code scope}'s table is in
     * {@code index} (the rowid always is), so that the table need not be
     * read. A query holding a subquery is not looked into: it is never covered.
     */
    private boolean covers(Index index, Scope scope) {
        for (Expr e : queryExpressions) {
            if (!coveredBy(e, index, scope)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code e} reads no column of {@code scope}'s table outside {@code index}, an aggregate's ORDER BY and a window's terms included. */
    private boolean coveredBy(Expr e, Index index, Scope scope) {
        boolean[] covered = {true};
        ExprWalker.walk(e, x -> {
            switch (x) {
                case Expr.Subquery sub -> covered[0] = false;
                case Expr.Exists sub -> covered[0] = false;
                case Expr.InSelect sub -> covered[0] = false;
                case Expr.ColumnRef ref -> {
                    ColumnKey key = exprs.columnKey(ref);
                    if (key != null && key.cursor() == scope.cursor() && key.column() != ColumnKey.ROWID
                            && !WithoutRowid.covers(scope.table(), index, key.column())) {
                        covered[0] = false;
                    }
                }
                case Expr.FunctionCall f -> {
                    List<Expr> more = new ArrayList<>();
                    if (f.orderBy() != null) {
                        f.orderBy().forEach(t -> more.add(t.expr()));
                    }
                    if (f.over() != null && f.over().spec() != null) {
                        more.addAll(f.over().spec().partitionBy());
                        f.over().spec().orderBy().forEach(t -> more.add(t.expr()));
                    }
                    covered[0] &= f.over() == null || f.over().spec() != null;
                    for (Expr m : more) {
                        covered[0] &= coveredBy(m, index, scope);
                    }
                }
                default -> { }
            }
            return covered[0];
        });
        return covered[0];
    }

    /**
     * The table of pragma_xxx(arg) in FROM: the pragma's result columns, its
     * rows gathered at the start of each pass of its loop (pragmaRows).
     */
    private Table pragmaTable(String function, List<Expr> args, int cursor) {
        turso.vm.Pragma pragma = turso.vm.Pragma.find(function.substring(7)).filter(turso.vm.Pragma::tableValued)
                .orElseThrow(() -> new TursoException(ResultCode.ERROR, "no such table: " + function));
        if (args.size() > 1) {
            throw Unsupported.feature("the schema argument of " + function);
        }
        List<Column> columns = new ArrayList<>();
        for (String column : pragma.columns(false)) {
            columns.add(new Column(column, "", turso.vm.Affinity.NONE, "BINARY", false, null));
        }
        refills.put(cursor, () -> pragmaRows(pragma, args, cursor, columns.size()));
        return new Table(function, Table.EPHEMERAL, columns, -1, "a table-valued function");
    }

    /**
     * The rows of pragma_xxx(arg) into a new temporary table on {@code cursor}:
     * the argument is evaluated where the loop starts, so it may read the
     * tables before it in FROM (pragma_table_info(m.name)).
     */
    private void pragmaRows(turso.vm.Pragma pragma, List<Expr> args, int cursor, int width) {
        b.emit(Op.OPEN_EPHEMERAL, cursor, 0, 0);
        int argument = 0;
        if (!args.isEmpty()) {
            argument = exprs.compile(args.getFirst()) + 1;
        }
        int slot = b.newCursor();
        int row = b.newRegisters(Math.max(width, 1));
        int record = b.newRegister();
        int rowid = b.newRegister();
        int loop = b.emit(Op.PRAGMA, slot, 0, row, new turso.vm.PragmaCall(pragma, null), argument);
        b.emit(Op.MAKE_RECORD, row, width, record);
        b.emit(Op.NEW_ROWID, cursor, rowid, 0);
        b.emit(Op.INSERT, cursor, record, rowid);
        b.emit(Op.GOTO, 0, loop, 0);
        b.setJump(loop, b.currentAddress());
    }

    /**
     * The items of FROM with parenthesized joins spread out where that
     * changes nothing: a group of inner joins, itself joined as an inner
     * join (its ON then holding as part of the last item's). Other groups
     * (the right side of a LEFT JOIN, an alias on the group) are not
     * supported yet.
     */
    private static List<FromClause.Joined> flatten(FromClause from) {
        List<FromClause.Joined> items = new ArrayList<>();
        for (FromClause.Joined item : from.items()) {
            if (!(item.source() instanceof FromClause.Parenthesized group)) {
                items.add(item);
                continue;
            }
            boolean inner = item.operator() == null || !item.operator().natural()
                    && item.operator().type() != FromClause.JoinType.LEFT
                    && item.operator().type() != FromClause.JoinType.RIGHT
                    && item.operator().type() != FromClause.JoinType.FULL;
            List<FromClause.Joined> inside = flatten(group.from());
            boolean innerInside = inside.stream().skip(1).allMatch(j -> j.operator() != null && !j.operator().natural()
                    && j.operator().type() != FromClause.JoinType.LEFT && j.operator().type() != FromClause.JoinType.RIGHT
                    && j.operator().type() != FromClause.JoinType.FULL && (j.constraint() == null
                    || j.constraint().using() == null));
            if (group.alias() != null || !inner || !innerInside
                    || (item.constraint() != null && item.constraint().using() != null)) {
                throw Unsupported.feature("this parenthesized join in FROM");
            }
            for (int i = 0; i < inside.size(); i++) {
                FromClause.Joined j = inside.get(i);
                FromClause.JoinOperator op = i == 0 ? item.operator() : j.operator();
                FromClause.JoinConstraint on = j.constraint();
                if (i == inside.size() - 1 && item.constraint() != null) {
                    Expr outer = item.constraint().on();
                    on = new FromClause.JoinConstraint(on == null || on.on() == null ? outer
                            : new Expr.Binary(Expr.BinaryOp.AND, on.on(), outer, Synthetic.NO_SPAN), null);
                }
                items.add(new FromClause.Joined(op, j.source(), on));
            }
        }
        return items;
    }

    /**
     * Runs {@code select} (a subquery in FROM, a view, a WITH table) into a
     * temporary table on {@code cursor}, once per run of the statement unless
     * it reads the enclosing query, and returns that table: named
     * {@code name}, with the given column names or else those of the
     * SELECT's result (repeated names get ":1", ":2"... as in SQLite).
     * {@code selectSql} is the text the SELECT's spans point into (a view's
     * own CREATE VIEW text), from which unnamed result columns are named.
     */
    private Table materialize(String name, List<String> names, boolean withTable, Select select, String selectSql,
            Schema schema, int cursor) {
        int filled = b.newLabel();
        int once = b.emit(Op.ONCE, 0, filled, 0);
        b.emit(Op.OPEN_EPHEMERAL, cursor, 0, 0);
        b.comment(name);
        ExprCompiler enclosing = exprs.outerForSubqueries();
        int lookups = enclosing == null ? 0 : enclosing.lookupsFromInner();
        int record = b.newRegister();
        int rowid = b.newRegister();
        SelectCompiler inner = new SelectCompiler(b, exprs.functions(), false).within(enclosing, schema, exprs.sql());
        int done = b.newLabel();
        inner.generate(select, selectSql, schema, (first, count) -> {
            b.emit(Op.MAKE_RECORD, first, count, record);
            b.emit(Op.NEW_ROWID, cursor, rowid, 0);
            b.emit(Op.INSERT, cursor, record, rowid);
        }, done);
        b.resolve(done);
        b.resolve(filled);
        if (enclosing != null && enclosing.lookupsFromInner() != lookups) {
            b.setJump(once, once + 1);
        }
        List<Column> columns = named(name, names, inner.columns, withTable);
        return new Table(name, Table.EPHEMERAL, columns, -1, "a subquery");
    }

    /**
     * The rows of a query with window functions (see WindowCompiler): the
     * inner query's rows go to a buffer, Op.WINDOW appends the window
     * results to each, and the rows are copied into a temporary table on
     * {@code cursor}, computed afresh each time this code runs.
     */
    private Table materializeWindowed(Schema schema, int cursor) {
        int buffer = b.newCursor();
        b.emit(Op.SORTER_OPEN, buffer, 0, 0, new SortOrder(new Collation[0], new boolean[0], new boolean[0]), 0);
        SelectCompiler inner = new SelectCompiler(b, exprs.functions(), false)
                .within(exprs.outerForSubqueries(), schema, exprs.sql());
        int done = b.newLabel();
        inner.generate(window.inner(), exprs.sql(), schema,
                (first, count) -> b.emit(Op.SORTER_INSERT, buffer, first, count), done);
        b.resolve(done);
        b.emit(Op.WINDOW, buffer, 0, 0, WindowCompiler.plan(window, inner.columns, exprs.functions()), 0);
        b.emit(Op.OPEN_EPHEMERAL, cursor, 0, 0);
        b.comment(WindowCompiler.SOURCE);
        List<Column> columns = new ArrayList<>(named(WindowCompiler.SOURCE, null, inner.columns));
        for (int i = 0; i < window.calls().size(); i++) {
            columns.add(new Column(WindowCompiler.callName(i), "", Affinity.NONE, "BINARY", false, null));
        }
        int width = columns.size();
        int row = b.newRegisters(width);
        int record = b.newRegister();
        int rowid = b.newRegister();
        int end = b.newLabel();
        b.emit(Op.SORTER_SORT, buffer, end, 0);
        int top = b.currentAddress();
        for (int c = 0; c < width; c++) {
            b.emit(Op.SORTER_COLUMN, buffer, c, row + c);
        }
        b.emit(Op.MAKE_RECORD, row, width, record);
        b.emit(Op.NEW_ROWID, cursor, rowid, 0);
        b.emit(Op.INSERT, cursor, record, rowid);
        b.emit(Op.SORTER_NEXT, buffer, top, 0);
        b.resolve(end);
        return new Table(WindowCompiler.SOURCE, Table.EPHEMERAL, columns, -1, "a subquery");
    }

    /**
     * The columns of a table made of a query's rows: {@code names} if given
     * (as many as the query has), else the query's, repeated names made
     * unique with ":1", ":2"... as SQLite does.
     */
    private static List<Column> named(String table, List<String> names, List<Column> result) {
        return named(table, names, result, false);
    }

    /** As above; {@code withTable}: the table of a WITH clause, whose wrong column count SQLite words its own way. */
    private static List<Column> named(String table, List<String> names, List<Column> result, boolean withTable) {
        if (names != null && names.size() != result.size()) {
            throw new TursoException(ResultCode.ERROR, withTable
                    ? "table " + table + " has " + result.size() + " values for " + names.size() + " columns"
                    : "expected " + names.size() + " columns for '" + table + "' but got " + result.size());
        }
        List<Column> columns = new ArrayList<>();
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (int i = 0; i < result.size(); i++) {
            Column c = result.get(i);
            String base = names != null ? names.get(i) : c.name();
            String unique = base;
            for (int n = 1; !taken.add(unique.toLowerCase(java.util.Locale.ROOT)); n++) {
                unique = base + ":" + n;
            }
            columns.add(new Column(unique, c.declaredType(), c.affinity(), c.collation(), false, null));
        }
        return columns;
    }

    /**
     * {@code schema} where the tables of a WITH clause hide what has their
     * names, each seeing those before it; one that reads itself is recursive
     * whether or not RECURSIVE was written, as in SQLite.
     */
    static Schema withTables(Schema schema, turso.parser.ast.With with) {
        java.util.Set<String> named = new java.util.HashSet<>();
        for (turso.parser.ast.With.Cte cte : with.ctes()) {
            String cteName = cte.name().value();
            if (!named.add(cteName.toLowerCase(java.util.Locale.ROOT))) {
                throw new TursoException(ResultCode.ERROR, "duplicate WITH table name: " + cteName);
            }
            schema = schema.with(new View(cteName, cte.columns().isEmpty() ? null
                    : cte.columns().stream().map(Name::value).toList(), cte.select(),
                    RecursiveReferences.any(cte.select(), cteName), -1, null));
        }
        return schema;
    }

    /** Whether {@code select} names table {@code name} in a FROM clause, its subqueries' included. */
    /**
     * The columns the ORDER BY of a recursive WITH table's SELECT names, the
     * queue's order: by number, or by the name a column of the initial
     * SELECT has (its alias, or the column it reads), as SQLite matches a
     * compound's ORDER BY (its error when none matches); null without
     * ORDER BY, or when a term is an expression.
     */
    private static int[] queueOrder(Select select) {
        if (select.orderBy().isEmpty()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        if (select.first() instanceof SelectCore.Simple simple) {
            for (ResultColumn c : simple.columns()) {
                names.add(c instanceof ResultColumn.Single single ? single.alias() != null ? single.alias().value()
                        : single.expr() instanceof Expr.ColumnRef ref ? ref.column().value() : null : null);
            }
        }
        int[] columns = new int[select.orderBy().size()];
        for (int t = 0; t < columns.length; t++) {
            Expr e = select.orderBy().get(t).expr();
            Long number = columnNumber(e);
            if (number != null) {
                columns[t] = (int) (long) number - 1;
                continue;
            }
            if (!(e instanceof Expr.ColumnRef ref) || ref.table() != null) {
                return null;
            }
            columns[t] = -1;
            for (int j = 0; j < names.size() && columns[t] < 0; j++) {
                if (ref.column().value().equalsIgnoreCase(names.get(j))) {
                    columns[t] = j;
                }
            }
            if (columns[t] < 0) {
                throw new TursoException(ResultCode.ERROR, ordinal(t + 1)
                        + " ORDER BY term does not match any column in the result set");
            }
        }
        return columns;
    }

    /** A register holding 1, for counting. */
    private int one() {
        if (oneRegister == 0) {
            oneRegister = b.newRegister();
            b.emit(Op.INTEGER, 1, oneRegister, 0);
        }
        return oneRegister;
    }

    /**
     * A recursive WITH table (initial SELECTs, then UNION [ALL] recursive
     * SELECTs) into a temporary table on {@code cursor}: the initial rows go
     * to the table and to a queue; then, while the queue holds a row, the
     * first is taken out and each recursive SELECT in turn runs with the
     * table's name standing for that one row, its rows added (UNION: only
     * rows not seen yet, across all). A LIMIT stops it after that many rows.
     */
    private Table materializeRecursive(View view, Schema schema, int cursor) {
        Select select = view.select();
        List<Select.CompoundPart> parts = select.compounds();
        // the recursive SELECTs are the trailing ones that read the table; the rest form the initial SELECT
        int split = parts.size();
        while (split > 0 && RecursiveReferences.of(parts.get(split - 1).core(), view.name()).direct() > 0) {
            split--;
        }
        Select initialSelect = new Select(null, select.first(), parts.subList(0, split), List.of(), null, select.span());
        if (split == parts.size() || RecursiveReferences.any(initialSelect, view.name())) {
            throw new TursoException(ResultCode.ERROR, "circular reference: " + view.name());
        }
        Select.CompoundOp op = parts.get(split).op();
        List<SelectCore> recursives = new ArrayList<>();
        for (Select.CompoundPart part : parts.subList(split, parts.size())) {
            if (part.op() != op || op != Select.CompoundOp.UNION && op != Select.CompoundOp.UNION_ALL) {
                throw new TursoException(ResultCode.ERROR, "circular reference: " + view.name());
            }
            recursives.add(part.core());
        }
        for (SelectCore core : recursives) {
            RecursiveReferences references = RecursiveReferences.of(core, view.name());
            if (references.direct() > 1) {
                throw new TursoException(ResultCode.ERROR, "multiple references to recursive table: " + view.name());
            }
            if (references.nested() > 0) {
                throw new TursoException(ResultCode.ERROR, "multiple recursive references: " + view.name());
            }
        }
        for (SelectCore core : recursives) {
            if (core instanceof SelectCore.Simple recursive) {
                refuseAggregateOrWindow(recursive);
            }
        }
        int[] orderColumns = queueOrder(select);
        if (!select.orderBy().isEmpty() && orderColumns == null
                || (select.limit() != null && select.limit().offset() != null)) {
            throw Unsupported.feature("this form of recursive WITH (ORDER BY an expression, or OFFSET)");
        }
        String sql = exprs.sql();
        ExprCompiler enclosing = exprs.outerForSubqueries();
        int lookups = enclosing == null ? 0 : enclosing.lookupsFromInner();
        int filled = b.newLabel();
        int done = b.newLabel();
        int once = b.emit(Op.ONCE, 0, filled, 0);
        b.emit(Op.OPEN_EPHEMERAL, cursor, 0, 0);
        b.comment(view.name());
        int queue = b.newCursor();
        int current = b.newCursor();
        boolean ordered = orderColumns != null;
        int keys = ordered ? orderColumns.length + 1 : 0;
        if (ordered) {
            // a priority queue: the ORDER BY columns, then a sequence number that keeps ties in arrival order
            boolean[] descending = new boolean[keys];
            for (int t = 0; t < orderColumns.length; t++) {
                descending[t] = select.orderBy().get(t).order() == OrderingTerm.SortOrder.DESC;
            }
            b.emit(Op.OPEN_EPHEMERAL, queue, 0, 0, turso.btree.KeyInfo.of(descending), 0);
            one();
        } else {
            b.emit(Op.OPEN_EPHEMERAL, queue, 0, 0);
        }
        int sequence = b.newRegister();
        b.emit(Op.INTEGER, 0, sequence, 0);
        int seen = op == Select.CompoundOp.UNION ? b.newCursor() : -1;
        if (seen >= 0) {
            b.emit(Op.DISTINCT_CLEAR, seen, 0, 0);
        }
        int limit = 0;
        if (select.limit() != null) {
            limit = b.newRegister();
            exprs.compileInto(select.limit().limit(), limit);
            b.emit(Op.MUST_BE_INT, limit, 0, 0);
            b.emit(Op.IF_NOT, limit, done, 0);
        }
        int record = b.newRegister();
        int rowid = b.newRegister();
        int limitRegister = limit;
        RowSink add = (first, count) -> {
            int skip = b.newLabel();
            if (seen >= 0) {
                Collation[] binary = new Collation[count];
                java.util.Arrays.fill(binary, exprs.functions().collation("BINARY"));
                b.emit(Op.DISTINCT, seen, skip, first, new SortOrder(binary, new boolean[count], new boolean[count]), 0);
            }
            if (ordered) {
                int entry = b.newRegisters(keys + count);
                for (int t = 0; t < keys - 1; t++) {
                    b.emit(Op.COPY, first + orderColumns[t], entry + t, 0);
                }
                b.emit(Op.ADD, sequence, one(), sequence);
                b.emit(Op.COPY, sequence, entry + keys - 1, 0);
                for (int j = 0; j < count; j++) {
                    b.emit(Op.COPY, first + j, entry + keys + j, 0);
                }
                b.emit(Op.MAKE_RECORD, entry, keys + count, record);
                b.emit(Op.IDX_INSERT, queue, record, 0);
                b.resolve(skip);
                return;
            }
            b.emit(Op.MAKE_RECORD, first, count, record);
            b.emit(Op.NEW_ROWID, cursor, rowid, 0);
            b.emit(Op.INSERT, cursor, record, rowid);
            b.emit(Op.NEW_ROWID, queue, rowid, 0);
            b.emit(Op.INSERT, queue, record, rowid);
            if (limitRegister != 0) {
                b.emit(Op.DECR_JUMP_ZERO, limitRegister, done, 0);
            }
            b.resolve(skip);
        };
        SelectCompiler initial = new SelectCompiler(b, exprs.functions(), false).within(enclosing, schema, sql);
        int initialDone = b.newLabel();
        initial.generate(initialSelect, sql, schema, add, initialDone);
        b.resolve(initialDone);
        List<Column> columns = named(view.name(), view.columns(), initial.columns, true);
        for (int t = 0; ordered && t < orderColumns.length; t++) {
            if (orderColumns[t] < 0 || orderColumns[t] >= columns.size()) {
                throw new TursoException(ResultCode.ERROR, ordinal(t + 1)
                        + " ORDER BY term out of range - should be between 1 and " + columns.size());
            }
        }
        Schema inner = schema.with(new View(view.name(), view.columns(), select, false, current, columns));
        int width = columns.size();
        int row = b.newRegisters(width);
        int top = b.currentAddress();
        b.emit(Op.REWIND, queue, done, 0);
        b.emit(Op.OPEN_EPHEMERAL, current, 0, 0);
        for (int j = 0; j < width; j++) {
            b.emit(Op.COLUMN, queue, keys + j, row + j);
        }
        b.emit(Op.MAKE_RECORD, row, width, record);
        if (ordered) {
            // taken out of the priority queue, the row joins the table (and counts for LIMIT) now
            int key = b.newRegisters(keys);
            for (int t = 0; t < keys; t++) {
                b.emit(Op.COLUMN, queue, t, key + t);
            }
            b.emit(Op.IDX_DELETE, queue, key, keys);
            b.emit(Op.NEW_ROWID, cursor, rowid, 0);
            b.emit(Op.INSERT, cursor, record, rowid);
        } else {
            b.emit(Op.DELETE, queue, 0, 0);
        }
        b.emit(Op.NEW_ROWID, current, rowid, 0);
        b.emit(Op.INSERT, current, record, rowid);
        int stop = b.newLabel();
        if (ordered && limit != 0) {
            b.emit(Op.DECR_JUMP_ZERO, limit, stop, 0);
        }
        // each row taken from the queue feeds every recursive SELECT, in order
        for (SelectCore core : recursives) {
            SelectCompiler step = new SelectCompiler(b, exprs.functions(), false).within(enclosing, inner, sql);
            int stepDone = b.newLabel();
            step.generate(new Select(null, core, List.of(), List.of(), null, select.span()), sql, inner, add, stepDone);
            b.resolve(stepDone);
            if (step.columns.size() != width) {
                throw new TursoException(ResultCode.ERROR, "SELECTs to the left and right of " + keyword(op)
                        + " do not have the same number of result columns");
            }
        }
        b.emit(Op.GOTO, 0, top, 0);
        b.resolve(stop);
        b.resolve(done);
        b.resolve(filled);
        if (enclosing != null && enclosing.lookupsFromInner() != lookups) {
            b.setJump(once, once + 1);
        }
        return new Table(view.name(), Table.EPHEMERAL, columns, -1, "a subquery");
    }

    /**
     * SQLite's refusal, at prepare time, of a recursive SELECT that calls a
     * window function or aggregates (an aggregate call or GROUP BY): its
     * rows would depend on all of the table, not on the one row it is given.
     */
    private void refuseAggregateOrWindow(SelectCore.Simple recursive) {
        List<Expr> outputs = new ArrayList<>();
        for (ResultColumn c : recursive.columns()) {
            if (c instanceof ResultColumn.Single single) {
                outputs.add(single.expr());
            }
        }
        if (recursive.having() != null) {
            outputs.add(recursive.having());
        }
        boolean[] found = new boolean[2];
        for (Expr e : outputs) {
            ExprWalker.walk(e, x -> {
                if (x instanceof Expr.FunctionCall f) {
                    found[0] |= f.over() != null;
                    found[1] |= exprs.isAggregate(f);
                }
                return true;
            });
        }
        if (found[0]) {
            throw new TursoException(ResultCode.ERROR, "cannot use window functions in recursive queries");
        }
        if (found[1] || !recursive.groupBy().isEmpty()) {
            throw new TursoException(ResultCode.ERROR, "recursive aggregate queries not supported");
        }
    }

    /** The first table of {@code steps} that shows a column called {@code column}, or null. */
    private static Scope visibleIn(List<JoinStep> steps, String column) {
        for (JoinStep step : steps) {
            Scope s = step.scope();
            if (s.table().columnIndex(column) >= 0 && !s.hidden().contains(column.toLowerCase(java.util.Locale.ROOT))) {
                return s;
            }
        }
        return null;
    }

    /** Evaluates LIMIT and OFFSET once, up front: {limit register, offset register}, 0 where absent. */
    private int[] limitAndOffset(Select select, int done) {
        int limit = 0;
        int offset = 0;
        if (select.limit() != null) {
            limit = exprs.compile(select.limit().limit());
            b.emit(Op.MUST_BE_INT, limit, 0, 0);
            b.emit(Op.IF_NOT, limit, done, 0);
            if (select.limit().offset() != null) {
                offset = exprs.compile(select.limit().offset());
                b.emit(Op.MUST_BE_INT, offset, 0, 0);
            }
        }
        return new int[] {limit, offset};
    }

    /**
     * The end of an ORDER BY: sorts {@code sorter} and emits its rows in
     * order, each the values after its first {@code keys} (the sort keys),
     * read into {@code out}; LIMIT and OFFSET ({@code limits}) apply.
     */
    private void emitSorted(int sorter, int keys, int out, int[] limits, int done) {
        b.emit(Op.SORTER_SORT, sorter, done, 0);
        int loop = b.currentAddress();
        int next = b.newLabel();
        for (int j = 0; j < results.size(); j++) {
            b.emit(Op.SORTER_COLUMN, sorter, keys + j, out + j);
        }
        emitRowFrom(out, limits[1], limits[0], next, done);
        b.resolve(next);
        b.emit(Op.SORTER_NEXT, sorter, loop, 0);
    }

    /** Evaluates the result columns into {@code out}, then emits the row as below. */
    private void emitRow(int out, int offset, int limit, int skip, int done) {
        for (int j = 0; j < results.size(); j++) {
            exprs.compileInto(results.get(j), out + j);
        }
        emitRowFrom(out, offset, limit, skip, done);
    }

    /**
     * Each expression ascending by its collating sequence, NULLs first: how
     * GROUP BY sorts groups together and how DISTINCT compares rows.
     */
    private SortOrder allAscending(List<Expr> keys) {
        Collation[] collations = new Collation[keys.size()];
        for (int i = 0; i < collations.length; i++) {
            collations[i] = exprs.sortCollation(keys.get(i));
        }
        boolean[] nullsFirst = new boolean[keys.size()];
        java.util.Arrays.fill(nullsFirst, true);
        return new SortOrder(collations, new boolean[keys.size()], nullsFirst);
    }

    /**
     * Steps aggregate {@code f} in slot {@code slot} with the arguments at
     * {@code args} (followed by its FILTER's value, if it has one: a row the
     * FILTER does not accept is skipped, then by its ORDER BY keys); for an
     * aggregate DISTINCT, only with arguments not seen yet in its group (set
     * {@code distinctSet}). With ORDER BY the arguments go, behind their
     * keys, to sorter {@code ordered}, and stepInOrder steps them at the end
     * of the group.
     */
    private void step(int slot, Expr.FunctionCall f, int args, int distinctSet, int ordered) {
        int skip = b.newLabel();
        int n = f.args().size();
        if (f.filter() != null) {
            b.emit(Op.IF_NOT, args + n, skip, 1);
        }
        if (f.distinct()) {
            b.emit(Op.DISTINCT, distinctSet, skip, args, allAscending(f.args()), 0);
        }
        if (ordered >= 0) {
            int keys = f.orderBy().size();
            int keysAt = args + n + (f.filter() != null ? 1 : 0);
            int row = b.newRegisters(keys + n);
            for (int k = 0; k < keys; k++) {
                b.emit(Op.COPY, keysAt + k, row + k, 0);
            }
            for (int i = 0; i < n; i++) {
                b.emit(Op.COPY, args + i, row + keys + i, 0);
            }
            b.emit(Op.SORTER_INSERT, ordered, row, keys + n);
        } else {
            b.emit(Op.AGG_STEP, slot, args, n, exprs.aggregateFunction(f), 0);
        }
        b.resolve(skip);
    }

    /** Steps aggregate {@code f} with the arguments sorter {@code ordered} holds, in its ORDER BY's order. */
    private void stepInOrder(int slot, Expr.FunctionCall f, int ordered) {
        int keys = f.orderBy().size();
        int n = f.args().size();
        int args = b.newRegisters(n);
        int empty = b.newLabel();
        b.emit(Op.SORTER_SORT, ordered, empty, 0);
        int top = b.currentAddress();
        for (int i = 0; i < n; i++) {
            b.emit(Op.SORTER_COLUMN, ordered, keys + i, args + i);
        }
        b.emit(Op.AGG_STEP, slot, args, n, exprs.aggregateFunction(f), 0);
        b.emit(Op.SORTER_NEXT, ordered, top, 0);
        b.resolve(empty);
    }

    /**
     * A query with a min() or max() aggregate takes its bare columns from
     * the row where that minimum or maximum is (SQLite's documented rule for
     * one; with several, SQLite 3.40 follows the last): which aggregate it
     * is, and the register holding the extreme so far.
     */
    private void extremeOf(List<Expr.FunctionCall> aggregates) {
        int found = -1;
        for (int a = 0; a < aggregates.size(); a++) {
            Expr.FunctionCall f = aggregates.get(a);
            if (f.args().size() == 1 && (f.name().is("min") || f.name().is("max"))) {
                found = a;
            }
        }
        if (found >= 0) {
            extreme = found;
            extremeValue = b.newRegister();
        } else {
            bareColumnsKept = b.newRegister();
        }
    }

    /**
     * Runs {@code keep} (which copies the row's bare columns) for the first
     * row of the group, as SQLite, or, with one min()/max(), for a row whose
     * value is a new extreme (a first one wins a tie; while the values are all
     * NULL, each row).
     */
    private void keepRowOfExtreme(List<Expr.FunctionCall> aggregates, int argument, Runnable keep) {
        if (extreme < 0) {
            int kept = b.newLabel();
            b.emit(Op.IF, bareColumnsKept, kept, 0);
            keep.run();
            b.emit(Op.INTEGER, 1, bareColumnsKept, 0);
            b.resolve(kept);
            return;
        }
        Expr.FunctionCall f = aggregates.get(extreme);
        int skip = b.newLabel();
        int take = b.newLabel();
        int keepOnly = b.newLabel();
        int notNull = b.newLabel();
        b.emit(Op.NOT_NULL, argument, notNull, 0);
        b.emit(Op.IS_NULL, extremeValue, keepOnly, 0);
        b.emit(Op.GOTO, 0, skip, 0);
        b.resolve(notNull);
        b.emit(Op.IS_NULL, extremeValue, take, 0);
        int better = b.newRegister();
        b.emit(Op.COMPARE, argument, extremeValue, better, new turso.vm.Comparison(f.name().is("min")
                ? turso.vm.CompareOp.LT : turso.vm.CompareOp.GT, turso.vm.Affinity.NONE,
                exprs.sortCollation(f.args().getFirst())), 0);
        b.emit(Op.IF_NOT, better, skip, 1);
        b.resolve(take);
        b.emit(Op.COPY, argument, extremeValue, 0);
        b.resolve(keepOnly);
        keep.run();
        b.resolve(skip);
    }

    /** Starts every aggregate afresh, forgetting what their DISTINCTs saw. */
    private void resetAggregates(List<Expr.FunctionCall> aggregates, int[] slots, int[] distinctSets) {
        if (extreme >= 0) {
            b.emit(Op.NULL, 0, extremeValue, 0);
        } else {
            b.emit(Op.INTEGER, 0, bareColumnsKept, 0);
        }
        for (int a = 0; a < slots.length; a++) {
            Expr.FunctionCall f = aggregates.get(a);
            b.emit(Op.AGG_RESET, slots[a], 0, 0, exprs.aggregateFunction(f), 0);
            if (f.distinct()) {
                b.emit(Op.DISTINCT_CLEAR, distinctSets[a], 0, 0);
            }
            if (orderedInputs[a] >= 0) {
                b.emit(Op.SORTER_OPEN, orderedInputs[a], 0, 0,
                        sortOrder(f.orderBy(), f.orderBy().stream().map(OrderingTerm::expr).toList()), 0);
            }
        }
    }

    /** Emits the row in {@code out}: skipped while OFFSET lasts, and the last one once LIMIT is reached. */
    private void emitRowFrom(int out, int offset, int limit, int skip, int done) {
        if (distinct >= 0) {
            b.emit(Op.DISTINCT, distinct, skip, out, allAscending(results), 0);
        }
        if (offset != 0) {
            b.emit(Op.IF_POS, offset, skip, 1);
        }
        sink.row(out, results.size());
        if (limit != 0) {
            b.emit(Op.DECR_JUMP_ZERO, limit, done, 0);
        }
    }

    /**
     * The name of result column {@code s} (named {@code name} in the result)
     * in a table made of the rows (a view, a subquery, CREATE TABLE AS): a
     * column under COLLATE is named after that column, as SQLite names it
     * there. (SQLite also looks through likely() and unlikely() for a view
     * and CREATE TABLE AS, but not for a subquery it flattens: not done.)
     */
    private String tableColumnName(ResultColumn.Single s, String name) {
        if (s.alias() != null) {
            return name;
        }
        Expr e = s.expr();
        while (e instanceof Expr.Collate c) {
            e = c.expr();
        }
        if (e == s.expr() || !(e instanceof Expr.ColumnRef)) {
            return name;
        }
        String declared = exprs.declaredName(e);
        return declared != null ? declared : ((Expr.ColumnRef) e).column().value();
    }

    /** The result expressions in output order (* and t.* expanded), with their names. */
    private void collectResults(List<ResultColumn> terms, String sql) {
        for (ResultColumn column : terms) {
            switch (column) {
                case ResultColumn.Single s -> {
                    results.add(s.expr());
                    aliases.add(s.alias() == null ? null : s.alias().value());
                    String name = columnName(s, exprs.declaredName(s.expr()), sql);
                    String declared = exprs.declaredType(s.expr());
                    if (topLevel) {
                        b.addColumn(name, declared);
                    }
                    // A subquery's or view's column keeps its table column's declared type, as SQLite reports it.
                    columns.add(new Column(tableColumnName(s, name), declared == null ? "" : declared,
                            exprs.affinity(s.expr()),
                            exprs.sortCollation(s.expr()).name(), false, null));
                }
                case ResultColumn.All a -> {
                    if (joins.isEmpty()) {
                        throw new TursoException(ResultCode.ERROR, "no tables specified");
                    }
                    for (JoinStep join : joins) {
                        addAll(join.scope(), false);
                    }
                }
                case ResultColumn.TableAll t -> {
                    Scope named = joins.stream().map(JoinStep::scope).filter(s -> t.table().is(s.name()))
                            .findFirst().orElseThrow(() -> new TursoException(ResultCode.ERROR,
                                    "no such table: " + t.table().value()));
                    addAll(named, true);
                }
            }
        }
    }

    /** Every column of {@code scope}, with or without those coalesced into an earlier table. */
    private void addAll(Scope scope, boolean withHidden) {
        for (Column c : scope.table().columns()) {
            if (!withHidden && scope.hidden().contains(c.name().toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            if (virtuals.containsKey(scope.cursor())
                    && virtuals.get(scope.cursor()).source().isHidden(scope.table().columns().indexOf(c))) {
                continue;
            }
            boolean merged = !withHidden && coalesced.containsKey(c.name().toLowerCase(java.util.Locale.ROOT));
            results.add(merged ? new Expr.ColumnRef(null, null, Synthetic.name(c.name()), Synthetic.NO_SPAN)
                    : Synthetic.column(scope.name(), c.name()));
            aliases.add(null);
            columns.add(c);
            if (topLevel) {
                b.addColumn(c.name(), ExprCompiler.declType(c.declaredType()));
            }
        }
    }

    /**
     * What an ORDER BY or GROUP BY term stands for, as SQLite resolves it: a
     * column number picks that result column, a name matching a result
     * column's alias picks that column, anything else is an expression over
     * the table.
     */
    /**
     * The column number an ORDER BY or GROUP BY term is, when it is an
     * integer constant as SQLite reads one (also under unary + and -), else
     * null.
     */
    private static Long columnNumber(Expr e) {
        return switch (e) {
            case Expr.Literal l when l.kind() == Expr.LiteralKind.INTEGER -> {
                try {
                    yield Long.parseLong(l.text());
                } catch (NumberFormatException x) {
                    yield 0L;
                }
            }
            case Expr.Unary u when u.op() == Expr.UnaryOp.PLUS -> columnNumber(u.operand());
            case Expr.Unary u when u.op() == Expr.UnaryOp.NEGATE -> {
                Long n = columnNumber(u.operand());
                yield n == null ? null : -n;
            }
            case Expr.Binary x when foldsToZero(x) -> 0L;
            default -> null;
        };
    }

    /**
     * Whether SQLite's parser replaces {@code e} by the integer 0: an AND one
     * of whose operands is the literal 0 (or folds to it). Other constant
     * expressions are left as written.
     */
    private static boolean foldsToZero(Expr e) {
        return switch (e) {
            case Expr.Literal l when l.kind() == Expr.LiteralKind.INTEGER ->
                    l.text().replaceFirst("^0[xX]", "").chars().allMatch(ch -> ch == '0');
            case Expr.Binary x when x.op() == Expr.BinaryOp.AND -> foldsToZero(x.left()) || foldsToZero(x.right());
            default -> false;
        };
    }

    /** The index of result column {@code number}, or SQLite's error for a number out of range. */
    private int checkedColumn(long number, int index, String clause) {
        if (number < 1 || number > results.size()) {
            throw new TursoException(ResultCode.ERROR, ordinal(index + 1)
                    + " " + clause + " term out of range - should be between 1 and " + results.size());
        }
        return (int) number - 1;
    }

    private Expr resolveTerm(Expr e, int index, String clause) {
        Expr inner = e instanceof Expr.Collate c ? c.expr() : e;
        Expr picked = null;
        Long number = columnNumber(inner);
        if (number != null) {
            picked = results.get(checkedColumn(number, index, clause));
        } else if (inner instanceof Expr.ColumnRef ref && ref.table() == null) {
            for (int j = 0; j < aliases.size() && picked == null; j++) {
                if (aliases.get(j) != null && aliases.get(j).equalsIgnoreCase(ref.column().value())) {
                    picked = results.get(j);
                }
            }
        }
        if (picked == null) {
            return e;
        }
        return e instanceof Expr.Collate c ? new Expr.Collate(picked, c.collation(), c.span()) : picked;
    }

    private SortOrder sortOrder(List<OrderingTerm> terms, List<Expr> keys) {
        int k = keys.size();
        Collation[] collations = new Collation[k];
        boolean[] descending = new boolean[k];
        boolean[] nullsFirst = new boolean[k];
        for (int i = 0; i < k; i++) {
            OrderingTerm term = terms.get(i);
            collations[i] = exprs.sortCollation(keys.get(i));
            descending[i] = term.order() == OrderingTerm.SortOrder.DESC;
            nullsFirst[i] = switch (term.nulls()) {
                case FIRST -> true;
                case LAST -> false;
                case NONE -> !descending[i];
            };
        }
        return new SortOrder(collations, descending, nullsFirst);
    }

    /** 1st, 2nd, 3rd, 4th ... 11th, 12th, 13th, 21st, as SQLite words it. */
    private static String ordinal(int n) {
        int tens = n % 100;
        String suffix = tens >= 11 && tens <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    /**
     * The alias, else the declared name of the column it reads, else the
     * expression's text as written. SQLite's span of an expression runs up to
     * the next token, so comments right after it are part of the name;
     * trailing spaces are not.
     */
    static String columnName(ResultColumn.Single s, String declared, String sql) {
        if (s.alias() != null) {
            return s.alias().value();
        }
        if (declared != null) {
            return declared;
        }
        if (s.expr() instanceof Expr.ColumnRef c && !c.column().doubleQuoted()) {
            return c.column().value();
        }
        // the result column's own span: the expression's starts inside its outer parentheses
        turso.parser.ast.Span whole = s.span() != null && s.span().start() >= 0 ? s.span() : s.expr().span();
        int start = whole.start();
        int end = whole.end();
        if (start < 0 || end > sql.length() || start > end) {
            return "";
        }
        return sql.substring(start, SqlText.nextToken(sql, end)).stripTrailing();
    }
}
