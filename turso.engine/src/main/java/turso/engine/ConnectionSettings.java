/*
 * The per-connection settings PRAGMAs read and change, with SQLite's
 * defaults: foreign_keys and defer_foreign_keys (off; statements are
 * compiled with or without foreign key enforcement by them), cache_size as
 * it was set (-2000: 2000 KiB), synchronous (2, FULL), busy_timeout in
 * milliseconds, whether LIKE is case-sensitive (case_sensitive_like),
 * temp_store (0, DEFAULT: the temp database lives in memory whatever it
 * says), and journal_size_limit (-1: none).
 */
package turso.engine;

final class ConnectionSettings {
    boolean foreignKeys;
    boolean deferForeignKeys;
    /** PRAGMA recursive_triggers: a trigger may fire itself (its programs are compiled with it). */
    boolean recursiveTriggers;
    int cacheSize = -2000;
    int synchronous = 2;
    int busyTimeoutMillis;
    boolean caseSensitiveLike;
    int tempStore;
    long journalSizeLimit = -1;
}
