/*
 * Turns ANTLR's parse tree into the AST (turso.parser.ast). It also raises the
 * errors SQLite raises while it builds its own tree (expression depth, ORDER
 * BY before UNION, unknown join types and table options...), with SQLite's
 * wording, since those surface at prepare time too. One instance per parse.
 */
package turso.parser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.parser.antlr.SqliteParser;
import turso.parser.antlr.SqliteParser.*;
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
import turso.parser.ast.SourceText;
import turso.parser.ast.Span;
import turso.parser.ast.Stmt;
import turso.parser.ast.TableConstraint;
import turso.parser.ast.TypeName;
import turso.parser.ast.Upsert;
import turso.parser.ast.WindowSpec;
import turso.parser.ast.With;

final class AstBuilder {

    /** SQLITE_MAX_EXPR_DEPTH. */
    static final int MAX_EXPR_DEPTH = 1000;
    /** SQLITE_MAX_COMPOUND_SELECT: most SELECTs joined by UNION / INTERSECT / EXCEPT. */
    static final int MAX_COMPOUND_SELECT = 500;
    /** Most arguments of a function call, as SQLite 3.54 (sqlite-jdbc) enforces by default. */
    static final int MAX_FUNCTION_ARG = 100;

    private final String sql;
    private final Map<Object, Integer> heights = new IdentityHashMap<>();

    AstBuilder(String sql) {
        this.sql = sql;
    }

    // ------------------------------------------------------------------ helpers

    private static Span span(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        Token stop = ctx.getStop();
        int s = start.getStartIndex();
        int e = stop == null || stop.getStopIndex() < s ? s : stop.getStopIndex() + 1;
        return new Span(s, e);
    }

    private static Span span(Token t) {
        return new Span(t.getStartIndex(), t.getStopIndex() + 1);
    }

    private String text(ParserRuleContext ctx) {
        Span s = span(ctx);
        return sql.substring(s.start(), s.end());
    }

    private TursoException error(String message, int charOffset) {
        return new TursoException(ResultCode.ERROR, message, charOffset < 0 ? -1 : charOffset,
                null);
    }

    private static <T> List<T> list(List<T> l) {
        return List.copyOf(l);
    }

    static Name name(Token t) {
        String s = t.getText();
        Span sp = span(t);
        if (s.isEmpty()) {
            return new Name(s, Name.Quote.NONE, sp);
        }
        return switch (s.charAt(0)) {
            case '"' -> new Name(s.substring(1, s.length() - 1).replace("\"\"", "\""), Name.Quote.DOUBLE, sp);
            case '\'' -> new Name(s.substring(1, s.length() - 1).replace("''", "'"), Name.Quote.SINGLE, sp);
            case '`' -> new Name(s.substring(1, s.length() - 1).replace("``", "`"), Name.Quote.BACKTICK, sp);
            case '[' -> new Name(s.substring(1, s.length() - 1), Name.Quote.BRACKET, sp);
            default -> new Name(s, Name.Quote.NONE, sp);
        };
    }

    private static Name name(ParserRuleContext ctx) {
        return ctx == null ? null : name(ctx.getStart());
    }

    private static QualifiedName qualified(FullnameContext ctx) {
        if (ctx == null) {
            return null;
        }
        List<NmContext> nms = ctx.nm();
        return nms.size() == 1 ? new QualifiedName(null, name(nms.get(0)), span(ctx))
                : new QualifiedName(name(nms.get(0)), name(nms.get(1)), span(ctx));
    }

    private static List<Name> names(List<NmContext> nms) {
        List<Name> out = new ArrayList<>(nms.size());
        for (NmContext nm : nms) {
            out.add(name(nm));
        }
        return list(out);
    }

    private <E extends Expr> E track(E e, Object... children) {
        int h = 0;
        for (Object c : children) {
            if (c != null) {
                h = Math.max(h, heights.getOrDefault(c, 1));
            }
        }
        int height = h + 1;
        if (height > MAX_EXPR_DEPTH) {
            throw error("Expression tree is too large (maximum depth " + MAX_EXPR_DEPTH + ")", -1);
        }
        if (height > 1) {
            heights.put(e, height);
        }
        return e;
    }

    /** SQLite builds `a.b` and `a.b.c` as TK_DOT trees of height 2 and 3. */
    private Expr withHeight(Expr e, int height) {
        heights.put(e, height);
        return e;
    }

    private int maxHeight(List<?> items) {
        int h = 0;
        for (Object o : items) {
            if (o != null) {
                h = Math.max(h, heights.getOrDefault(o, 1));
            }
        }
        return h;
    }

    // ------------------------------------------------------------------ statements

    Stmt statement(ExplainContext explain, CmdContext cmd) {
        Stmt s = command(cmd);
        if (explain == null) {
            return s;
        }
        Span sp = new Span(explain.getStart().getStartIndex(), s.span().end());
        return new Stmt.Explain(explain.QUERY() != null, s, sp);
    }

    private Stmt command(CmdContext cmd) {
        Span sp = span(cmd);
        return switch (cmd) {
            case BeginCmdContext c -> new Stmt.Begin(transactionType(c), sp);
            case CommitCmdContext c -> new Stmt.Commit(sp);
            case RollbackCmdContext c -> new Stmt.Rollback(c.TO() == null ? null : name(c.nm(c.nm().size() - 1)), sp);
            case SavepointCmdContext c -> new Stmt.Savepoint(name(c.nm()), sp);
            case ReleaseCmdContext c -> new Stmt.Release(name(c.nm()), sp);
            case CreateTableCmdContext c -> createTable(c.createTable());
            case CreateIndexCmdContext c -> createIndex(c);
            case CreateViewCmdContext c -> new Stmt.CreateView(c.TEMP() != null, c.ifNotExists().IF() != null,
                    qualified(c.fullname()), c.eidList() == null ? List.of() : eidNames(c.eidList().eidList0()),
                    select(c.select()), new SourceText(text(c)), sp);
            case CreateTriggerCmdContext c -> createTrigger(c.createTrigger());
            case CreateVirtualTableCmdContext c -> createVirtualTable(c);
            case DropCmdContext c -> new Stmt.Drop(switch (c.kind.getType()) {
                case SqliteParser.TABLE -> Stmt.ObjectKind.TABLE;
                case SqliteParser.VIEW -> Stmt.ObjectKind.VIEW;
                case SqliteParser.INDEX -> Stmt.ObjectKind.INDEX;
                default -> Stmt.ObjectKind.TRIGGER;
            }, c.ifExists().IF() != null, qualified(c.fullname()), sp);
            case DmlCmdContext c -> dml(c.withClause() == null ? null : with(c.withClause()), c.dml(), sp);
            case VacuumCmdContext c -> new Stmt.Vacuum(name(c.nm()), c.expr() == null ? null : expr(c.expr()), sp);
            case PragmaCmdContext c -> new Stmt.Pragma(qualified(c.fullname()),
                    c.pragmaValue() == null ? null : pragmaValue(c.pragmaValue()), sp);
            case ReindexCmdContext c -> new Stmt.Reindex(qualified(c.fullname()), sp);
            case AnalyzeCmdContext c -> new Stmt.Analyze(qualified(c.fullname()), sp);
            case AlterCmdContext c -> new Stmt.AlterTable(qualified(c.fullname()), alterAction(c.alterAction()), sp);
            case AttachCmdContext c -> new Stmt.Attach(expr(c.expr(0)), expr(c.expr(1)),
                    c.expr().size() > 2 ? expr(c.expr(2)) : null, sp);
            case DetachCmdContext c -> new Stmt.Detach(expr(c.expr()), sp);
            default -> throw new IllegalStateException("unexpected command " + cmd.getClass());
        };
    }

    private static Stmt.TransactionType transactionType(BeginCmdContext c) {
        if (c.transType() == null) {
            return Stmt.TransactionType.DEFAULT;
        }
        return switch (c.transType().getStart().getType()) {
            case SqliteParser.DEFERRED -> Stmt.TransactionType.DEFERRED;
            case SqliteParser.IMMEDIATE -> Stmt.TransactionType.IMMEDIATE;
            case SqliteParser.EXCLUSIVE -> Stmt.TransactionType.EXCLUSIVE;
            default -> Stmt.TransactionType.CONCURRENT;
        };
    }

    private Expr pragmaValue(PragmaValueContext c) {
        Span sp = span(c);
        if (c.number() != null) {
            Expr n = number(c.number());
            if (c.MINUS() != null) {
                return new Expr.Unary(Expr.UnaryOp.NEGATE, n, sp);
            }
            return c.PLUS() != null ? new Expr.Unary(Expr.UnaryOp.PLUS, n, sp) : n;
        }
        if (c.nm() != null && c.nm().STRING() != null) {
            return new Expr.Literal(Expr.LiteralKind.STRING, name(c.nm()).value(), sp);
        }
        return new Expr.ColumnRef(null, null, name(c.getStart()), sp);
    }

    private Expr number(NumberContext c) {
        return new Expr.Literal(c.INTEGER() != null ? Expr.LiteralKind.INTEGER : Expr.LiteralKind.FLOAT,
                c.getText(), span(c));
    }

    private Stmt.AlterAction alterAction(AlterActionContext c) {
        return switch (c) {
            case RenameTableContext r -> new Stmt.RenameTable(name(r.nm()));
            case AddColumnContext a -> new Stmt.AddColumn(columnDef(a.columnDef()));
            case DropColumnContext d -> new Stmt.DropColumn(name(d.nm()));
            case RenameColumnContext r -> new Stmt.RenameColumn(name(r.nm(0)), name(r.nm(1)));
            default -> throw new IllegalStateException("unexpected ALTER action");
        };
    }

    private Stmt dml(With with, DmlContext c, Span sp) {
        return switch (c) {
            case SelectDmlContext s -> new Stmt.SelectStmt(selectBody(with, s.selectBody(), sp), sp);
            case DeleteDmlContext d -> {
                Target t = target(d.xfullname());
                yield new Stmt.Delete(with, t.name, t.alias, indexed(d.indexedBy()),
                        d.expr() == null ? null : expr(d.expr()), returning(d.returning()), orderBy(d.orderBy()),
                        limit(d.limit()), sp);
            }
            case UpdateDmlContext u -> {
                Target t = target(u.xfullname());
                yield new Stmt.Update(with, orConflict(u.orConflict()), t.name, t.alias, indexed(u.indexedBy()),
                        setList(u.setList()), u.fromClause() == null ? null : from(u.fromClause().joinSource()),
                        u.expr() == null ? null : expr(u.expr()), returning(u.returning()), orderBy(u.orderBy()),
                        limit(u.limit()), sp);
            }
            case InsertDmlContext i -> {
                Target t = target(i.xfullname());
                InsertBodyContext body = i.insertBody();
                yield insert(with, i.insertVerb(), t.name, t.alias, i.idList(), body.select(), body.upsert(),
                        body.returning(), sp);
            }
            default -> throw new IllegalStateException("unexpected statement");
        };
    }

    /** An INSERT from its parts; {@code select} null for DEFAULT VALUES. */
    private Stmt.Insert insert(With with, InsertVerbContext verb, QualifiedName table, Name alias, IdListContext ids,
                               SelectContext source, List<UpsertContext> clauses, ReturningContext returning, Span sp) {
        ConflictResolution or = verb.REPLACE() != null ? ConflictResolution.REPLACE : orConflict(verb.orConflict());
        List<Name> columns = ids == null ? List.of() : names(ids.nm());
        Select select = source == null ? null : select(source);
        List<Upsert> upserts = new ArrayList<>();
        for (int i = 0; i < clauses.size(); i++) {
            Upsert u = upsert(clauses.get(i));
            if (u.target().isEmpty() && i + 1 < clauses.size()) {
                // SQLite's grammar lets only the last ON CONFLICT clause omit its target
                Token next = clauses.get(i + 1).getStart();
                throw error("near \"" + next.getText() + "\": syntax error", next.getStartIndex());
            }
            upserts.add(u);
        }
        return new Stmt.Insert(with, or, table, alias, columns, select, list(upserts), returning(returning), sp);
    }

    private Upsert upsert(UpsertContext u) {
        List<OrderingTerm> target = u.sortList() == null ? List.of() : sortList(u.sortList());
        Expr targetWhere = null;
        Expr where = null;
        for (ExprContext e : u.expr()) {
            if (e.getStart().getTokenIndex() < u.DO().getSymbol().getTokenIndex()) {
                targetWhere = expr(e);
            } else {
                where = expr(e);
            }
        }
        return new Upsert(target, targetWhere, u.NOTHING() != null ? null : setList(u.setList()), where, span(u));
    }

    private record Target(QualifiedName name, Name alias) {
    }

    private static Target target(XfullnameContext x) {
        List<NmContext> nms = x.nm();
        boolean as = x.AS() != null;
        int parts = as ? nms.size() - 1 : nms.size();
        QualifiedName q = parts == 1 ? new QualifiedName(null, name(nms.get(0)), span(nms.get(0)))
                : new QualifiedName(name(nms.get(0)), name(nms.get(1)),
                        new Span(nms.get(0).getStart().getStartIndex(), span(nms.get(1)).end()));
        return new Target(q, as ? name(nms.get(nms.size() - 1)) : null);
    }

    private static FromClause.Indexed indexed(IndexedByContext c) {
        if (c == null) {
            return null;
        }
        return new FromClause.Indexed(c.nm() == null ? null : name(c.nm()));
    }

    private static ConflictResolution orConflict(OrConflictContext c) {
        return c == null ? null : resolve(c.resolveType());
    }

    private static ConflictResolution onConflict(OnConflictContext c) {
        return c == null ? null : resolve(c.resolveType());
    }

    private static ConflictResolution resolve(ResolveTypeContext c) {
        return switch (c.getStart().getType()) {
            case SqliteParser.ROLLBACK -> ConflictResolution.ROLLBACK;
            case SqliteParser.ABORT -> ConflictResolution.ABORT;
            case SqliteParser.FAIL -> ConflictResolution.FAIL;
            case SqliteParser.IGNORE -> ConflictResolution.IGNORE;
            default -> ConflictResolution.REPLACE;
        };
    }

    private List<SetClause> setList(SetListContext c) {
        List<SetClause> out = new ArrayList<>();
        for (SetItemContext item : c.setItem()) {
            List<Name> cols = item.idList() != null ? names(item.idList().nm()) : List.of(name(item.nm()));
            Expr value = expr(item.expr());
            int values = value instanceof Expr.RowValue row ? row.values().size() : 1;
            if (cols.size() > 1 && !(value instanceof Expr.Subquery) && values != cols.size()) {
                throw error(cols.size() + " columns assigned " + values + " values", -1);
            }
            out.add(new SetClause(cols, value, span(item)));
        }
        return list(out);
    }

    private List<ResultColumn> returning(ReturningContext c) {
        if (c == null) {
            return List.of();
        }
        List<ResultColumn> out = new ArrayList<>();
        for (ResultColumnContext rc : c.resultColumn()) {
            out.add(resultColumn(rc));
        }
        return list(out);
    }

    // ------------------------------------------------------------------ DDL

    private Stmt createTable(CreateTableContext c) {
        Span sp = span(c);
        QualifiedName name = qualified(c.fullname());
        if (c.AS() != null) {
            return new Stmt.CreateTable(c.TEMP() != null, c.ifNotExists().IF() != null, name, List.of(), List.of(), false,
                    false, select(c.select()), new SourceText(text(c)), sp);
        }
        List<ColumnDef> columns = new ArrayList<>();
        for (ColumnDefContext cd : c.columnDef()) {
            columns.add(columnDef(cd));
        }
        List<TableConstraint> constraints = new ArrayList<>();
        Name pending = null;
        for (TableConstraintContext tc : c.tableConstraint()) {
            if (tc instanceof TcNameContext n) {
                pending = name(n.nm());
                continue;
            }
            constraints.add(tableConstraint(pending, tc));
            pending = null;
        }
        boolean withoutRowid = false;
        boolean strict = false;
        for (TableOptionContext opt : c.tableOption()) {
            Name n = name(opt.nm());
            if (opt.WITHOUT() != null && n.is("rowid")) {
                withoutRowid = true;
            } else if (opt.WITHOUT() == null && n.is("strict")) {
                strict = true;
            } else {
                throw error("unknown table option: " + n.value(), opt.getStart().getStartIndex());
            }
        }
        return new Stmt.CreateTable(c.TEMP() != null, c.ifNotExists().IF() != null, name, list(columns), list(constraints),
                withoutRowid, strict, null, new SourceText(text(c)), sp);
    }

    private ColumnDef columnDef(ColumnDefContext c) {
        TypeName type = c.typeName() == null ? null : declaredType(c.typeName());
        List<ColumnConstraint> out = new ArrayList<>();
        Name pending = null;
        for (ColumnConstraintContext cc : c.columnConstraint()) {
            if (cc instanceof CcNameContext n) {
                pending = name(n.nm());
                continue;
            }
            out.add(columnConstraint(pending, cc));
            pending = null;
        }
        return new ColumnDef(name(c.nm()), type, list(out), span(c));
    }

    /**
     * The declared type as SQLite records it: a trailing "GENERATED ALWAYS" (which
     * its parser, like ours, reads as part of the type before "AS (...)") is removed.
     */
    private TypeName declaredType(TypeNameContext c) {
        String t = text(c);
        int n = t.length();
        if (n >= 16 && t.regionMatches(true, n - 6, "always", 0, 6)) {
            n -= 6;
            while (n > 0 && SqlLexer.isSpace(t.charAt(n - 1))) {
                n--;
            }
            if (n >= 9 && t.regionMatches(true, n - 9, "generated", 0, 9)) {
                n -= 9;
                while (n > 0 && SqlLexer.isSpace(t.charAt(n - 1))) {
                    n--;
                }
            }
        }
        Span sp = span(c);
        return n == 0 ? null : new TypeName(t.substring(0, n), new Span(sp.start(), sp.start() + n));
    }

    private ColumnConstraint columnConstraint(Name n, ColumnConstraintContext cc) {
        return switch (cc) {
            case CcDefaultContext d -> new ColumnConstraint.Default(n, defaultValue(d));
            case CcNullContext x -> new ColumnConstraint.Nullable(n, onConflict(x.onConflict()));
            case CcNotNullContext x -> new ColumnConstraint.NotNull(n, onConflict(x.onConflict()));
            case CcPrimaryKeyContext p -> new ColumnConstraint.PrimaryKey(n, p.order == null
                    ? OrderingTerm.SortOrder.NONE
                    : p.order.getType() == SqliteParser.ASC ? OrderingTerm.SortOrder.ASC : OrderingTerm.SortOrder.DESC,
                    onConflict(p.onConflict()), p.AUTOINCR() != null);
            case CcUniqueContext u -> new ColumnConstraint.Unique(n, onConflict(u.onConflict()));
            case CcCheckContext ch -> new ColumnConstraint.Check(n, expr(ch.expr()));
            case CcReferencesContext r -> new ColumnConstraint.References(n,
                    foreignKey(r.nm(), r.eidList(), r.refArg(), null));
            case CcDeferrableContext d -> new ColumnConstraint.Deferrable(n, deferrable(d.deferrable()));
            case CcCollateContext co -> new ColumnConstraint.Collate(n, name(co.ids()));
            case CcGeneratedContext g -> {
                boolean stored = false;
                if (g.RP() != null && g.getStop() != g.RP().getSymbol()) {
                    String kind = g.getStop().getText();
                    if (kind.equalsIgnoreCase("stored")) {
                        stored = true;
                    } else if (!kind.equalsIgnoreCase("virtual")) {
                        throw error("unknown generated column type: \"" + kind + "\"", g.getStop().getStartIndex());
                    }
                }
                yield new ColumnConstraint.Generated(n, expr(g.expr()), stored);
            }
            default -> throw new IllegalStateException("unexpected column constraint");
        };
    }

    private Expr defaultValue(CcDefaultContext d) {
        if (d.expr() != null) {
            return expr(d.expr());
        }
        if (d.id() != null) {
            return new Expr.ColumnRef(null, null, name(d.id()), span(d.id()));
        }
        Expr lit = literal(d.literal());
        if (d.MINUS() != null) {
            return track(new Expr.Unary(Expr.UnaryOp.NEGATE, lit, new Span(d.MINUS().getSymbol().getStartIndex(),
                    lit.span().end())), lit);
        }
        if (d.PLUS() != null) {
            return track(new Expr.Unary(Expr.UnaryOp.PLUS, lit, new Span(d.PLUS().getSymbol().getStartIndex(),
                    lit.span().end())), lit);
        }
        return lit;
    }

    private TableConstraint tableConstraint(Name n, TableConstraintContext tc) {
        return switch (tc) {
            case TcPrimaryKeyContext p -> new TableConstraint.PrimaryKey(n, sortList(p.sortList()),
                    p.AUTOINCR() != null, onConflict(p.onConflict()));
            case TcUniqueContext u -> new TableConstraint.Unique(n, sortList(u.sortList()), onConflict(u.onConflict()));
            case TcCheckContext ch -> new TableConstraint.Check(n, expr(ch.expr()));
            case TcForeignKeyContext f -> new TableConstraint.ForeignKeyConstraint(n, eidNames(f.eidList0()),
                    foreignKey(f.nm(), f.eidList(), f.refArg(), f.deferrable()));
            default -> throw new IllegalStateException("unexpected table constraint");
        };
    }

    private ForeignKey foreignKey(NmContext table, EidListContext cols, List<RefArgContext> args,
                                  DeferrableContext deferrable) {
        ForeignKey.Action onDelete = ForeignKey.Action.NONE;
        ForeignKey.Action onUpdate = ForeignKey.Action.NONE;
        Name match = null;
        for (RefArgContext a : args) {
            if (a instanceof RefMatchContext m) {
                match = name(m.nm());
            } else if (a instanceof RefOnContext on) {
                ForeignKey.Action act = refAction(on.refAction());
                if (on.kind.getType() == SqliteParser.DELETE) {
                    onDelete = act;
                } else if (on.kind.getType() == SqliteParser.UPDATE) {
                    onUpdate = act;
                }
            }
        }
        return new ForeignKey(name(table), cols == null ? List.of() : eidNames(cols.eidList0()), onDelete, onUpdate,
                match, deferrable == null ? null : deferrable(deferrable));
    }

    private static ForeignKey.Action refAction(RefActionContext c) {
        if (c.SET() != null) {
            return c.NULL() != null ? ForeignKey.Action.SET_NULL : ForeignKey.Action.SET_DEFAULT;
        }
        if (c.CASCADE() != null) {
            return ForeignKey.Action.CASCADE;
        }
        return c.RESTRICT() != null ? ForeignKey.Action.RESTRICT : ForeignKey.Action.NO_ACTION;
    }

    private static ForeignKey.Deferrable deferrable(DeferrableContext c) {
        ForeignKey.Initially init = c.INITIALLY() == null ? ForeignKey.Initially.NONE
                : c.DEFERRED() != null ? ForeignKey.Initially.DEFERRED : ForeignKey.Initially.IMMEDIATE;
        return new ForeignKey.Deferrable(c.NOT() != null, init);
    }

    /** Column lists that take no COLLATE or sort order (SQLite's check in parserAddExprIdListTerm). */
    private List<Name> eidNames(EidList0Context c) {
        List<Name> out = new ArrayList<>();
        for (EidItemContext item : c.eidItem()) {
            if (item.COLLATE() != null || item.ASC() != null || item.DESC() != null) {
                throw error("syntax error after column name \"" + name(item.nm()).value() + "\"",
                        item.getStart().getStartIndex());
            }
            out.add(name(item.nm()));
        }
        return list(out);
    }

    private Stmt createIndex(CreateIndexCmdContext c) {
        List<NmContext> nms = c.nm();
        Name table = name(nms.get(0));
        Name using = c.method == null ? null : name(c.method);
        List<Stmt.IndexParam> params = new ArrayList<>();
        for (IndexParamContext p : c.indexParam()) {
            params.add(new Stmt.IndexParam(name(p.nm()), expr(p.expr())));
        }
        return new Stmt.CreateIndex(c.uniq != null, c.ifNotExists().IF() != null,
                qualified(c.fullname()), table, using,
                sortList(c.sortList()), list(params), c.expr() == null ? null : expr(c.expr()), new SourceText(text(c)), span(c));
    }

    private Stmt createVirtualTable(CreateVirtualTableCmdContext c) {
        List<String> args = new ArrayList<>();
        for (VtabArgContext a : c.vtabArg()) {
            args.add(a.getStart() == null || a.getStop() == null || a.getStop().getStopIndex() < a.getStart()
                    .getStartIndex() ? "" : text(a).strip());
        }
        return new Stmt.CreateVirtualTable(c.ifNotExists().IF() != null, qualified(c.fullname()),
                name(c.nm()),
                list(args), new SourceText(text(c)), span(c));
    }

    private Stmt createTrigger(CreateTriggerContext c) {
        Stmt.TriggerTime time = c.BEFORE() != null ? Stmt.TriggerTime.BEFORE
                : c.AFTER() != null ? Stmt.TriggerTime.AFTER
                : c.INSTEAD() != null ? Stmt.TriggerTime.INSTEAD_OF : Stmt.TriggerTime.NONE;
        Stmt.TriggerEvent event = c.DELETE() != null ? Stmt.TriggerEvent.DELETE
                : c.INSERT() != null ? Stmt.TriggerEvent.INSERT : Stmt.TriggerEvent.UPDATE;
        List<Name> updateOf = names(c.nm());
        List<Stmt> body = new ArrayList<>();
        for (TriggerCmdContext t : c.triggerCmd()) {
            body.add(triggerCmd(t));
        }
        return new Stmt.CreateTrigger(c.TEMP() != null, c.ifNotExists().IF() != null,
                qualified(c.fullname(0)), time, event,
                updateOf, qualified(c.fullname(1)), c.EACH() != null, c.expr() == null ? null : expr(c.expr()),
                list(body), new SourceText(text(c)), span(c));
    }

    private Stmt triggerCmd(TriggerCmdContext t) {
        Span sp = span(t);
        return switch (t) {
            case TrUpdateContext u -> new Stmt.Update(null, orConflict(u.orConflict()), trigTable(u.trnm()),
                    trigAlias(u.trnm()),
                    trIndexed(u.trIndexedBy()), setList(u.setList()),
                    u.fromClause() == null ? null : from(u.fromClause().joinSource()),
                    u.expr() == null ? null : expr(u.expr()), List.of(), List.of(), null, sp);
            case TrInsertContext i -> {
                if (i.returning() != null) {
                    throw error("cannot use RETURNING in a trigger", i.returning().getStart().getStartIndex());
                }
                yield insert(null, i.insertVerb(), trigTable(i.trnm()), trigAlias(i.trnm()), i.idList(),
                        i.select(), i.upsert(), null, sp);
            }
            case TrDeleteContext d -> new Stmt.Delete(null, trigTable(d.trnm()), trigAlias(d.trnm()),
                    trIndexed(d.trIndexedBy()),
                    d.expr() == null ? null : expr(d.expr()), List.of(), List.of(), null, sp);
            case TrSelectContext s -> new Stmt.SelectStmt(select(s.select()), sp);
            default -> throw new IllegalStateException("unexpected trigger command");
        };
    }

    private QualifiedName trigTable(TrnmContext c) {
        if (c.DOT() != null) {
            throw error("qualified table names are not allowed on INSERT, UPDATE, and DELETE statements "
                    + "within triggers", c.getStart().getStartIndex());
        }
        return new QualifiedName(null, name(c.nm(0)), span(c.AS() == null ? c : c.nm(0)));
    }

    private Name trigAlias(TrnmContext c) {
        return c.AS() == null ? null : name(c.nm(c.nm().size() - 1));
    }

    private FromClause.Indexed trIndexed(TrIndexedByContext c) {
        if (c == null) {
            return null;
        }
        throw error("the " + (c.NOT() != null ? "NOT INDEXED" : "INDEXED BY") + " clause is not allowed on UPDATE "
                + "or DELETE statements within triggers", c.getStart().getStartIndex());
    }

    // ------------------------------------------------------------------ SELECT

    Select select(SelectContext c) {
        return selectBody(c.withClause() == null ? null : with(c.withClause()), c.selectBody(), span(c));
    }

    private With with(WithClauseContext c) {
        List<With.Cte> ctes = new ArrayList<>();
        for (CteContext cte : c.cte()) {
            With.Materialized m = cte.MATERIALIZED() == null ? With.Materialized.DEFAULT
                    : cte.NOT() != null ? With.Materialized.NOT_MATERIALIZED : With.Materialized.MATERIALIZED;
            ctes.add(new With.Cte(name(cte.nm()), cte.eidList() == null ? List.of() : eidNames(cte.eidList().eidList0()),
                    m, select(cte.select()), span(cte)));
        }
        return new With(c.kwRecursive().RECURSIVE() != null, list(ctes), span(c));
    }

    private Select selectBody(With with, SelectBodyContext c, Span sp) {
        List<SelectCoreContext> cores = c.selectCore();
        List<CompoundOpContext> ops = c.compoundOp();
        if (cores.size() > MAX_COMPOUND_SELECT) {
            throw error("too many terms in compound SELECT", -1);
        }
        List<Select.CompoundPart> parts = new ArrayList<>();
        SelectCore first = null;
        List<OrderingTerm> orderBy = List.of();
        Limit limit = null;
        int height = 0;
        for (int i = 0; i < cores.size(); i++) {
            SelectCoreContext core = cores.get(i);
            Select.CompoundOp op = i == 0 ? null : compoundOp(ops.get(i - 1));
            if (core instanceof SimpleSelectContext s && i < cores.size() - 1) {
                String next = compoundName(compoundOp(ops.get(i)));
                if (s.orderBy() != null) {
                    throw error("ORDER BY clause should come after " + next + " not before", -1);
                }
                if (s.limit() != null) {
                    throw error("LIMIT clause should come after " + next + " not before", -1);
                }
            }
            SelectCore built = core(core);
            height = Math.max(height, heights.getOrDefault(built, 0));
            if (core instanceof SimpleSelectContext s && i == cores.size() - 1) {
                orderBy = orderBy(s.orderBy());
                limit = limit(s.limit());
                height = Math.max(height, maxHeight(orderBy));
                if (limit != null) {
                    height = Math.max(height, maxHeight(Arrays.asList(limit.limit(), limit.offset())));
                }
            }
            if (i == 0) {
                first = built;
            } else {
                parts.add(new Select.CompoundPart(op, built));
            }
        }
        Select s = new Select(with, first, list(parts), orderBy, limit, sp);
        heights.put(s, height);
        return s;
    }

    private static String compoundName(Select.CompoundOp op) {
        return switch (op) {
            case UNION -> "UNION";
            case UNION_ALL -> "UNION ALL";
            case INTERSECT -> "INTERSECT";
            case EXCEPT -> "EXCEPT";
        };
    }

    private static Select.CompoundOp compoundOp(CompoundOpContext c) {
        if (c.UNION() != null) {
            return c.ALL() != null ? Select.CompoundOp.UNION_ALL : Select.CompoundOp.UNION;
        }
        return c.EXCEPT() != null ? Select.CompoundOp.EXCEPT : Select.CompoundOp.INTERSECT;
    }

    private SelectCore core(SelectCoreContext c) {
        if (c instanceof ValuesSelectContext v) {
            List<List<Expr>> rows = new ArrayList<>();
            List<Expr> row = new ArrayList<>();
            int h = 0;
            for (ParseTree child : v.children) {
                if (child instanceof ExprContext e) {
                    row.add(expr(e));
                } else if (child instanceof TerminalNode tn && tn.getSymbol().getType() == SqliteParser.RP) {
                    h = Math.max(h, maxHeight(row));
                    rows.add(list(row));
                    row = new ArrayList<>();
                }
            }
            SelectCore.Values values = new SelectCore.Values(list(rows), span(c));
            heights.put(values, h);
            return values;
        }
        SimpleSelectContext s = (SimpleSelectContext) c;
        List<ResultColumn> cols = new ArrayList<>();
        int h = 0;
        for (ResultColumnContext rc : s.resultColumn()) {
            ResultColumn r = resultColumn(rc);
            if (r instanceof ResultColumn.Single single) {
                h = Math.max(h, heights.getOrDefault(single.expr(), 1));
            }
            cols.add(r);
        }
        FromClause from = s.fromClause() == null ? null : from(s.fromClause().joinSource());
        Expr where = null;
        Expr having = null;
        List<Expr> groupBy = new ArrayList<>();
        for (ExprContext e : s.expr()) {
            int idx = e.getStart().getTokenIndex();
            Expr built = expr(e);
            h = Math.max(h, heights.getOrDefault(built, 1));
            if (s.WHERE() != null && idx > s.WHERE().getSymbol().getTokenIndex()
                    && (s.GROUP() == null || idx < s.GROUP().getSymbol().getTokenIndex())
                    && (s.HAVING() == null || idx < s.HAVING().getSymbol().getTokenIndex())) {
                where = built;
            } else if (s.HAVING() != null && idx > s.HAVING().getSymbol().getTokenIndex()) {
                having = built;
            } else {
                groupBy.add(built);
            }
        }
        List<WindowSpec.Definition> windows = new ArrayList<>();
        for (WindowDefContext w : s.windowDef()) {
            windows.add(new WindowSpec.Definition(name(w.nm()), windowSpec(w.windowSpec())));
        }
        SelectCore.Simple simple = new SelectCore.Simple(s.DISTINCT() != null, list(cols), from, where, list(groupBy),
                having, list(windows), span(c));
        heights.put(simple, h);
        return simple;
    }

    private ResultColumn resultColumn(ResultColumnContext rc) {
        return switch (rc) {
            case StarColumnContext st -> new ResultColumn.All(span(st));
            case TableStarColumnContext ts -> new ResultColumn.TableAll(name(ts.nm()), span(ts));
            case ExprColumnContext ec -> new ResultColumn.Single(expr(ec.expr()), alias(ec.alias()), span(ec));
            default -> throw new IllegalStateException("unexpected result column");
        };
    }

    private static Name alias(AliasContext a) {
        if (a == null) {
            return null;
        }
        return a.nm() != null ? name(a.nm()) : name(a.ids());
    }

    private FromClause from(JoinSourceContext c) {
        List<FromClause.Joined> items = new ArrayList<>();
        List<TableSourceContext> sources = c.tableSource();
        List<JoinOpContext> ops = c.joinOp();
        for (int i = 0; i < sources.size(); i++) {
            TableSourceContext ts = sources.get(i);
            FromClause.JoinOperator op = i == 0 ? null : joinOperator(ops.get(i - 1));
            JoinConstraintContext jc = switch (ts) {
                case TableRefContext t -> t.joinConstraint();
                case TableFunctionContext t -> t.joinConstraint();
                case ParenSourceContext t -> t.joinConstraint();
                default -> null;
            };
            FromClause.JoinConstraint constraint = null;
            if (jc != null && jc.getChildCount() > 0) {
                if (i == 0) {
                    throw error("a JOIN clause is required before " + (jc.ON() != null ? "ON" : "USING"), -1);
                }
                constraint = jc.ON() != null ? new FromClause.JoinConstraint(expr(jc.expr()), null)
                        : new FromClause.JoinConstraint(null, names(jc.idList().nm()));
            }
            items.add(new FromClause.Joined(op, tableSource(ts), constraint));
        }
        return new FromClause(list(items), span(c));
    }

    private FromClause.TableSource tableSource(TableSourceContext ts) {
        Span sp = span(ts);
        return switch (ts) {
            case TableRefContext t -> new FromClause.TableRef(qualified(t.fullname()), alias(t.alias()),
                    indexed(t.indexedBy()), sp);
            case TableFunctionContext t -> new FromClause.TableFunction(qualified(t.fullname()), exprs(t.expr()),
                    alias(t.alias()), sp);
            case ParenSourceContext t when t.fromParen().select() != null ->
                    new FromClause.SubquerySource(select(t.fromParen().select()), alias(t.alias()), sp);
            case ParenSourceContext t -> new FromClause.Parenthesized(from(t.fromParen().joinSource()), alias(t.alias()),
                    sp);
            default -> throw new IllegalStateException("unexpected table source");
        };
    }

    private static final int JT_INNER = 1;
    private static final int JT_CROSS = 2;
    private static final int JT_NATURAL = 4;
    private static final int JT_LEFT = 8;
    private static final int JT_RIGHT = 16;
    private static final int JT_OUTER = 32;
    private static final int JT_ERROR = 64;

    /** The join keywords combine as flags; only contradictory or unknown words are an error, as in SQLite. */
    private FromClause.JoinOperator joinOperator(JoinOpContext c) {
        if (c.COMMA() != null) {
            return new FromClause.JoinOperator(false, FromClause.JoinType.COMMA);
        }
        List<String> words = new ArrayList<>();
        if (c.JOIN_KW() != null) {
            words.add(c.JOIN_KW().getText());
        }
        for (NmContext nm : c.nm()) {
            words.add(nm.getText());
        }
        int flags = 0;
        for (String w : words) {
            flags |= switch (w.toUpperCase(Locale.ROOT)) {
                case "NATURAL" -> JT_NATURAL;
                case "LEFT" -> JT_LEFT | JT_OUTER;
                case "RIGHT" -> JT_RIGHT | JT_OUTER;
                case "FULL" -> JT_LEFT | JT_RIGHT | JT_OUTER;
                case "OUTER" -> JT_OUTER;
                case "INNER" -> JT_INNER;
                case "CROSS" -> JT_INNER | JT_CROSS;
                default -> JT_ERROR;
            };
        }
        if ((flags & (JT_INNER | JT_OUTER)) == (JT_INNER | JT_OUTER) || (flags & JT_ERROR) != 0
                || (flags & (JT_OUTER | JT_LEFT | JT_RIGHT)) == JT_OUTER) {
            throw error("unknown join type: " + String.join(" ", words), c.getStart().getStartIndex());
        }
        boolean left = (flags & JT_LEFT) != 0;
        boolean right = (flags & JT_RIGHT) != 0;
        FromClause.JoinType type = left && right ? FromClause.JoinType.FULL
                : left ? FromClause.JoinType.LEFT
                : right ? FromClause.JoinType.RIGHT
                : (flags & JT_CROSS) != 0 ? FromClause.JoinType.CROSS : FromClause.JoinType.INNER;
        return new FromClause.JoinOperator((flags & JT_NATURAL) != 0, type);
    }

    private List<OrderingTerm> orderBy(OrderByContext c) {
        return c == null ? List.of() : sortList(c.sortList());
    }

    private List<OrderingTerm> sortList(SortListContext c) {
        List<OrderingTerm> out = new ArrayList<>();
        for (SortItemContext item : c.sortItem()) {
            OrderingTerm.SortOrder order = item.ASC() != null ? OrderingTerm.SortOrder.ASC
                    : item.DESC() != null ? OrderingTerm.SortOrder.DESC : OrderingTerm.SortOrder.NONE;
            OrderingTerm.NullsOrder nulls = item.NULLS() == null ? OrderingTerm.NullsOrder.NONE
                    : item.FIRST() != null ? OrderingTerm.NullsOrder.FIRST : OrderingTerm.NullsOrder.LAST;
            Expr e = expr(item.expr());
            OrderingTerm t = new OrderingTerm(e, order, nulls, span(item));
            heights.put(t, heights.getOrDefault(e, 1));
            out.add(t);
        }
        return list(out);
    }

    private Limit limit(LimitContext c) {
        if (c == null) {
            return null;
        }
        Expr a = expr(c.expr(0));
        if (c.expr().size() == 1) {
            return new Limit(a, null, span(c));
        }
        Expr b = expr(c.expr(1));
        return c.COMMA() != null ? new Limit(b, a, span(c)) : new Limit(a, b, span(c));
    }

    private WindowSpec windowSpec(WindowSpecContext c) {
        Name base = c.nm() == null ? null : name(c.nm());
        List<Expr> partition = exprs(c.expr());
        List<OrderingTerm> order = orderBy(c.orderBy());
        WindowSpec.Frame frame = c.frame() == null ? null : frame(c.frame());
        return new WindowSpec(base, partition, order, frame, span(c));
    }

    private WindowSpec.Frame frame(FrameContext c) {
        WindowSpec.FrameUnit unit = switch (c.unit.getType()) {
            case SqliteParser.RANGE -> WindowSpec.FrameUnit.RANGE;
            case SqliteParser.ROWS -> WindowSpec.FrameUnit.ROWS;
            default -> WindowSpec.FrameUnit.GROUPS;
        };
        FrameStartContext first = c.frameStart();
        WindowSpec.Bound start = first.UNBOUNDED() != null
                ? new WindowSpec.Bound(WindowSpec.BoundKind.UNBOUNDED_PRECEDING, null)
                : bound(first.ROW() != null && first.expr() == null, first.expr(), first.PRECEDING() != null);
        FrameEndContext last = c.frameEnd();
        WindowSpec.Bound end = last == null ? null : last.UNBOUNDED() != null
                ? new WindowSpec.Bound(WindowSpec.BoundKind.UNBOUNDED_FOLLOWING, null)
                : bound(last.ROW() != null && last.expr() == null, last.expr(), last.PRECEDING() != null);
        WindowSpec.Exclude exclude = WindowSpec.Exclude.NONE;
        if (c.EXCLUDE() != null) {
            exclude = c.OTHERS() != null ? WindowSpec.Exclude.NO_OTHERS
                    : c.ROW() != null ? WindowSpec.Exclude.CURRENT_ROW
                    : c.GROUP() != null ? WindowSpec.Exclude.GROUP : WindowSpec.Exclude.TIES;
        }
        return new WindowSpec.Frame(unit, start, end, exclude);
    }

    private WindowSpec.Bound bound(boolean currentRow, ExprContext offset, boolean preceding) {
        if (currentRow) {
            return new WindowSpec.Bound(WindowSpec.BoundKind.CURRENT_ROW, null);
        }
        return new WindowSpec.Bound(preceding ? WindowSpec.BoundKind.PRECEDING : WindowSpec.BoundKind.FOLLOWING,
                expr(offset));
    }

    // ------------------------------------------------------------------ expressions

    private List<Expr> exprs(List<ExprContext> cs) {
        List<Expr> out = new ArrayList<>(cs.size());
        for (ExprContext c : cs) {
            out.add(expr(c));
        }
        return list(out);
    }

    Expr expr(ExprContext c) {
        List<AndExprContext> parts = c.andExpr();
        Expr left = andExpr(parts.get(0));
        for (int i = 1; i < parts.size(); i++) {
            Expr right = andExpr(parts.get(i));
            left = track(new Expr.Binary(Expr.BinaryOp.OR, left, right, join(left, right)), left, right);
        }
        return left;
    }

    private static Span join(Expr a, Expr b) {
        return new Span(a.span().start(), b.span().end());
    }

    private Expr andExpr(AndExprContext c) {
        List<EqExprContext> parts = c.eqExpr();
        Expr left = eqExpr(parts.get(0));
        for (int i = 1; i < parts.size(); i++) {
            Expr right = eqExpr(parts.get(i));
            left = track(new Expr.Binary(Expr.BinaryOp.AND, left, right, join(left, right)), left, right);
        }
        return left;
    }

    private Expr eqExpr(EqExprContext c) {
        Expr left = relExpr(c.relExpr());
        for (EqTailContext t : c.eqTail()) {
            int start = left.span().start();
            Span sp = new Span(start, span(t).end());
            left = switch (t) {
                case EqCompareContext e -> {
                    Expr r = relExpr(e.relExpr());
                    yield track(new Expr.Binary(e.op.getType() == SqliteParser.EQ ? Expr.BinaryOp.EQ
                            : Expr.BinaryOp.NE, left, r, sp), left, r);
                }
                case EqIsContext e -> {
                    Expr r = relExpr(e.relExpr());
                    boolean not = (e.NOT() != null) != (e.DISTINCT() != null);
                    yield track(new Expr.Binary(not ? Expr.BinaryOp.IS_NOT : Expr.BinaryOp.IS, left, r, sp), left, r);
                }
                case EqLikeContext e -> {
                    Expr pattern = relExpr(e.relExpr(0));
                    Expr escape = e.ESCAPE() == null ? null : relExpr(e.relExpr(1));
                    Expr.LikeOp op = e.op.getType() == SqliteParser.MATCH ? Expr.LikeOp.MATCH
                            : switch (e.op.getText().toUpperCase(Locale.ROOT)) {
                                case "GLOB" -> Expr.LikeOp.GLOB;
                                case "REGEXP" -> Expr.LikeOp.REGEXP;
                                default -> Expr.LikeOp.LIKE;
                            };
                    yield track(new Expr.Like(left, op, e.NOT() != null, pattern, escape, sp), left, pattern, escape);
                }
                case EqBetweenContext e -> {
                    Expr low = eqExpr(e.betweenLow().eqExpr());
                    Expr high = relExpr(e.relExpr());
                    yield track(new Expr.Between(left, e.NOT() != null, low, high, sp), left, low, high);
                }
                case EqInContext e -> continued(in(left, e.NOT() != null, e.inTarget(),
                        new Span(start, span(e.inTarget()).end())), e.postfixMore());
                case EqNullContext e -> {
                    Token last = e.NULL() != null ? e.NULL().getSymbol() : e.getStart();
                    Expr isNull = track(new Expr.IsNull(left, e.ISNULL() == null,
                            new Span(start, last.getStopIndex() + 1)), left);
                    yield continued(isNull, e.postfixMore());
                }
                default -> throw new IllegalStateException("unexpected operator");
            };
        }
        return left;
    }

    /** Applies the operators that may follow a reduced IN / ISNULL (see postfixMore in the grammar). */
    private Expr continued(Expr left, PostfixMoreContext more) {
        for (IdsContext ids : more.ids()) {
            left = track(new Expr.Collate(left, name(ids), new Span(left.span().start(), span(ids).end())), left);
        }
        return grouped(left, more.binaryOp(), more.collateExpr());
    }

    /** Binding strength of the operators of relExpr / postfixMore, higher binds tighter. */
    private static int precedence(int tokenType) {
        return switch (tokenType) {
            case SqliteParser.CONCAT, SqliteParser.PTR -> 5;
            case SqliteParser.STAR, SqliteParser.SLASH, SqliteParser.REM -> 4;
            case SqliteParser.PLUS, SqliteParser.MINUS -> 3;
            case SqliteParser.BITAND, SqliteParser.BITOR, SqliteParser.LSHIFT, SqliteParser.RSHIFT -> 2;
            default -> 1;
        };
    }

    /** Groups first op1 x1 op2 x2 ... by precedence, all operators left-associative. */
    private Expr grouped(Expr first, List<BinaryOpContext> ops, List<CollateExprContext> operands) {
        if (ops.isEmpty()) {
            return first;
        }
        List<Expr> values = new ArrayList<>(operands.size() + 1);
        values.add(first);
        for (CollateExprContext c : operands) {
            values.add(collate(c));
        }
        int[] cursor = {0};
        return climb(values, ops, cursor, 1);
    }

    /** Precedence climbing over values[cursor..]: at most five levels deep whatever the length. */
    private Expr climb(List<Expr> values, List<BinaryOpContext> ops, int[] cursor, int minPrecedence) {
        Expr left = values.get(cursor[0]);
        while (cursor[0] < ops.size()) {
            Token op = ops.get(cursor[0]).getStart();
            int p = precedence(op.getType());
            if (p < minPrecedence) {
                break;
            }
            cursor[0]++;
            Expr right = climb(values, ops, cursor, p + 1);
            left = track(new Expr.Binary(binaryOp(op), left, right, join(left, right)), left, right);
        }
        return left;
    }

    private static Expr.BinaryOp binaryOp(Token op) {
        return switch (op.getType()) {
            case SqliteParser.LT -> Expr.BinaryOp.LT;
            case SqliteParser.GT -> Expr.BinaryOp.GT;
            case SqliteParser.LE -> Expr.BinaryOp.LE;
            case SqliteParser.GE -> Expr.BinaryOp.GE;
            case SqliteParser.BITAND -> Expr.BinaryOp.BITAND;
            case SqliteParser.BITOR -> Expr.BinaryOp.BITOR;
            case SqliteParser.LSHIFT -> Expr.BinaryOp.LSHIFT;
            case SqliteParser.RSHIFT -> Expr.BinaryOp.RSHIFT;
            case SqliteParser.PLUS -> Expr.BinaryOp.ADD;
            case SqliteParser.MINUS -> Expr.BinaryOp.SUBTRACT;
            case SqliteParser.STAR -> Expr.BinaryOp.MULTIPLY;
            case SqliteParser.SLASH -> Expr.BinaryOp.DIVIDE;
            case SqliteParser.REM -> Expr.BinaryOp.REMAINDER;
            case SqliteParser.CONCAT -> Expr.BinaryOp.CONCAT;
            default -> op.getText().equals("->>") ? Expr.BinaryOp.ARROW2 : Expr.BinaryOp.ARROW;
        };
    }

    private Expr in(Expr left, boolean not, InTargetContext t, Span sp) {
        return switch (t) {
            case InParenContext s when s.inBody().select() != null -> {
                Select sel = select(s.inBody().select());
                yield track(new Expr.InSelect(left, not, sel, sp), left, sel);
            }
            case InParenContext l -> {
                List<Expr> values = exprs(l.inBody().expr());
                List<Object> kids = new ArrayList<>(values);
                kids.add(left);
                yield track(new Expr.InList(left, not, values, sp), kids.toArray());
            }
            case InTableContext tb -> {
                List<Expr> args = tb.LP() == null ? null : exprs(tb.expr());
                yield track(new Expr.InTable(left, not, qualified(tb.fullname()), args, sp), left);
            }
            default -> throw new IllegalStateException("unexpected IN");
        };
    }

    private Expr relExpr(RelExprContext c) {
        return grouped(collate(c.collateExpr(0)), c.binaryOp(), c.collateExpr().subList(1, c.collateExpr().size()));
    }

    private Expr collate(CollateExprContext c) {
        Expr e = unary(c.unaryExpr());
        for (IdsContext ids : c.ids()) {
            e = track(new Expr.Collate(e, name(ids), new Span(e.span().start(), span(ids).end())), e);
        }
        return e;
    }

    private Expr unary(UnaryExprContext c) {
        return switch (c) {
            case PrefixUnaryContext p -> {
                Expr operand = unary(p.unaryExpr());
                Expr.UnaryOp op = switch (p.op.getType()) {
                    case SqliteParser.MINUS -> Expr.UnaryOp.NEGATE;
                    case SqliteParser.PLUS -> Expr.UnaryOp.PLUS;
                    default -> Expr.UnaryOp.BITNOT;
                };
                yield track(new Expr.Unary(op, operand, span(p)), operand);
            }
            case NotUnaryContext n -> {
                Expr operand = eqExpr(n.notOperand().eqExpr());
                yield track(new Expr.Unary(Expr.UnaryOp.NOT, operand, span(n)), operand);
            }
            case PrimaryUnaryContext p -> primary(p.primary());
            default -> throw new IllegalStateException("unexpected unary");
        };
    }

    private Expr literal(LiteralContext c) {
        Token t = c.getStart();
        Span sp = span(t);
        String s = t.getText();
        return switch (t.getType()) {
            case SqliteParser.INTEGER -> new Expr.Literal(Expr.LiteralKind.INTEGER, s, sp);
            case SqliteParser.FLOAT -> new Expr.Literal(Expr.LiteralKind.FLOAT, s, sp);
            case SqliteParser.STRING ->
                    new Expr.Literal(Expr.LiteralKind.STRING, s.substring(1, s.length() - 1).replace("''", "'"), sp);
            case SqliteParser.BLOB -> new Expr.Literal(Expr.LiteralKind.BLOB, s.substring(2, s.length() - 1), sp);
            case SqliteParser.NULL -> new Expr.Literal(Expr.LiteralKind.NULL, "NULL", sp);
            default -> switch (s.toUpperCase(Locale.ROOT)) {
                case "CURRENT_TIME" -> new Expr.Literal(Expr.LiteralKind.CURRENT_TIME, "CURRENT_TIME", sp);
                case "CURRENT_DATE" -> new Expr.Literal(Expr.LiteralKind.CURRENT_DATE, "CURRENT_DATE", sp);
                default -> new Expr.Literal(Expr.LiteralKind.CURRENT_TIMESTAMP, "CURRENT_TIMESTAMP", sp);
            };
        };
    }

    private Expr primary(PrimaryContext c) {
        Span sp = span(c);
        return switch (c) {
            case LiteralExprContext l -> literal(l.literal());
            case VariableExprContext v -> new Expr.Parameter(v.getText(), sp);
            case ParenExprContext p when p.parenBody().select() != null -> {
                Select sel = select(p.parenBody().select());
                yield track(new Expr.Subquery(sel, sp), sel);
            }
            case ParenExprContext p -> {
                List<Expr> values = exprs(p.parenBody().expr());
                yield values.size() == 1 ? values.get(0)
                        : track(new Expr.RowValue(values, sp), values.toArray());
            }
            case CastExprContext k -> {
                Expr e = expr(k.expr());
                TypeName type = k.typeName() == null ? null : new TypeName(text(k.typeName()), span(k.typeName()));
                yield track(new Expr.Cast(e, type, sp), e);
            }
            case CaseExprContext k -> caseExpr(k, sp);
            case ExistsExprContext e -> {
                Select sel = select(e.select());
                yield track(new Expr.Exists(sel, sp), sel);
            }
            case RaiseExprContext r -> {
                if (r.IGNORE() != null) {
                    yield new Expr.Raise(Expr.RaiseType.IGNORE, null, sp);
                }
                Expr msg = expr(r.expr());
                Expr.RaiseType type = switch (r.raiseType.getType()) {
                    case SqliteParser.ROLLBACK -> Expr.RaiseType.ROLLBACK;
                    case SqliteParser.ABORT -> Expr.RaiseType.ABORT;
                    default -> Expr.RaiseType.FAIL;
                };
                yield track(new Expr.Raise(type, msg, sp), msg);
            }
            case FunctionExprContext f -> function(f, sp);
            case QualifiedColumn3Context q ->
                    withHeight(new Expr.ColumnRef(name(q.nm(0)), name(q.nm(1)), name(q.nm(2)), sp), 3);
            case QualifiedColumn2Context q -> withHeight(new Expr.ColumnRef(null, name(q.nm(0)), name(q.nm(1)), sp), 2);
            case ColumnExprContext col -> new Expr.ColumnRef(null, null, name(col.exprId()), sp);
            default -> throw new IllegalStateException("unexpected primary");
        };
    }

    private Expr caseExpr(CaseExprContext k, Span sp) {
        Expr operand = k.caseOperand == null ? null : expr(k.caseOperand);
        Expr elseExpr = k.elseExpr == null ? null : expr(k.elseExpr);
        List<Expr.WhenThen> whens = new ArrayList<>();
        List<Object> kids = new ArrayList<>();
        kids.add(operand);
        kids.add(elseExpr);
        List<ExprContext> all = k.expr();
        int from = operand == null ? 0 : 1;
        int to = all.size() - (elseExpr == null ? 0 : 1);
        for (int i = from; i + 1 < to; i += 2) {
            Expr w = expr(all.get(i));
            Expr t = expr(all.get(i + 1));
            kids.add(w);
            kids.add(t);
            whens.add(new Expr.WhenThen(w, t));
        }
        return track(new Expr.Case(operand, list(whens), elseExpr, sp), kids.toArray());
    }

    private Expr function(FunctionExprContext f, Span sp) {
        Name name = name(f.funcName().getStart());
        boolean star = f.STAR() != null;
        List<ExprContext> all = f.expr();
        Expr filter = null;
        int argCount = all.size();
        if (f.FILTER() != null) {
            filter = expr(all.get(all.size() - 1));
            argCount--;
        }
        if (argCount > MAX_FUNCTION_ARG) {
            throw error("too many arguments on function " + f.funcName().getText(), f.getStart().getStartIndex());
        }
        List<Expr> args = exprs(all.subList(0, argCount));
        List<OrderingTerm> orderBy = orderBy(f.orderBy());
        Expr.Over over = null;
        if (f.OVER() != null) {
            over = f.windowSpec() != null ? new Expr.Over(null, windowSpec(f.windowSpec()), span(f.windowSpec()))
                    : new Expr.Over(name(f.nm()), null, span(f.nm()));
        }
        return track(new Expr.FunctionCall(name, f.DISTINCT() != null, star, args, orderBy, filter, over, sp),
                args.toArray());
    }
}
