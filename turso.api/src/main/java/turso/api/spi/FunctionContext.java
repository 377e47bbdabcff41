/*
 * What a scalar function may ask of the connection calling it: the counters
 * behind changes() and last_insert_rowid(), per-statement state such as the
 * time 'now' is frozen at, and auxiliary data cached per argument (a compiled
 * regexp or JSON path, SQLite's sqlite3_get_auxdata).
 */
package turso.api.spi;

public interface FunctionContext {

    long lastInsertRowid();

    long changes();

    long totalChanges();

    /** The statement's start time in milliseconds since the epoch; stable for the whole statement. */
    long statementTimeMillis();

    /** Data cached for constant argument {@code argument} of this call site, or null. */
    Object auxData(int argument);

    void setAuxData(int argument, Object data);
}
