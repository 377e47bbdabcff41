/*
 * A view of the schema, or a table of a WITH clause: a name standing for a
 * SELECT, with the column names its definition gives (null: those of the
 * SELECT's result). A query reading one runs the SELECT into a temporary
 * table first (SelectCompiler).
 */
package turso.planner;

import java.util.List;
import turso.parser.ast.Select;

record View(String name, List<String> columns, Select select) {
}
