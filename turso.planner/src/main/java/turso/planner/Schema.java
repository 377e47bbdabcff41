/*
 * The schema of a database as the planner sees it, read from sqlite_schema
 * (the table B-tree on page 1) by parsing each object's stored CREATE text,
 * as SQLite does. Immutable once read: a statement that changes the schema
 * makes the engine load a new one. It may be read on first use (lazy), as
 * SQLite reads it: a file that is not a database then fails the first
 * statement that names a table, not the open, and "SELECT 1" still runs.
 *
 * A connection has several databases (0 main, 1 temp, 2.. attached), each
 * with a schema of its own; the schema a statement is compiled against
 * joins them (connection()): an unqualified name is looked up in temp, then
 * main, then the attached databases in order, as SQLite does, and a name
 * qualified by a database's name in that database only.
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
    /** The schema of each database of the connection by index, when this schema joins them; else null. */
    private final List<Schema> databases;
    /** The name of each database of {@link #databases}. */
    private final List<String> names;
    /** The one database unqualified names are looked up in (a view's or trigger's of that database), or -1: all. */
    private final int home;
    /** Whether statements compiled against this schema enforce foreign keys (PRAGMA foreign_keys). */
    private boolean enforceForeignKeys;
    /** Whether PRAGMA defer_foreign_keys is on: RESTRICT actions then wait for COMMIT like the others. */
    private boolean deferForeignKeys;
    /** Whether PRAGMA recursive_triggers is on: a trigger's program may fire that trigger again. */
    private boolean recursiveTriggers;
    /** The PRAGMAs that change how statements compile (ignore_check_constraints, automatic_index ...). */
    private CompileFlags flags = CompileFlags.DEFAULT;
    /** The foreign keys of the tables, worked out when first needed. */
    private ForeignKeys foreignKeys;
    /** The virtual tables of the schema, the modules they are made by, and the tables connected so far. */
    private VirtualTables virtualTables;
    /** What sqlite_stat1 says of the tables, as read with the schema. */
    private Statistics statistics = Statistics.NONE;
    /** The CREATE texts parsed by the load that read this schema, for the next load of the same database to reuse. */
    private ParsedTexts parsed = ParsedTexts.NONE;
    /** The largest rowid of sqlite_schema read (0: none): where {@link #extend} goes on from. */
    private long lastRowid;

    private Schema(Map<String, Table> tables, Map<String, String> objectKinds, Map<String, View> views,
            Map<String, String> texts, Map<String, TriggerDefinition> triggers, VirtualTables virtualTables) {
        this(tables, objectKinds, views, texts, triggers, virtualTables, null, null);
    }

    private Schema(Map<String, Table> tables, Map<String, String> objectKinds, Map<String, View> views,
            Map<String, String> texts, Map<String, TriggerDefinition> triggers, VirtualTables virtualTables,
            List<Schema> databases, List<String> names) {
        this.virtualTables = virtualTables;
        this.tables = tables;
        this.objectKinds = objectKinds;
        this.views = views;
        this.texts = texts;
        this.triggers = triggers;
        this.withTables = Map.of();
        this.firing = null;
        this.databases = databases;
        this.names = names;
        this.home = -1;
    }

    /**
     * The schema of a connection's databases together: {@code databases}
     * by index (0 main, 1 temp, 2.. attached; temp may be an empty schema),
     * {@code names} their names.
     */
    public static Schema connection(List<Schema> databases, List<String> names) {
        if (databases.size() != names.size() || databases.size() < 2) {
            throw new IllegalArgumentException("main and temp are needed, each named");
        }
        return new Schema(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), null, List.copyOf(databases),
                List.copyOf(names));
    }

    /** An empty schema (the temp database before anything is created in it). */
    public static Schema empty() {
        return new Schema(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(),
                new LinkedHashMap<>(), (VirtualTables) null);
    }

    /** The index of the database called {@code name} (ASCII case ignored), or -1; always 0 and 1 for main and temp. */
    int databaseIndex(String name) {
        if (databases == null) {
            return name.equalsIgnoreCase("main") ? 0 : name.equalsIgnoreCase("temp") ? 1 : -1;
        }
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** How many databases the connection has (main and temp count). */
    int databaseCount() {
        return databases == null ? 2 : databases.size();
    }

    /** The name of database {@code db}. */
    String databaseName(int db) {
        if (databases == null) {
            return db == 0 ? "main" : db == 1 ? "temp" : "db" + db;
        }
        return names.get(db);
    }

    /** What sqlite_stat1 says of {@code table} (of the database it is in), or null. */
    Statistics.TableStat statistics(Table table) {
        if (databases != null) {
            return table.db() >= 0 && table.db() < databases.size() ? databases.get(table.db()).statistics(table) : null;
        }
        read();
        return statistics.of(table);
    }

    /** The schema of database {@code db} alone (with this schema's WITH tables and trigger in force). */
    Schema database(int db) {
        if (databases == null) {
            return db == 0 ? this : empty();
        }
        Schema one = databases.get(db);
        if (withTables.isEmpty() && firing == null && !enforceForeignKeys && !recursiveTriggers
                && flags.equals(CompileFlags.DEFAULT)) {
            return one;
        }
        Schema in = new Schema(one, withTables, firing);
        in.flags = flags;
        in.recursiveTriggers = recursiveTriggers;
        in.enforceForeignKeys = enforceForeignKeys;
        in.deferForeignKeys = deferForeignKeys;
        in.foreignKeys = enforceForeignKeys ? in.foreignKeys() : null;
        return in;
    }

    /**
     * A stored CREATE text ALTER TABLE rewrites: of database {@code db} (0
     * main, 1 temp, 2.. attached), a view or a trigger.
     */
    record Rewritten(int db, String type, String name, String sql) {
    }

    /**
     * This connection's schema as an ALTER TABLE of database {@code db}'s
     * table {@code old} leaves it, for checking that what it rewrote still
     * compiles: that table replaced by {@code table} (under its new name if
     * renamed), and the views and triggers {@code rewritten} read from their
     * new texts.
     */
    Schema altered(int db, String old, Table table, List<Rewritten> rewritten) {
        if (databases == null) {
            return alteredDatabase(0, old, table, rewritten);
        }
        List<Schema> all = new ArrayList<>(databases);
        for (int d = 0; d < all.size(); d++) {
            int one = d;
            if (d == db || d == 1 || rewritten.stream().anyMatch(r -> r.db() == one)) {
                all.set(d, databases.get(d).alteredDatabase(d, d == db ? old : null, d == db ? table : null,
                        rewritten));
            }
        }
        return connection(all, names);
    }

    private Schema alteredDatabase(int db, String old, Table table, List<Rewritten> rewritten) {
        read();
        Map<String, Table> newTables = new LinkedHashMap<>(tables);
        Map<String, String> newKinds = new LinkedHashMap<>(objectKinds);
        Map<String, View> newViews = new LinkedHashMap<>(views);
        Map<String, String> newTexts = new LinkedHashMap<>(texts);
        Map<String, TriggerDefinition> newTriggers = new LinkedHashMap<>(triggers);
        if (old != null) {
            newTables.remove(key(old));
            newKinds.remove(key(old));
            newTables.put(key(table.name()), table);
            newKinds.put(key(table.name()), "table");
        }
        for (Rewritten r : rewritten) {
            if (r.db() != db) {
                continue;
            }
            Stmt parsed = SqlParser.parseOne(r.sql());
            if (r.type().equals("view") && parsed instanceof Stmt.CreateView create) {
                newViews.put(key(r.name()), new View(r.name(), create.columns().isEmpty() ? null
                        : create.columns().stream().map(turso.parser.ast.Name::value).toList(), create.select(),
                        r.sql()).inDatabase(db));
                newTexts.put(key(r.name()), r.sql());
            } else if (r.type().equals("trigger") && parsed instanceof Stmt.CreateTrigger create) {
                newTriggers.put(key(r.name()), TriggerDefinition.read(create, r.sql()).inDatabase(db));
            }
        }
        Schema schema = new Schema(newTables, newKinds, newViews, newTexts, newTriggers, virtualTables);
        schema.statistics = statistics;
        return schema;
    }

    /** The databases in the order an unqualified name is looked up: temp, main, then the attached ones. */
    private List<Schema> searchOrder() {
        if (home >= 0) {
            return List.of(databases.get(home));
        }
        List<Schema> order = new ArrayList<>(databases.size());
        order.add(databases.get(1));
        order.add(databases.get(0));
        order.addAll(databases.subList(2, databases.size()));
        return order;
    }

    /** The index of the database where an unqualified name finds an object called {@code name}, or -1. */
    int databaseOf(String name) {
        if (databases == null) {
            return kindOf(name) != null ? 0 : -1;
        }
        if (isSchemaTable(name) || isTempSchemaTable(name)) {
            return home >= 0 ? home : isSchemaTable(name) ? 0 : 1;
        }
        if (home >= 0) {
            return databases.get(home).kindOf(name) != null ? home : -1;
        }
        for (int db : new int[] {1, 0}) {
            if (databases.get(db).kindOf(name) != null) {
                return db;
            }
        }
        for (int db = 2; db < databases.size(); db++) {
            if (databases.get(db).kindOf(name) != null) {
                return db;
            }
        }
        return -1;
    }

    private Schema(Schema base, Map<String, View> withTables, TriggerScope firing) {
        this(base, withTables, firing, base.home);
    }

    private Schema(Schema base, Map<String, View> withTables, TriggerScope firing, int home) {
        base.read();
        this.tables = base.tables;
        this.objectKinds = base.objectKinds;
        this.views = base.views;
        this.texts = base.texts;
        this.triggers = base.triggers;
        this.virtualTables = base.virtualTables;
        this.statistics = base.statistics;
        this.withTables = withTables;
        this.firing = firing;
        this.databases = base.databases;
        this.names = base.names;
        this.home = home;
        this.enforceForeignKeys = base.enforceForeignKeys;
        this.deferForeignKeys = base.deferForeignKeys;
        this.recursiveTriggers = base.recursiveTriggers;
        this.flags = base.flags;
        this.foreignKeys = base.enforceForeignKeys ? base.foreignKeys() : base.foreignKeys;
    }

    /**
     * The schema {@code view}'s SELECT is compiled against: a view of a
     * database other than temp sees the objects of its own database only
     * (when not qualified), as SQLite fixes them when it reads the view.
     */
    Schema forView(View view) {
        return view.db() < 0 ? this : confinedTo(view.db());
    }

    /**
     * This schema for the SQL of an object of database {@code db} (a view's
     * SELECT, a trigger's statements): unqualified names are looked up in
     * that database only, unless it is temp, where they are looked up as
     * anywhere (temp, main, attached ones).
     */
    Schema confinedTo(int db) {
        int h = db == 1 ? -1 : db;
        if (databases == null || db < 0 || h == home) {
            return this;
        }
        return new Schema(this, withTables, firing, h);
    }

    /**
     * This schema, for compiling statements that enforce foreign keys
     * ({@code deferAll}: with PRAGMA defer_foreign_keys on).
     */
    public Schema enforcingForeignKeys(boolean deferAll) {
        Schema schema = new Schema(this, withTables, firing, home);
        schema.enforceForeignKeys = true;
        schema.deferForeignKeys = deferAll;
        schema.foreignKeys = foreignKeys();
        return schema;
    }

    /** This schema, for compiling statements under PRAGMA recursive_triggers = ON. */
    public Schema withRecursiveTriggers() {
        Schema schema = new Schema(this, withTables, firing, home);
        schema.recursiveTriggers = true;
        return schema;
    }

    /**
     * The connection's PRAGMAs that change how statements compile:
     * ignore_check_constraints (tables come without their CHECK
     * constraints), automatic_index, reverse_unordered_selects (a query
     * without ORDER BY scans its tables backwards), writable_schema
     * (sqlite_schema may be written) and legacy_alter_table (RENAME TO
     * leaves views, and foreign keys unless enforced, as they were).
     */
    public record CompileFlags(boolean ignoreCheckConstraints, boolean automaticIndex,
            boolean reverseUnorderedSelects, boolean writableSchema, boolean legacyAlterTable) {
        public static final CompileFlags DEFAULT = new CompileFlags(false, true, false, false, false);
    }

    /** This schema, for compiling statements under {@code flags}. */
    public Schema withFlags(CompileFlags flags) {
        Schema schema = new Schema(this, withTables, firing, home);
        schema.flags = flags;
        return schema;
    }

    CompileFlags flags() {
        return flags;
    }

    /** {@code table} as statements see it: without CHECK constraints under PRAGMA ignore_check_constraints. */
    private Table checked(Table table) {
        return flags.ignoreCheckConstraints() && table != null ? table.withoutChecks() : table;
    }

    /** sqlite_schema (or sqlite_temp_schema) as {@code name}: written only under PRAGMA writable_schema. */
    private Table schemaTable(String name) {
        return new Table(name, SCHEMA_TABLE.rootPage(), SCHEMA_TABLE.columns(), -1,
                flags.writableSchema() ? null : SCHEMA_TABLE.writeBlocker());
    }

    /** Whether a trigger's program may fire that trigger again (PRAGMA recursive_triggers). */
    boolean recursiveTriggers() {
        return recursiveTriggers;
    }

    /** Whether statements compiled against this schema enforce foreign keys. */
    boolean enforcesForeignKeys() {
        return enforceForeignKeys;
    }

    /** Whether PRAGMA defer_foreign_keys was on when the statement was compiled. */
    boolean defersForeignKeys() {
        return deferForeignKeys;
    }

    /** The foreign keys of every table of the schema. */
    synchronized ForeignKeys foreignKeys() {
        read();
        if (foreignKeys == null) {
            foreignKeys = ForeignKeys.of(this);
        }
        return foreignKeys;
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
        if (databases != null) {
            for (Schema d : searchOrder()) {
                TriggerDefinition t = d.trigger(name);
                if (t != null) {
                    return t;
                }
            }
            return null;
        }
        read();
        return triggers.get(key(name));
    }

    /** Every trigger, in schema order. */
    java.util.Collection<TriggerDefinition> triggers() {
        if (databases != null) {
            List<TriggerDefinition> all = new ArrayList<>();
            searchOrder().forEach(d -> all.addAll(d.triggers()));
            return all;
        }
        read();
        return java.util.Collections.unmodifiableCollection(triggers.values());
    }

    /**
     * The triggers on the table or view {@code table}, in schema order: those
     * of the database where the name is found, then the temp database's (a
     * TEMP trigger may be on a table of another database; SQLite fires the
     * most recent first, so temp's before the others).
     */
    List<TriggerDefinition> triggersOn(String table) {
        if (databases != null) {
            int db = databaseOf(table);
            List<TriggerDefinition> all = new ArrayList<>();
            if (db != 1) {
                all.addAll(databases.get(Math.max(db, 0)).triggersOn(table));
            }
            all.addAll(databases.get(1).triggersOn(table));
            return all;
        }
        read();
        return triggers.values().stream().filter(t -> t.table().equalsIgnoreCase(table)).toList();
    }

    /** The view or WITH table called {@code name}, or null. */
    View view(String name) {
        View with = withTables.get(key(name));
        if (with != null) {
            return with;
        }
        if (databases != null) {
            int db = databaseOf(name);
            return db < 0 ? null : databases.get(db).view(name);
        }
        read();
        return views.get(key(name));
    }

    /** A schema read by {@code loader} when first needed (its errors surface then, each time until it succeeds). */
    public static Schema onFirstUse(java.util.function.Supplier<Schema> loader) {
        Schema schema = new Schema(null, null, null, null, null, null);
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
            foreignKeys = read.foreignKeys;
            virtualTables = read.virtualTables;
            statistics = read.statistics;
            parsed = read.parsed;
            lastRowid = read.lastRowid;
            loader = null;
        }
    }

    /**
     * Reads the schema; the caller holds a read transaction on {@code storage}.
     * Virtual tables are connected through {@code modules} when first used.
     */
    public static Schema load(Storage storage, VirtualModules modules) {
        return load(storage, 0, modules);
    }

    /** Reads the schema of database {@code db} of a connection, as {@link #load(Storage, VirtualModules)}. */
    public static Schema load(Storage storage, int db, VirtualModules modules) {
        return load(storage, db, modules, null);
    }

    /**
     * Reads the schema of database {@code db} again after it changed
     * ({@code previous}: the schema read before, or null): the objects whose
     * CREATE text did not change are not parsed again, so that creating
     * thousands of tables one by one does not parse every earlier one each time.
     */
    public static Schema reload(Storage storage, VirtualModules modules, Schema previous) {
        return load(storage, 0, modules, previous == null ? null : previous.parsedTexts());
    }

    /** The texts parsed when this schema was read (none if it was not read yet). */
    private synchronized ParsedTexts parsedTexts() {
        return loader == null ? parsed : ParsedTexts.NONE;
    }

    private static Schema load(Storage storage, int db, VirtualModules modules, ParsedTexts previous) {
        SchemaReader reader = new SchemaReader(db, new ParsedTexts(previous), new VirtualTables(modules));
        if (storage.pageCount() != 0) {
            try (BTreeCursor cursor = storage.openTableCursor(Storage.SCHEMA_ROOT)) {
                for (boolean more = cursor.first(); more; more = cursor.next()) {
                    reader.row(cursor.rowid(), cursor.record());
                }
            }
            reader.finish();
        }
        reader.parsing.loaded();
        return of(reader, storage);
    }

    /**
     * Reads the main database's schema after statements of the connection
     * itself that only appended rows to sqlite_schema (CREATE TABLE, CREATE
     * INDEX) since {@code base} was read, with nothing else changed: the
     * rows past base's last one are added to a copy of base. Anything that
     * rules that out (base not read, virtual tables, no rows) reads the whole
     * schema again, as {@link #reload}.
     */
    public static Schema extend(Storage storage, VirtualModules modules, Schema base) {
        if (base == null || base.databases != null) {
            return reload(storage, modules, base);
        }
        SchemaReader reader;
        synchronized (base) {
            if (base.loader != null || base.lastRowid <= 0 || base.lastRowid == Long.MAX_VALUE
                    || base.virtualTables.hasDefinitions() || storage.pageCount() == 0) {
                return reload(storage, modules, base);
            }
            reader = new SchemaReader(0, base.parsed.copy(), new VirtualTables(modules),
                    new LinkedHashMap<>(base.tables), new LinkedHashMap<>(base.objectKinds),
                    new LinkedHashMap<>(base.views), new LinkedHashMap<>(base.texts),
                    new LinkedHashMap<>(base.triggers), base.lastRowid);
        }
        try (BTreeCursor cursor = storage.openTableCursor(Storage.SCHEMA_ROOT)) {
            for (boolean more = cursor.seek(base.lastRowid, turso.btree.SeekOp.GT); more; more = cursor.next()) {
                reader.row(cursor.rowid(), cursor.record());
            }
        }
        reader.finish();
        return of(reader, storage);
    }

    private static Schema of(SchemaReader reader, Storage storage) {
        Schema schema = new Schema(reader.tables, reader.kinds, reader.views, reader.texts, reader.triggers,
                reader.virtualTables);
        schema.parsed = reader.parsing;
        schema.lastRowid = reader.lastRowid;
        Table stat1 = reader.tables.get(AnalyzeCompiler.STAT1);
        if (stat1 != null) {
            schema.statistics = Statistics.read(storage, stat1, reader.tables);
        }
        return schema;
    }

    static TursoException corrupt(String detail) {
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
        if (withTables.containsKey(key(name))) {
            return null;
        }
        if (isSchemaTable(name)) {
            return schemaTable(name);
        }
        if (isTempSchemaTable(name)) {
            return databases == null ? null : schemaTable(name).inDatabase(1);
        }
        if (databases != null) {
            int db = databaseOf(name);
            return db < 0 ? null : checked(databases.get(db).table(name));
        }
        read();
        Table table = tables.get(key(name));
        if (table == null && virtualTables != null && virtualTables.isDefined(name)) {
            return virtualTables.connect(name).table();
        }
        return table;
    }

    /**
     * The declaration (a CREATE TABLE with HIDDEN columns) of the virtual
     * table or table-valued function {@code name}, or null if it is neither.
     */
    public String virtualTableDeclaration(String name) {
        if (databases != null) {
            return databases.get(0).virtualTableDeclaration(name);
        }
        read();
        VirtualSource source = virtualTables.isDefined(name) ? virtualTables.connect(name)
                : kindOf(name) == null ? virtualTables.eponymous(name) : null;
        return source == null ? null : source.vtab().declaration();
    }

    /** The virtual tables of this schema and the modules there are (of main, for a connection's schema). */
    VirtualTables virtualTables() {
        if (databases != null) {
            return databases.get(0).virtualTables();
        }
        read();
        return virtualTables;
    }

    /**
     * The table called {@code name} in the database called {@code database}
     * (null: looked up as unqualified), or null; an unknown database is
     * null too, as SQLite reports it as "no such table".
     */
    Table table(String database, String name) {
        if (database == null) {
            return table(name);
        }
        int db = databaseIndex(database);
        if (db < 0) {
            return null;
        }
        if (isSchemaTable(name) || db == 1 && isTempSchemaTable(name)) {
            return schemaTable(name).inDatabase(db);
        }
        Schema one = database(db);
        return checked(one == this ? tables.get(key(name)) : one.table(name));
    }

    /** The view called {@code name} in the database called {@code database} (null: looked up as unqualified), or null. */
    View view(String database, String name) {
        if (database == null) {
            return view(name);
        }
        int db = databaseIndex(database);
        if (db < 0) {
            return null;
        }
        Schema one = database(db);
        if (one == this) {
            read();
            return views.get(key(name));
        }
        return one.view(name);
    }

    private static boolean isTempSchemaTable(String name) {
        return name.equalsIgnoreCase("sqlite_temp_schema") || name.equalsIgnoreCase("sqlite_temp_master");
    }

    /** Every table of the schema that this engine can use, in schema order (the main database's, when several are joined). */
    java.util.Collection<Table> tables() {
        if (databases != null) {
            return databases.get(0).tables();
        }
        read();
        return java.util.Collections.unmodifiableCollection(tables.values());
    }

    /** The index called {@code name} and its table, or null. */
    Index index(String name) {
        if (databases != null) {
            for (Schema d : searchOrder()) {
                Index i = d.index(name);
                if (i != null) {
                    return i;
                }
            }
            return null;
        }
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
        if (databases != null) {
            int db = databaseOf(name);
            return db < 0 ? null : databases.get(db).sql(name);
        }
        read();
        return texts.get(key(name));
    }

    /** The names of the schema's views. */
    java.util.List<String> viewNames() {
        if (databases != null) {
            return databases.get(0).viewNames();
        }
        read();
        return views.values().stream().map(View::name).toList();
    }

    /** The (lower-cased) names of the tables and views, in the order sqlite_schema lists them. */
    List<String> tableAndViewNames() {
        if (databases != null) {
            return databases.get(0).tableAndViewNames();
        }
        read();
        return objectKinds.entrySet().stream().filter(e -> e.getValue().equals("table") || e.getValue().equals("view"))
                .map(Map.Entry::getKey).toList();
    }

    /** What kind of object ("table", "index", "view", "trigger") is called {@code name}, or null. */
    String kindOf(String name) {
        if (isSchemaTable(name)) {
            return "table";
        }
        if (databases != null) {
            int db = databaseOf(name);
            return db < 0 ? (isTempSchemaTable(name) ? "table" : null) : databases.get(db).kindOf(name);
        }
        read();
        return isSchemaTable(name) ? "table" : objectKinds.get(key(name));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
