/*
 * One open database of an SltEngine, as the reference harness drives it:
 * statements run as sqlite3_exec runs them (every statement of the text),
 * queries are prepared once and stepped to the end.
 */
package turso.tests.slt;

interface SltDatabase extends AutoCloseable {

    /** Runs every statement of {@code sql}; fails on the first error. */
    void execute(String sql) throws SqlFailure;

    /**
     * Prepares the first statement of {@code sql} and steps it to the end.
     * A failure to prepare throws; an error while stepping ends the rows
     * (the reference harness ignores it) and is kept in the result.
     */
    QueryResult query(String sql) throws SqlFailure;

    @Override
    void close();
}
