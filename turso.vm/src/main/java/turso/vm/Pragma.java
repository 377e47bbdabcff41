/*
 * The PRAGMAs this engine knows: the contract between the planner, which
 * compiles "PRAGMA name [= value]" into a program with the pragma's result
 * columns, and the connection (Vm.Host.pragma), which computes the rows when
 * the program runs. Column names, which forms return rows, and what kind of
 * transaction each needs follow SQLite 3.40 (pragma.html). A name not here is
 * an unknown pragma: no columns, no rows, no error, as in SQLite.
 */
package turso.vm;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

public enum Pragma {
    ANALYSIS_LIMIT(false, "analysis_limit"),
    APPLICATION_ID(true, "application_id"),
    AUTO_VACUUM(true, "auto_vacuum"),
    AUTOMATIC_INDEX(true, "automatic_index"),
    BUSY_TIMEOUT(false, "timeout"),
    CACHE_SIZE(true, "cache_size"),
    CACHE_SPILL(true, "cache_spill"),
    CASE_SENSITIVE_LIKE(true),
    CELL_SIZE_CHECK(true, "cell_size_check"),
    CHECKPOINT_FULLFSYNC(true, "checkpoint_fullfsync"),
    COLLATION_LIST(false, "seq", "name"),
    COMPILE_OPTIONS(false, "compile_options"),
    COUNT_CHANGES(true, "count_changes"),
    DATA_VERSION(false, "data_version"),
    DATABASE_LIST(false, "seq", "name", "file"),
    DEFAULT_CACHE_SIZE(true, "cache_size"),
    DEFER_FOREIGN_KEYS(true, "defer_foreign_keys"),
    EMPTY_RESULT_CALLBACKS(true, "empty_result_callbacks"),
    ENCODING(true, "encoding"),
    FOREIGN_KEY_LIST(false, "id", "seq", "table", "from", "to", "on_update", "on_delete", "match"),
    FOREIGN_KEYS(true, "foreign_keys"),
    FREELIST_COUNT(false, "freelist_count"),
    FULL_COLUMN_NAMES(true, "full_column_names"),
    FULLFSYNC(true, "fullfsync"),
    FUNCTION_LIST(false, "name", "builtin", "type", "enc", "narg", "flags"),
    HARD_HEAP_LIMIT(false, "hard_heap_limit"),
    IGNORE_CHECK_CONSTRAINTS(true, "ignore_check_constraints"),
    INDEX_INFO(false, "seqno", "cid", "name"),
    INDEX_LIST(false, "seq", "name", "unique", "origin", "partial"),
    INCREMENTAL_VACUUM(false),
    INDEX_XINFO(false, "seqno", "cid", "name", "desc", "coll", "key"),
    INTEGRITY_CHECK(false, "integrity_check"),
    JOURNAL_MODE(false, "journal_mode"),
    JOURNAL_SIZE_LIMIT(false, "journal_size_limit"),
    LEGACY_ALTER_TABLE(true, "legacy_alter_table"),
    LOCKING_MODE(false, "locking_mode"),
    MAX_PAGE_COUNT(false, "max_page_count"),
    MMAP_SIZE(false, "mmap_size"),
    MODULE_LIST(false, "name"),
    OPTIMIZE(false, "optimize"),
    PAGE_COUNT(false, "page_count"),
    PAGE_SIZE(true, "page_size"),
    PRAGMA_LIST(false, "name"),
    QUERY_ONLY(true, "query_only"),
    QUICK_CHECK(false, "quick_check"),
    READ_UNCOMMITTED(true, "read_uncommitted"),
    RECURSIVE_TRIGGERS(true, "recursive_triggers"),
    REVERSE_UNORDERED_SELECTS(true, "reverse_unordered_selects"),
    SCHEMA_VERSION(true, "schema_version"),
    SECURE_DELETE(false, "secure_delete"),
    SHORT_COLUMN_NAMES(true, "short_column_names"),
    SHRINK_MEMORY(true),
    SOFT_HEAP_LIMIT(false, "soft_heap_limit"),
    SYNCHRONOUS(true, "synchronous"),
    TABLE_INFO(false, "cid", "name", "type", "notnull", "dflt_value", "pk"),
    TABLE_LIST(false, "schema", "name", "type", "ncol", "wr", "strict"),
    TABLE_XINFO(false, "cid", "name", "type", "notnull", "dflt_value", "pk", "hidden"),
    TEMP_STORE(true, "temp_store"),
    TEMP_STORE_DIRECTORY(true, "temp_store_directory"),
    THREADS(false, "threads"),
    TRUSTED_SCHEMA(true, "trusted_schema"),
    USER_VERSION(true, "user_version"),
    /** Not SQLite's: the VFS the main database is on ("io_uring", "nio"; "memory" for a private in-memory one). */
    VFS(false, "vfs"),
    WAL_AUTOCHECKPOINT(false, "wal_autocheckpoint"),
    WAL_CHECKPOINT(false, "busy", "log", "checkpointed"),
    WRITABLE_SCHEMA(true, "writable_schema");

    /** What kind of transaction the pragma's program opens before the connection computes it. */
    public enum Transaction { NONE, READ, WRITE }

    /**
     * A setting or header field: "PRAGMA name = value" sets it and has no
     * result columns. The others give their columns with an argument too
     * (journal_mode and busy_timeout report the new value; an argument to
     * the rest names an object, a limit or a mode).
     */
    private final boolean setting;
    private final List<String> columns;

    Pragma(boolean setting, String... columns) {
        this.setting = setting;
        this.columns = List.of(columns);
    }

    /** The pragma called {@code name} (case ignored), or empty for a pragma this engine does not know. */
    public static Optional<Pragma> find(String name) {
        for (Pragma p : values()) {
            if (p.name().equalsIgnoreCase(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether SQLite has the table-valued form pragma_NAME: not for those
     * whose work is a side effect (SQLite gives them no result flag).
     */
    public boolean tableValued() {
        return switch (this) {
            case MMAP_SIZE, SHRINK_MEMORY, TEMP_STORE_DIRECTORY, INCREMENTAL_VACUUM, WAL_CHECKPOINT,
                    CASE_SENSITIVE_LIKE -> false;
            default -> true;
        };
    }

    /** The pragma's name as SQL writes it. */
    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The result columns of "PRAGMA name" ({@code hasArgument} false) or "PRAGMA name = value" / "name(value)". */
    public List<String> columns(boolean hasArgument) {
        return hasArgument && setting ? List.of() : columns;
    }

    /**
     * The transaction the program opens before asking the connection for
     * the rows: SQLite reads the database for every pragma but the
     * connection's own settings and the setting of a new page size (so
     * they fail alike on a file that is not a database).
     */
    public Transaction transaction(boolean hasArgument) {
        return switch (this) {
            case APPLICATION_ID, USER_VERSION, SCHEMA_VERSION -> hasArgument ? Transaction.WRITE : Transaction.READ;
            case INCREMENTAL_VACUUM -> Transaction.WRITE;
            case BUSY_TIMEOUT, CASE_SENSITIVE_LIKE, DATABASE_LIST, FOREIGN_KEYS, TEMP_STORE, DEFER_FOREIGN_KEYS,
                    RECURSIVE_TRIGGERS, MODULE_LIST, VFS, ANALYSIS_LIMIT, AUTOMATIC_INDEX, CELL_SIZE_CHECK,
                    CHECKPOINT_FULLFSYNC, COLLATION_LIST, COMPILE_OPTIONS, COUNT_CHANGES, EMPTY_RESULT_CALLBACKS,
                    FULL_COLUMN_NAMES, FULLFSYNC, FUNCTION_LIST, HARD_HEAP_LIMIT, IGNORE_CHECK_CONSTRAINTS,
                    LEGACY_ALTER_TABLE, LOCKING_MODE, MMAP_SIZE, OPTIMIZE, PRAGMA_LIST, QUERY_ONLY, READ_UNCOMMITTED,
                    REVERSE_UNORDERED_SELECTS, SECURE_DELETE, SHORT_COLUMN_NAMES, SHRINK_MEMORY, SOFT_HEAP_LIMIT,
                    TEMP_STORE_DIRECTORY, THREADS, TRUSTED_SCHEMA, WRITABLE_SCHEMA -> Transaction.NONE;
            case DEFAULT_CACHE_SIZE -> hasArgument ? Transaction.WRITE : Transaction.READ;
            case PAGE_SIZE, JOURNAL_MODE -> hasArgument ? Transaction.NONE : Transaction.READ;
            case WAL_CHECKPOINT, WAL_AUTOCHECKPOINT, JOURNAL_SIZE_LIMIT -> Transaction.NONE;
            default -> Transaction.READ;
        };
    }
}
