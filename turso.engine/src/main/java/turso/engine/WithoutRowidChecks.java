/*
 * PRAGMA integrity_check's row checks (TableChecks) for a WITHOUT ROWID
 * table, whose B-tree is its PRIMARY KEY index: an entry holds the key
 * columns first, then the other stored columns in table order. Each row is
 * checked against its NOT NULL constraints and, unless it is a quick_check,
 * looked up in each secondary index, whose entries end with the key columns
 * the index lacks (fileformat2.html "Representation Of SQL Tables"); the
 * entry counts must match and UNIQUE keys must be. The same limits as for
 * rowid tables apply: indexes on expressions, partial indexes and indexes
 * using a collation not registered here are not checked.
 */
package turso.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import turso.api.spi.Collation;
import turso.btree.BTreeCursor;
import turso.btree.KeyInfo;
import turso.btree.Record;
import turso.btree.RecordBuilder;
import turso.btree.RecordComparator;
import turso.btree.SeekOp;
import turso.btree.Storage;
import turso.vm.FunctionRegistry;

final class WithoutRowidChecks {
    private WithoutRowidChecks() {
    }

    /** A secondary index: its B-tree, the entry's fields (table columns), how they compare, its own width. */
    private record Checked(String name, int root, int[] columns, KeyInfo keyInfo, int own, boolean unique) {
    }

    /**
     * Checks table {@code t} rooted at {@code root}, reporting each finding
     * to {@code problem}; false when that says the error limit is reached
     * (or the table's key uses a collation not registered here: nothing is
     * checked then).
     */
    static boolean check(Storage storage, SchemaRows schema, FunctionRegistry functions, boolean quick,
            TableDescription t, int root, Predicate<String> problem) {
        List<TableDescription.KeyColumn> key = t.primaryKey();
        int[] position = new int[t.columns().size()];
        java.util.Arrays.fill(position, -1);
        Collation[] collations = new Collation[key.size()];
        boolean[] descending = new boolean[key.size()];
        for (int p = 0; p < key.size(); p++) {
            position[key.get(p).cid()] = p;
            collations[p] = functions.findCollation(TableDescription.collation(key.get(p), t.columns())).orElse(null);
            descending[p] = key.get(p).desc();
            if (collations[p] == null) {
                return true;
            }
        }
        int next = key.size();
        for (int c = 0; c < t.columns().size(); c++) {
            if (position[c] < 0 && t.columns().get(c).hidden() != 2) {
                position[c] = next++;
            }
        }
        List<Checked> indexes = quick ? List.of() : indexes(schema, functions, t, collations, descending);
        List<BTreeCursor> cursors = new ArrayList<>();
        try (BTreeCursor rows = storage.openIndexCursor(root, new KeyInfo(collations, descending))) {
            for (Checked x : indexes) {
                cursors.add(storage.openIndexCursor(x.root(), x.keyInfo()));
            }
            RecordBuilder builder = new RecordBuilder();
            long count = 0;
            for (boolean more = rows.first(); more; more = rows.next()) {
                count++;
                Record row = rows.record();
                for (int c = 0; c < t.columns().size(); c++) {
                    TableDescription.Col col = t.columns().get(c);
                    if (col.notNull() && col.hidden() == 0 && position[c] < row.columnCount()
                            && row.isNull(position[c]) && !problem.test("NULL value in " + t.name() + "." + col.name())) {
                        return false;
                    }
                }
                for (int k = 0; k < indexes.size(); k++) {
                    String finding = lookUp(cursors.get(k), indexes.get(k), row, position, builder, count);
                    if (finding != null && !problem.test(finding)) {
                        return false;
                    }
                }
            }
            for (int k = 0; k < indexes.size(); k++) {
                if (cursors.get(k).count() != count
                        && !problem.test("wrong # of entries in index " + indexes.get(k).name())) {
                    return false;
                }
            }
        } finally {
            cursors.forEach(BTreeCursor::close);
        }
        return true;
    }

    /** The finding for row number {@code count} looked up in index {@code x}, or null when its entry is right. */
    private static String lookUp(BTreeCursor cursor, Checked x, Record row, int[] position, RecordBuilder key,
            long count) {
        key.clear();
        boolean hasNull = false;
        for (int f = 0; f < x.columns().length; f++) {
            int at = position[x.columns()[f]];
            if (at >= row.columnCount()) {
                return null;
            }
            if (f < x.own()) {
                hasNull |= row.isNull(at);
            }
            key.add(row.value(at));
        }
        byte[] full = key.build();
        if (!cursor.seek(Record.of(full), SeekOp.EQ)) {
            return "row " + count + " missing from index " + x.name();
        }
        if (x.unique() && !hasNull && cursor.next()) {
            Record entry = cursor.key();
            RecordBuilder own = new RecordBuilder();
            for (int f = 0; f < x.own(); f++) {
                own.add(row.value(position[x.columns()[f]]));
            }
            if (RecordComparator.compare(entry, Record.of(own.build()), x.keyInfo()) == 0) {
                return "non-unique entry in index " + x.name();
            }
        }
        return null;
    }

    /** The secondary indexes this check can verify, with the key columns their entries end with. */
    private static List<Checked> indexes(SchemaRows schema, FunctionRegistry functions, TableDescription t,
            Collation[] keyCollations, boolean[] keyDescending) {
        List<Checked> checked = new ArrayList<>();
        List<TableDescription.KeyColumn> key = t.primaryKey();
        for (TableDescription.IndexColumns x : SchemaPragmas.indexesOf(t, schema)) {
            SchemaRows.Entry entry = schema.find("index", x.name());
            if (x.origin().equals("pk") || x.partial() || entry == null || entry.rootPage() <= 0
                    || entry.rootPage() > Integer.MAX_VALUE) {
                continue;
            }
            List<Integer> columns = new ArrayList<>();
            List<Collation> collations = new ArrayList<>();
            List<Boolean> descending = new ArrayList<>();
            boolean usable = true;
            for (TableDescription.KeyColumn k : x.columns()) {
                Collation c = functions.findCollation(TableDescription.collation(k, t.columns())).orElse(null);
                usable &= k.cid() >= 0 && c != null;
                columns.add(k.cid());
                collations.add(c);
                descending.add(k.desc());
            }
            int own = columns.size();
            for (int p = 0; p < key.size(); p++) {
                if (!columns.subList(0, own).contains(key.get(p).cid())) {
                    columns.add(key.get(p).cid());
                    collations.add(keyCollations[p]);
                    // a UNIQUE constraint's index keeps the key columns ascending, as SQLite makes it
                    descending.add(!x.origin().equals("u") && keyDescending[p]);
                }
            }
            if (!usable) {
                continue;
            }
            boolean[] desc = new boolean[descending.size()];
            for (int i = 0; i < desc.length; i++) {
                desc[i] = descending.get(i);
            }
            checked.add(new Checked(x.name(), (int) entry.rootPage(), columns.stream().mapToInt(Integer::intValue).toArray(),
                    new KeyInfo(collations.toArray(Collation[]::new), desc), own, x.unique()));
        }
        return checked;
    }
}
