/*
 * The best-index negotiation with a virtual table's module (xBestIndex):
 * the planner offers the WHERE and ON terms that compare a column of the
 * table with a value (usable when that value is known before the table's
 * loop starts), a table-valued function's arguments as equalities on its
 * HIDDEN columns, and the ORDER BY it wants; the module answers which
 * values it wants in filter(), which terms it guarantees, and whether its
 * rows come in order. The join order is FROM's, so the module is asked
 * once per table, with every term usable that can be.
 */
package turso.planner;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.IndexPlan;
import turso.api.spi.IndexQuery;
import turso.parser.ast.Expr;
import turso.parser.ast.FromClause;
import turso.parser.ast.QualifiedName;

final class VirtualScans {
    private VirtualScans() {
    }

    /**
     * A virtual table in FROM: the table, a table-valued function's
     * arguments (else none), and how the query would read it: the terms
     * that may drive it and whether a value is known before its loop starts.
     */
    record Request(Scope scope, VirtualSource source, List<Expr> args, List<Expr> terms, ExprCompiler exprs,
            Predicate<Expr> known) {
        Request {
            args = List.copyOf(args);
            terms = List.copyOf(terms);
        }
    }

    /** A virtual table named in FROM, with a table-valued function's arguments. */
    record Call(VirtualSource source, List<Expr> args) {
        Call {
            args = List.copyOf(args);
        }
    }

    /**
     * The virtual table {@code source} of FROM names: a table of the schema
     * made by CREATE VIRTUAL TABLE, or a table-valued function (an eponymous
     * module), perhaps with arguments; null if it names none.
     */
    static Call call(Schema schema, FromClause.TableSource source) {
        QualifiedName name;
        List<Expr> args;
        switch (source) {
            case FromClause.TableRef ref -> {
                name = ref.name();
                args = List.of();
            }
            case FromClause.TableFunction f -> {
                name = f.name();
                args = f.args();
            }
            default -> {
                return null;
            }
        }
        if (name.schema() != null && !name.schema().is("main")) {
            return null;
        }
        String table = name.name().value();
        VirtualTables virtualTables = schema.virtualTables();
        if (schema.view(table) != null) {
            return null;
        }
        if (virtualTables.isDefined(table)) {
            return new Call(virtualTables.connect(table), args);
        }
        if (schema.kindOf(table) != null) {
            return null;
        }
        VirtualSource eponymous = virtualTables.eponymous(table);
        return eponymous == null ? null : new Call(eponymous, args);
    }

    /**
     * The terms offered to the module of a join table: those that may drive
     * it, then those tested in later loops (of an inner join), which the
     * module sees as unusable, as SQLite shows them.
     */
    static List<Expr> offered(List<Expr> drivers, List<List<Expr>> later) {
        List<Expr> all = new ArrayList<>(drivers);
        later.forEach(all::addAll);
        return all;
    }

    /** The plan for {@code request}, with no order wanted. */
    static AccessPath.Virtual plan(Request request) {
        return plan(request, List.of());
    }

    /** A plan for {@code path}'s table that gives its rows in the order of {@code wanted}, or null. */
    static AccessPath.Virtual ordered(AccessPath.Virtual path, List<AccessPaths.OrderTerm> wanted) {
        AccessPath.Virtual ordered = plan(path.request(), wanted);
        return ordered.plan().orderByConsumed() ? ordered : null;
    }

    /** A term offered to the module: the constraint, the value it compares with, and the term itself (null: an argument). */
    private record Offer(IndexQuery.Constraint constraint, Expr value, Expr term) {
    }

    /** The module's plan for {@code request}, asked for the rows in the order of {@code orderBy}. */
    private static AccessPath.Virtual plan(Request request, List<AccessPaths.OrderTerm> orderBy) {
        Scope scope = request.scope();
        VirtualSource source = request.source();
        List<Expr> args = request.args();
        ExprCompiler exprs = request.exprs();
        Predicate<Expr> known = request.known();
        if (args.size() > source.hidden().size()) {
            throw new TursoException(ResultCode.ERROR, "too many arguments on " + scope.table().name()
                    + "() - max " + source.hidden().size());
        }
        List<Offer> offers = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            // an argument may read only the tables before this one: it is always known when the loop starts
            offers.add(new Offer(new IndexQuery.Constraint(source.hidden().get(i), IndexQuery.Operator.EQ, true,
                    "BINARY"), args.get(i), null));
        }
        for (Expr term : request.terms()) {
            Offer offer = offer(term, scope, exprs, known);
            if (offer != null) {
                offers.add(offer);
            }
        }
        List<IndexQuery.OrderTerm> order = new ArrayList<>();
        for (AccessPaths.OrderTerm t : orderBy) {
            order.add(new IndexQuery.OrderTerm(t.column(), t.descending()));
        }
        IndexPlan plan = source.vtab().bestIndex(new IndexQuery(offers.stream().map(Offer::constraint).toList(),
                order, -1L, IndexQuery.Distinct.ORDERED));
        int[] argumentIndex = plan.argumentIndex();
        boolean[] omit = plan.omit();
        if (argumentIndex.length != offers.size() || omit.length != offers.size()) {
            throw malfunction();
        }
        Expr[] arguments = new Expr[offers.size()];
        int count = 0;
        List<Expr> omitted = new ArrayList<>();
        List<Expr> unconsumed = new ArrayList<>();
        for (int i = 0; i < offers.size(); i++) {
            Offer offer = offers.get(i);
            int at = argumentIndex[i];
            if (at == 0) {
                if (offer.term() == null) {
                    unconsumed.add(new Expr.Binary(Expr.BinaryOp.EQ, Synthetic.column(scope.name(),
                            scope.table().columns().get(offer.constraint().column()).name()), offer.value(),
                            Synthetic.NO_SPAN));
                }
                continue;
            }
            if (at < 0 || at > offers.size() || arguments[at - 1] != null || !offer.constraint().usable()) {
                throw malfunction();
            }
            arguments[at - 1] = offer.value();
            count = Math.max(count, at);
            if (omit[i] && offer.term() != null) {
                omitted.add(offer.term());
            }
        }
        List<Expr> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (arguments[i] == null) {
                throw malfunction();
            }
            values.add(arguments[i]);
        }
        return new AccessPath.Virtual(request, plan, values, omitted, unconsumed);
    }

    private static TursoException malfunction() {
        return new TursoException(ResultCode.ERROR, "xBestIndex malfunction");
    }

    /** {@code term} as a constraint on a column of {@code scope}, or null if it is none. */
    private static Offer offer(Expr term, Scope scope, ExprCompiler exprs, Predicate<Expr> known) {
        switch (term) {
            case Expr.Binary bin -> {
                IndexQuery.Operator op = operator(bin.op());
                if (op == null) {
                    return null;
                }
                if ((op == IndexQuery.Operator.IS || op == IndexQuery.Operator.IS_NOT) && isNull(bin.right())) {
                    Integer column = column(bin.left(), scope, exprs);
                    return column == null ? null : offer(column, op == IndexQuery.Operator.IS
                            ? IndexQuery.Operator.IS_NULL : IndexQuery.Operator.IS_NOT_NULL, bin.right(), term, known);
                }
                Integer left = column(bin.left(), scope, exprs);
                if (left != null && !reads(bin.right(), scope, exprs)) {
                    return offer(left, op, bin.right(), term, known);
                }
                Integer right = column(bin.right(), scope, exprs);
                if (right != null && !reads(bin.left(), scope, exprs)) {
                    return offer(right, flip(op), bin.left(), term, known);
                }
                return null;
            }
            case Expr.IsNull isNull -> {
                Integer column = column(isNull.expr(), scope, exprs);
                if (column == null) {
                    return null;
                }
                return offer(column, isNull.not() ? IndexQuery.Operator.IS_NOT_NULL : IndexQuery.Operator.IS_NULL,
                        new Expr.Literal(Expr.LiteralKind.NULL, "NULL", Synthetic.NO_SPAN), term, known);
            }
            case Expr.Like like when !like.not() && like.escape() == null -> {
                Integer column = column(like.left(), scope, exprs);
                if (column == null || reads(like.pattern(), scope, exprs)) {
                    return null;
                }
                IndexQuery.Operator op = switch (like.op()) {
                    case LIKE -> IndexQuery.Operator.LIKE;
                    case GLOB -> IndexQuery.Operator.GLOB;
                    case REGEXP -> IndexQuery.Operator.REGEXP;
                    case MATCH -> IndexQuery.Operator.MATCH;
                };
                return offer(column, op, like.pattern(), term, known);
            }
            default -> {
                return null;
            }
        }
    }

    private static Offer offer(int column, IndexQuery.Operator op, Expr value, Expr term, Predicate<Expr> known) {
        return new Offer(new IndexQuery.Constraint(column, op, known.test(value), "BINARY"), value, term);
    }

    private static boolean isNull(Expr e) {
        return e instanceof Expr.Literal l && l.kind() == Expr.LiteralKind.NULL;
    }

    private static IndexQuery.Operator operator(Expr.BinaryOp op) {
        return switch (op) {
            case EQ -> IndexQuery.Operator.EQ;
            case NE -> IndexQuery.Operator.NE;
            case LT -> IndexQuery.Operator.LT;
            case LE -> IndexQuery.Operator.LE;
            case GT -> IndexQuery.Operator.GT;
            case GE -> IndexQuery.Operator.GE;
            case IS -> IndexQuery.Operator.IS;
            case IS_NOT -> IndexQuery.Operator.IS_NOT;
            default -> null;
        };
    }

    /** The operator with its operands swapped: {@code v < col} is {@code col > v}. */
    private static IndexQuery.Operator flip(IndexQuery.Operator op) {
        return switch (op) {
            case LT -> IndexQuery.Operator.GT;
            case LE -> IndexQuery.Operator.GE;
            case GT -> IndexQuery.Operator.LT;
            case GE -> IndexQuery.Operator.LE;
            default -> op;
        };
    }

    /** The column of {@code scope} that {@code e} is (the rowid: IndexQuery.ROWID), or null. */
    private static Integer column(Expr e, Scope scope, ExprCompiler exprs) {
        if (e instanceof Expr.ColumnRef ref) {
            ColumnKey key = exprs.columnKey(ref);
            if (key != null && key.cursor() == scope.cursor()) {
                return key.column();
            }
        }
        return null;
    }

    /** Whether {@code e} reads a column of {@code scope}. */
    private static boolean reads(Expr e, Scope scope, ExprCompiler exprs) {
        boolean[] found = {false};
        ExprWalker.walk(e, x -> {
            if (x instanceof Expr.ColumnRef ref) {
                ColumnKey key = exprs.columnKey(ref);
                if (key != null && key.cursor() == scope.cursor()) {
                    found[0] = true;
                }
            }
            return !found[0];
        });
        return found[0];
    }
}
