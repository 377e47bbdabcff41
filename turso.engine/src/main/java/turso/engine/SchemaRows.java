/*
 * The rows of sqlite_schema as stored (type, name, tbl_name, rootpage, sql),
 * in rowid order, read when a PRAGMA runs: the schema pragmas describe the
 * objects from their CREATE text as SQLite does, and integrity_check needs
 * the root page of every table and index, including those the planner's
 * Schema does not model yet. The caller holds a read transaction.
 */
package turso.engine;

import java.util.ArrayList;
import java.util.List;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.btree.BTreeCursor;
import turso.btree.Record;
import turso.btree.Storage;
import turso.parser.SqlParser;
import turso.parser.ast.Stmt;

record SchemaRows(List<Entry> entries) {

    /** One object: {@code sql} is null for the automatic indexes of UNIQUE and PRIMARY KEY constraints. */
    record Entry(String type, String name, String table, long rootPage, String sql) {

        /** The parsed CREATE statement, or null when there is no text. */
        Stmt parse() {
            if (sql == null) {
                return null;
            }
            try {
                return SqlParser.parseOne(sql);
            } catch (TursoException e) {
                throw new TursoException(ResultCode.CORRUPT, "malformed database schema (" + name + ")");
            }
        }
    }

    static SchemaRows read(Storage storage) {
        List<Entry> entries = new ArrayList<>();
        if (storage.pageCount() == 0) {
            return new SchemaRows(entries);
        }
        try (BTreeCursor cursor = storage.openTableCursor(Storage.SCHEMA_ROOT)) {
            for (boolean more = cursor.first(); more; more = cursor.next()) {
                Record row = cursor.record();
                int n = row.columnCount();
                entries.add(new Entry(n > 0 ? row.getString(0) : null, n > 1 ? row.getString(1) : null,
                        n > 2 ? row.getString(2) : null, n > 3 && !row.isNull(3) ? row.getLong(3) : 0,
                        n > 4 ? row.getString(4) : null));
            }
        }
        return new SchemaRows(entries);
    }

    /** The object of this type called {@code name} (ASCII case ignored), or null. */
    Entry find(String type, String name) {
        for (Entry e : entries) {
            if (type.equals(e.type()) && name.equalsIgnoreCase(e.name())) {
                return e;
            }
        }
        return null;
    }

    /** The indexes of table {@code table}, in the order they were created. */
    List<Entry> indexesOf(String table) {
        List<Entry> indexes = new ArrayList<>();
        for (Entry e : entries) {
            if ("index".equals(e.type()) && table.equalsIgnoreCase(e.table())) {
                indexes.add(e);
            }
        }
        return indexes;
    }

    /** The root page of every table and index, for the integrity check. */
    int[] roots() {
        return entries.stream().mapToLong(Entry::rootPage).filter(r -> r > 0 && r <= Integer.MAX_VALUE)
                .mapToInt(r -> (int) r).toArray();
    }
}
