/*
 * The read workloads (3 to 9 of issue #10) on one open copy of the Dataset,
 * each one call: its statement prepared once, parameters drawn from a
 * fixed-seed key sequence, every column of every row read and folded into a
 * checksum (see Query) that the check compares across engines.
 */
package turso.bench;

final class Reads implements AutoCloseable {

    /** Rows the range scan returns. */
    static final int RANGE = 100;

    /** Depts the join reads (100 items each). */
    static final int JOIN_DEPTS = 10;

    /** Groups (of 1 000) the scan's WHERE keeps: a tenth of the rows. */
    static final int SCAN_GROUPS = 100;

    private final Keys keys = new Keys();
    private final int n = Dataset.rows();
    private final int depts = Dataset.depts();
    private final Query byRowid;
    private final Query byIndex;
    private final Query rangeByIndex;
    private final Query scan;
    private final Query groupBy;
    private final Query join;
    private final Query topN;

    Reads(BenchDb db) {
        byRowid = db.prepare("SELECT id, code, name, amount FROM items WHERE id = ?", "LLTD");
        byIndex = db.prepare("SELECT id, code, name, amount FROM items WHERE code = ?", "LLTD");
        rangeByIndex = db.prepare("SELECT id, code, name FROM items WHERE code BETWEEN ? AND ?", "LLT");
        scan = db.prepare("SELECT count(*), sum(amount), sum(code) FROM items WHERE grp BETWEEN ? AND ?", "LDL");
        groupBy = db.prepare("SELECT grp, count(*), sum(amount) FROM items GROUP BY grp", "LLD");
        join = db.prepare("SELECT d.id, d.name, i.id, i.amount FROM depts d JOIN items i ON i.dept_id = d.id"
                + " WHERE d.id BETWEEN ? AND ?", "LTLD");
        topN = db.prepare("SELECT id, name, amount FROM items ORDER BY amount DESC LIMIT 10", "LTD");
    }

    /** 3: one row by its INTEGER PRIMARY KEY. */
    long pointByRowid() {
        byRowid.bindLong(1, keys.next(n));
        return byRowid.checksum();
    }

    /** 4: one row by a secondary index. */
    long pointByIndex() {
        byIndex.bindLong(1, keys.next(n) - 1);
        return byIndex.checksum();
    }

    /** 5: 100 rows by a range of a secondary index. */
    long rangeByIndex() {
        long from = keys.next(n - RANGE + 1) - 1;
        rangeByIndex.bindLong(1, from);
        rangeByIndex.bindLong(2, from + RANGE - 1);
        return rangeByIndex.checksum();
    }

    /** 6: COUNT and SUMs over the whole table, with a WHERE on a column without an index. */
    long scanAggregate() {
        long from = keys.next(Dataset.GROUPS - SCAN_GROUPS + 1) - 1;
        scan.bindLong(1, from);
        scan.bindLong(2, from + SCAN_GROUPS - 1);
        return scan.checksum();
    }

    /** 7: GROUP BY over the whole table into 1 000 groups. */
    long groupBy() {
        return groupBy.checksum();
    }

    /** 8: 10 depts joined to their 1 000 items through the index on items.dept_id. */
    long join() {
        long from = keys.next(depts - JOIN_DEPTS + 1);
        join.bindLong(1, from);
        join.bindLong(2, from + JOIN_DEPTS - 1);
        return join.checksum();
    }

    /** 9: the top 10 by a column without an index. */
    long topN() {
        return topN.checksum();
    }

    @Override
    public void close() {
        for (Query q : new Query[] {byRowid, byIndex, rangeByIndex, scan, groupBy, join, topN}) {
            q.close();
        }
    }
}
