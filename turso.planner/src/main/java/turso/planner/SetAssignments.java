/*
 * The SET clauses of an UPDATE or of an upsert's DO UPDATE, resolved against
 * the table: the new value of each column (null where unchanged) and of the
 * rowid, with row-valued clauses, SET (a, b) = (...), split per column.
 */
package turso.planner;

import java.util.List;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.parser.ast.Expr;
import turso.parser.ast.Name;
import turso.parser.ast.SetClause;

record SetAssignments(Expr[] newValue, Expr newRowid) {

    static SetAssignments of(Table table, List<SetClause> sets) {
        Expr[] newValue = new Expr[table.columns().size()];
        Expr newRowid = null;
        for (SetClause set : sets) {
            List<Expr> assigned = set.columns().size() == 1 ? List.of(set.value()) : RowValues.assigned(set);
            for (int c = 0; c < assigned.size(); c++) {
                Name column = set.columns().get(c);
                int index = table.columnIndex(column.value());
                if (index < 0 && Scope.isRowidName(column.value()) && !table.withoutRowid()) {
                    newRowid = assigned.get(c);
                } else if (index < 0) {
                    throw new TursoException(ResultCode.ERROR, "no such column: " + column.value());
                } else if (table.columns().get(index).generated() != null) {
                    throw new TursoException(ResultCode.ERROR,
                            "cannot UPDATE generated column \"" + column.value() + "\"");
                } else if (index == table.rowidAlias()) {
                    newRowid = assigned.get(c);
                } else {
                    newValue[index] = assigned.get(c);
                }
            }
        }
        return new SetAssignments(newValue, newRowid);
    }
}
