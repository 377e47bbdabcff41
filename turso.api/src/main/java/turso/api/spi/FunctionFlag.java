/* Properties of an SQL function the planner relies on (SQLite's SQLITE_DETERMINISTIC, SQLITE_DIRECTONLY...). */
package turso.api.spi;

public enum FunctionFlag {
    /** Same arguments, same result, within a statement: usable in indexes, CHECK and generated columns. */
    DETERMINISTIC,
    /** Not to be called from triggers, views or schema expressions. */
    DIRECT_ONLY,
    /** Harmless even when called from untrusted schema. */
    INNOCUOUS,
    /** Reads the subtype of its arguments (the JSON functions). */
    SUBTYPE,
    /** Sets a subtype on its result. */
    RESULT_SUBTYPE
}
