/*
 * An index of the schema, as the planner uses it to keep it up to date and
 * to find rows: its B-tree, the table columns its key holds (then the rowid,
 * as every index key of a rowid table ends), each with its collating
 * sequence and order, whether it is UNIQUE, a partial index's WHERE, and
 * where it came from: CREATE INDEX ("c"), a UNIQUE constraint ("u") or a
 * PRIMARY KEY that is not the rowid ("pk"), as PRAGMA index_list reports.
 */
package turso.planner;

import java.util.List;
import turso.parser.ast.ConflictResolution;
import turso.parser.ast.Expr;

record Index(String name, String tableName, int rootPage, List<Part> parts, boolean unique, Expr where,
        String origin, ConflictResolution onConflict) {

    /**
     * One key column: the table column ({@link ColumnKey#ROWID} for the
     * rowid alias; {@link #EXPRESSION} for an expression of the row, then
     * {@code expr}), its collation and order.
     */
    record Part(int column, String collation, boolean descending, Expr expr) {
        Part(int column, String collation, boolean descending) {
            this(column, collation, descending, null);
        }
    }

    /** Part.column of a key column that is an expression (SQLite's XN_EXPR). */
    static final int EXPRESSION = -2;

    Index {
        parts = List.copyOf(parts);
    }

    Index withRoot(int root) {
        return new Index(name, tableName, root, parts, unique, where, origin, onConflict);
    }

    /** Whether the index holds table column {@code column} (so a query reading only such columns need not read the table). */
    boolean covers(int column) {
        for (Part p : parts) {
            if (p.column() == column) {
                return true;
            }
        }
        return false;
    }
}
