/*
 * Where stored SQL names a table or a column, for ALTER TABLE's rewrites:
 * the names (AST nodes, whose spans locate the tokens in the text) that
 * refer to a table or to one of its columns in a table's own definition, in
 * the foreign keys of other tables, in a view's SELECT, and in index terms.
 */
package turso.planner;

import java.util.ArrayList;
import java.util.List;
import turso.parser.ast.ColumnConstraint;
import turso.parser.ast.ColumnDef;
import turso.parser.ast.Expr;
import turso.parser.ast.ForeignKey;
import turso.parser.ast.Name;
import turso.parser.ast.OrderingTerm;
import turso.parser.ast.Stmt;
import turso.parser.ast.TableConstraint;

final class SqlReferences {
    private SqlReferences() {
    }

    /**
     * Finds, in a view's SELECT, the references to column {@code column} of
     * table {@code table}: qualified by a name the table is known by in that
     * FROM, or unqualified when the table is the only one there that may
     * have such a column. Each subquery is looked at with its own FROM.
     */
    record ViewColumns(Schema schema, String table, String column, List<Name> out) {

        void select(turso.parser.ast.Select select) {
            if (select.with() != null) {
                select.with().ctes().forEach(cte -> select(cte.select()));
            }
            boolean single = select.compounds().isEmpty();
            core(select.first(), single ? select.orderBy().stream().map(OrderingTerm::expr).toList() : List.of());
            select.compounds().forEach(part -> core(part.core(), List.of()));
            if (!single) {
                select.orderBy().forEach(term -> subqueries(term.expr()));
            }
            if (select.limit() != null) {
                subqueries(select.limit().limit());
                subqueries(select.limit().offset());
            }
        }

        private void core(turso.parser.ast.SelectCore core, List<Expr> orderBy) {
            switch (core) {
                case turso.parser.ast.SelectCore.Values v -> v.rows().forEach(row -> row.forEach(this::subqueries));
                case turso.parser.ast.SelectCore.Simple s -> {
                    List<String> targets = new ArrayList<>();
                    boolean[] othersMayHave = {false};
                    List<Expr> exprs = new ArrayList<>();
                    if (s.from() != null) {
                        sources(s.from(), targets, othersMayHave, exprs);
                    }
                    boolean unqualified = targets.size() == 1 && !othersMayHave[0];
                    for (turso.parser.ast.ResultColumn c : s.columns()) {
                        if (c instanceof turso.parser.ast.ResultColumn.Single single) {
                            exprs.add(single.expr());
                        }
                    }
                    exprs.add(s.where());
                    exprs.addAll(s.groupBy());
                    exprs.add(s.having());
                    exprs.addAll(orderBy);
                    for (Expr e : exprs) {
                        ExprWalker.walk(e, x -> {
                            switch (x) {
                                case Expr.ColumnRef r when r.column().is(column) && r.schema() == null
                                        && (r.table() == null ? unqualified
                                                : targets.stream().anyMatch(t -> r.table().is(t))) -> out.add(r.column());
                                case Expr.Subquery q -> select(q.select());
                                case Expr.Exists q -> select(q.select());
                                case Expr.InSelect q -> select(q.select());
                                default -> { }
                            }
                            return true;
                        });
                    }
                }
            }
        }

        /** The names the table is known by in {@code from}, whether another source may have the column, and its ON terms. */
        private void sources(turso.parser.ast.FromClause from, List<String> targets, boolean[] othersMayHave,
                List<Expr> exprs) {
            for (turso.parser.ast.FromClause.Joined joined : from.items()) {
                switch (joined.source()) {
                    case turso.parser.ast.FromClause.TableRef ref -> {
                        String visible = ref.alias() != null ? ref.alias().value() : ref.name().name().value();
                        boolean main = ref.name().schema() == null || ref.name().schema().is("main");
                        Table t = main ? schema.table(ref.name().name().value()) : null;
                        if (main && ref.name().name().is(table) && schema.view(table) == null) {
                            targets.add(visible);
                        } else if (t == null || t.columnIndex(column) >= 0) {
                            othersMayHave[0] = true;
                        }
                    }
                    case turso.parser.ast.FromClause.SubquerySource sub -> {
                        othersMayHave[0] = true;
                        select(sub.select());
                    }
                    case turso.parser.ast.FromClause.Parenthesized p -> sources(p.from(), targets, othersMayHave, exprs);
                    case turso.parser.ast.FromClause.TableFunction f -> {
                        othersMayHave[0] = true;
                        f.args().forEach(this::subqueries);
                    }
                }
                if (joined.constraint() != null && joined.constraint().on() != null) {
                    exprs.add(joined.constraint().on());
                }
            }
        }

        private void subqueries(Expr e) {
            ExprWalker.walk(e, x -> {
                switch (x) {
                    case Expr.Subquery q -> select(q.select());
                    case Expr.Exists q -> select(q.select());
                    case Expr.InSelect q -> select(q.select());
                    default -> { }
                }
                return true;
            });
        }
    }

    /** The names in a SELECT (a view's) that name table {@code table}: in FROM, IN, and as qualifiers. */
    static void tableRefs(turso.parser.ast.Select select, String table, List<Name> out) {
        if (select.with() != null) {
            select.with().ctes().forEach(cte -> tableRefs(cte.select(), table, out));
        }
        tableRefs(select.first(), table, out);
        select.compounds().forEach(part -> tableRefs(part.core(), table, out));
        select.orderBy().forEach(term -> tableRefs(term.expr(), table, out));
        if (select.limit() != null) {
            tableRefs(select.limit().limit(), table, out);
            tableRefs(select.limit().offset(), table, out);
        }
    }

    static void tableRefs(turso.parser.ast.SelectCore core, String table, List<Name> out) {
        switch (core) {
            case turso.parser.ast.SelectCore.Values v -> v.rows().forEach(row -> row.forEach(
                    e -> tableRefs(e, table, out)));
            case turso.parser.ast.SelectCore.Simple s -> {
                for (turso.parser.ast.ResultColumn c : s.columns()) {
                    if (c instanceof turso.parser.ast.ResultColumn.Single single) {
                        tableRefs(single.expr(), table, out);
                    } else if (c instanceof turso.parser.ast.ResultColumn.TableAll all && all.table().is(table)) {
                        out.add(all.table());
                    }
                }
                if (s.from() != null) {
                    tableRefs(s.from(), table, out);
                }
                tableRefs(s.where(), table, out);
                s.groupBy().forEach(e -> tableRefs(e, table, out));
                tableRefs(s.having(), table, out);
            }
        }
    }

    static void tableRefs(turso.parser.ast.FromClause from, String table, List<Name> out) {
        for (turso.parser.ast.FromClause.Joined joined : from.items()) {
            switch (joined.source()) {
                case turso.parser.ast.FromClause.TableRef ref -> {
                    if (ref.name().name().is(table)
                            && (ref.name().schema() == null || ref.name().schema().is("main"))) {
                        out.add(ref.name().name());
                    }
                }
                case turso.parser.ast.FromClause.SubquerySource sub -> tableRefs(sub.select(), table, out);
                case turso.parser.ast.FromClause.Parenthesized p -> tableRefs(p.from(), table, out);
                case turso.parser.ast.FromClause.TableFunction f -> f.args().forEach(e -> tableRefs(e, table, out));
            }
            if (joined.constraint() != null) {
                tableRefs(joined.constraint().on(), table, out);
            }
        }
    }

    static void tableRefs(Expr e, String table, List<Name> out) {
        ExprWalker.walk(e, x -> {
            switch (x) {
                case Expr.ColumnRef r when r.table() != null && r.table().is(table) && r.schema() == null ->
                        out.add(r.table());
                case Expr.Subquery q -> tableRefs(q.select(), table, out);
                case Expr.Exists q -> tableRefs(q.select(), table, out);
                case Expr.InSelect q -> tableRefs(q.select(), table, out);
                case Expr.InTable q when q.table().name().is(table) && q.table().schema() == null ->
                        out.add(q.table().name());
                default -> { }
            }
            return true;
        });
    }

    /** The foreign keys of a table definition: its columns' REFERENCES and its FOREIGN KEY constraints. */
    static List<ForeignKey> foreignKeys(Stmt.CreateTable create) {
        List<ForeignKey> keys = new ArrayList<>();
        for (ColumnDef def : create.columns()) {
            for (ColumnConstraint c : def.constraints()) {
                if (c instanceof ColumnConstraint.References r) {
                    keys.add(r.foreignKey());
                }
            }
        }
        for (TableConstraint c : create.constraints()) {
            if (c instanceof TableConstraint.ForeignKeyConstraint fk) {
                keys.add(fk.foreignKey());
            }
        }
        return keys;
    }

    /** The names in a table's own definition that name the table itself: t.x qualifiers and self references. */
    static void tableRefsInTable(Stmt.CreateTable create, String table, List<Name> out) {
        for (ColumnDef def : create.columns()) {
            for (ColumnConstraint c : def.constraints()) {
                switch (c) {
                    case ColumnConstraint.Check ch -> qualifiers(ch.expr(), table, out);
                    case ColumnConstraint.Generated g -> qualifiers(g.expr(), table, out);
                    default -> { }
                }
            }
        }
        for (TableConstraint c : create.constraints()) {
            if (c instanceof TableConstraint.Check ch) {
                qualifiers(ch.expr(), table, out);
            }
        }
        for (ForeignKey fk : foreignKeys(create)) {
            if (fk.table().is(table)) {
                out.add(fk.table());
            }
        }
    }

    /** The names in a table's own definition that name its column {@code column}. */
    static void columnRefsInTable(Stmt.CreateTable create, String table, String column, List<Name> out) {
        for (ColumnDef def : create.columns()) {
            if (def.name().is(column)) {
                out.add(def.name());
            }
            for (ColumnConstraint c : def.constraints()) {
                switch (c) {
                    case ColumnConstraint.Check ch -> columnRefs(ch.expr(), table, column, out);
                    case ColumnConstraint.Generated g -> columnRefs(g.expr(), table, column, out);
                    default -> { }
                }
            }
        }
        for (TableConstraint c : create.constraints()) {
            switch (c) {
                case TableConstraint.PrimaryKey pk -> pk.columns().forEach(t -> columnRefs(t.expr(), table, column, out));
                case TableConstraint.Unique u -> u.columns().forEach(t -> columnRefs(t.expr(), table, column, out));
                case TableConstraint.Check ch -> columnRefs(ch.expr(), table, column, out);
                case TableConstraint.ForeignKeyConstraint fk ->
                        fk.columns().stream().filter(n -> n.is(column)).forEach(out::add);
            }
        }
        for (ForeignKey fk : foreignKeys(create)) {
            if (fk.table().is(table)) {
                fk.columns().stream().filter(n -> n.is(column)).forEach(out::add);
            }
        }
    }

    static void columnRefs(Expr e, String table, String column, List<Name> out) {
        ExprWalker.walk(e, x -> {
            if (x instanceof Expr.ColumnRef r && r.column().is(column) && (r.table() == null || r.table().is(table))) {
                out.add(r.column());
            }
            return true;
        });
    }

    static void qualifiers(Expr e, String table, List<Name> out) {
        ExprWalker.walk(e, x -> {
            if (x instanceof Expr.ColumnRef r && r.table() != null && r.table().is(table)) {
                out.add(r.table());
            }
            return true;
        });
    }
}
