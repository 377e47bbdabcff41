/*
 * The data the workloads read and write, the same on every engine, and the
 * schema of the connection-open workload:
 *   items(N rows) -> depts(N / 100 rows), N = 1 000 000 by default
 *   (system property turso.bench.rows; a power of ten, at least 1 000);
 *   t00001 .. tT, T = 10 000 tables of one row (turso.bench.tables).
 * Values are derived from the row number, so every engine holds exactly the
 * same rows: items.code is a permutation of 0..N-1 (indexed), amount a
 * permutation of multiples of 1/4 (not indexed: unique, so a top-N by it has
 * one answer), grp spreads the rows over 1 000 groups (not indexed),
 * dept_id puts 100 items in each dept (indexed). The bulk-insert workloads
 * write rows of the same shape into a table of their own (see insertBulk).
 */
package turso.bench;

import java.util.Locale;

public final class Dataset {

    /** The system property that sets the number of items (and of rows bulk-inserted). */
    public static final String ROWS_PROPERTY = "turso.bench.rows";

    /** The system property that sets the number of tables of the connection-open workload. */
    public static final String TABLES_PROPERTY = "turso.bench.tables";

    public static final int GROUPS = 1_000;

    /** Items per dept. */
    public static final int PER_DEPT = 100;

    static final String ITEMS = "CREATE TABLE items (id INTEGER PRIMARY KEY, code INTEGER, name VARCHAR(40),"
            + " grp INTEGER, amount DOUBLE, dept_id INTEGER)";

    private Dataset() {
    }

    public static int rows() {
        return Integer.getInteger(ROWS_PROPERTY, 1_000_000);
    }

    public static int depts() {
        return rows() / PER_DEPT;
    }

    public static int tables() {
        return Integer.getInteger(TABLES_PROPERTY, 10_000);
    }

    public static String tableName(long k) {
        return String.format(Locale.ROOT, "t%05d", k);
    }

    static long code(long id, long n) {
        return id * 7_919 % n;
    }

    static String name(long id, long n) {
        return "item " + Long.toString(id * 31 % n * 2_654_435_761L, 36);
    }

    static long group(long id) {
        return id * 13 % GROUPS;
    }

    static double amount(long id, long n) {
        return (id * 104_729 % n) / 4.0;
    }

    /** Creates items and depts with their indexes and loads them, one transaction per table. */
    public static void load(BenchDb db) {
        int n = rows();
        int depts = depts();
        db.exec(ITEMS);
        db.exec("CREATE TABLE depts (id INTEGER PRIMARY KEY, name VARCHAR(40), region INTEGER)");
        db.begin();
        try (Query q = db.prepare("INSERT INTO depts VALUES (?, ?, ?)")) {
            for (long id = 1; id <= depts; id++) {
                q.bindLong(1, id);
                q.bindText(2, "dept " + id);
                q.bindLong(3, id % 100);
                q.update();
            }
        }
        db.commit();
        db.begin();
        try (Query q = db.prepare("INSERT INTO items VALUES (?, ?, ?, ?, ?, ?)")) {
            for (long id = 1; id <= n; id++) {
                q.bindLong(1, id);
                q.bindLong(2, code(id, n));
                q.bindText(3, name(id, n));
                q.bindLong(4, group(id));
                q.bindDouble(5, amount(id, n));
                q.bindLong(6, id * 7 % depts + 1);
                q.update();
            }
        }
        db.commit();
        db.exec("CREATE INDEX items_code ON items (code)");
        db.exec("CREATE INDEX items_dept ON items (dept_id)");
    }

    /** Creates the tables of the connection-open workload, one row each, in one transaction. */
    public static void loadSchema(BenchDb db) {
        int tables = tables();
        db.begin();
        for (int k = 1; k <= tables; k++) {
            String t = tableName(k);
            db.exec("CREATE TABLE " + t + " (id INTEGER PRIMARY KEY, a INTEGER, b VARCHAR(40), c DOUBLE)");
            db.exec("INSERT INTO " + t + " VALUES (1, " + k + ", 'table " + k + "', " + k / 4.0 + ")");
        }
        db.commit();
    }

    /**
     * The bulk-insert workloads' table: four columns (integer key, integer,
     * text, real), with secondary indexes on the integer and the text column
     * when {@code indexed}.
     */
    static void createBulk(BenchDb db, boolean indexed) {
        db.exec("CREATE TABLE bulk (id INTEGER PRIMARY KEY, qty INTEGER, name VARCHAR(40), price DOUBLE)");
        if (indexed) {
            db.exec("CREATE INDEX bulk_qty ON bulk (qty)");
            db.exec("CREATE INDEX bulk_name ON bulk (name)");
        }
    }

    /** Inserts {@code rows} rows into bulk in one transaction through one prepared INSERT; returns the rows inserted. */
    static long insertBulk(BenchDb db, Query insert, long rows) {
        long inserted = 0;
        db.begin();
        for (long id = 1; id <= rows; id++) {
            insert.bindLong(1, id);
            insert.bindLong(2, code(id, rows));
            insert.bindText(3, name(id, rows));
            insert.bindDouble(4, amount(id, rows));
            inserted += insert.update();
        }
        db.commit();
        return inserted;
    }

    static final String INSERT_BULK = "INSERT INTO bulk VALUES (?, ?, ?, ?)";

    /** What the check compares after a bulk insert: every row and column folded into one number. */
    static final String BULK_SUMMARY = "SELECT count(*), sum(qty), sum(length(name)), sum(price) FROM bulk";
}
