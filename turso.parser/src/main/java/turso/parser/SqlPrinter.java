/*
 * AST back to SQL text. The output is meant to be parsed again (the planner
 * rewrites statements, e.g. for ALTER TABLE, and tests check that
 * parse(print(ast)) equals ast), not to look like the input: every compound
 * operand is parenthesized, which SQLite's grammar drops again, so precedence
 * never needs reasoning about. Names keep the quoting they were written in.
 */
package turso.parser;

import java.util.List;
import java.util.function.BiConsumer;
import turso.parser.ast.ColumnConstraint;
import turso.parser.ast.ColumnDef;
import turso.parser.ast.ConflictResolution;
import turso.parser.ast.Expr;
import turso.parser.ast.ForeignKey;
import turso.parser.ast.FromClause;
import turso.parser.ast.Limit;
import turso.parser.ast.Name;
import turso.parser.ast.OrderingTerm;
import turso.parser.ast.QualifiedName;
import turso.parser.ast.ResultColumn;
import turso.parser.ast.Select;
import turso.parser.ast.SelectCore;
import turso.parser.ast.SetClause;
import turso.parser.ast.Stmt;
import turso.parser.ast.TableConstraint;
import turso.parser.ast.Upsert;
import turso.parser.ast.WindowSpec;
import turso.parser.ast.With;

public final class SqlPrinter {

    private final StringBuilder out = new StringBuilder();

    private SqlPrinter() {
    }

    public static String print(Stmt stmt) {
        SqlPrinter p = new SqlPrinter();
        p.stmt(stmt);
        return p.out.toString();
    }

    public static String print(Expr expr) {
        SqlPrinter p = new SqlPrinter();
        p.expr(expr);
        return p.out.toString();
    }

    public static String print(Select select) {
        SqlPrinter p = new SqlPrinter();
        p.select(select);
        return p.out.toString();
    }

    private SqlPrinter w(String s) {
        out.append(s);
        return this;
    }

    private <T> void commaList(List<T> items, BiConsumer<SqlPrinter, T> each) {
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            each.accept(this, items.get(i));
        }
    }

    static String quoted(Name n) {
        String v = n.value();
        return switch (n.quote()) {
            case NONE -> v;
            case DOUBLE -> '"' + v.replace("\"", "\"\"") + '"';
            case SINGLE -> '\'' + v.replace("'", "''") + '\'';
            case BRACKET -> '[' + v + ']';
            case BACKTICK -> '`' + v.replace("`", "``") + '`';
        };
    }

    private void name(Name n) {
        out.append(quoted(n));
    }

    private void qname(QualifiedName q) {
        if (q.schema() != null) {
            name(q.schema());
            out.append('.');
        }
        name(q.name());
    }

    private void names(List<Name> names) {
        out.append('(');
        commaList(names, SqlPrinter::name);
        out.append(')');
    }

    // ------------------------------------------------------------------ statements

    private void stmt(Stmt s) {
        switch (s) {
            case Stmt.Explain e -> {
                w(e.queryPlan() ? "EXPLAIN QUERY PLAN " : "EXPLAIN ");
                stmt(e.stmt());
            }
            case Stmt.SelectStmt sel -> select(sel.select());
            case Stmt.Insert i -> insert(i);
            case Stmt.Update u -> update(u);
            case Stmt.Delete d -> delete(d);
            case Stmt.CreateTable c -> createTable(c);
            case Stmt.CreateIndex c -> createIndex(c);
            case Stmt.CreateView c -> {
                w("CREATE ").w(c.temp() ? "TEMP " : "").w("VIEW ").w(c.ifNotExists() ? "IF NOT EXISTS " : "");
                qname(c.name());
                if (!c.columns().isEmpty()) {
                    names(c.columns());
                }
                w(" AS ");
                select(c.select());
            }
            case Stmt.CreateTrigger c -> createTrigger(c);
            case Stmt.CreateVirtualTable c -> {
                w("CREATE VIRTUAL TABLE ").w(c.ifNotExists() ? "IF NOT EXISTS " : "");
                qname(c.name());
                w(" USING ");
                name(c.module());
                if (!c.args().isEmpty()) {
                    w("(").w(String.join(", ", c.args())).w(")");
                }
            }
            case Stmt.Drop d -> {
                w("DROP ").w(d.kind().name()).w(d.ifExists() ? " IF EXISTS " : " ");
                qname(d.name());
            }
            case Stmt.AlterTable a -> alter(a);
            case Stmt.Begin b -> w(b.type() == Stmt.TransactionType.DEFAULT ? "BEGIN" : "BEGIN " + b.type().name());
            case Stmt.Commit c -> w("COMMIT");
            case Stmt.Rollback r -> {
                w("ROLLBACK");
                if (r.savepoint() != null) {
                    w(" TO SAVEPOINT ");
                    name(r.savepoint());
                }
            }
            case Stmt.Savepoint sp -> {
                w("SAVEPOINT ");
                name(sp.name());
            }
            case Stmt.Release r -> {
                w("RELEASE SAVEPOINT ");
                name(r.name());
            }
            case Stmt.Pragma p -> pragma(p);
            case Stmt.Vacuum v -> {
                w("VACUUM");
                if (v.schema() != null) {
                    w(" ");
                    name(v.schema());
                }
                if (v.into() != null) {
                    w(" INTO ");
                    expr(v.into());
                }
            }
            case Stmt.Analyze a -> {
                w("ANALYZE");
                if (a.target() != null) {
                    w(" ");
                    qname(a.target());
                }
            }
            case Stmt.Reindex r -> {
                w("REINDEX");
                if (r.target() != null) {
                    w(" ");
                    qname(r.target());
                }
            }
            case Stmt.Attach a -> {
                w("ATTACH DATABASE ");
                operand(a.file());
                w(" AS ");
                operand(a.schema());
                if (a.key() != null) {
                    w(" KEY ");
                    operand(a.key());
                }
            }
            case Stmt.Detach d -> {
                w("DETACH DATABASE ");
                operand(d.schema());
            }
        }
    }

    private void pragma(Stmt.Pragma p) {
        w("PRAGMA ");
        qname(p.name());
        if (p.value() == null) {
            return;
        }
        w(" = ");
        switch (p.value()) {
            case Expr.Unary u -> w(u.op() == Expr.UnaryOp.NEGATE ? "-" : "+").expr(u.operand());
            case Expr.ColumnRef c -> name(c.column());
            default -> expr(p.value());
        }
    }

    private void alter(Stmt.AlterTable a) {
        w("ALTER TABLE ");
        qname(a.table());
        switch (a.action()) {
            case Stmt.RenameTable r -> {
                w(" RENAME TO ");
                name(r.newName());
            }
            case Stmt.RenameColumn r -> {
                w(" RENAME COLUMN ");
                name(r.oldName());
                w(" TO ");
                name(r.newName());
            }
            case Stmt.AddColumn c -> {
                w(" ADD COLUMN ");
                columnDef(c.column());
            }
            case Stmt.DropColumn d -> {
                w(" DROP COLUMN ");
                name(d.column());
            }
        }
    }

    private void with(With with) {
        if (with == null) {
            return;
        }
        w(with.recursive() ? "WITH RECURSIVE " : "WITH ");
        commaList(with.ctes(), (p, cte) -> {
            p.name(cte.name());
            if (!cte.columns().isEmpty()) {
                p.names(cte.columns());
            }
            p.w(switch (cte.materialized()) {
                case DEFAULT -> " AS (";
                case MATERIALIZED -> " AS MATERIALIZED (";
                case NOT_MATERIALIZED -> " AS NOT MATERIALIZED (";
            });
            p.select(cte.select());
            p.w(")");
        });
        w(" ");
    }

    private void orConflict(ConflictResolution c) {
        if (c != null) {
            w(" OR ").w(c.name());
        }
    }

    private void insert(Stmt.Insert i) {
        with(i.with());
        w("INSERT");
        orConflict(i.orConflict());
        w(" INTO ");
        target(i.table(), i.alias());
        if (!i.columns().isEmpty()) {
            w(" ");
            names(i.columns());
        }
        if (i.select() == null) {
            w(" DEFAULT VALUES");
        } else {
            w(" ");
            select(i.select());
        }
        for (Upsert u : i.upserts()) {
            w(" ON CONFLICT");
            if (!u.target().isEmpty()) {
                w(" (");
                orderingTerms(u.target());
                w(")");
                if (u.targetWhere() != null) {
                    w(" WHERE ");
                    expr(u.targetWhere());
                }
            }
            if (u.set() == null) {
                w(" DO NOTHING");
            } else {
                w(" DO UPDATE SET ");
                setList(u.set());
                if (u.where() != null) {
                    w(" WHERE ");
                    expr(u.where());
                }
            }
        }
        returning(i.returning());
    }

    private void target(QualifiedName table, Name alias) {
        qname(table);
        if (alias != null) {
            w(" AS ");
            name(alias);
        }
    }

    private void indexed(FromClause.Indexed indexed) {
        if (indexed != null) {
            if (indexed.index() == null) {
                w(" NOT INDEXED");
            } else {
                w(" INDEXED BY ");
                name(indexed.index());
            }
        }
    }

    private void setList(List<SetClause> sets) {
        commaList(sets, (p, s) -> {
            if (s.columns().size() == 1) {
                p.name(s.columns().get(0));
            } else {
                p.names(s.columns());
            }
            p.w(" = ");
            p.expr(s.value());
        });
    }

    private void returning(List<ResultColumn> returning) {
        if (!returning.isEmpty()) {
            w(" RETURNING ");
            commaList(returning, SqlPrinter::resultColumn);
        }
    }

    private void tail(Expr where, List<ResultColumn> returning, List<OrderingTerm> orderBy, Limit limit) {
        if (where != null) {
            w(" WHERE ");
            expr(where);
        }
        returning(returning);
        orderBy(orderBy);
        limit(limit);
    }

    private void update(Stmt.Update u) {
        with(u.with());
        w("UPDATE");
        orConflict(u.orConflict());
        w(" ");
        target(u.table(), u.alias());
        indexed(u.indexed());
        w(" SET ");
        setList(u.sets());
        if (u.from() != null) {
            w(" FROM ");
            from(u.from());
        }
        tail(u.where(), u.returning(), u.orderBy(), u.limit());
    }

    private void delete(Stmt.Delete d) {
        with(d.with());
        w("DELETE FROM ");
        target(d.table(), d.alias());
        indexed(d.indexed());
        tail(d.where(), d.returning(), d.orderBy(), d.limit());
    }

    // ------------------------------------------------------------------ DDL

    private void createTable(Stmt.CreateTable c) {
        w("CREATE ").w(c.temp() ? "TEMP " : "").w("TABLE ").w(c.ifNotExists() ? "IF NOT EXISTS " : "");
        qname(c.name());
        if (c.asSelect() != null) {
            w(" AS ");
            select(c.asSelect());
            return;
        }
        w("(");
        commaList(c.columns(), SqlPrinter::columnDef);
        for (TableConstraint tc : c.constraints()) {
            w(", ");
            tableConstraint(tc);
        }
        w(")");
        if (c.withoutRowid() && c.strict()) {
            w(" WITHOUT ROWID, STRICT");
        } else if (c.withoutRowid()) {
            w(" WITHOUT ROWID");
        } else if (c.strict()) {
            w(" STRICT");
        }
    }

    private void constraintName(Name n) {
        if (n != null) {
            w(" CONSTRAINT ");
            name(n);
        }
    }

    private void onConflict(ConflictResolution c) {
        if (c != null) {
            w(" ON CONFLICT ").w(c.name());
        }
    }

    private void columnDef(ColumnDef c) {
        name(c.name());
        if (c.type() != null) {
            w(" ").w(c.type().text());
        }
        for (ColumnConstraint cc : c.constraints()) {
            constraintName(cc.name());
            switch (cc) {
                case ColumnConstraint.PrimaryKey pk -> {
                    w(" PRIMARY KEY");
                    if (pk.order() != OrderingTerm.SortOrder.NONE) {
                        w(" ").w(pk.order().name());
                    }
                    onConflict(pk.conflict());
                    if (pk.autoincrement()) {
                        w(" AUTOINCREMENT");
                    }
                }
                case ColumnConstraint.NotNull nn -> {
                    w(" NOT NULL");
                    onConflict(nn.conflict());
                }
                case ColumnConstraint.Nullable nl -> {
                    w(" NULL");
                    onConflict(nl.conflict());
                }
                case ColumnConstraint.Unique u -> {
                    w(" UNIQUE");
                    onConflict(u.conflict());
                }
                case ColumnConstraint.Check ch -> {
                    w(" CHECK (");
                    expr(ch.expr());
                    w(")");
                }
                case ColumnConstraint.Default d -> {
                    w(" DEFAULT ");
                    if (d.value() instanceof Expr.ColumnRef ref) {
                        name(ref.column());
                    } else {
                        w("(");
                        expr(d.value());
                        w(")");
                    }
                }
                case ColumnConstraint.Collate co -> {
                    w(" COLLATE ");
                    name(co.collation());
                }
                case ColumnConstraint.References r -> foreignKey(r.foreignKey());
                case ColumnConstraint.Deferrable df -> deferrable(df.deferrable());
                case ColumnConstraint.Generated g -> {
                    w(" GENERATED ALWAYS AS (");
                    expr(g.expr());
                    w(g.stored() ? ") STORED" : ")");
                }
            }
        }
    }

    private void foreignKey(ForeignKey fk) {
        w(" REFERENCES ");
        name(fk.table());
        if (!fk.columns().isEmpty()) {
            names(fk.columns());
        }
        if (fk.match() != null) {
            w(" MATCH ");
            name(fk.match());
        }
        action(" ON DELETE ", fk.onDelete());
        action(" ON UPDATE ", fk.onUpdate());
        if (fk.deferrable() != null) {
            deferrable(fk.deferrable());
        }
    }

    private void action(String prefix, ForeignKey.Action a) {
        if (a != ForeignKey.Action.NONE) {
            w(prefix).w(a.name().replace('_', ' '));
        }
    }

    private void deferrable(ForeignKey.Deferrable d) {
        w(d.not() ? " NOT DEFERRABLE" : " DEFERRABLE");
        if (d.initially() != ForeignKey.Initially.NONE) {
            w(" INITIALLY ").w(d.initially().name());
        }
    }

    private void tableConstraint(TableConstraint tc) {
        if (tc.name() != null) {
            w("CONSTRAINT ");
            name(tc.name());
            w(" ");
        }
        switch (tc) {
            case TableConstraint.PrimaryKey pk -> {
                w("PRIMARY KEY (");
                orderingTerms(pk.columns());
                w(pk.autoincrement() ? " AUTOINCREMENT)" : ")");
                onConflict(pk.conflict());
            }
            case TableConstraint.Unique u -> {
                w("UNIQUE (");
                orderingTerms(u.columns());
                w(")");
                onConflict(u.conflict());
            }
            case TableConstraint.Check ch -> {
                w("CHECK (");
                expr(ch.expr());
                w(")");
            }
            case TableConstraint.ForeignKeyConstraint fk -> {
                w("FOREIGN KEY ");
                names(fk.columns());
                foreignKey(fk.foreignKey());
            }
        }
    }

    private void createIndex(Stmt.CreateIndex c) {
        w("CREATE ").w(c.unique() ? "UNIQUE " : "").w("INDEX ").w(c.ifNotExists() ? "IF NOT EXISTS " : "");
        qname(c.name());
        w(" ON ");
        name(c.table());
        if (c.using() != null) {
            w(" USING ");
            name(c.using());
        }
        w(" (");
        orderingTerms(c.columns());
        w(")");
        if (!c.params().isEmpty()) {
            w(" WITH (");
            commaList(c.params(), (p, param) -> {
                p.name(param.key());
                p.w(" = ");
                p.expr(param.value());
            });
            w(")");
        }
        if (c.where() != null) {
            w(" WHERE ");
            expr(c.where());
        }
    }

    private void createTrigger(Stmt.CreateTrigger c) {
        w("CREATE ").w(c.temp() ? "TEMP " : "").w("TRIGGER ").w(c.ifNotExists() ? "IF NOT EXISTS " : "");
        qname(c.name());
        w(switch (c.time()) {
            case NONE -> "";
            case BEFORE -> " BEFORE";
            case AFTER -> " AFTER";
            case INSTEAD_OF -> " INSTEAD OF";
        });
        w(" ").w(c.event().name());
        if (!c.updateOf().isEmpty()) {
            w(" OF ");
            commaList(c.updateOf(), SqlPrinter::name);
        }
        w(" ON ");
        qname(c.table());
        if (c.forEachRow()) {
            w(" FOR EACH ROW");
        }
        if (c.when() != null) {
            w(" WHEN ");
            expr(c.when());
        }
        w(" BEGIN ");
        for (Stmt s : c.body()) {
            stmt(s);
            w("; ");
        }
        w("END");
    }

    // ------------------------------------------------------------------ SELECT

    private void select(Select s) {
        with(s.with());
        core(s.first());
        for (Select.CompoundPart part : s.compounds()) {
            w(switch (part.op()) {
                case UNION -> " UNION ";
                case UNION_ALL -> " UNION ALL ";
                case INTERSECT -> " INTERSECT ";
                case EXCEPT -> " EXCEPT ";
            });
            core(part.core());
        }
        orderBy(s.orderBy());
        limit(s.limit());
    }

    private void core(SelectCore core) {
        switch (core) {
            case SelectCore.Values v -> {
                w("VALUES ");
                commaList(v.rows(), (p, row) -> {
                    p.w("(");
                    p.commaList(row, SqlPrinter::expr);
                    p.w(")");
                });
            }
            case SelectCore.Simple s -> {
                w(s.distinct() ? "SELECT DISTINCT " : "SELECT ");
                commaList(s.columns(), SqlPrinter::resultColumn);
                if (s.from() != null) {
                    w(" FROM ");
                    from(s.from());
                }
                if (s.where() != null) {
                    w(" WHERE ");
                    expr(s.where());
                }
                if (!s.groupBy().isEmpty()) {
                    w(" GROUP BY ");
                    commaList(s.groupBy(), SqlPrinter::expr);
                }
                if (s.having() != null) {
                    w(" HAVING ");
                    expr(s.having());
                }
                if (!s.windows().isEmpty()) {
                    w(" WINDOW ");
                    commaList(s.windows(), (p, d) -> {
                        p.name(d.name());
                        p.w(" AS (");
                        p.windowSpec(d.spec());
                        p.w(")");
                    });
                }
            }
        }
    }

    private void resultColumn(ResultColumn rc) {
        switch (rc) {
            case ResultColumn.All a -> w("*");
            case ResultColumn.TableAll t -> {
                name(t.table());
                w(".*");
            }
            case ResultColumn.Single s -> {
                expr(s.expr());
                if (s.alias() != null) {
                    w(" AS ");
                    name(s.alias());
                }
            }
        }
    }

    private void from(FromClause from) {
        for (FromClause.Joined j : from.items()) {
            if (j.operator() != null) {
                FromClause.JoinOperator op = j.operator();
                if (op.type() == FromClause.JoinType.COMMA && !op.natural()) {
                    w(", ");
                } else {
                    w(op.natural() ? " NATURAL" : "");
                    w(switch (op.type()) {
                        case COMMA, INNER -> " JOIN ";
                        case CROSS -> " CROSS JOIN ";
                        case LEFT -> " LEFT JOIN ";
                        case RIGHT -> " RIGHT JOIN ";
                        case FULL -> " FULL JOIN ";
                    });
                }
            }
            tableSource(j.source());
            FromClause.JoinConstraint c = j.constraint();
            if (c != null) {
                if (c.on() != null) {
                    w(" ON ");
                    expr(c.on());
                } else {
                    w(" USING ");
                    names(c.using());
                }
            }
        }
    }

    private void alias(Name alias) {
        if (alias != null) {
            w(" AS ");
            name(alias);
        }
    }

    private void tableSource(FromClause.TableSource ts) {
        switch (ts) {
            case FromClause.TableRef t -> {
                qname(t.name());
                alias(t.alias());
                indexed(t.indexed());
            }
            case FromClause.TableFunction f -> {
                qname(f.name());
                w("(");
                commaList(f.args(), SqlPrinter::expr);
                w(")");
                alias(f.alias());
            }
            case FromClause.SubquerySource s -> {
                w("(");
                select(s.select());
                w(")");
                alias(s.alias());
            }
            case FromClause.Parenthesized p -> {
                w("(");
                from(p.from());
                w(")");
                alias(p.alias());
            }
        }
    }

    private void orderingTerms(List<OrderingTerm> terms) {
        commaList(terms, (p, t) -> {
            p.expr(t.expr());
            if (t.order() != OrderingTerm.SortOrder.NONE) {
                p.w(" ").w(t.order().name());
            }
            if (t.nulls() != OrderingTerm.NullsOrder.NONE) {
                p.w(" NULLS ").w(t.nulls().name());
            }
        });
    }

    private void orderBy(List<OrderingTerm> orderBy) {
        if (!orderBy.isEmpty()) {
            w(" ORDER BY ");
            orderingTerms(orderBy);
        }
    }

    private void limit(Limit limit) {
        if (limit != null) {
            w(" LIMIT ");
            expr(limit.limit());
            if (limit.offset() != null) {
                w(" OFFSET ");
                expr(limit.offset());
            }
        }
    }

    private void windowSpec(WindowSpec spec) {
        boolean space = false;
        if (spec.base() != null) {
            name(spec.base());
            space = true;
        }
        if (!spec.partitionBy().isEmpty()) {
            w(space ? " PARTITION BY " : "PARTITION BY ");
            commaList(spec.partitionBy(), SqlPrinter::expr);
            space = true;
        }
        if (!spec.orderBy().isEmpty()) {
            w(space ? " ORDER BY " : "ORDER BY ");
            orderingTerms(spec.orderBy());
            space = true;
        }
        WindowSpec.Frame f = spec.frame();
        if (f != null) {
            w(space ? " " : "").w(f.unit().name()).w(" ");
            if (f.end() == null) {
                bound(f.start());
            } else {
                w("BETWEEN ");
                bound(f.start());
                w(" AND ");
                bound(f.end());
            }
            w(switch (f.exclude()) {
                case NONE -> "";
                case NO_OTHERS -> " EXCLUDE NO OTHERS";
                case CURRENT_ROW -> " EXCLUDE CURRENT ROW";
                case GROUP -> " EXCLUDE GROUP";
                case TIES -> " EXCLUDE TIES";
            });
        }
    }

    private void bound(WindowSpec.Bound b) {
        switch (b.kind()) {
            case UNBOUNDED_PRECEDING -> w("UNBOUNDED PRECEDING");
            case UNBOUNDED_FOLLOWING -> w("UNBOUNDED FOLLOWING");
            case CURRENT_ROW -> w("CURRENT ROW");
            case PRECEDING -> {
                operand(b.offset());
                w(" PRECEDING");
            }
            case FOLLOWING -> {
                operand(b.offset());
                w(" FOLLOWING");
            }
        }
    }

    // ------------------------------------------------------------------ expressions

    /** An expression in a position where anything but a primary must be parenthesized. */
    private void operand(Expr e) {
        boolean atomic = e instanceof Expr.Literal || e instanceof Expr.ColumnRef || e instanceof Expr.Parameter
                || e instanceof Expr.FunctionCall || e instanceof Expr.Subquery || e instanceof Expr.Exists
                || e instanceof Expr.Cast || e instanceof Expr.Case || e instanceof Expr.Raise
                || e instanceof Expr.RowValue;
        if (atomic) {
            expr(e);
        } else {
            w("(");
            expr(e);
            w(")");
        }
    }

    private void expr(Expr e) {
        switch (e) {
            case Expr.Literal l -> literal(l);
            case Expr.ColumnRef c -> {
                if (c.schema() != null) {
                    name(c.schema());
                    w(".");
                }
                if (c.table() != null) {
                    name(c.table());
                    w(".");
                }
                name(c.column());
            }
            case Expr.Parameter p -> w(p.text());
            case Expr.Unary u -> {
                w(switch (u.op()) {
                    case NEGATE -> "-";
                    case PLUS -> "+";
                    case BITNOT -> "~";
                    case NOT -> "NOT ";
                });
                w("(");
                expr(u.operand());
                w(")");
            }
            case Expr.Binary b -> {
                operand(b.left());
                w(" ").w(b.op().sql()).w(" ");
                operand(b.right());
            }
            case Expr.Like l -> {
                operand(l.left());
                w(l.not() ? " NOT " : " ").w(l.op().name()).w(" ");
                operand(l.pattern());
                if (l.escape() != null) {
                    w(" ESCAPE ");
                    operand(l.escape());
                }
            }
            case Expr.Between b -> {
                operand(b.expr());
                w(b.not() ? " NOT BETWEEN " : " BETWEEN ");
                operand(b.low());
                w(" AND ");
                operand(b.high());
            }
            case Expr.InList in -> {
                operand(in.expr());
                w(in.not() ? " NOT IN (" : " IN (");
                commaList(in.values(), SqlPrinter::expr);
                w(")");
            }
            case Expr.InSelect in -> {
                operand(in.expr());
                w(in.not() ? " NOT IN (" : " IN (");
                select(in.select());
                w(")");
            }
            case Expr.InTable in -> {
                operand(in.expr());
                w(in.not() ? " NOT IN " : " IN ");
                qname(in.table());
                if (in.args() != null) {
                    w("(");
                    commaList(in.args(), SqlPrinter::expr);
                    w(")");
                }
            }
            case Expr.IsNull n -> {
                operand(n.expr());
                w(n.not() ? " NOTNULL" : " ISNULL");
            }
            case Expr.Exists x -> {
                w("EXISTS (");
                select(x.select());
                w(")");
            }
            case Expr.Subquery s -> {
                w("(");
                select(s.select());
                w(")");
            }
            case Expr.FunctionCall f -> function(f);
            case Expr.Case c -> {
                w("CASE");
                if (c.operand() != null) {
                    w(" ");
                    operand(c.operand());
                }
                for (Expr.WhenThen wt : c.whens()) {
                    w(" WHEN ");
                    expr(wt.when());
                    w(" THEN ");
                    expr(wt.then());
                }
                if (c.elseExpr() != null) {
                    w(" ELSE ");
                    expr(c.elseExpr());
                }
                w(" END");
            }
            case Expr.Cast c -> {
                w("CAST(");
                expr(c.expr());
                w(" AS ").w(c.type() == null ? "" : c.type().text()).w(")");
            }
            case Expr.Collate c -> {
                operand(c.expr());
                w(" COLLATE ");
                name(c.collation());
            }
            case Expr.RowValue r -> {
                w("(");
                commaList(r.values(), SqlPrinter::expr);
                w(")");
            }
            case Expr.Raise r -> {
                if (r.type() == Expr.RaiseType.IGNORE) {
                    w("RAISE(IGNORE)");
                } else {
                    w("RAISE(").w(r.type().name()).w(", ");
                    expr(r.message());
                    w(")");
                }
            }
        }
    }

    private void literal(Expr.Literal l) {
        switch (l.kind()) {
            case STRING -> w("'").w(l.text().replace("'", "''")).w("'");
            case BLOB -> w("X'").w(l.text()).w("'");
            default -> w(l.text());
        }
    }

    private void function(Expr.FunctionCall f) {
        name(f.name());
        w("(");
        if (f.star()) {
            w("*");
        } else {
            if (f.distinct()) {
                w("DISTINCT ");
            }
            commaList(f.args(), SqlPrinter::expr);
            if (!f.orderBy().isEmpty()) {
                w(" ORDER BY ");
                orderingTerms(f.orderBy());
            }
        }
        w(")");
        if (f.filter() != null) {
            w(" FILTER (WHERE ");
            expr(f.filter());
            w(")");
        }
        if (f.over() != null) {
            if (f.over().windowName() != null) {
                w(" OVER ");
                name(f.over().windowName());
            } else {
                w(" OVER (");
                windowSpec(f.over().spec());
                w(")");
            }
        }
    }
}
