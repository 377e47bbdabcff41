/*
 * A view of the schema, or a table of a WITH clause: a name standing for a
 * SELECT, with the column names its definition gives (null: those of the
 * SELECT's result). A query reading one runs the SELECT into a temporary
 * table first (SelectCompiler). A recursive WITH table is built by running
 * its recursive part once per row found; while it runs, its own name stands
 * for the row being expanded: the table on {@code boundCursor}, with
 * {@code boundColumns} (-1 and null otherwise).
 */
package turso.planner;

import java.util.List;
import turso.parser.ast.Select;

record View(String name, List<String> columns, Select select, boolean recursive, int boundCursor,
        List<Column> boundColumns) {

    View(String name, List<String> columns, Select select) {
        this(name, columns, select, false, -1, null);
    }
}
