/*
 * A rowid table of the schema: where its B-tree is, its columns, which
 * column (if any) is an alias of the rowid (INTEGER PRIMARY KEY), and, for a
 * table this engine can read but not yet write without breaking what SQLite
 * expects of it (an index to maintain, a constraint to enforce), the reason.
 */
package turso.planner;

import java.util.List;
import turso.api.ResultCode;
import turso.api.TursoException;

record Table(String name, int rootPage, List<Column> columns, int rowidAlias, String writeBlocker) {

    Table {
        columns = List.copyOf(columns);
    }

    /** The same table, which cannot be written until {@code reason} is supported. */
    Table blockWrites(String reason) {
        return new Table(name, rootPage, columns, rowidAlias, writeBlocker == null ? reason : writeBlocker);
    }

    /** Refuses a write that would leave the table's indexes or constraints unmaintained. */
    void checkWritable() {
        if (writeBlocker != null) {
            if (rootPage == turso.btree.Storage.SCHEMA_ROOT) {
                throw new TursoException(ResultCode.ERROR, "table sqlite_master may not be modified");
            }
            throw Unsupported.feature("writing to table " + name + ", which has " + writeBlocker);
        }
    }

    /** The index of the column called {@code name} (ASCII case ignored), or -1. */
    int columnIndex(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
