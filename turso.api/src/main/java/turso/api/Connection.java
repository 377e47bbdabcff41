/*
 * A connection to a Database: prepares statements (cached by SQL text),
 * tracks transaction state and the counters SQLite keeps per connection.
 * Used by one thread at a time; interrupt() is the one method another thread
 * may call.
 */
package turso.api;

import java.time.Duration;

public interface Connection extends AutoCloseable {

    /**
     * Compiles the first statement of {@code sql}; {@link Statement#tail()}
     * holds what follows it.
     */
    Statement prepare(String sql);

    /** Runs every statement of {@code sql} in turn, discarding rows, as sqlite3_exec does. */
    void execute(String sql);

    /** The rowid of the most recent successful INSERT on this connection. */
    long lastInsertRowid();

    /** Rows changed by the most recent INSERT, UPDATE or DELETE. */
    long changes();

    /** Rows changed since the connection was opened. */
    long totalChanges();

    /** True outside an explicit transaction. */
    boolean autoCommit();

    /** How long to retry when the database is locked, before SQLITE_BUSY; zero fails at once. */
    void busyTimeout(Duration timeout);

    /**
     * Calls {@code handler} every {@code period} steps of the statements
     * this connection runs (see ProgressHandler); null, or a period below 1,
     * removes it. One handler per connection, as in SQLite.
     */
    void progressHandler(int period, ProgressHandler handler);

    /** Makes the statement running on this connection stop with SQLITE_INTERRUPT; safe from any thread. */
    void interrupt();

    @Override
    void close();
}
