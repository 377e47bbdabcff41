/*
 * One open database of one engine, as the workloads see it: statements are
 * prepared once per trial and re-run, transactions are begun and committed
 * explicitly. The four engines (this engine's native API, its JDBC driver,
 * sqlite-jdbc, H2) implement it, so each workload is written once and runs
 * the same SQL everywhere, with JDBC's anonymous "?" parameters.
 */
package turso.bench;

public interface BenchDb extends AutoCloseable {

    /** Prepares {@code sql}; {@code columns} says how to read each result column (see {@link Query}). */
    Query prepare(String sql, String columns);

    /** Prepares a statement that returns no rows. */
    default Query prepare(String sql) {
        return prepare(sql, "");
    }

    /** Runs one statement that returns no rows (DDL, PRAGMA). */
    void exec(String sql);

    /** Runs one statement and returns the first column of its first row as text, or null. */
    String text(String sql);

    void begin();

    void commit();

    @Override
    void close();
}
