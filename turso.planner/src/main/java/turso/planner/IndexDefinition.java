/*
 * Turns a CREATE INDEX statement into an Index of its table: each term a
 * column of the table (with its own COLLATE, else the column's collation,
 * and ASC or DESC), the rowid alias standing for the rowid. Indexes on
 * expressions are not supported yet: a table that has one stays readable,
 * and its writes are refused.
 */
package turso.planner;

import java.util.ArrayList;
import java.util.List;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.parser.ast.Expr;
import turso.parser.ast.OrderingTerm;
import turso.parser.ast.Stmt;

final class IndexDefinition {
    private IndexDefinition() {
    }

    static Index read(Stmt.CreateIndex create, Table table, int rootPage) {
        List<Index.Part> parts = new ArrayList<>();
        for (OrderingTerm term : create.columns()) {
            Expr e = term.expr();
            String collation = null;
            if (e instanceof Expr.Collate c) {
                collation = c.collation().value();
                e = c.expr();
            }
            if (!(e instanceof Expr.ColumnRef ref) || ref.table() != null) {
                throw Unsupported.feature("indexes on expressions");
            }
            int column = table.columnIndex(ref.column().value());
            if (column < 0) {
                if (Scope.isRowidName(ref.column().value())) {
                    throw Unsupported.feature("indexes on expressions");
                }
                throw new TursoException(ResultCode.ERROR, "no such column: " + ref.column().value(),
                        ref.span().start(), null);
            }
            parts.add(new Index.Part(column == table.rowidAlias() ? ColumnKey.ROWID : column,
                    collation != null ? collation : table.columns().get(column).collation(),
                    term.order() == OrderingTerm.SortOrder.DESC));
        }
        return new Index(create.name().name().value(), table.name(), rootPage, parts, create.unique(), create.where(),
                "c", null);
    }
}
