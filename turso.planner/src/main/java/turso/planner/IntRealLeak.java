/*
 * SQLite keeps an integral value of a REAL column that it stores as an
 * integer in the record (between -2^47 and 2^47-1) as an "integer flagged
 * real" (MEM_IntReal) in the registers of the row INSERT or UPDATE writes.
 * typeof() and arithmetic treat it as a real, but when RETURNING hands it on
 * unchanged through coalesce(), ifnull(), nullif(), min()/max(), iif(),
 * CASE, likely() or unary + (as opposed to naming the column itself,
 * which SQLite 3.54 converts to a real, and 3.40 did not), the application
 * receives an INTEGER (sqlite3_column_type, the text "2"). This engine has no
 * such values: RETURNING gets the same answer by converting, on those paths
 * only, the column to an integer where SQLite would have flagged it.
 *
 * When SQLite does this depends on how it codes the write (checked against
 * SQLite 3.54): always for a STRICT table; otherwise only when the row goes
 * through no index and no CHECK constraint (those make SQLite apply the
 * columns' affinities before the record is made, leaving reals as reals):
 * for INSERT, a table with neither; for UPDATE (and upsert's DO UPDATE), no
 * index and no CHECK reading a changed column, the rowid unchanged or no
 * index at all, and never for a WITHOUT ROWID table. DELETE and views never.
 */
package turso.planner;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import turso.parser.SqlParser;
import turso.parser.ast.Expr;
import turso.parser.ast.ResultColumn;
import turso.parser.ast.SelectCore;
import turso.parser.ast.Stmt;
import turso.vm.Affinity;

final class IntRealLeak {
    private IntRealLeak() {
    }

    /** Whether SQLite hands on integer-stored reals of the row INSERT writes into {@code table}. */
    static boolean onInsert(Table table) {
        return strict(table) || table.indexes().isEmpty() && table.checks().isEmpty();
    }

    /**
     * Whether it does for the row an UPDATE writes: {@code newValue} has the
     * new value of each column it sets (null for the others).
     */
    static boolean onUpdate(Table table, Expr[] newValue, boolean rowidChanges) {
        if (strict(table)) {
            return true;
        }
        if (table.withoutRowid() || rowidChanges && !table.indexes().isEmpty()) {
            return false;
        }
        Set<String> changed = new HashSet<>();
        for (int j = 0; j < newValue.length; j++) {
            if (newValue[j] != null) {
                changed.add(table.columns().get(j).name().toLowerCase(Locale.ROOT));
            }
        }
        if (rowidChanges) {
            changed.addAll(List.of("rowid", "oid", "_rowid_"));
        }
        for (int pass = 0; pass < table.columns().size(); pass++) {
            boolean more = false;
            for (Column c : table.columns()) {
                if (c.generated() != null && !changed.contains(c.name().toLowerCase(Locale.ROOT))
                        && reads(c.generated().expr(), changed)) {
                    changed.add(c.name().toLowerCase(Locale.ROOT));
                    more = true;
                }
            }
            if (!more) {
                break;
            }
        }
        for (Index index : table.indexes()) {
            for (Index.Part p : index.parts()) {
                if (p.column() >= 0 && changed.contains(table.columns().get(p.column()).name().toLowerCase(Locale.ROOT))
                        || p.expr() != null && reads(p.expr(), changed)) {
                    return false;
                }
            }
            if (index.where() != null && reads(index.where(), changed)) {
                return false;
            }
        }
        return table.checks().stream().noneMatch(c -> reads(c.expr(), changed));
    }

    private static boolean strict(Table table) {
        return !table.columns().isEmpty() && table.columns().getFirst().strict();
    }

    private static boolean reads(Expr e, Set<String> columns) {
        boolean[] found = {false};
        ExprWalker.walk(e, x -> {
            if (x instanceof Expr.ColumnRef c && columns.contains(c.column().value().toLowerCase(Locale.ROOT))) {
                found[0] = true;
            }
            return !found[0];
        });
        return found[0];
    }

    /**
     * {@code e}, a RETURNING term over the row written to {@code table}, with
     * the REAL columns it hands on unchanged converted as SQLite's flagged
     * values reach the application. A term that is the column itself (under
     * COLLATE or not) is a real in SQLite 3.54, so stays as it is.
     */
    static Expr returned(Expr e, Table table) {
        Expr inner = e;
        while (inner instanceof Expr.Collate c) {
            inner = c.expr();
        }
        return inner instanceof Expr.ColumnRef ? e : handedOn(e, table);
    }

    private static Expr handedOn(Expr e, Table table) {
        return switch (e) {
            case Expr.ColumnRef c -> {
                Column column = realColumn(c, table);
                yield column == null ? e : asSqliteHandsItOn(table, column);
            }
            case Expr.Unary u when u.op() == Expr.UnaryOp.PLUS ->
                    new Expr.Unary(u.op(), handedOn(u.operand(), table), u.span());
            case Expr.Collate c -> new Expr.Collate(handedOn(c.expr(), table), c.collation(), c.span());
            case Expr.Case c -> {
                List<Expr.WhenThen> whens = new ArrayList<>();
                for (Expr.WhenThen w : c.whens()) {
                    whens.add(new Expr.WhenThen(w.when(), handedOn(w.then(), table)));
                }
                yield new Expr.Case(c.operand(), whens, c.elseExpr() == null ? null : handedOn(c.elseExpr(), table),
                        c.span());
            }
            case Expr.FunctionCall f when f.over() == null && f.filter() == null && !f.star() && !f.distinct() -> {
                int n = f.args().size();
                int from;
                int to;
                switch (f.name().value().toLowerCase(Locale.ROOT)) {
                    case "coalesce", "ifnull" -> {
                        from = 0;
                        to = n;
                    }
                    case "max", "min" -> {
                        from = 0;
                        to = n >= 2 ? n : 0;
                    }
                    case "nullif", "likely", "unlikely", "likelihood" -> {
                        from = 0;
                        to = Math.min(n, 1);
                    }
                    case "iif" -> {
                        from = 1;
                        to = n;
                    }
                    default -> {
                        from = 0;
                        to = 0;
                    }
                }
                if (from >= to) {
                    yield e;
                }
                List<Expr> args = new ArrayList<>(f.args());
                for (int k = from; k < to; k++) {
                    args.set(k, handedOn(args.get(k), table));
                }
                yield new Expr.FunctionCall(f.name(), f.distinct(), f.star(), args, f.orderBy(), f.filter(), f.over(),
                        f.span());
            }
            default -> e;
        };
    }

    /** The REAL column of {@code table}'s record that {@code c} names, or null. */
    private static Column realColumn(Expr.ColumnRef c, Table table) {
        if (c.schema() != null && !c.schema().is("main") || c.table() != null && !c.table().is(table.name())) {
            return null;
        }
        int j = table.columnIndex(c.column().value());
        if (j < 0 || j == table.rowidAlias()) {
            return null;
        }
        Column column = table.columns().get(j);
        return column.affinity() == Affinity.REAL && (column.generated() == null || column.generated().stored())
                ? column : null;
    }

    /** The column as an integer where SQLite would have stored it as one, else as it is. */
    private static Expr asSqliteHandsItOn(Table table, Column column) {
        String x = quote(table.name()) + "." + quote(column.name());
        String sql = "SELECT CASE WHEN typeof(" + x + ") = 'real' AND " + x + " = CAST(" + x + " AS INTEGER) AND "
                + x + " BETWEEN -140737488355328 AND 140737488355327 THEN CAST(" + x + " AS INTEGER) ELSE " + x
                + " END";
        Stmt.SelectStmt select = (Stmt.SelectStmt) SqlParser.parseOne(sql);
        Expr converted = ((ResultColumn.Single) ((SelectCore.Simple) select.select().first()).columns().getFirst())
                .expr();
        return column.collation() == null || column.collation().equalsIgnoreCase("BINARY") ? converted
                : new Expr.Collate(converted, Synthetic.name(column.collation()), Synthetic.NO_SPAN);
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
