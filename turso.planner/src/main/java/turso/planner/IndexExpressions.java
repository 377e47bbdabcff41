/*
 * Recognises, in a query, an expression that an index of the table keeps
 * (CREATE INDEX i ON t(lower(name))), so that a comparison of it can seek
 * the index and ORDER BY on it can read the index in order (expridx.html).
 * An expression matches when it is the same computation as the index's:
 * both are brought to one form (the table's columns by their lower-cased
 * names whatever table name or alias qualifies them, function names
 * lower-cased, a COLLATE on top set aside) and compared. Each distinct
 * expression of a table's indexes gets a key of its own, below every
 * column number, which AccessPaths uses as it uses a column's.
 */
package turso.planner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import turso.parser.ast.Expr;
import turso.parser.ast.Name;
import turso.parser.ast.Span;

final class IndexExpressions {
    private IndexExpressions() {
    }

    /** Not an expression of an index. */
    static final int NONE = Integer.MIN_VALUE;
    /** The key of a table's first index expression; the next ones count down from it. */
    private static final int FIRST = -1000;
    private static final Span NOWHERE = new Span(0, 0);

    /** The key AccessPaths matches terms by for {@code part}: its column, or its expression's key. */
    static int keyOf(Index.Part part, Table table) {
        if (part.column() != Index.EXPRESSION) {
            return part.column();
        }
        Expr form = ofIndex(part.expr(), table);
        List<Expr> all = expressions(table);
        int at = form == null ? -1 : all.indexOf(form);
        return at < 0 ? NONE : FIRST - at;
    }

    /** The key of query expression {@code e} if an index of {@code scope}'s table keeps it, else NONE. */
    static int keyOf(Expr e, Scope scope, ExprCompiler exprs) {
        if (e instanceof Expr.ColumnRef || scope.table().indexes().stream()
                .allMatch(i -> i.parts().stream().allMatch(p -> p.column() != Index.EXPRESSION))) {
            return NONE;
        }
        Expr form = ofQuery(e instanceof Expr.Collate c ? c.expr() : e, scope, exprs);
        int at = form == null ? -1 : expressions(scope.table()).indexOf(form);
        return at < 0 ? NONE : FIRST - at;
    }

    /** The distinct expressions of the table's indexes, in one form, in the order the indexes hold them. */
    private static List<Expr> expressions(Table table) {
        List<Expr> all = new ArrayList<>();
        for (Index index : table.indexes()) {
            for (Index.Part p : index.parts()) {
                if (p.column() == Index.EXPRESSION) {
                    Expr form = ofIndex(p.expr(), table);
                    if (form != null && !all.contains(form)) {
                        all.add(form);
                    }
                }
            }
        }
        return all;
    }

    /** An index's expression in the form compared, or null if a name in it is no column of the table. */
    static Expr ofIndex(Expr e, Table table) {
        boolean[] bad = {false};
        Expr form = rewrite(e, ref -> {
            int column = table.columnIndex(ref.column().value());
            if (ref.table() != null || column < 0) {
                bad[0] = true;
                return ref;
            }
            return column(table, column);
        });
        return bad[0] ? null : form;
    }

    /** A query's expression in the form compared, or null if it reads anything but {@code scope}'s columns. */
    static Expr ofQuery(Expr e, Scope scope, ExprCompiler exprs) {
        boolean[] bad = {false};
        Expr form = rewrite(e, ref -> {
            ColumnKey key = exprs.columnKey(ref);
            if (key == null || key.cursor() != scope.cursor()) {
                bad[0] = true;
                return ref;
            }
            return column(scope.table(), key.column());
        });
        return bad[0] ? null : form;
    }

    private static Expr column(Table table, int column) {
        String name = column == ColumnKey.ROWID || column == table.rowidAlias() ? "rowid"
                : table.columns().get(column).name().toLowerCase(Locale.ROOT);
        return new Expr.ColumnRef(null, null, new Name(name, Name.Quote.NONE, NOWHERE), NOWHERE);
    }

    private static Expr rewrite(Expr e, java.util.function.Function<Expr.ColumnRef, Expr> columns) {
        return switch (e) {
            case Expr.ColumnRef ref -> columns.apply(ref);
            case Expr.FunctionCall call -> {
                Expr.FunctionCall mapped = (Expr.FunctionCall) ExprMapper.children(call, x -> rewrite(x, columns));
                yield new Expr.FunctionCall(new Name(call.name().value().toLowerCase(Locale.ROOT), Name.Quote.NONE,
                        NOWHERE), mapped.distinct(), mapped.star(), mapped.args(), mapped.orderBy(), mapped.filter(),
                        mapped.over(), mapped.span());
            }
            default -> ExprMapper.children(e, x -> rewrite(x, columns));
        };
    }
}
