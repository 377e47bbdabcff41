/*
 * Where stored SQL names a table or a column, for ALTER TABLE's rewrites:
 * the names (AST nodes, whose spans locate the tokens in the text) that
 * refer to a table or to one of its columns in a table's own definition, in
 * the foreign keys of other tables, and in index terms; and, by name only,
 * whether a SELECT reads a table (RETURNING's subqueries). (Views and
 * triggers, resolved scope by scope: ResolvedReferences.)
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

    /** The names in a SELECT that name table {@code table}: in FROM, IN, and as qualifiers. */
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
