/*
 * VACUUM's rebuild (lang_vacuum.html): every tree of a database copied, in
 * order, into an empty one, which then has no free page and full B-tree
 * pages. The objects are created in the order SQLite's VACUUM creates them
 * (tables with their automatic indexes by sqlite_schema order, then the
 * other indexes, then views and triggers), so the new root pages and
 * sqlite_schema rows are SQLite's; header fields kept are SQLite's too
 * (schema cookie moved on, default cache size, text encoding, user
 * version, application id). The caller opens the destination in the page
 * size and auto_vacuum mode wanted, and copies it back or keeps it.
 */
package turso.btree;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import turso.api.DataType;
import turso.api.Value;

final class Vacuum {

    /** One row of sqlite_schema, its values kept. */
    private record SchemaRow(long rowid, Value[] values, String type, String name, String table, int root) {

        boolean hasTree() {
            return root > 0;
        }

        boolean automaticIndex() {
            return type.equals("index") && values[4] instanceof Value.Null;
        }
    }

    private Vacuum() {
    }

    /** Copies {@code src} (in a transaction) into the empty {@code dst} (in a write transaction). */
    static void copy(Storage src, Storage dst, VacuumProgress progress) {
        List<SchemaRow> order = creationOrder(readSchema(src));
        long total = 0;
        for (SchemaRow row : order) {
            if (row.hasTree()) {
                total += src.tree().count(row.root());
            }
        }
        progress.update(0, total);
        int[] newRoots = new int[order.size()];
        try (BTreeCursor schema = dst.openTableCursor(Storage.SCHEMA_ROOT)) {
            for (int i = 0; i < order.size(); i++) {
                SchemaRow row = order.get(i);
                if (row.hasTree()) {
                    newRoots[i] = src.tree().node(row.root()).isTable() ? dst.createTable() : dst.createIndex();
                }
                RecordBuilder b = new RecordBuilder();
                for (int c = 0; c < row.values().length; c++) {
                    b.add(c == 3 && row.hasTree() ? new Value.Int(newRoots[i]) : row.values()[c]);
                }
                schema.append(i + 1, b.build());
            }
        }
        long done = 0;
        for (int i = 0; i < order.size(); i++) {
            SchemaRow row = order.get(i);
            if (!row.hasTree()) {
                continue;
            }
            boolean table = src.tree().node(row.root()).isTable();
            try (BTreeCursor from = table ? src.openTableCursor(row.root()) : src.openIndexCursor(row.root(), KeyInfo.DEFAULT);
                 BTreeCursor to = table ? dst.openTableCursor(newRoots[i]) : dst.openIndexCursor(newRoots[i], KeyInfo.DEFAULT)) {
                for (boolean ok = from.first(); ok; ok = from.next()) {
                    to.append(table ? from.rowid() : 0, from.record().toByteArray());
                    if (++done % 1024 == 0) {
                        progress.update(done, total);
                    }
                }
            }
        }
        progress.update(done, total);
        Page srcOne = src.pager().get(1);
        Page dstOne = dst.pager().get(1);
        dst.pager().write(dstOne);
        Bytes.put32(dstOne.data, DatabaseHeader.SCHEMA_COOKIE, Bytes.u32(srcOne.data, DatabaseHeader.SCHEMA_COOKIE) + 1);
        for (int field : new int[] {DatabaseHeader.DEFAULT_CACHE_SIZE, DatabaseHeader.TEXT_ENCODING,
            DatabaseHeader.USER_VERSION, DatabaseHeader.APPLICATION_ID, DatabaseHeader.SCHEMA_FORMAT}) {
            Bytes.put32(dstOne.data, field, Bytes.u32(srcOne.data, field));
        }
    }

    private static List<SchemaRow> readSchema(Storage src) {
        List<SchemaRow> rows = new ArrayList<>();
        try (BTreeCursor c = src.openTableCursor(Storage.SCHEMA_ROOT)) {
            for (boolean ok = c.first(); ok; ok = c.next()) {
                Record r = c.record();
                Value[] values = new Value[Math.max(5, r.columnCount())];
                for (int i = 0; i < values.length; i++) {
                    values[i] = i < r.columnCount() ? r.value(i) : Value.NULL;
                }
                int root = r.columnCount() > 3 && r.type(3) == DataType.INTEGER ? (int) r.getLong(3) : 0;
                rows.add(new SchemaRow(c.rowid(), values, text(values[0]), text(values[1]), text(values[2]), root));
            }
        }
        return rows;
    }

    private static String text(Value v) {
        return v instanceof Value.Text t ? t.value().toLowerCase(Locale.ROOT) : "";
    }

    /** Tables with trees, each followed by its automatic indexes; then the other indexes; then the rest. */
    private static List<SchemaRow> creationOrder(List<SchemaRow> rows) {
        rows.sort(Comparator.comparingLong(SchemaRow::rowid));
        List<SchemaRow> out = new ArrayList<>();
        for (SchemaRow t : rows) {
            if (t.type().equals("table") && t.hasTree()) {
                out.add(t);
                for (SchemaRow i : rows) {
                    if (i.automaticIndex() && i.hasTree() && i.table().equals(t.name())) {
                        out.add(i);
                    }
                }
            }
        }
        for (SchemaRow i : rows) {
            if (i.type().equals("index") && i.hasTree() && !out.contains(i)) {
                out.add(i);
            }
        }
        for (SchemaRow r : rows) {
            if (!out.contains(r)) {
                out.add(r);
            }
        }
        return out;
    }
}
