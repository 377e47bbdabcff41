/*
 * A rowid table of the schema: where its B-tree is, its columns, which
 * column (if any) is an alias of the rowid (INTEGER PRIMARY KEY), its
 * indexes (those its UNIQUE and PRIMARY KEY constraints imply first, then
 * those CREATE INDEX made), its CHECK constraints, whether its INTEGER
 * PRIMARY KEY is AUTOINCREMENT (rowids then come from sqlite_sequence), and,
 * for a table this engine can read but not yet
 * write without breaking what SQLite expects of it (a constraint it cannot
 * enforce yet), the reason; and the database of the connection it is in
 * (0 main, 1 temp, 2.. attached), which the code that opens its cursors
 * passes on to the VM. A WITHOUT ROWID table has its PRIMARY KEY index
 * ({@code primaryKey}, also among its indexes, rooted at the table's own root
 * page): its B-tree is that index, whose entries hold the key columns first,
 * then the others (WithoutRowid).
 */
package turso.planner;

import java.util.ArrayList;
import java.util.List;
import turso.api.ResultCode;
import turso.api.TursoException;

record Table(String name, int rootPage, List<Column> columns, int rowidAlias, String writeBlocker,
        List<Index> indexes, List<Check> checks, boolean autoincrement, int db, Index primaryKey) {

    /**
     * A CHECK constraint: the expression, and how a failure names it (the
     * constraint's name, else the expression's text as written).
     */
    record Check(String label, turso.parser.ast.Expr expr) {
    }

    /** The root page of a table that lives only while a statement runs (a subquery in FROM, a view's rows). */
    static final int EPHEMERAL = -1;

    /** The root page of a virtual table: its rows come from its module (see VirtualSource). */
    static final int VIRTUAL = -2;

    Table {
        columns = List.copyOf(columns);
        indexes = List.copyOf(indexes);
        checks = List.copyOf(checks);
    }

    Table(String name, int rootPage, List<Column> columns, int rowidAlias, String writeBlocker) {
        this(name, rootPage, columns, rowidAlias, writeBlocker, List.of(), List.of(), false, 0, null);
    }

    Table(String name, int rootPage, List<Column> columns, int rowidAlias, String writeBlocker,
            List<Index> indexes, List<Check> checks, boolean autoincrement) {
        this(name, rootPage, columns, rowidAlias, writeBlocker, indexes, checks, autoincrement, 0, null);
    }

    /** Whether the table is WITHOUT ROWID: stored as its PRIMARY KEY index, with no rowid. */
    boolean withoutRowid() {
        return primaryKey != null;
    }

    /** The same table, in database {@code db} of the connection. */
    Table inDatabase(int db) {
        return new Table(name, rootPage, columns, rowidAlias, writeBlocker, indexes, checks, autoincrement, db, primaryKey);
    }

    /** The same table, which cannot be written until {@code reason} is supported. */
    Table blockWrites(String reason) {
        return new Table(name, rootPage, columns, rowidAlias, writeBlocker == null ? reason : writeBlocker, indexes, checks,
                autoincrement, db, primaryKey);
    }

    /** The same table without CHECK constraints (PRAGMA ignore_check_constraints). */
    Table withoutChecks() {
        return checks.isEmpty() ? this : new Table(name, rootPage, columns, rowidAlias, writeBlocker, indexes, List.of(),
                autoincrement, db, primaryKey);
    }

    /** The same table with only {@code indexes} (as INDEXED BY and NOT INDEXED let a query see it). */
    Table withIndexes(List<Index> indexes) {
        return new Table(name, rootPage, columns, rowidAlias, writeBlocker, indexes, checks, autoincrement, db, primaryKey);
    }

    /** The same table with {@code index} among its indexes (replacing one of the same name). */
    Table withIndex(Index index) {
        List<Index> all = new ArrayList<>();
        boolean replaced = false;
        for (Index i : indexes) {
            if (i.name().equalsIgnoreCase(index.name())) {
                all.add(index);
                replaced = true;
            } else {
                all.add(i);
            }
        }
        if (!replaced) {
            all.add(index);
        }
        return new Table(name, rootPage, columns, rowidAlias, writeBlocker, all, checks, autoincrement, db, primaryKey);
    }

    /**
     * Where column {@code column} is in the row's record: its place among
     * the columns that are not VIRTUAL (a VIRTUAL one is not there: -1).
     */
    int storageIndex(int column) {
        if (columns.get(column).isVirtual()) {
            return -1;
        }
        if (primaryKey != null) {
            return WithoutRowid.storageIndex(this, column);
        }
        int n = 0;
        for (int j = 0; j < column; j++) {
            if (!columns.get(j).isVirtual()) {
                n++;
            }
        }
        return n;
    }

    /** How many columns the row's record holds (all but the VIRTUAL ones). */
    int storedWidth() {
        return (int) columns.stream().filter(c -> !c.isVirtual()).count();
    }

    /** Whether some column is generated (computed from the others). */
    /**
     * Whether a write under conflict clause {@code clause} (null: none) may
     * delete rows in its way: REPLACE, written on the statement or, without
     * one, on a UNIQUE / PRIMARY KEY constraint.
     */
    boolean mayReplace(turso.parser.ast.ConflictResolution clause) {
        var replace = turso.parser.ast.ConflictResolution.REPLACE;
        return clause == replace || clause == null
                && (indexes.stream().anyMatch(i -> i.onConflict() == replace)
                        || rowidAlias >= 0 && columns.get(rowidAlias).onConflict() == replace);
    }

    boolean hasGenerated() {
        return columns.stream().anyMatch(c -> c.generated() != null);
    }

    /** Refuses a write that would leave the table's constraints unenforced. */
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

    /** The name of key column {@code column} in constraint messages: the column's, or "rowid". */
    String columnLabel(int column) {
        return column == ColumnKey.ROWID ? (rowidAlias >= 0 ? columns.get(rowidAlias).name() : "rowid")
                : columns.get(column).name();
    }
}
