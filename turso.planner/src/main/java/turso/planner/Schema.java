/*
 * The schema of a database as the planner sees it, read from sqlite_schema
 * (the table B-tree on page 1) by parsing each object's stored CREATE text,
 * as SQLite does. Immutable once read: a statement that changes the schema
 * makes the engine load a new one. It may be read on first use (lazy), as
 * SQLite reads it: a file that is not a database then fails the first
 * statement that names a table, not the open, and "SELECT 1" still runs.
 */
package turso.planner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
    private Map<String, View> views;
    /** The stored CREATE text of every object that has one, by lower-cased name (ALTER TABLE rewrites them). */
    private Map<String, String> texts;
    /** The tables of the WITH clauses around the statement being compiled, by lower-cased name; they hide the schema's. */
    private final Map<String, View> withTables;
    /** Every trigger by lower-cased name (triggers have names of their own: a table and a trigger may share one). */
    private Map<String, TriggerDefinition> triggers;
    /** The trigger program being compiled against this schema, or null. */
    private final TriggerScope firing;
    /** Reads the schema on first use; null once read. */
    private java.util.function.Supplier<Schema> loader;

    private Schema(Map<String, Table> tables, Map<String, String> objectKinds, Map<String, View> views,
            Map<String, String> texts, Map<String, TriggerDefinition> triggers) {
        this.tables = tables;
        this.objectKinds = objectKinds;
        this.views = views;
        this.texts = texts;
        this.triggers = triggers;
        this.withTables = Map.of();
        this.firing = null;
    }

    private Schema(Schema base, Map<String, View> withTables, TriggerScope firing) {
        base.read();
        this.tables = base.tables;
        this.objectKinds = base.objectKinds;
        this.views = base.views;
        this.texts = base.texts;
        this.triggers = base.triggers;
        this.withTables = withTables;
        this.firing = firing;
    }

    /** This schema, where {@code view} (a WITH table) hides any object of its name. */
    Schema with(View view) {
        Map<String, View> all = new LinkedHashMap<>(withTables);
        all.put(key(view.name()), view);
        return new Schema(this, all, firing);
    }

    /** This schema for compiling the statements of a trigger program, with no WITH tables. */
    Schema firing(TriggerScope scope) {
        return new Schema(this, Map.of(), scope);
    }

    /** The trigger program being compiled, or null. */
    TriggerScope firing() {
        return firing;
    }

    /** The trigger called {@code name}, or null. */
    TriggerDefinition trigger(String name) {
        read();
        return triggers.get(key(name));
    }

    /** Every trigger, in schema order. */
    java.util.Collection<TriggerDefinition> triggers() {
        read();
        return java.util.Collections.unmodifiableCollection(triggers.values());
    }

    /** The triggers on the table or view {@code table}, in schema order. */
    List<TriggerDefinition> triggersOn(String table) {
        read();
        return triggers.values().stream().filter(t -> t.table().equalsIgnoreCase(table)).toList();
    }

    /** The view or WITH table called {@code name}, or null. */
    View view(String name) {
        read();
        View with = withTables.get(key(name));
        return with != null ? with : views.get(key(name));
    }

    /** A schema read by {@code loader} when first needed (its errors surface then, each time until it succeeds). */
    public static Schema onFirstUse(java.util.function.Supplier<Schema> loader) {
        Schema schema = new Schema(null, null, null, null, null);
        schema.loader = loader;
        return schema;
    }

    private synchronized void read() {
        if (loader != null) {
            Schema read = loader.get();
            tables = read.tables;
            objectKinds = read.objectKinds;
            views = read.views;
            texts = read.texts;
            triggers = read.triggers;
            loader = null;
        }
    }

    /** Reads the schema; the caller holds a read transaction on {@code storage}. */
    public static Schema load(Storage storage) {
        Map<String, Table> tables = new LinkedHashMap<>();
        Map<String, String> kinds = new LinkedHashMap<>();
        Map<String, View> views = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, TriggerDefinition> triggers = new LinkedHashMap<>();
        if (storage.pageCount() == 0) {
            return new Schema(tables, kinds, views, texts, triggers);
        }
        /** Rows of indexes and triggers, applied once every table is known: {type, name, tbl_name, sql} and root. */
        List<Object[]> dependents = new ArrayList<>();
        try (BTreeCursor cursor = storage.openTableCursor(Storage.SCHEMA_ROOT)) {
            for (boolean more = cursor.first(); more; more = cursor.next()) {
                Record row = cursor.record();
                String type = row.getString(0);
                String name = row.getString(1);
                if (type == null || name == null) {
                    throw corrupt("an object with no type or name");
                }
                if (!type.equals("trigger")) {
                    kinds.put(key(name), type);
                }
                String owner = row.columnCount() > 2 ? row.getString(2) : null;
                int root = row.columnCount() > 3 ? (int) row.getLong(3) : 0;
                String sql = row.columnCount() > 4 ? row.getString(4) : null;
                if (sql != null && !type.equals("trigger")) {
                    texts.put(key(name), sql);
                }
                if (type.equals("table") && sql != null
                        && (!name.startsWith("sqlite_") || name.equals(Autoincrement.SEQUENCE)
                                || name.startsWith("sqlite_stat"))) {
                    if (parse(name, sql) instanceof Stmt.CreateTable create) {
                        try {
                            tables.put(key(name), TableDefinition.read(create, sql, root));
                        } catch (Unsupported e) {
                            // known by name (kinds), usable once the engine supports its features
                        }
                    }
                } else if (type.equals("view") && sql != null) {
                    if (parse(name, sql) instanceof Stmt.CreateView create) {
                        views.put(key(name), new View(name, create.columns().isEmpty() ? null
                                : create.columns().stream().map(turso.parser.ast.Name::value).toList(), create.select()));
                    }
                } else if ((type.equals("index") || type.equals("trigger")) && owner != null) {
                    dependents.add(new Object[] {type, name, owner, sql, root});
                }
            }
        }
        for (Object[] d : dependents) {
            String owner = key((String) d[2]);
            Table table = tables.get(owner);
            String name = (String) d[1];
            String sql = (String) d[3];
            int root = (Integer) d[4];
            if (d[0].equals("trigger")) {
                if (sql != null && parse(name, sql) instanceof Stmt.CreateTrigger create) {
                    triggers.put(key(name), TriggerDefinition.read(create, sql));
                }
            } else if (table == null) {
                continue;
            } else if (sql == null) {
                Index auto = null;
                for (Index i : table.indexes()) {
                    if (i.name().equalsIgnoreCase(name)) {
                        auto = i;
                    }
                }
                if (auto == null) {
                    throw corrupt("orphan index");
                }
                tables.put(owner, table.withIndex(auto.withRoot(root)));
            } else if (parse(name, sql) instanceof Stmt.CreateIndex create) {
                try {
                    tables.put(owner, table.withIndex(IndexDefinition.read(create, table, root)));
                } catch (Unsupported e) {
                    tables.put(owner, table.blockWrites(e.getMessage().replaceFirst("^not supported yet: ", "")));
                }
            }
        }
        return new Schema(tables, kinds, views, texts, triggers);
    }

    private static Stmt parse(String name, String sql) {
        try {
            return SqlParser.parseOne(sql);
        } catch (TursoException e) {
            throw corrupt(name + ": " + e.getMessage());
        }
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
        if (withTables.containsKey(key(name))) {
            return null;
        }
        if (isSchemaTable(name)) {
            return new Table(name, SCHEMA_TABLE.rootPage(), SCHEMA_TABLE.columns(), -1, SCHEMA_TABLE.writeBlocker());
        }
        return tables.get(key(name));
    }

    /** Every table of the schema that this engine can use, in schema order. */
    java.util.Collection<Table> tables() {
        read();
        return java.util.Collections.unmodifiableCollection(tables.values());
    }

    /** The index called {@code name} and its table, or null. */
    Index index(String name) {
        read();
        for (Table t : tables.values()) {
            for (Index i : t.indexes()) {
                if (i.name().equalsIgnoreCase(name)) {
                    return i;
                }
            }
        }
        return null;
    }

    /** The stored CREATE text of the object called {@code name}, or null. */
    String sql(String name) {
        read();
        return texts.get(key(name));
    }

    /** The names of the schema's views. */
    java.util.List<String> viewNames() {
        read();
        return views.values().stream().map(View::name).toList();
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
