/*
 * The per-connection settings PRAGMAs read and change, with SQLite's
 * defaults: foreign_keys and defer_foreign_keys (off; statements are
 * compiled with or without foreign key enforcement by them), cache_size as
 * it was set (-2000: 2000 KiB), synchronous (2, FULL), busy_timeout in
 * milliseconds, whether LIKE is case-sensitive (case_sensitive_like),
 * temp_store (0, DEFAULT: the temp database lives in memory whatever it
 * says), and journal_size_limit (-1: none); and the settings of the
 * pragmas SQLite keeps per connection (query_only, ignore_check_constraints,
 * automatic_index ...), with SQLite 3.40's defaults. The heap limits and
 * temp_store_directory are per process in SQLite; here they are per
 * connection, since nothing else shares them.
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
    /** Whether cache_size was set on this connection; until then it is default_cache_size's value from the header. */
    boolean cacheSizeSet;
    int analysisLimit;
    boolean automaticIndex = true;
    boolean cacheSpill = true;
    /** cache_spill's page threshold (SQLite's szSpill); 1 until set. */
    int spillSize = 1;
    boolean cellSizeCheck;
    boolean checkpointFullfsync;
    boolean countChanges;
    boolean emptyResultCallbacks;
    boolean fullColumnNames;
    boolean fullfsync;
    long hardHeapLimit;
    long softHeapLimit;
    boolean ignoreCheckConstraints;
    boolean legacyAlterTable;
    /** locking_mode's default for databases not given one of their own (unqualified PRAGMA locking_mode). */
    boolean exclusiveLocking;
    /** locking_mode and mmap_size of each database set by name (index 0 main, 2.. attached). */
    final java.util.Map<Integer, Boolean> exclusiveByDatabase = new java.util.HashMap<>();
    final java.util.Map<Integer, Long> mmapByDatabase = new java.util.HashMap<>();
    boolean queryOnly;
    boolean readUncommitted;
    boolean reverseUnorderedSelects;
    boolean shortColumnNames = true;
    String tempStoreDirectory;
    int threads;
    boolean trustedSchema = true;
    boolean writableSchema;

    /** The settings the planner compiles statements under. */
    turso.planner.Schema.CompileFlags compileFlags() {
        return new turso.planner.Schema.CompileFlags(ignoreCheckConstraints, automaticIndex, reverseUnorderedSelects,
                writableSchema, legacyAlterTable);
    }
}
