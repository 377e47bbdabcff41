/*
 * The rows of the PRAGMAs that describe schema objects: table_info,
 * table_xinfo, foreign_key_list, index_list, index_info and index_xinfo.
 * They are computed from sqlite_schema's stored CREATE text when the
 * statement runs (TableDescription), so they cover what SQLite wrote even
 * where the planner's Schema does not model it yet (indexes, constraints).
 * Views are described from their compiled result columns (viewInfo). An
 * object that does not exist gives no rows, as in SQLite.
 */
package turso.engine;

import java.util.ArrayList;
import java.util.List;
import turso.parser.SqlParser;
import turso.parser.ast.Stmt;

final class SchemaPragmas {
    private SchemaPragmas() {
    }

    /** sqlite_schema's own columns, as table_info reports them. */
    private static final List<TableDescription.Col> SCHEMA_COLUMNS = List.of(
            new TableDescription.Col("type", "TEXT", false, null, 0, 0, null),
            new TableDescription.Col("name", "TEXT", false, null, 0, 0, null),
            new TableDescription.Col("tbl_name", "TEXT", false, null, 0, 0, null),
            new TableDescription.Col("rootpage", "INT", false, null, 0, 0, null),
            new TableDescription.Col("sql", "TEXT", false, null, 0, 0, null));

    /**
     * table_info ({@code extended} false: generated and HIDDEN columns left
     * out) or table_xinfo (with "hidden"); a virtual table's columns come from
     * the declaration its module gives ({@code virtualDeclaration}).
     */
    static List<Object[]> tableInfo(SchemaRows schema, String table, boolean extended,
            java.util.function.Function<String, String> virtualDeclaration) {
        List<TableDescription.Col> columns;
        if (table.equalsIgnoreCase("sqlite_schema") || table.equalsIgnoreCase("sqlite_master")) {
            columns = SCHEMA_COLUMNS;
        } else {
            TableDescription t = describe(schema, table);
            columns = t != null ? t.columns() : virtualColumns(virtualDeclaration.apply(table));
            if (columns == null) {
                return List.of();
            }
        }
        List<Object[]> rows = new ArrayList<>();
        int cid = 0;
        for (int i = 0; i < columns.size(); i++) {
            TableDescription.Col c = columns.get(i);
            if (c.hidden() != 0 && !extended) {
                continue;
            }
            Object[] base = {(long) (extended ? i : cid++), c.name(), c.type(), c.notNull() ? 1L : 0L,
                    c.defaultText(), (long) c.pk()};
            rows.add(extended ? append(base, (long) c.hidden()) : base);
        }
        return rows;
    }

    /** table_info or table_xinfo of a view: its result columns, with no constraints and not hidden. */
    static List<Object[]> viewInfo(List<String> names, List<String> declaredTypes, boolean extended) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String type = declaredTypes.get(i) == null ? "" : declaredTypes.get(i);
            Object[] base = {(long) i, names.get(i), type, 0L, null, 0L};
            rows.add(extended ? append(base, 0L) : base);
        }
        return rows;
    }

    /** foreign_key_list: one row per column of each foreign key, numbered from the last declared. */
    static List<Object[]> foreignKeyList(SchemaRows schema, String table) {
        TableDescription t = describe(schema, table);
        if (t == null) {
            return List.of();
        }
        List<Object[]> rows = new ArrayList<>();
        for (int id = 0; id < t.foreignKeys().size(); id++) {
            List<TableDescription.ForeignKeyRow> key = t.foreignKeys().get(id);
            for (int seq = 0; seq < key.size(); seq++) {
                TableDescription.ForeignKeyRow fk = key.get(seq);
                rows.add(new Object[] {(long) id, (long) seq, fk.table(), fk.from(), fk.to(), fk.onUpdate(),
                        fk.onDelete(), "NONE"});
            }
        }
        return rows;
    }

    /** index_list: the table's indexes in SQLite's order (last created first, REPLACE constraints last). */
    static List<Object[]> indexList(SchemaRows schema, String table) {
        List<TableDescription.IndexColumns> indexes = indexesOf(schema, table);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < indexes.size(); i++) {
            TableDescription.IndexColumns x = indexes.get(i);
            rows.add(new Object[] {(long) i, x.name(), x.unique() ? 1L : 0L, x.origin(), x.partial() ? 1L : 0L});
        }
        return rows;
    }

    /** index_info ({@code extended} false: key columns only) or index_xinfo (also the rowid, with desc, coll, key). */
    static List<Object[]> indexInfo(SchemaRows schema, String index, boolean extended) {
        TableDescription t = tableOfIndex(schema, index);
        TableDescription.IndexColumns found = null;
        if (t != null) {
            for (TableDescription.IndexColumns x : indexesOf(t, schema)) {
                if (x.name().equalsIgnoreCase(index) || x.origin().equals("pk") && t.name().equalsIgnoreCase(index)) {
                    found = x;
                }
            }
        }
        if (found == null) {
            return List.of();
        }
        List<Object[]> rows = new ArrayList<>();
        List<TableDescription.KeyColumn> key = found.columns();
        for (int i = 0; i < key.size(); i++) {
            TableDescription.KeyColumn k = key.get(i);
            String name = k.cid() >= 0 ? t.columns().get(k.cid()).name() : null;
            Object[] base = {(long) i, (long) k.cid(), name};
            rows.add(extended ? append(base, k.desc() ? 1L : 0L, TableDescription.collation(k, t.columns()), 1L)
                    : base);
        }
        if (extended && !t.withoutRowid()) {
            rows.add(new Object[] {(long) key.size(), -1L, null, 0L, "BINARY", 0L});
        } else if (extended) {
            for (TableDescription.KeyColumn k : storedAfterKey(t, found)) {
                rows.add(new Object[] {(long) rows.size(), (long) k.cid(), t.columns().get(k.cid()).name(),
                        k.desc() ? 1L : 0L, TableDescription.collation(k, t.columns()), 0L});
            }
        }
        return rows;
    }

    /**
     * The table of the index called {@code index}: the one sqlite_schema
     * names, else the WITHOUT ROWID table whose primary key it is (that
     * index has no row of its own), or which is itself called so.
     */
    private static TableDescription tableOfIndex(SchemaRows schema, String index) {
        SchemaRows.Entry entry = schema.find("index", index);
        if (entry != null) {
            return entry.table() == null ? null : describe(schema, entry.table());
        }
        for (SchemaRows.Entry e : schema.entries()) {
            if ("table".equals(e.type()) && e.sql() != null && e.parse() instanceof Stmt.CreateTable create
                    && create.withoutRowid()) {
                TableDescription t = TableDescription.of(create, e.sql());
                if (t.name().equalsIgnoreCase(index)
                        || t.autoIndexes().stream().anyMatch(x -> x.name().equalsIgnoreCase(index))) {
                    return t;
                }
            }
        }
        return null;
    }

    /**
     * What a WITHOUT ROWID table's index stores after its key: the PRIMARY
     * KEY's own index, the other columns (BINARY); any other index, the
     * primary key columns it does not already hold, in place of the rowid.
     */
    private static List<TableDescription.KeyColumn> storedAfterKey(TableDescription t,
            TableDescription.IndexColumns index) {
        java.util.Set<Integer> inKey = new java.util.HashSet<>();
        index.columns().forEach(k -> inKey.add(k.cid()));
        List<TableDescription.KeyColumn> after = new ArrayList<>();
        if (index.origin().equals("pk")) {
            for (int c = 0; c < t.columns().size(); c++) {
                if (!inKey.contains(c)) {
                    after.add(new TableDescription.KeyColumn(c, "BINARY", false));
                }
            }
        } else {
            for (TableDescription.KeyColumn k : t.primaryKey()) {
                if (k.cid() >= 0 && !inKey.contains(k.cid())) {
                    after.add(k);
                }
            }
        }
        return after;
    }

    private static List<TableDescription.IndexColumns> indexesOf(SchemaRows schema, String table) {
        TableDescription t = describe(schema, table);
        return t == null ? List.of() : indexesOf(t, schema);
    }

    /**
     * The table's indexes in the order SQLite lists them: each new one goes
     * first, except that an ON CONFLICT REPLACE constraint's goes after all
     * the others.
     */
    static List<TableDescription.IndexColumns> indexesOf(TableDescription t, SchemaRows schema) {
        List<TableDescription.IndexColumns> created = new ArrayList<>(t.autoIndexes());
        for (SchemaRows.Entry e : schema.indexesOf(t.name())) {
            if (e.parse() instanceof Stmt.CreateIndex create) {
                created.add(new TableDescription.IndexColumns(e.name(),
                        TableDescription.keyColumns(create.columns(), t.columns()), "c", create.unique(), false,
                        create.where() != null));
            }
        }
        List<TableDescription.IndexColumns> listed = new ArrayList<>();
        for (TableDescription.IndexColumns x : created) {
            if (!x.replace() || listed.isEmpty() || listed.getFirst().replace()) {
                listed.addFirst(x);
            } else {
                int at = 1;
                while (at < listed.size() && !listed.get(at).replace()) {
                    at++;
                }
                listed.add(at, x);
            }
        }
        return listed;
    }

    /** The table called {@code name}, described from its CREATE TABLE text, or null. */
    private static TableDescription describe(SchemaRows schema, String name) {
        SchemaRows.Entry entry = schema.find("table", name);
        if (entry == null) {
            return null;
        }
        return entry.parse() instanceof Stmt.CreateTable create ? TableDescription.of(create, entry.sql()) : null;
    }

    /**
     * The columns a virtual table's declaration gives, or null without one:
     * a type holding the word HIDDEN makes the column hidden (1), and the
     * word is left out of the type, as sqlite3_declare_vtab does.
     */
    private static List<TableDescription.Col> virtualColumns(String declaration) {
        if (declaration == null || !(SqlParser.parseOne(declaration) instanceof Stmt.CreateTable create)) {
            return null;
        }
        List<TableDescription.Col> columns = new ArrayList<>();
        for (TableDescription.Col c : TableDescription.of(create, declaration).columns()) {
            List<String> words = new ArrayList<>(List.of(c.type().trim().split("\\s+")));
            boolean hidden = words.removeIf(w -> w.equalsIgnoreCase("hidden"));
            columns.add(new TableDescription.Col(c.name(), String.join(" ", words).trim(), c.notNull(), c.defaultText(),
                    c.pk(), hidden ? 1 : c.hidden(), c.collation()));
        }
        return columns;
    }

    private static Object[] append(Object[] base, Object... more) {
        Object[] row = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, row, base.length, more.length);
        return row;
    }
}
