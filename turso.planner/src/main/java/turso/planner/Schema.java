/*
 * The schema of a database as the planner sees it, read from sqlite_schema
 * (the table B-tree on page 1) by parsing each object's stored CREATE text,
 * as SQLite does. Immutable once read: a statement that changes the schema
 * makes the engine load a new one. It may be read on first use (lazy), as
 * SQLite reads it: a file that is not a database then fails the first
 * statement that names a table, not the open, and "SELECT 1" still runs.
 */
package turso.planner;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.btree.BTreeCursor;
import turso.btree.Record;
import turso.btree.Storage;
import turso.parser.SqlParser;
import turso.parser.ast.Stmt;

public final class Schema {
    /** Every object by lower-cased name: tables parsed, other kinds known by name only for now. */
    private Map<String, Table> tables;
    private Map<String, String> objectKinds;
    /** Reads the schema on first use; null once read. */
    private java.util.function.Supplier<Schema> loader;

    private Schema(Map<String, Table> tables, Map<String, String> objectKinds) {
        this.tables = tables;
        this.objectKinds = objectKinds;
    }

    /** A schema read by {@code loader} when first needed (its errors surface then, each time until it succeeds). */
    public static Schema onFirstUse(java.util.function.Supplier<Schema> loader) {
        Schema schema = new Schema(null, null);
        schema.loader = loader;
        return schema;
    }

    private synchronized void read() {
        if (loader != null) {
            Schema read = loader.get();
            tables = read.tables;
            objectKinds = read.objectKinds;
            loader = null;
        }
    }

    /** Reads the schema; the caller holds a read transaction on {@code storage}. */
    public static Schema load(Storage storage) {
        Map<String, Table> tables = new LinkedHashMap<>();
        Map<String, String> kinds = new LinkedHashMap<>();
        /** Tables with indexes or triggers, which writes would have to maintain or fire: the reason, by table. */
        Map<String, String> blocked = new LinkedHashMap<>();
        if (storage.pageCount() == 0) {
            return new Schema(tables, kinds);
        }
        try (BTreeCursor cursor = storage.openTableCursor(Storage.SCHEMA_ROOT)) {
            for (boolean more = cursor.first(); more; more = cursor.next()) {
                Record row = cursor.record();
                String type = row.getString(0);
                String name = row.getString(1);
                if (type == null || name == null) {
                    throw corrupt("an object with no type or name");
                }
                kinds.put(key(name), type);
                if ((type.equals("index") || type.equals("trigger")) && row.columnCount() > 2 && row.getString(2) != null) {
                    blocked.putIfAbsent(key(row.getString(2)), type.equals("index") ? "indexes" : "triggers");
                }
                String sql = row.columnCount() > 4 ? row.getString(4) : null;
                if (type.equals("table") && sql != null && !name.startsWith("sqlite_")) {
                    Stmt stmt;
                    try {
                        stmt = SqlParser.parseOne(sql);
                    } catch (TursoException e) {
                        throw corrupt(name + ": " + e.getMessage());
                    }
                    if (stmt instanceof Stmt.CreateTable create) {
                        try {
                            tables.put(key(name), TableDefinition.read(create, (int) row.getLong(3)));
                        } catch (Unsupported e) {
                            // known by name (kinds), usable once the engine supports its features
                        }
                    }
                }
            }
        }
        for (Map.Entry<String, String> b : blocked.entrySet()) {
            Table t = tables.get(b.getKey());
            if (t != null) {
                tables.put(b.getKey(), t.blockWrites(b.getValue()));
            }
        }
        return new Schema(tables, kinds);
    }

    private static TursoException corrupt(String detail) {
        return new TursoException(ResultCode.CORRUPT, "malformed database schema (" + detail + ")");
    }

    /**
     * The schema table itself (page 1), under both its names: readable by
     * queries, written only by the engine's DDL.
     */
    private static final Table SCHEMA_TABLE = new Table("sqlite_schema", Storage.SCHEMA_ROOT, java.util.List.of(
            new Column("type", "text", turso.vm.Affinity.TEXT, "BINARY", false, null),
            new Column("name", "text", turso.vm.Affinity.TEXT, "BINARY", false, null),
            new Column("tbl_name", "text", turso.vm.Affinity.TEXT, "BINARY", false, null),
            new Column("rootpage", "int", turso.vm.Affinity.INTEGER, "BINARY", false, null),
            new Column("sql", "text", turso.vm.Affinity.TEXT, "BINARY", false, null)), -1, "the database schema");

    private static boolean isSchemaTable(String name) {
        return name.equalsIgnoreCase("sqlite_schema") || name.equalsIgnoreCase("sqlite_master");
    }

    /** The table called {@code name}, or null. */
    Table table(String name) {
        read();
        if (isSchemaTable(name)) {
            return new Table(name, SCHEMA_TABLE.rootPage(), SCHEMA_TABLE.columns(), -1, SCHEMA_TABLE.writeBlocker());
        }
        return tables.get(key(name));
    }

    /** What kind of object ("table", "index", "view", "trigger") is called {@code name}, or null. */
    String kindOf(String name) {
        read();
        return isSchemaTable(name) ? "table" : objectKinds.get(key(name));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
