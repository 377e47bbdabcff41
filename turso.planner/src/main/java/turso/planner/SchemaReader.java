/*
 * Turns the rows of sqlite_schema into the objects of a Schema: tables (and
 * virtual tables), views, and, once every table is known, the indexes and
 * triggers that hang on them, in row order as SQLite reads them. A reader
 * starts empty (a whole schema is read) or from a copy of a schema already
 * read, when the rows since its last one are all that changed (CREATE
 * statements of the connection itself append rows), so that creating many
 * tables one statement at a time does not read every earlier row again.
 */
package turso.planner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import turso.btree.Record;
import turso.parser.ast.Stmt;

final class SchemaReader {

    final int db;
    final ParsedTexts parsing;
    final VirtualTables virtualTables;
    final Map<String, Table> tables;
    final Map<String, String> kinds;
    final Map<String, View> views;
    final Map<String, String> texts;
    final Map<String, TriggerDefinition> triggers;
    /** The largest rowid of sqlite_schema read (0: none). */
    long lastRowid;
    /** Rows of indexes and triggers, applied once every table is known: {type, name, tbl_name, sql} and root. */
    private final List<Object[]> dependents = new ArrayList<>();

    /** A reader of a whole schema. */
    SchemaReader(int db, ParsedTexts parsing, VirtualTables virtualTables) {
        this(db, parsing, virtualTables, new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(),
                new LinkedHashMap<>(), new LinkedHashMap<>(), 0);
    }

    /** A reader that goes on from a schema read before (the maps are copies of its own), past rowid {@code lastRowid}. */
    SchemaReader(int db, ParsedTexts parsing, VirtualTables virtualTables, Map<String, Table> tables,
            Map<String, String> kinds, Map<String, View> views, Map<String, String> texts,
            Map<String, TriggerDefinition> triggers, long lastRowid) {
        this.db = db;
        this.parsing = parsing;
        this.virtualTables = virtualTables;
        this.tables = tables;
        this.kinds = kinds;
        this.views = views;
        this.texts = texts;
        this.triggers = triggers;
        this.lastRowid = lastRowid;
    }

    /** Reads one row of sqlite_schema, whose rowid is {@code rowid}. */
    void row(long rowid, Record row) {
        lastRowid = Math.max(lastRowid, rowid);
        String type = row.getString(0);
        String name = row.getString(1);
        if (type == null || name == null) {
            throw Schema.corrupt("an object with no type or name");
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
            Table known = parsing.table(sql, root, db);
            Stmt parsed = known != null ? null : parsing.parse(name, sql);
            if (known != null) {
                tables.put(key(name), known);
            } else if (parsed instanceof Stmt.CreateVirtualTable create) {
                virtualTables.define(name, create);
            } else if (parsed instanceof Stmt.CreateTable create) {
                try {
                    tables.put(key(name), parsing.keep(sql, TableDefinition.read(create, sql, root).inDatabase(db)));
                } catch (Unsupported e) {
                    // known by name (kinds), usable once the engine supports its features
                }
            }
        } else if (type.equals("view") && sql != null) {
            if (parsing.parse(name, sql) instanceof Stmt.CreateView create) {
                views.put(key(name), new View(name, create.columns().isEmpty() ? null
                        : create.columns().stream().map(turso.parser.ast.Name::value).toList(), create.select(), sql)
                        .inDatabase(db));
            }
        } else if ((type.equals("index") || type.equals("trigger")) && owner != null) {
            dependents.add(new Object[] {type, name, owner, sql, root});
        }
    }

    /** Applies the indexes and triggers read, now that every table is known. */
    void finish() {
        for (Object[] d : dependents) {
            String owner = key((String) d[2]);
            Table table = tables.get(owner);
            String name = (String) d[1];
            String sql = (String) d[3];
            int root = (Integer) d[4];
            if (d[0].equals("trigger")) {
                if (sql != null && parsing.parse(name, sql) instanceof Stmt.CreateTrigger create) {
                    triggers.put(key(name), TriggerDefinition.read(create, sql).inDatabase(db));
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
                    throw Schema.corrupt("orphan index");
                }
                tables.put(owner, table.withIndex(auto.withRoot(root)));
            } else if (parsing.parse(name, sql) instanceof Stmt.CreateIndex create) {
                try {
                    tables.put(owner, table.withIndex(IndexDefinition.read(create, table, root)));
                } catch (Unsupported e) {
                    tables.put(owner, table.blockWrites(e.getMessage().replaceFirst("^not supported yet: ", "")));
                }
            }
        }
        dependents.clear();
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
