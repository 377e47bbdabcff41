/*
 * Where a trigger's or a view's text names a table, or one column of it,
 * for ALTER TABLE's rewrites (RENAME TO, RENAME COLUMN). Names are resolved
 * as SQLite resolves them when it edits those texts: scope by scope, each
 * FROM item, a statement's target table, NEW and OLD (the trigger's table)
 * and an upsert's excluded row are known by the name they are visible by, a
 * qualified column belongs to the innermost item of that name, and an
 * unqualified one to the innermost scope where an item has such a column
 * (a subquery's columns are worked out from its result columns). The tokens
 * reported are those that resolve to the altered table: for RENAME TO its
 * name as the trigger's table, a statement's target, a FROM item or IN's
 * table, and the qualifier of a column of it where the qualifier is the
 * table's own name (or excluded, which SQLite rewrites too); for RENAME
 * COLUMN every reference to the column, the UPDATE OF list and the column
 * lists of INSERT, UPDATE's SET and ON CONFLICT. It also finds the
 * double-quoted names that resolve to nothing, which SQLite reads as
 * strings (QuoteFix).
 */
package turso.planner;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import turso.parser.ast.Expr;
import turso.parser.ast.FromClause;
import turso.parser.ast.Name;
import turso.parser.ast.OrderingTerm;
import turso.parser.ast.QualifiedName;
import turso.parser.ast.ResultColumn;
import turso.parser.ast.Select;
import turso.parser.ast.SelectCore;
import turso.parser.ast.SetClause;
import turso.parser.ast.Stmt;
import turso.parser.ast.Upsert;
import turso.parser.ast.WindowSpec;
import turso.parser.ast.With;

final class ResolvedReferences {
    /**
     * What a column name may resolve to: the name it is qualified by,
     * whether an unqualified name finds it, whether its columns are the
     * altered table's, whether its qualifier is the table's own name (so
     * RENAME TO rewrites it), and its columns (null: not known).
     */
    private record Source(String visible, boolean bare, boolean altered, boolean qualifierIsName,
            List<String> columns) {
    }

    /** What an unqualified name finds when a source whose columns are not known may have it. */
    private static final Source UNKNOWN = new Source(null, false, false, false, null);

    /**
     * The items of one FROM (or statement), the WITH tables defined there,
     * the enclosing scope, and the (lower-cased) aliases of the result
     * columns, which names in that SELECT may refer to.
     */
    private record Scope(List<Source> sources, Map<String, List<String>> ctes, Scope outer, Set<String> aliases) {
        Scope(List<Source> sources, Map<String, List<String>> ctes, Scope outer) {
            this(sources, ctes, outer, Set.of());
        }
    }

    private final Schema schema;
    private final String sql;
    private final String table;
    /** Where the altered table is: what a qualifier must name, and whether an unqualified name finds it. */
    private final Target where;
    /** The column renamed, or null when the table is. */
    private final String column;
    private final List<Name> out;
    /** The double-quoted names met that resolve to nothing: strings. */
    private final List<Name> strings = new ArrayList<>();
    /** The views whose columns are being worked out, against a view that reads itself. */
    private final Set<String> expanding = new HashSet<>();

    /**
     * The database of the altered table, by name, and whether an unqualified
     * name in the text looked at finds that table (in an object of that
     * database, or of temp when no temp table hides it).
     */
    record Target(String database, boolean bare) {
        /** For the texts where no table is altered (QuoteFix's strings). */
        static final Target NONE = new Target("main", true);
    }

    private ResolvedReferences(Schema schema, String sql, String table, Target where, String column,
            List<Name> out) {
        this.schema = schema;
        this.sql = sql;
        this.table = table;
        this.where = where;
        this.column = column;
        this.out = out;
    }

    /**
     * The tokens of {@code trigger} (whose text is {@code sql}) that name
     * table {@code table} of {@code schema}; {@code onTable} says whether
     * the trigger is on that table.
     */
    static List<Name> tableRefs(Stmt.CreateTrigger trigger, String sql, Schema schema, String table,
            Target where, boolean onTable) {
        List<Name> out = new ArrayList<>();
        if (onTable) {
            out.add(trigger.table().name());
        }
        new ResolvedReferences(schema, sql, table, where, null, out).trigger(trigger, onTable);
        return out;
    }

    /** The tokens of a view's SELECT (whose text is {@code sql}) that name table {@code table} of {@code schema}. */
    static List<Name> tableRefs(Select select, String sql, Schema schema, String table, Target where) {
        List<Name> out = new ArrayList<>();
        new ResolvedReferences(schema, sql, table, where, null, out).select(select, null);
        return out;
    }

    /** The tokens of a view's SELECT that name column {@code column} of table {@code table}. */
    static List<Name> columnRefs(Select select, String sql, Schema schema, String table, Target where,
            String column) {
        List<Name> out = new ArrayList<>();
        new ResolvedReferences(schema, sql, table, where, column, out).select(select, null);
        return out;
    }

    /** The double-quoted names of a view's SELECT that SQLite reads as strings. */
    static List<Name> strings(Select select, String sql, Schema schema) {
        ResolvedReferences r = new ResolvedReferences(schema, sql, null, Target.NONE, null, new ArrayList<>());
        r.select(select, null);
        return r.strings;
    }

    /** The double-quoted names of a trigger's WHEN and statements that SQLite reads as strings. */
    static List<Name> strings(Stmt.CreateTrigger trigger, String sql, Schema schema) {
        ResolvedReferences r = new ResolvedReferences(schema, sql, null, Target.NONE, null, new ArrayList<>());
        r.trigger(trigger, false);
        return r.strings;
    }

    /** The tokens of {@code trigger} that name column {@code column} of table {@code table}. */
    static List<Name> columnRefs(Stmt.CreateTrigger trigger, String sql, Schema schema, String table, Target where,
            String column, boolean onTable) {
        List<Name> out = new ArrayList<>();
        if (onTable) {
            trigger.updateOf().stream().filter(n -> n.is(column)).forEach(out::add);
        }
        new ResolvedReferences(schema, sql, table, where, column, out).trigger(trigger, onTable);
        return out;
    }

    private void trigger(Stmt.CreateTrigger trigger, boolean onTable) {
        List<String> columns = columnsOf(trigger.table().name().value(), null);
        Scope base = new Scope(List.of(new Source("new", false, onTable, false, columns),
                new Source("old", false, onTable, false, columns)), Map.of(), null);
        expr(trigger.when(), base);
        for (Stmt step : trigger.body()) {
            switch (step) {
                case Stmt.Insert i -> insert(i, base);
                case Stmt.Update u -> update(u, base);
                case Stmt.Delete d -> {
                    Scope scope = withScope(d.with(), base);
                    scope = new Scope(List.of(target(d.table(), d.alias())), Map.of(), scope);
                    expr(d.where(), scope);
                    terms(d.orderBy(), scope);
                    limit(d.limit(), scope);
                }
                case Stmt.SelectStmt q -> select(q.select(), base);
                default -> { }
            }
        }
    }

    private void insert(Stmt.Insert insert, Scope base) {
        Scope scope = withScope(insert.with(), base);
        Source target = target(insert.table(), insert.alias());
        if (target.altered()) {
            columnNames(insert.columns());
        }
        if (insert.select() != null) {
            select(insert.select(), scope);
        }
        Scope onTarget = new Scope(List.of(target), Map.of(), scope);
        Scope withExcluded = new Scope(List.of(target, new Source("excluded", false, target.altered(), true,
                target.columns())), Map.of(), scope);
        for (Upsert upsert : insert.upserts()) {
            terms(upsert.target(), onTarget);
            expr(upsert.targetWhere(), onTarget);
            if (upsert.set() != null) {
                sets(upsert.set(), target, withExcluded);
            }
            expr(upsert.where(), withExcluded);
        }
    }

    private void update(Stmt.Update update, Scope base) {
        Scope scope = withScope(update.with(), base);
        Source target = target(update.table(), update.alias());
        List<Source> sources = new ArrayList<>();
        sources.add(target);
        if (update.from() != null) {
            sources.addAll(sources(update.from(), scope));
        }
        Scope inner = new Scope(sources, Map.of(), scope);
        if (update.from() != null) {
            from(update.from(), scope, inner);
        }
        sets(update.sets(), target, inner);
        expr(update.where(), inner);
        terms(update.orderBy(), inner);
        limit(update.limit(), inner);
    }

    private void sets(List<SetClause> sets, Source target, Scope scope) {
        for (SetClause set : sets) {
            if (target.altered()) {
                columnNames(set.columns());
            }
            expr(set.value(), scope);
        }
    }

    private void columnNames(List<Name> names) {
        if (column != null) {
            names.stream().filter(n -> n.is(column)).forEach(out::add);
        }
    }

    /** The table a trigger's statement writes, as a source; its name token is reported on RENAME TO. */
    private Source target(QualifiedName name, Name alias) {
        String n = name.name().value();
        boolean altered = n.equalsIgnoreCase(table) && inTarget(name);
        if (altered && column == null) {
            out.add(name.name());
        }
        return new Source(alias != null ? alias.value() : n, true, altered, alias == null, columnsOf(n, null));
    }

    private boolean inTarget(QualifiedName name) {
        return name.schema() == null ? where.bare() : name.schema().is(where.database());
    }

    private Scope withScope(With with, Scope outer) {
        if (with == null) {
            return outer;
        }
        Map<String, List<String>> ctes = new java.util.LinkedHashMap<>();
        Scope scope = new Scope(List.of(), ctes, outer);
        for (With.Cte cte : with.ctes()) {
            ctes.put(key(cte.name().value()), null);
            ctes.put(key(cte.name().value()), cte.columns().isEmpty()
                    ? outputNames(cte.select(), scope) : cte.columns().stream().map(Name::value).toList());
        }
        for (With.Cte cte : with.ctes()) {
            select(cte.select(), scope);
        }
        return scope;
    }

    private void select(Select select, Scope outer) {
        Scope scope = withScope(select.with(), outer);
        boolean single = select.compounds().isEmpty();
        core(select.first(), scope, single ? select.orderBy() : List.of());
        select.compounds().forEach(part -> core(part.core(), scope, List.of()));
        if (!single) {
            terms(select.orderBy(), new Scope(List.of(), Map.of(), scope));
        }
        limit(select.limit(), scope);
    }

    private void core(SelectCore core, Scope outer, List<OrderingTerm> orderBy) {
        switch (core) {
            case SelectCore.Values v -> v.rows().forEach(row -> row.forEach(e -> expr(e, outer)));
            case SelectCore.Simple s -> {
                Set<String> aliases = new HashSet<>();
                for (ResultColumn c : s.columns()) {
                    if (c instanceof ResultColumn.Single single && single.alias() != null) {
                        aliases.add(key(single.alias().value()));
                    }
                }
                Scope scope = new Scope(s.from() == null ? List.of() : sources(s.from(), outer), Map.of(), outer,
                        aliases);
                if (s.from() != null) {
                    from(s.from(), outer, scope);
                }
                for (ResultColumn c : s.columns()) {
                    switch (c) {
                        case ResultColumn.Single single -> expr(single.expr(), scope);
                        case ResultColumn.TableAll all -> {
                            Source source = qualified(all.table().value(), scope);
                            if (column == null && source != null && source.altered() && source.qualifierIsName()) {
                                out.add(all.table());
                            }
                        }
                        case ResultColumn.All all -> { }
                    }
                }
                expr(s.where(), scope);
                s.groupBy().forEach(e -> expr(e, scope));
                expr(s.having(), scope);
                s.windows().forEach(w -> window(w.spec(), scope));
                terms(orderBy, scope);
            }
        }
    }

    /** The sources of a FROM, in order, without reporting anything. */
    private List<Source> sources(FromClause from, Scope outer) {
        List<Source> sources = new ArrayList<>();
        for (FromClause.Joined joined : from.items()) {
            switch (joined.source()) {
                case FromClause.TableRef ref -> {
                    String n = ref.name().name().value();
                    boolean cte = ref.name().schema() == null && cte(n, outer) != null;
                    boolean altered = !cte && n.equalsIgnoreCase(table) && inTarget(ref.name());
                    sources.add(new Source(ref.alias() != null ? ref.alias().value() : n, true, altered,
                            ref.alias() == null, ref.name().schema() == null ? columnsOf(n, outer)
                                    : columnsOf(n, null)));
                }
                case FromClause.SubquerySource sub -> sources.add(new Source(
                        sub.alias() == null ? null : sub.alias().value(), true, false, false,
                        outputNames(sub.select(), outer)));
                case FromClause.Parenthesized p -> sources.addAll(sources(p.from(), outer));
                case FromClause.TableFunction f -> sources.add(new Source(
                        f.alias() != null ? f.alias().value() : f.name().name().value(), true, false, false, null));
            }
        }
        return sources;
    }

    /** Reports the names in a FROM: the altered table's, and those of its subqueries, ON terms and arguments. */
    private void from(FromClause from, Scope outer, Scope scope) {
        for (FromClause.Joined joined : from.items()) {
            switch (joined.source()) {
                case FromClause.TableRef ref -> {
                    String n = ref.name().name().value();
                    if (column == null && n.equalsIgnoreCase(table) && inTarget(ref.name())
                            && (ref.name().schema() != null || cte(n, outer) == null)) {
                        out.add(ref.name().name());
                    }
                }
                case FromClause.SubquerySource sub -> select(sub.select(), outer);
                case FromClause.Parenthesized p -> from(p.from(), outer, scope);
                case FromClause.TableFunction f -> f.args().forEach(e -> expr(e, scope));
            }
            if (joined.constraint() != null) {
                expr(joined.constraint().on(), scope);
            }
        }
    }

    private void terms(List<OrderingTerm> terms, Scope scope) {
        terms.forEach(t -> expr(t.expr(), scope));
    }

    private void limit(turso.parser.ast.Limit limit, Scope scope) {
        if (limit != null) {
            expr(limit.limit(), scope);
            expr(limit.offset(), scope);
        }
    }

    private void window(WindowSpec spec, Scope scope) {
        if (spec == null) {
            return;
        }
        spec.partitionBy().forEach(e -> expr(e, scope));
        terms(spec.orderBy(), scope);
        if (spec.frame() != null) {
            if (spec.frame().start() != null) {
                expr(spec.frame().start().offset(), scope);
            }
            if (spec.frame().end() != null) {
                expr(spec.frame().end().offset(), scope);
            }
        }
    }

    private void expr(Expr e, Scope scope) {
        ExprWalker.walk(e, x -> {
            switch (x) {
                case Expr.ColumnRef r -> columnRef(r, scope);
                case Expr.Subquery q -> select(q.select(), scope);
                case Expr.Exists q -> select(q.select(), scope);
                case Expr.InSelect q -> select(q.select(), scope);
                case Expr.InTable q -> {
                    if (column == null && q.table().name().is(table) && inTarget(q.table())
                            && (q.table().schema() != null || cte(q.table().name().value(), scope) == null)) {
                        out.add(q.table().name());
                    }
                }
                case Expr.FunctionCall f -> {
                    terms(f.orderBy(), scope);
                    if (f.over() != null) {
                        window(f.over().spec(), scope);
                    }
                }
                default -> { }
            }
            return true;
        });
    }

    private void columnRef(Expr.ColumnRef r, Scope scope) {
        if (r.schema() != null && !r.schema().is(where.database())) {
            return;
        }
        Source source = r.table() == null ? unqualified(r.column().value(), scope)
                : qualified(r.table().value(), scope);
        if (source == null && r.table() == null && r.column().quote() == Name.Quote.DOUBLE
                && !refersToRow(r.column().value(), scope)) {
            strings.add(r.column());
        }
        if (source == null || !source.altered()) {
            return;
        }
        if (column == null) {
            if (r.table() != null && source.qualifierIsName()) {
                out.add(r.table());
            }
        } else if (r.column().is(column)) {
            out.add(r.column());
        }
    }

    /** Whether an unqualified name that finds no column is a result column's alias or a table's rowid. */
    private static boolean refersToRow(String name, Scope scope) {
        boolean rowid = name.equalsIgnoreCase("rowid") || name.equalsIgnoreCase("oid")
                || name.equalsIgnoreCase("_rowid_");
        for (Scope s = scope; s != null; s = s.outer()) {
            if (s.aliases().contains(key(name)) || rowid && s.sources().stream().anyMatch(Source::bare)) {
                return true;
            }
        }
        return false;
    }

    private static Source qualified(String qualifier, Scope scope) {
        for (Scope s = scope; s != null; s = s.outer()) {
            for (Source source : s.sources()) {
                if (source.visible() != null && source.visible().equalsIgnoreCase(qualifier)) {
                    return source;
                }
            }
        }
        return null;
    }

    /**
     * The source an unqualified column name finds: in the innermost scope
     * with an item that has the column; UNKNOWN when an item whose columns
     * are not known may be the one; null when none has it.
     */
    private static Source unqualified(String name, Scope scope) {
        for (Scope s = scope; s != null; s = s.outer()) {
            boolean unknown = false;
            for (Source source : s.sources()) {
                if (!source.bare()) {
                    continue;
                }
                if (source.columns() == null) {
                    unknown = true;
                } else if (source.columns().stream().anyMatch(name::equalsIgnoreCase)) {
                    return source;
                }
            }
            if (unknown) {
                return UNKNOWN;
            }
        }
        return null;
    }

    /** The columns of the WITH table called {@code name} visible from {@code scope}, or null. */
    private static List<String> cte(String name, Scope scope) {
        for (Scope s = scope; s != null; s = s.outer()) {
            if (s.ctes().containsKey(key(name))) {
                List<String> columns = s.ctes().get(key(name));
                return columns == null ? List.of() : columns;
            }
        }
        return null;
    }

    /** The columns of the table, view or WITH table called {@code name}, or null if not known. */
    private List<String> columnsOf(String name, Scope scope) {
        List<String> cte = cte(name, scope);
        if (cte != null) {
            return cte;
        }
        Table t = schema.table(name);
        if (t != null) {
            return t.columns().stream().map(Column::name).toList();
        }
        View v = schema.view(name);
        if (v == null) {
            return null;
        }
        if (v.columns() != null) {
            return v.columns();
        }
        if (v.sql() == null || !expanding.add(key(name))) {
            return null;
        }
        try {
            return outputNames(v.select(), null, v.sql());
        } finally {
            expanding.remove(key(name));
        }
    }

    /** The names of a SELECT's result columns, as SQLite names them, or null if not known. */
    private List<String> outputNames(Select select, Scope outer) {
        return outputNames(select, outer, sql);
    }

    /** As {@link #outputNames(Select, Scope)}, for a SELECT whose spans point into {@code text}. */
    private List<String> outputNames(Select select, Scope outer, String text) {
        Scope scope = outer;
        if (select.with() != null) {
            Map<String, List<String>> ctes = new java.util.LinkedHashMap<>();
            scope = new Scope(List.of(), ctes, outer);
            for (With.Cte cte : select.with().ctes()) {
                ctes.put(key(cte.name().value()), cte.columns().isEmpty()
                        ? null : cte.columns().stream().map(Name::value).toList());
            }
        }
        return switch (select.first()) {
            case SelectCore.Values v -> v.rows().isEmpty() ? null
                    : java.util.stream.IntStream.rangeClosed(1, v.rows().getFirst().size())
                            .mapToObj(i -> "column" + i).toList();
            case SelectCore.Simple s -> simpleOutputNames(s, scope, text);
        };
    }

    private List<String> simpleOutputNames(SelectCore.Simple s, Scope outer, String text) {
        List<Source> sources = s.from() == null ? List.of() : sources(s.from(), outer);
        List<String> names = new ArrayList<>();
        for (ResultColumn c : s.columns()) {
            switch (c) {
                case ResultColumn.Single single -> names.add(single.alias() != null ? single.alias().value()
                        : single.expr() instanceof Expr.ColumnRef r ? r.column().value()
                        : text.substring(single.expr().span().start(), single.expr().span().end()));
                case ResultColumn.All all -> {
                    for (Source source : sources) {
                        if (source.columns() == null) {
                            return null;
                        }
                        names.addAll(source.columns());
                    }
                }
                case ResultColumn.TableAll all -> {
                    Source source = sources.stream().filter(x -> x.visible() != null
                            && x.visible().equalsIgnoreCase(all.table().value())).findFirst().orElse(null);
                    if (source == null || source.columns() == null) {
                        return null;
                    }
                    names.addAll(source.columns());
                }
            }
        }
        return names;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
