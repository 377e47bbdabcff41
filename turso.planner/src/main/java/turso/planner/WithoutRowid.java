/*
 * How a WITHOUT ROWID table is laid out and found (withoutrowid.html,
 * fileformat2.html "Representation Of SQL Tables"). Its B-tree is an index
 * B-tree, its PRIMARY KEY index: an entry holds the key columns (each once,
 * with their collations and orders), then the other stored columns in table
 * order. Its other indexes hold their own columns, then the key columns they
 * lack. With no rowid, the record of a row's key columns stands in for one:
 * the VM gives it for ROWID and IDX_ROWID and finds the row by it (RowKey),
 * so the code that gathers, seeks and deletes rows by rowid works unchanged.
 */
package turso.planner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import turso.api.spi.Collation;
import turso.btree.KeyInfo;
import turso.parser.ast.ConflictResolution;
import turso.vm.BuiltinCollation;
import turso.vm.FunctionRegistry;
import turso.vm.Op;
import turso.vm.ProgramBuilder;
import turso.vm.RowKey;
import turso.vm.SortOrder;

final class WithoutRowid {
    private WithoutRowid() {
    }

    /** The PRIMARY KEY index of a WITHOUT ROWID table: the table's own B-tree, a column named twice kept once. */
    static Index primaryKeyIndex(String name, String table, int root, List<Index.Part> parts,
            ConflictResolution conflict) {
        List<Index.Part> distinct = new ArrayList<>();
        for (Index.Part p : parts) {
            if (distinct.stream().noneMatch(d -> d.column() == p.column())) {
                distinct.add(p);
            }
        }
        return new Index(name, table, root, distinct, true, null, "pk", conflict);
    }

    /** Whether {@code index} is the B-tree of WITHOUT ROWID table {@code table} itself. */
    static boolean isPrimaryKey(Table table, Index index) {
        return table.withoutRowid() && index.name().equalsIgnoreCase(table.primaryKey().name());
    }

    /** Where stored column {@code column} is in a row's entry: key columns first, then the others. */
    static int storageIndex(Table table, int column) {
        List<Index.Part> key = table.primaryKey().parts();
        for (int p = 0; p < key.size(); p++) {
            if (key.get(p).column() == column) {
                return p;
            }
        }
        int n = key.size();
        for (int j = 0; j < column; j++) {
            if (!table.columns().get(j).isVirtual() && !inKey(key, j)) {
                n++;
            }
        }
        return n;
    }

    private static boolean inKey(List<Index.Part> parts, int column) {
        for (Index.Part p : parts) {
            if (p.column() == column) {
                return true;
            }
        }
        return false;
    }

    /**
     * The key columns an entry of secondary index {@code index} holds after
     * its own columns (none for a rowid table, or for the table's own index).
     * A UNIQUE constraint's index keeps them ascending, as SQLite does.
     */
    static List<Index.Part> extraParts(Table table, Index index) {
        if (!table.withoutRowid() || isPrimaryKey(table, index)) {
            return List.of();
        }
        List<Index.Part> extra = new ArrayList<>();
        for (Index.Part p : table.primaryKey().parts()) {
            if (!inKey(index.parts(), p.column())) {
                extra.add(index.origin().equals("u") ? new Index.Part(p.column(), p.collation(), false) : p);
            }
        }
        return extra;
    }

    /** The order of {@code table}'s PRIMARY KEY: its columns' collations and directions, NULLs first when ascending. */
    static SortOrder keyOrder(FunctionRegistry functions, Table table) {
        List<Index.Part> key = table.primaryKey().parts();
        Collation[] collations = new Collation[key.size()];
        boolean[] descending = new boolean[key.size()];
        boolean[] nullsFirst = new boolean[key.size()];
        for (int p = 0; p < key.size(); p++) {
            collations[p] = functions.collation(key.get(p).collation());
            descending[p] = key.get(p).descending();
            nullsFirst[p] = !descending[p];
        }
        return new SortOrder(collations, descending, nullsFirst);
    }

    /**
     * Whether the planner may read table column {@code column} from an entry
     * of {@code index} (a key column it lacks is added to the entry). SQLite
     * counts the added key columns for an index made by CREATE INDEX but not
     * for the index of one of the table's own UNIQUE constraints (made
     * before the table became WITHOUT ROWID), and so does this, to choose
     * and show the same plans.
     */
    static boolean covers(Table table, Index index, int column) {
        return index.covers(column) || !index.name().toLowerCase(Locale.ROOT).startsWith("sqlite_autoindex_")
                && extraParts(table, index).stream().anyMatch(p -> p.column() == column);
    }

    /** {@code index} with the key columns its entries hold after its own, as parts (where covering reads find them). */
    static Index entryIndex(Table table, Index index) {
        List<Index.Part> extra = extraParts(table, index);
        if (extra.isEmpty()) {
            return index;
        }
        List<Index.Part> all = new ArrayList<>(index.parts());
        all.addAll(extra);
        return new Index(index.name(), index.tableName(), index.rootPage(), all, index.unique(), index.where(),
                index.origin(), index.onConflict());
    }

    /** How many fields an entry of {@code index} has: its columns, then the rowid or the key columns it lacks. */
    static int entryWidth(Table table, Index index) {
        return index.parts().size() + (table.withoutRowid() ? extraParts(table, index).size() : 1);
    }

    /** The p4 of OPEN_READ / OPEN_WRITE for a cursor on {@code table}'s rows: null for a rowid table. */
    static RowKey tableKey(Table table, FunctionRegistry functions) {
        if (!table.withoutRowid()) {
            return null;
        }
        List<Index.Part> key = table.primaryKey().parts();
        int[] columns = new int[key.size()];
        for (int p = 0; p < columns.length; p++) {
            columns[p] = p;
        }
        return new RowKey(keyInfo(key, functions), columns);
    }

    /** The p4 of OPEN_READ / OPEN_WRITE for a cursor on index {@code index} of {@code table}. */
    static Object indexKey(Table table, Index index, FunctionRegistry functions) {
        if (!table.withoutRowid()) {
            return IndexMaintenance.keyInfo(index, functions);
        }
        if (isPrimaryKey(table, index)) {
            return tableKey(table, functions);
        }
        List<Index.Part> all = new ArrayList<>(index.parts());
        all.addAll(extraParts(table, index));
        List<Index.Part> key = table.primaryKey().parts();
        int[] columns = new int[key.size()];
        for (int k = 0; k < columns.length; k++) {
            for (int p = all.size() - 1; p >= 0; p--) {
                if (all.get(p).column() == key.get(k).column()) {
                    columns[k] = p;
                }
            }
        }
        return new RowKey(keyInfo(all, functions), columns);
    }

    /**
     * How keys made of {@code parts} compare. BINARY is given as the B-tree's
     * own constant (KeyInfo.BINARY), the one its key comparisons recognise to
     * compare text in place instead of through the collation interface.
     */
    static KeyInfo keyInfo(List<Index.Part> parts, FunctionRegistry functions) {
        Collation[] collations = new Collation[parts.size()];
        boolean[] descending = new boolean[parts.size()];
        for (int k = 0; k < parts.size(); k++) {
            Collation c = functions.collation(parts.get(k).collation());
            collations[k] = c == BuiltinCollation.BINARY ? KeyInfo.BINARY : c;
            descending[k] = parts.get(k).descending();
        }
        return new KeyInfo(collations, descending);
    }

    /** SQL that leaves out OLD's own row of {@code table} (a trigger-like scope's "old"). */
    static String notOldRow(Table table) {
        if (!table.withoutRowid()) {
            return " AND rowid IS NOT old.rowid";
        }
        StringBuilder sql = new StringBuilder(" AND NOT (");
        List<Index.Part> key = table.primaryKey().parts();
        for (int p = 0; p < key.size(); p++) {
            String column = ForeignKeys.quote(table.columns().get(key.get(p).column()).name());
            sql.append(p == 0 ? "" : " AND ").append(column).append(" IS old.").append(column);
        }
        return sql.append(')').toString();
    }

    /**
     * When an UPDATE gave a WITHOUT ROWID row another key (stand-in rowids
     * {@code oldRowid} and {@code newRowid} differ), deletes the entry under
     * the old key: the new one is written by the INSERT that follows.
     */
    static void deleteIfKeyChanged(ProgramBuilder b, FunctionRegistry functions, int cursor, int newRowid,
            int oldRowid) {
        int same = b.newRegister();
        int unchanged = b.newLabel();
        b.emit(Op.COMPARE, newRowid, oldRowid, same, new turso.vm.Comparison(turso.vm.CompareOp.EQ,
                turso.vm.Affinity.NONE, functions.collation("BINARY")), 0);
        b.emit(Op.IF, same, unchanged, 0);
        b.emit(Op.NOT_EXISTS, cursor, unchanged, oldRowid);
        b.emit(Op.DELETE, cursor, 0, 0);
        b.resolve(unchanged);
    }

    /** Puts the stand-in rowid of the row in registers {@code values} (one per column) into {@code target}. */
    static void rowKeyOfValues(ProgramBuilder b, Table table, int values, int target) {
        List<Index.Part> key = table.primaryKey().parts();
        int first = b.newRegisters(key.size());
        for (int p = 0; p < key.size(); p++) {
            b.emit(Op.COPY, values + key.get(p).column(), first + p, 0);
        }
        b.emit(Op.MAKE_RECORD, first, key.size(), target);
    }
}
