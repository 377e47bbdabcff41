/*
 * What sqlite_stat1 says of one database's tables (lang_analyze.html,
 * fileformat2.html): per table its number of rows, per index the entries
 * and the average entries sharing each prefix of its key ("N d1 d2 ..."),
 * with the flags SQLite reads after the numbers ("unordered", "sz=N",
 * "noskipscan"), all as LogEst. Read with the schema (when a database is
 * opened, and again after ANALYZE), and read the way SQLite's loader reads
 * it: a row of a table or index that does not exist is ignored, numbers
 * missing at the end keep their defaults. The planner asks here, through
 * {@link #rows}, {@link #indexRows} and the row sizes, for the figures its
 * estimates start from; without a row they are SQLite's defaults (a
 * million rows, ten per value of an index's first column).
 */
package turso.planner;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import turso.btree.BTreeCursor;
import turso.btree.Record;
import turso.btree.Storage;
import turso.vm.Affinity;

final class Statistics {
    /** The rows of a table nothing is known of: about a million (LogEst 200). */
    static final int DEFAULT_ROWS = 200;
    /** The fewest rows a table with an index without statistics is taken to hold (LogEst 99: 1000). */
    private static final int FEWEST_ROWS = 99;
    /** Rows per value of an index's first, second... key column, when not analyzed (10, 9, 8, 7, 6, then 5). */
    private static final int[] DEFAULT_PER_VALUE = {33, 32, 30, 28, 26};
    private static final int LATER_PER_VALUE = 23;

    /** One index's figures: entries, then per key prefix, LogEst; its row size (LogEst) from "sz=", or -1. */
    record IndexStat(int[] rows, boolean unordered, int size, boolean noSkipScan) {
    }

    /** One table's figures: its rows (LogEst, -1 when only its indexes have rows), row size from "sz=" or -1, its indexes'. */
    record TableStat(int rows, int size, Map<String, IndexStat> indexes) {
    }

    static final Statistics NONE = new Statistics(Map.of());

    /** By lower-cased table name. */
    private final Map<String, TableStat> tables;

    private Statistics(Map<String, TableStat> tables) {
        this.tables = tables;
    }

    /** What is known of {@code table}, or null (not analyzed). */
    TableStat of(Table table) {
        return tables.get(table.name().toLowerCase(Locale.ROOT));
    }

    /** Reads the rows of the sqlite_stat1 table {@code stat1} for the tables of {@code schemaTables} (by lower-cased name). */
    static Statistics read(Storage storage, Table stat1, Map<String, Table> schemaTables) {
        Map<String, int[]> tableRows = new HashMap<>();
        Map<String, Integer> tableSizes = new HashMap<>();
        Map<String, Map<String, IndexStat>> indexes = new HashMap<>();
        try (BTreeCursor cursor = storage.openTableCursor(stat1.rootPage())) {
            for (boolean more = cursor.first(); more; more = cursor.next()) {
                Record row = cursor.record();
                String tableName = text(row, 0);
                String indexName = text(row, 1);
                String stat = text(row, 2);
                if (tableName == null || stat == null) {
                    continue;
                }
                String key = tableName.toLowerCase(Locale.ROOT);
                Table table = schemaTables.get(key);
                if (table == null) {
                    continue;
                }
                if (indexName == null) {
                    int[] rows = new int[1];
                    Flags flags = decode(stat, rows);
                    tableRows.put(key, rows);
                    if (flags.size() >= 0) {
                        tableSizes.put(key, flags.size());
                    }
                    continue;
                }
                Index index = null;
                for (Index i : table.indexes()) {
                    if (i.name().equalsIgnoreCase(indexName)) {
                        index = i;
                    }
                }
                if (index == null) {
                    continue;
                }
                int[] rows = new int[index.parts().size() + 1];
                java.util.Arrays.fill(rows, -1);
                Flags flags = decode(stat, rows);
                indexes.computeIfAbsent(key, k -> new HashMap<>()).put(index.name().toLowerCase(Locale.ROOT),
                        new IndexStat(rows, flags.unordered(), flags.size(), flags.noSkipScan()));
                if (index.where() == null) {
                    tableRows.put(key, new int[] {rows[0]});
                }
            }
        }
        Map<String, TableStat> tables = new HashMap<>();
        java.util.Set<String> names = new java.util.HashSet<>(tableRows.keySet());
        names.addAll(indexes.keySet());
        for (String name : names) {
            int[] rows = tableRows.get(name);
            tables.put(name, new TableStat(rows == null ? -1 : rows[0], tableSizes.getOrDefault(name, -1),
                    Map.copyOf(indexes.getOrDefault(name, Map.of()))));
        }
        return new Statistics(Map.copyOf(tables));
    }

    /** A column as the text SQLite's loader gets it, or null. */
    private static String text(Record row, int column) {
        if (row.columnCount() <= column) {
            return null;
        }
        return switch (row.value(column)) {
            case turso.api.Value.Null n -> null;
            case turso.api.Value.Int i -> Long.toString(i.value());
            case turso.api.Value.Text t -> t.value();
            default -> null;
        };
    }

    private record Flags(boolean unordered, int size, boolean noSkipScan) {
    }

    /** Fills {@code out} with the LogEst of the leading numbers of {@code stat} (as many as fit), and reads the flags after them. */
    private static Flags decode(String stat, int[] out) {
        int at = 0;
        int n = stat.length();
        for (int i = 0; at < n && i < out.length; i++) {
            long v = 0;
            while (at < n && stat.charAt(at) >= '0' && stat.charAt(at) <= '9') {
                v = v * 10 + stat.charAt(at) - '0';
                at++;
            }
            out[i] = LogEst.of(v);
            if (at < n && stat.charAt(at) == ' ') {
                at++;
            }
        }
        boolean unordered = false;
        int size = -1;
        boolean noSkipScan = false;
        while (at < n) {
            String rest = stat.substring(at);
            if (rest.startsWith("unordered")) {
                unordered = true;
            } else if (rest.startsWith("sz=") && rest.length() > 3 && Character.isDigit(rest.charAt(3))) {
                long sz = 0;
                for (int k = 3; k < rest.length() && Character.isDigit(rest.charAt(k)) && sz < Integer.MAX_VALUE; k++) {
                    sz = sz * 10 + rest.charAt(k) - '0';
                }
                size = LogEst.of(Math.max(sz, 2));
            } else if (rest.startsWith("noskipscan")) {
                noSkipScan = true;
            }
            while (at < n && stat.charAt(at) != ' ') {
                at++;
            }
            while (at < n && stat.charAt(at) == ' ') {
                at++;
            }
        }
        return new Flags(unordered, size, noSkipScan);
    }

    /**
     * The rows of {@code table} (LogEst): its analyzed count, else about a
     * million; but no fewer than a thousand when one of its indexes has no
     * figures of its own (SQLite raises the count when it gives such an
     * index its defaults).
     */
    static int rows(Table table, TableStat stat) {
        int rows = stat == null || stat.rows() < 0 ? DEFAULT_ROWS : stat.rows();
        if (rows < FEWEST_ROWS) {
            for (Index index : table.indexes()) {
                if (stat == null || !stat.indexes().containsKey(index.name().toLowerCase(Locale.ROOT))) {
                    return FEWEST_ROWS;
                }
            }
        }
        return rows;
    }

    /**
     * The entries of {@code index} and the entries per value of each prefix
     * of its key (LogEst, one more than its key columns): analyzed figures
     * where there are, SQLite's defaults for the rest.
     */
    static int[] indexRows(Index index, Table table, TableStat stat) {
        int keys = index.parts().size();
        int[] rows = new int[keys + 1];
        int x = Math.max(rows(table, stat), FEWEST_ROWS);
        rows[0] = index.where() != null ? x - 10 : x;
        for (int k = 1; k <= keys; k++) {
            rows[k] = k <= DEFAULT_PER_VALUE.length ? DEFAULT_PER_VALUE[k - 1] : LATER_PER_VALUE;
        }
        if (index.unique()) {
            rows[keys] = 0;
        }
        IndexStat analyzed = stat == null ? null : stat.indexes().get(index.name().toLowerCase(Locale.ROOT));
        if (analyzed != null) {
            for (int k = 0; k <= keys; k++) {
                if (analyzed.rows()[k] >= 0) {
                    rows[k] = analyzed.rows()[k];
                }
            }
        }
        return rows;
    }

    /** Whether the analyzed figures of {@code index} say its order is not to be relied on for ranges ("unordered"). */
    static boolean unordered(Index index, TableStat stat) {
        IndexStat analyzed = stat == null ? null : stat.indexes().get(index.name().toLowerCase(Locale.ROOT));
        return analyzed != null && analyzed.unordered();
    }

    /** The size of a row of {@code table} (LogEst of bytes), from its columns' declared types or "sz=". */
    static int tableSize(Table table, TableStat stat) {
        if (stat != null && stat.size() >= 0) {
            return stat.size();
        }
        int width = table.rowidAlias() < 0 ? 1 : 0;
        for (Column c : table.columns()) {
            width += width(c);
        }
        return LogEst.of(width * 4L);
    }

    /**
     * The size of an entry of {@code index} (LogEst of bytes): its key
     * columns and the rowid, or "sz="; in a WITHOUT ROWID table its key
     * columns and the PRIMARY KEY columns it carries, and for the PRIMARY
     * KEY itself every column, as SQLite estimates them.
     */
    static int indexSize(Index index, Table table, TableStat stat) {
        IndexStat analyzed = stat == null ? null : stat.indexes().get(index.name().toLowerCase(Locale.ROOT));
        if (analyzed != null && analyzed.size() >= 0) {
            return analyzed.size();
        }
        if (WithoutRowid.isPrimaryKey(table, index)) {
            int width = 0;
            for (Column c : table.columns()) {
                width += width(c);
            }
            return LogEst.of(width * 4L);
        }
        int width = table.withoutRowid() ? 0 : 1;
        for (Index.Part p : WithoutRowid.entryIndex(table, index).parts()) {
            width += p.column() >= 0 ? width(table.columns().get(p.column())) : 1;
        }
        return LogEst.of(width * 4L);
    }

    /**
     * A column's guessed width in units of four bytes, from its declared
     * type as SQLite guesses it: a text or blob type of declared length k
     * (VARCHAR(k), CHAR(k), BLOB(k)) is k/4+1, one without (TEXT, CLOB,
     * BLOB) 5, anything else (numbers, no type) 1.
     */
    static int width(Column column) {
        String type = column.declaredType();
        if (type == null || type.isBlank()) {
            return 1;
        }
        Affinity affinity = Affinity.ofDeclaredType(type);
        if (affinity != Affinity.TEXT && affinity != Affinity.BLOB) {
            return 1;
        }
        String lower = type.toLowerCase(Locale.ROOT);
        int from = -1;
        int chars = lower.lastIndexOf("char");
        if (chars >= 0) {
            from = chars + 4;
        } else if (affinity == Affinity.BLOB) {
            int blob = lower.indexOf("blob(");
            from = blob >= 0 ? blob + 4 : -1;
        }
        long v = 16;
        if (from >= 0) {
            v = 0;
            int at = from;
            while (at < lower.length() && !Character.isDigit(lower.charAt(at))) {
                at++;
            }
            while (at < lower.length() && Character.isDigit(lower.charAt(at)) && v < Integer.MAX_VALUE) {
                v = v * 10 + lower.charAt(at) - '0';
                at++;
            }
            if (v > Integer.MAX_VALUE) {
                v = 0;
            }
        }
        return (int) Math.min(255, v / 4 + 1);
    }
}
