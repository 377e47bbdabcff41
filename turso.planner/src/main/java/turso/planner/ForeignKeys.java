/*
 * The foreign keys of a schema's tables, read from their CREATE text: for
 * each child table its keys (numbered as PRAGMA foreign_key_list numbers
 * them, 0 for the last declared), and for each parent table the keys that
 * refer to it. A key's parent columns are worked out when a statement needs
 * them (parentKey), because that needs the parent's definition: SQLite
 * reports a parent table that does not exist, or parent columns that are
 * neither its PRIMARY KEY nor a UNIQUE index of theirs, when a statement that
 * changes the child or the parent is prepared, not when the table is created.
 */
package turso.planner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.parser.SqlParser;
import turso.parser.ast.ColumnConstraint;
import turso.parser.ast.ColumnDef;
import turso.parser.ast.ForeignKey;
import turso.parser.ast.Name;
import turso.parser.ast.Stmt;
import turso.parser.ast.TableConstraint;

final class ForeignKeys {
    /**
     * One foreign key: the child table and its id there, the child columns,
     * the parent table and the parent columns as written (empty: its PRIMARY
     * KEY), the actions, and whether it is DEFERRABLE INITIALLY DEFERRED.
     */
    record Key(String child, int id, List<String> childColumns, String parent, List<String> parentColumns,
            ForeignKey.Action onDelete, ForeignKey.Action onUpdate, boolean deferred) {

        boolean selfReferencing() {
            return child.equalsIgnoreCase(parent);
        }
    }

    private final Map<String, List<Key>> byChild;
    private final Map<String, List<Key>> byParent;

    private ForeignKeys(Map<String, List<Key>> byChild, Map<String, List<Key>> byParent) {
        this.byChild = byChild;
        this.byParent = byParent;
    }

    static ForeignKeys of(Schema schema) {
        Map<String, List<Key>> byChild = new LinkedHashMap<>();
        Map<String, List<Key>> byParent = new LinkedHashMap<>();
        for (Table table : schema.tables()) {
            String sql = schema.sql(table.name());
            if (sql == null || !(SqlParser.parseOne(sql) instanceof Stmt.CreateTable create)) {
                continue;
            }
            List<Key> keys = keys(create, table);
            if (!keys.isEmpty()) {
                byChild.put(key(table.name()), keys);
            }
            for (Key k : keys) {
                byParent.computeIfAbsent(key(k.parent()), x -> new ArrayList<>()).add(k);
            }
        }
        return new ForeignKeys(byChild, byParent);
    }

    /** The foreign keys of child table {@code table}, by id. */
    List<Key> of(String table) {
        return byChild.getOrDefault(key(table), List.of());
    }

    /** The foreign keys whose parent is {@code table}. */
    List<Key> referencing(String table) {
        return byParent.getOrDefault(key(table), List.of());
    }

    /** Every child table with foreign keys, in schema order. */
    List<String> childTables() {
        return byChild.values().stream().map(keys -> keys.getFirst().child()).toList();
    }

    /** A table's keys in the order it declares them, then numbered from the last, as SQLite numbers them. */
    private static List<Key> keys(Stmt.CreateTable create, Table table) {
        record Declared(List<String> columns, ForeignKey fk, ForeignKey.Deferrable deferrable) {
        }
        List<Declared> declared = new ArrayList<>();
        for (ColumnDef def : create.columns()) {
            for (ColumnConstraint c : def.constraints()) {
                if (c instanceof ColumnConstraint.References r) {
                    declared.add(new Declared(List.of(columnName(table, def.name().value())), r.foreignKey(),
                            r.foreignKey().deferrable()));
                } else if (c instanceof ColumnConstraint.Deferrable d && !declared.isEmpty()
                        && declared.getLast().columns().getFirst().equalsIgnoreCase(def.name().value())) {
                    Declared last = declared.removeLast();
                    declared.add(new Declared(last.columns(), last.fk(), d.deferrable()));
                }
            }
        }
        for (TableConstraint c : create.constraints()) {
            if (c instanceof TableConstraint.ForeignKeyConstraint fk) {
                declared.add(new Declared(fk.columns().stream().map(n -> columnName(table, n.value())).toList(),
                        fk.foreignKey(), fk.foreignKey().deferrable()));
            }
        }
        List<Key> keys = new ArrayList<>();
        for (int i = declared.size() - 1; i >= 0; i--) {
            Declared d = declared.get(i);
            ForeignKey fk = d.fk();
            boolean deferred = d.deferrable() != null && !d.deferrable().not()
                    && d.deferrable().initially() == ForeignKey.Initially.DEFERRED;
            keys.add(new Key(table.name(), keys.size(), d.columns(), fk.table().value(),
                    fk.columns().stream().map(Name::value).toList(), action(fk.onDelete()), action(fk.onUpdate()),
                    deferred));
        }
        return keys;
    }

    private static ForeignKey.Action action(ForeignKey.Action a) {
        return a == null || a == ForeignKey.Action.NONE ? ForeignKey.Action.NO_ACTION : a;
    }

    private static String columnName(Table table, String name) {
        int index = table.columnIndex(name);
        return index >= 0 ? table.columns().get(index).name() : name;
    }

    /**
     * The parent key of {@code fk}: its parent table, and the parent column
     * matching each child column (SQLite's sqlite3FkLocateIndex): the
     * INTEGER PRIMARY KEY, or the columns of a UNIQUE index (the PRIMARY KEY
     * when none are named) with the parent columns' own collations.
     */
    static ParentKey parentKey(Schema schema, Key fk) {
        Table parent = schema.table(fk.parent());
        if (parent == null) {
            throw new TursoException(ResultCode.ERROR, "no such table: main." + fk.parent());
        }
        int n = fk.childColumns().size();
        List<String> named = fk.parentColumns();
        if (!named.isEmpty() && named.size() != n) {
            throw mismatch(fk);
        }
        if (n == 1 && parent.rowidAlias() >= 0) {
            String alias = parent.columns().get(parent.rowidAlias()).name();
            if (named.isEmpty() || named.getFirst().equalsIgnoreCase(alias)) {
                return new ParentKey(parent, List.of(alias));
            }
        }
        for (Index index : parent.indexes()) {
            if (!index.unique() || index.where() != null || index.parts().size() != n) {
                continue;
            }
            if (named.isEmpty()) {
                if ("pk".equals(index.origin())) {
                    return new ParentKey(parent, index.parts().stream().map(p -> parent.columnLabel(p.column())).toList());
                }
                continue;
            }
            List<String> columns = new ArrayList<>();
            for (String name : named) {
                int column = parent.columnIndex(name);
                Index.Part part = column < 0 ? null : index.parts().stream()
                        .filter(p -> p.column() == column).findFirst().orElse(null);
                if (part == null || !part.collation().equalsIgnoreCase(parent.columns().get(column).collation())) {
                    break;
                }
                columns.add(parent.columns().get(column).name());
            }
            if (columns.size() == n) {
                return new ParentKey(parent, columns);
            }
        }
        throw mismatch(fk);
    }

    private static TursoException mismatch(Key fk) {
        return new TursoException(ResultCode.ERROR,
                "foreign key mismatch - \"" + fk.child() + "\" referencing \"" + fk.parent() + "\"");
    }

    /** The parent table of a foreign key, and its column paired with each child column. */
    record ParentKey(Table table, List<String> columns) {
    }

    /** {@code name} as an SQL identifier. */
    static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
