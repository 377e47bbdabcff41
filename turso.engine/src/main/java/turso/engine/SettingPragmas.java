/*
 * The PRAGMAs that read or change a connection's settings rather than the
 * database (PragmaRunner has those): SQLite's on/off flags
 * (automatic_index, query_only, ignore_check_constraints ...), the numbers
 * it keeps per connection or per process (analysis_limit, threads, the heap
 * limits), and the storage settings of cache_spill, default_cache_size,
 * locking_mode, max_page_count, mmap_size and secure_delete. Values are
 * read, clamped and reported as SQLite 3.40 does; a flag that changes how
 * statements compile makes the connection forget its prepared ones.
 */
package turso.engine;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.btree.HeaderField;
import turso.btree.Storage;
import turso.vm.PragmaArguments;
import turso.vm.PragmaCall;

final class SettingPragmas {
    /** SQLite's default cache_size, used where the header gives no default_cache_size. */
    private static final int DEFAULT_CACHE_SIZE = -2000;
    /** What SQLite adds to each page in its cache (szExtra) when it turns a size in KiB into pages. */
    private static final int PAGE_OVERHEAD = 136;
    private static final long MAX_MMAP_SIZE = 0x7fff0000L;
    private static final int MAX_WORKER_THREADS = 8;

    private final EngineConnection connection;
    private final ConnectionSettings settings;

    SettingPragmas(EngineConnection connection, ConnectionSettings settings) {
        this.connection = connection;
        this.settings = settings;
    }

    /** The rows of a settings pragma; {@code storage} is the database it names (main when unqualified). */
    List<Object[]> run(PragmaCall call, Storage storage) {
        String arg = call.argument();
        return switch (call.pragma()) {
            case AUTOMATIC_INDEX -> flag(arg, settings.automaticIndex, v -> settings.automaticIndex = v, true);
            case CELL_SIZE_CHECK -> flag(arg, settings.cellSizeCheck, v -> settings.cellSizeCheck = v, false);
            case CHECKPOINT_FULLFSYNC -> flag(arg, settings.checkpointFullfsync, v -> settings.checkpointFullfsync = v,
                    false);
            case COUNT_CHANGES -> flag(arg, settings.countChanges, v -> settings.countChanges = v, true);
            case EMPTY_RESULT_CALLBACKS -> flag(arg, settings.emptyResultCallbacks,
                    v -> settings.emptyResultCallbacks = v, false);
            case FULL_COLUMN_NAMES -> flag(arg, settings.fullColumnNames, v -> settings.fullColumnNames = v, false);
            case FULLFSYNC -> flag(arg, settings.fullfsync, v -> settings.fullfsync = v, false);
            case IGNORE_CHECK_CONSTRAINTS -> flag(arg, settings.ignoreCheckConstraints,
                    v -> settings.ignoreCheckConstraints = v, true);
            case LEGACY_ALTER_TABLE -> flag(arg, settings.legacyAlterTable, v -> settings.legacyAlterTable = v, true);
            case QUERY_ONLY -> flag(arg, settings.queryOnly, v -> settings.queryOnly = v, false);
            case READ_UNCOMMITTED -> flag(arg, settings.readUncommitted, v -> settings.readUncommitted = v, false);
            case REVERSE_UNORDERED_SELECTS -> flag(arg, settings.reverseUnorderedSelects,
                    v -> settings.reverseUnorderedSelects = v, true);
            case SHORT_COLUMN_NAMES -> flag(arg, settings.shortColumnNames, v -> settings.shortColumnNames = v, false);
            case TRUSTED_SCHEMA -> flag(arg, settings.trustedSchema, v -> settings.trustedSchema = v, true);
            case WRITABLE_SCHEMA -> {
                if (arg != null && arg.equalsIgnoreCase("reset")) {
                    settings.writableSchema = false;
                    connection.forgetStatements();
                    for (int d = 0; d < connection.databaseCount(); d++) {
                        if (isOpen(d)) {
                            connection.schemaChanged(d);
                        }
                    }
                    yield List.of();
                }
                yield flag(arg, settings.writableSchema, v -> settings.writableSchema = v, true);
            }
            case ANALYSIS_LIMIT -> {
                OptionalLong n = number(arg);
                if (n.isPresent() && n.getAsLong() >= 0) {
                    settings.analysisLimit = (int) (n.getAsLong() & 0x7fffffff);
                }
                yield one(settings.analysisLimit);
            }
            case THREADS -> {
                OptionalLong n = number(arg);
                if (n.isPresent() && n.getAsLong() >= 0) {
                    settings.threads = (int) Math.min(n.getAsLong() & 0x7fffffff, MAX_WORKER_THREADS);
                }
                yield one(settings.threads);
            }
            case HARD_HEAP_LIMIT -> {
                OptionalLong n = number(arg);
                if (n.isPresent() && n.getAsLong() > 0
                        && (settings.hardHeapLimit == 0 || settings.hardHeapLimit > n.getAsLong())) {
                    settings.hardHeapLimit = n.getAsLong();
                    if (settings.softHeapLimit == 0 || settings.softHeapLimit > n.getAsLong()) {
                        settings.softHeapLimit = n.getAsLong();
                    }
                }
                yield one(settings.hardHeapLimit);
            }
            case SOFT_HEAP_LIMIT -> {
                OptionalLong n = number(arg);
                if (n.isPresent() && n.getAsLong() >= 0) {
                    long limit = n.getAsLong();
                    if (settings.hardHeapLimit > 0 && (limit > settings.hardHeapLimit || limit == 0)) {
                        limit = settings.hardHeapLimit;
                    }
                    settings.softHeapLimit = limit;
                }
                yield one(settings.softHeapLimit);
            }
            case TEMP_STORE_DIRECTORY -> tempStoreDirectory(arg);
            case SHRINK_MEMORY -> List.of();
            case CACHE_SPILL -> cacheSpill(arg, storage);
            case DEFAULT_CACHE_SIZE -> defaultCacheSize(arg, storage);
            case DATA_VERSION -> one(storage.dataVersion());
            case MAX_PAGE_COUNT -> {
                long limit = 0;
                OptionalLong n = number(arg);
                if (n.isPresent()) {
                    limit = Math.clamp(n.getAsLong(), 0, 0xfffffffeL);
                }
                yield one(storage.maxPageCount(limit));
            }
            case LOCKING_MODE -> lockingMode(call);
            case MMAP_SIZE -> mmapSize(call);
            case SECURE_DELETE -> secureDelete(call, storage);
            default -> throw new IllegalArgumentException(call.toString());
        };
    }

    /**
     * cache_size when this connection has not set it: the header's
     * default_cache_size (its absolute value), or SQLite's default.
     */
    int cacheSize(Storage storage) {
        if (settings.cacheSizeSet) {
            return settings.cacheSize;
        }
        int stored = Math.abs((int) storage.headerField(HeaderField.DEFAULT_CACHE_SIZE));
        return stored == 0 ? DEFAULT_CACHE_SIZE : stored;
    }

    private interface Setter {
        void set(boolean value);
    }

    /** An on/off pragma: its value, or (no rows) the new one, read as SQLite reads a boolean. */
    private List<Object[]> flag(String arg, boolean value, Setter setter, boolean compiled) {
        if (arg == null) {
            return one(value ? 1 : 0);
        }
        boolean on = PragmaArguments.toBoolean(arg, false);
        if (on != value) {
            setter.set(on);
            if (compiled) {
                connection.forgetStatements();
            }
        }
        return List.of();
    }

    /**
     * cache_spill: 0 when off, else the larger of the cache's size in pages
     * and the spill threshold. A number sets the threshold (a negative one in
     * KiB) and turns spilling on unless it is 0; a word turns it on or off.
     */
    private List<Object[]> cacheSpill(String arg, Storage storage) {
        if (arg == null) {
            if (!settings.cacheSpill) {
                return one(0);
            }
            return one(Math.max(pages(cacheSize(storage), storage.pageSize()), settings.spillSize));
        }
        int size = 1;
        if (PragmaArguments.isInt32(arg)) {
            size = PragmaArguments.toInt32(arg);
            if (size != 0) {
                settings.spillSize = size > 0 ? size : pages(size, storage.pageSize());
            }
        }
        settings.cacheSpill = PragmaArguments.toBoolean(arg, size != 0);
        storage.setCacheSpill(settings.cacheSpill);
        return List.of();
    }

    /** A cache_size setting in pages, as SQLite's page cache counts them. */
    private static int pages(int cacheSize, int pageSize) {
        if (cacheSize >= 0) {
            return cacheSize;
        }
        return (int) Math.min(1_000_000_000L, -1024L * cacheSize / (pageSize + PAGE_OVERHEAD));
    }

    /**
     * default_cache_size (deprecated): the header's suggested cache size, or
     * SQLite's default; setting it stores the absolute value in the header
     * and makes it this connection's cache_size.
     */
    private List<Object[]> defaultCacheSize(String arg, Storage storage) {
        if (arg == null) {
            int stored = Math.abs((int) storage.headerField(HeaderField.DEFAULT_CACHE_SIZE));
            return one(stored == 0 ? DEFAULT_CACHE_SIZE : stored);
        }
        int size = Math.abs(PragmaArguments.toInt32(arg));
        storage.setHeaderField(HeaderField.DEFAULT_CACHE_SIZE, size);
        settings.cacheSize = size;
        settings.cacheSizeSet = true;
        return List.of();
    }

    /** temp_store_directory: the directory set (no row when none); '' unsets it, else it must be a writable directory. */
    private List<Object[]> tempStoreDirectory(String arg) {
        if (arg == null) {
            return settings.tempStoreDirectory == null ? List.of() : List.<Object[]>of(
                    new Object[] {settings.tempStoreDirectory});
        }
        if (arg.isEmpty()) {
            settings.tempStoreDirectory = null;
            return List.of();
        }
        boolean writable;
        try {
            Path dir = Path.of(arg);
            writable = Files.isDirectory(dir) && Files.isWritable(dir);
        } catch (InvalidPathException e) {
            writable = false;
        }
        if (!writable) {
            throw new TursoException(ResultCode.ERROR, "not a writable directory");
        }
        settings.tempStoreDirectory = arg;
        return List.of();
    }

    /**
     * locking_mode: unqualified and with no mode, the default for databases;
     * unqualified with one, the mode of main and every attached database and
     * the default; qualified, that database's. The temp database and
     * in-memory ones are always exclusive.
     */
    private List<Object[]> lockingMode(PragmaCall call) {
        String arg = call.argument() == null ? "" : call.argument().toLowerCase(Locale.ROOT);
        Boolean mode = arg.equals("exclusive") ? Boolean.TRUE : arg.equals("normal") ? Boolean.FALSE : null;
        if (call.db() < 0 && mode == null) {
            return one(name(settings.exclusiveLocking));
        }
        int db = Math.max(call.db(), 0);
        if (mode != null) {
            if (call.db() < 0) {
                settings.exclusiveLocking = mode;
                for (int d = 0; d < connection.databaseCount(); d++) {
                    if (d != 1 && isOpen(d)) {
                        setLocking(d, mode);
                    }
                }
            } else {
                setLocking(db, mode);
            }
        }
        return one(name(exclusive(db)));
    }

    private void setLocking(int db, boolean exclusive) {
        if (db == 1 || inMemory(db)) {
            return;
        }
        settings.exclusiveByDatabase.put(db, exclusive);
        Storage storage = db == 0 ? connection.storage() : connection.storage(db, false);
        storage.setExclusiveLocking(exclusive);
    }

    private boolean exclusive(int db) {
        return db == 1 || inMemory(db) || settings.exclusiveByDatabase.getOrDefault(db, db == 0 ? false
                : settings.exclusiveLocking);
    }

    private static String name(boolean exclusive) {
        return exclusive ? "exclusive" : "normal";
    }

    /** Whether database {@code db} is there: main, temp once used, an attached database not detached. */
    private boolean isOpen(int db) {
        if (db == 1) {
            return connection.hasTemp();
        }
        return connection.databaseList().stream().anyMatch(row -> ((Long) row[0]) == db);
    }

    /** Whether database {@code db} is in memory (database_list gives it no file). */
    private boolean inMemory(int db) {
        if (db == 1) {
            return true;
        }
        for (Object[] row : connection.databaseList()) {
            if (((Long) row[0]) == db) {
                return "".equals(row[2]);
            }
        }
        return false;
    }

    /**
     * mmap_size: the limit on memory-mapped I/O of a file database (none
     * for one in memory): a negative value is the default (0), and the
     * limit is at most SQLite's default maximum. The engine reads through
     * its page cache whatever the value.
     */
    private List<Object[]> mmapSize(PragmaCall call) {
        int db = Math.max(call.db(), 0);
        if (call.argument() != null) {
            long size = leadingInt64(call.argument());
            size = size < 0 ? 0 : Math.min(size, MAX_MMAP_SIZE);
            if (call.db() < 0) {
                for (int d = 0; d < connection.databaseCount(); d++) {
                    settings.mmapByDatabase.put(d, size);
                }
            } else {
                settings.mmapByDatabase.put(db, size);
            }
        }
        if (inMemory(db)) {
            return List.of();
        }
        return one(settings.mmapByDatabase.getOrDefault(db, 0L));
    }

    /**
     * secure_delete: FAST (2) or a boolean; unqualified, every database
     * takes it. The named database's setting (main's when unqualified).
     */
    private List<Object[]> secureDelete(PragmaCall call, Storage storage) {
        String arg = call.argument();
        if (arg != null) {
            int mode = arg.equalsIgnoreCase("fast") ? 2 : PragmaArguments.toBoolean(arg, false) ? 1 : 0;
            if (call.db() < 0) {
                for (int d = 0; d < connection.databaseCount(); d++) {
                    if (isOpen(d)) {
                        (d == 0 ? connection.storage() : connection.storage(d, false)).setSecureDelete(mode);
                    }
                }
            } else {
                storage.setSecureDelete(mode);
            }
        }
        return one(storage.secureDelete());
    }

    /** The argument as SQLite's sqlite3DecOrHexToI64 reads it: a whole decimal or 0x hex number, or nothing. */
    private static OptionalLong number(String arg) {
        if (arg == null) {
            return OptionalLong.empty();
        }
        String t = arg.trim();
        try {
            if (t.length() > 2 && t.charAt(0) == '0' && (t.charAt(1) == 'x' || t.charAt(1) == 'X')) {
                return OptionalLong.of(Long.parseUnsignedLong(t.substring(2), 16));
            }
            return OptionalLong.of(Long.parseLong(t.startsWith("+") ? t.substring(1) : t));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** The integer {@code text} starts with, as SQLite's sqlite3Atoi64 reads it; 0 if none, clamped to 64 bits. */
    private static long leadingInt64(String text) {
        OptionalLong whole = number(text);
        if (whole.isPresent()) {
            return whole.getAsLong();
        }
        String t = text.trim();
        int i = t.startsWith("-") || t.startsWith("+") ? 1 : 0;
        int start = i;
        while (i < t.length() && Character.isDigit(t.charAt(i)) && t.charAt(i) < 128) {
            i++;
        }
        if (i == start) {
            return 0;
        }
        try {
            return Long.parseLong(t.substring(0, i).replace("+", ""));
        } catch (NumberFormatException e) {
            return t.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private static List<Object[]> one(long value) {
        return List.<Object[]>of(new Object[] {value});
    }

    private static List<Object[]> one(String value) {
        return List.<Object[]>of(new Object[] {value});
    }
}
