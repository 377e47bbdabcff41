/*
 * The bulk-insert workloads (1 and 2 of issue #10) on one engine: an empty
 * database with the bulk table (and its two secondary indexes for workload
 * 2), then N rows inserted in one transaction through one reused prepared
 * INSERT. Also what the memory check runs with 10 000 000 rows.
 */
package turso.bench;

final class BulkLoad implements AutoCloseable {

    private final Fixture fixture;
    private final Query insert;
    private final long rows;

    BulkLoad(String engine, boolean indexed, long rows) {
        this.rows = rows;
        fixture = Fixture.empty(engine);
        try {
            Dataset.createBulk(fixture.db(), indexed);
            insert = fixture.db().prepare(Dataset.INSERT_BULK);
        } catch (RuntimeException e) {
            fixture.close();
            throw e;
        }
    }

    /** Inserts the rows; returns how many. */
    long run() {
        return Dataset.insertBulk(fixture.db(), insert, rows);
    }

    /** Every row and column of the table, folded into one number, for the check. */
    long summary() {
        try (Query q = fixture.db().prepare(Dataset.BULK_SUMMARY, "LLLD")) {
            return q.checksum();
        }
    }

    /** The rows of the table, read back. */
    long count() {
        try (Query q = fixture.db().prepare("SELECT count(*) FROM bulk", "L")) {
            return q.checksum() - 1; // the checksum counts the one row, then adds its value
        }
    }

    @Override
    public void close() {
        insert.close();
        fixture.close();
    }
}
