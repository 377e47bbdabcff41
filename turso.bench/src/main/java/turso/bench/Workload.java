/*
 * The twelve workloads of issue #10, in its order: the number and words the
 * report uses, and the JMH benchmark that measures each. The bulk inserts
 * are measured per load of Dataset.rows() rows and reported per row.
 */
package turso.bench;

enum Workload {
    BULK_INSERT(1, "bulk insert, one transaction, reused INSERT (rows/s)", BulkInsertBenchmark.class, "bulkInsert"),
    BULK_INSERT_INDEXED(2, "the same into a table with two secondary indexes (rows/s)", BulkInsertBenchmark.class,
            "bulkInsertIndexed"),
    POINT_BY_ROWID(3, "point select by rowid, random keys", ReadBenchmark.class, "pointByRowid"),
    POINT_BY_INDEX(4, "point select by secondary index", ReadBenchmark.class, "pointByIndex"),
    RANGE_BY_INDEX(5, "range scan of 100 rows by index", ReadBenchmark.class, "rangeByIndex"),
    SCAN_AGGREGATE(6, "full scan, COUNT/SUM, WHERE on a non-indexed column", ReadBenchmark.class, "scanAggregate"),
    GROUP_BY(7, "GROUP BY into 1,000 groups", ReadBenchmark.class, "groupBy"),
    JOIN(8, "join of 10 depts (10k-row table) to their 1,000 items by an indexed key", ReadBenchmark.class, "join"),
    TOP_N(9, "ORDER BY a non-indexed column LIMIT 10", ReadBenchmark.class, "topN"),
    UPDATE_BY_KEY(10, "UPDATE by primary key, one row per transaction", UpdateBenchmark.class, "updateByKey"),
    OPEN(11, "open a connection to 10,000 tables and run a first query", OpenBenchmark.class, "openAndQuery"),
    MIXED(12, "mixed reads (80%) and autocommit updates from 4 threads", MixedBenchmark.class, "mixed");

    final int number;
    final String title;
    final Class<?> benchmarkClass;
    final String method;

    Workload(int number, String title, Class<?> benchmarkClass, String method) {
        this.number = number;
        this.title = title;
        this.benchmarkClass = benchmarkClass;
        this.method = method;
    }

    /** JMH's name of the benchmark: class and method. */
    String benchmark() {
        return benchmarkClass.getName() + "." + method;
    }

    /** Whether one operation of the benchmark loads Dataset.rows() rows, reported as rows/s. */
    boolean perRow() {
        return benchmarkClass == BulkInsertBenchmark.class;
    }

    static Workload ofBenchmark(String benchmark) {
        for (Workload w : values()) {
            if (w.benchmark().equals(benchmark)) {
                return w;
            }
        }
        return null;
    }
}
