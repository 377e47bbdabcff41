/*
 * The part of PRAGMA integrity_check that reads rows rather than pages:
 * every row of every table is checked against its NOT NULL constraints
 * ("NULL value in t.a") and, unless it is a quick_check, looked up in each
 * of the table's indexes ("row 5 missing from index i", the row counted in
 * rowid order from 1, as SQLite 3.40 counts), whose entry counts
 * must match the table's ("wrong # of entries in index i"), and whose
 * UNIQUE keys must be ("non-unique entry in index i"). Tables are
 * visited in the order SQLite visits a small schema (last created first),
 * each row's findings in SQLite's order. Indexes on expressions or with a
 * WHERE clause, and indexes using a collation not registered here, are
 * not checked yet; neither are CHECK constraints. WITHOUT ROWID tables are
 * checked by WithoutRowidChecks.
 */
package turso.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import turso.api.spi.Collation;
import turso.btree.BTreeCursor;
import turso.btree.KeyInfo;
import turso.btree.Record;
import turso.btree.RecordBuilder;
import turso.btree.RecordComparator;
import turso.btree.SeekOp;
import turso.btree.Storage;
import turso.parser.ast.Stmt;
import turso.vm.FunctionRegistry;

final class TableChecks {
    private final Storage storage;
    private final SchemaRows schema;
    private final FunctionRegistry functions;
    private final boolean quick;
    private final Consumer<String> report;
    private int remaining;

    /** An index this check can verify: its B-tree, key columns (table column numbers) and comparison. */
    private record CheckedIndex(String name, int root, int[] columns, KeyInfo keyInfo, boolean unique) {
    }

    private TableChecks(Storage storage, SchemaRows schema, FunctionRegistry functions, boolean quick, int maxErrors,
            Consumer<String> report) {
        this.storage = storage;
        this.schema = schema;
        this.functions = functions;
        this.quick = quick;
        this.remaining = maxErrors;
        this.report = report;
    }

    /**
     * Checks every table ({@code only}: just the one of that name), reporting
     * at most {@code maxErrors} findings. The caller holds a read transaction.
     */
    static void run(Storage storage, SchemaRows schema, FunctionRegistry functions, boolean quick, String only,
            int maxErrors, Consumer<String> report) {
        TableChecks checks = new TableChecks(storage, schema, functions, quick, maxErrors, report);
        List<SchemaRows.Entry> entries = schema.entries();
        for (int i = entries.size() - 1; i >= 0 && checks.remaining > 0; i--) {
            SchemaRows.Entry e = entries.get(i);
            if ("table".equals(e.type()) && e.rootPage() > 0 && (only == null || only.equalsIgnoreCase(e.name()))
                    && e.parse() instanceof Stmt.CreateTable create) {
                if (!create.withoutRowid()) {
                    checks.table(TableDescription.of(create, e.sql()), (int) e.rootPage());
                } else if (!WithoutRowidChecks.check(storage, schema, functions, quick,
                        TableDescription.of(create, e.sql()), (int) e.rootPage(), checks::problem)) {
                    checks.remaining = 0;
                }
            }
        }
    }

    private void table(TableDescription t, int root) {
        List<CheckedIndex> indexes = quick ? List.of() : indexes(t);
        List<BTreeCursor> cursors = new ArrayList<>();
        try (BTreeCursor rows = storage.openTableCursor(root)) {
            for (CheckedIndex x : indexes) {
                cursors.add(storage.openIndexCursor(x.root(), x.keyInfo()));
            }
            RecordBuilder key = new RecordBuilder();
            long count = 0;
            for (boolean more = rows.first(); more; more = rows.next()) {
                count++;
                long rowid = rows.rowid();
                Record row = rows.record();
                for (int c = 0; c < t.columns().size(); c++) {
                    TableDescription.Col col = t.columns().get(c);
                    if (col.notNull() && col.hidden() == 0 && c != t.rowidAlias() && c < row.columnCount()
                            && row.isNull(c) && !problem("NULL value in " + t.name() + "." + col.name())) {
                        return;
                    }
                }
                for (int k = 0; k < indexes.size(); k++) {
                    String finding = switch (lookUp(cursors.get(k), indexes.get(k), row, rowid, t.rowidAlias(), key)) {
                        case FOUND -> null;
                        case MISSING -> "row " + count + " missing from index " + indexes.get(k).name();
                        case DUPLICATE -> "non-unique entry in index " + indexes.get(k).name();
                    };
                    if (finding != null && !problem(finding)) {
                        return;
                    }
                }
            }
            for (int k = 0; k < indexes.size(); k++) {
                if (cursors.get(k).count() != count
                        && !problem("wrong # of entries in index " + indexes.get(k).name())) {
                    return;
                }
            }
        } finally {
            cursors.forEach(BTreeCursor::close);
        }
    }

    /** Reports a finding; false when the error limit is reached. */
    private boolean problem(String message) {
        report.accept(message);
        return --remaining > 0;
    }

    private enum Lookup { FOUND, MISSING, DUPLICATE }

    /**
     * Looks the row's key up in the index: missing, or found and, in a
     * UNIQUE index, followed by an entry with the same key values (none of
     * them NULL). A row stored before a key column was added is not looked up.
     */
    private static Lookup lookUp(BTreeCursor cursor, CheckedIndex x, Record row, long rowid, int rowidAlias,
            RecordBuilder key) {
        key.clear();
        boolean hasNull = false;
        for (int cid : x.columns()) {
            if (cid == rowidAlias) {
                key.addLong(rowid);
            } else if (cid >= row.columnCount()) {
                return Lookup.FOUND;
            } else {
                hasNull |= row.isNull(cid);
                key.add(row.value(cid));
            }
        }
        Record values = Record.of(key.build());
        key.addLong(rowid);
        if (!cursor.seek(Record.of(key.build()), SeekOp.EQ)) {
            return Lookup.MISSING;
        }
        if (x.unique() && !hasNull && cursor.next() && RecordComparator.compare(cursor.key(), values, x.keyInfo()) == 0) {
            return Lookup.DUPLICATE;
        }
        return Lookup.FOUND;
    }

    /** The table's indexes this check can verify, in SQLite's order. */
    private List<CheckedIndex> indexes(TableDescription t) {
        List<CheckedIndex> checked = new ArrayList<>();
        for (TableDescription.IndexColumns x : SchemaPragmas.indexesOf(t, schema)) {
            SchemaRows.Entry entry = schema.find("index", x.name());
            if (x.partial() || entry == null || entry.rootPage() <= 0 || entry.rootPage() > Integer.MAX_VALUE) {
                continue;
            }
            int n = x.columns().size();
            int[] columns = new int[n];
            Collation[] collations = new Collation[n];
            boolean[] descending = new boolean[n];
            boolean usable = true;
            for (int i = 0; i < n && usable; i++) {
                TableDescription.KeyColumn k = x.columns().get(i);
                columns[i] = k.cid();
                descending[i] = k.desc();
                collations[i] = functions.findCollation(TableDescription.collation(k, t.columns())).orElse(null);
                usable = k.cid() >= 0 && collations[i] != null;
            }
            if (usable) {
                checked.add(new CheckedIndex(x.name(), (int) entry.rootPage(), columns,
                        new KeyInfo(collations, descending), x.unique()));
            }
        }
        return checked;
    }
}
