/*
 * A view of the schema, or a table of a WITH clause: a name standing for a
 * SELECT, with the column names its definition gives (null: those of the
 * SELECT's result). A query reading one runs the SELECT into a temporary
 * table first (SelectCompiler). A recursive WITH table is built by running
 * its recursive part once per row found; while it runs, its own name stands
 * for the row being expanded: the table on {@code boundCursor}, with
 * {@code boundColumns} (-1 and null otherwise). A view of a database
 * knows which (db: 0 main, 1 temp, 2.. attached; -1 for a WITH table): the
 * names its SELECT uses are looked up in that database only, unless it is
 * the temp database, as SQLite does. A view of the schema keeps its CREATE
 * VIEW text in {@code sql}: the spans of its SELECT, from which result
 * columns without a name are named ("1+1"), point into that text, not into
 * the statement reading the view (null for a WITH table).
 */
package turso.planner;

import java.util.List;
import turso.parser.ast.Select;

record View(String name, List<String> columns, Select select, boolean recursive, int boundCursor,
        List<Column> boundColumns, int db, String sql) {

    View(String name, List<String> columns, Select select, String sql) {
        this(name, columns, select, false, -1, null, -1, sql);
    }

    View(String name, List<String> columns, Select select, boolean recursive, int boundCursor,
            List<Column> boundColumns) {
        this(name, columns, select, recursive, boundCursor, boundColumns, -1, null);
    }

    /** The same view, of database {@code db}. */
    View inDatabase(int db) {
        return new View(name, columns, select, recursive, boundCursor, boundColumns, db, sql);
    }
}
