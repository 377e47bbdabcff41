/*
 * The counterpart of sqlite3_progress_handler: a callback a Connection makes
 * every N steps of the statement it runs, so that a program can show progress
 * of long work (an index build, a VACUUM, a large query) or stop it. A step
 * is a row a loop of the statement's program moves to (a table or index
 * cursor advancing, a sorted row read back, a result row), not one bytecode
 * instruction as in SQLite: the count then says how many rows the work has
 * been through, which is what a progress display can relate to a table's size.
 */
package turso.api;

@FunctionalInterface
public interface ProgressHandler {

    /**
     * Called on the thread running the statement.
     *
     * @param steps the steps taken since the outermost running statement started
     * @return true to interrupt the statement (it fails with SQLITE_INTERRUPT)
     */
    boolean onProgress(long steps);
}
