/*
 * Runs PRAGMAs for one connection (Vm.Host.pragma): reads or changes the
 * database header fields, the storage settings (cache size, journal mode,
 * synchronous), the connection's own settings, and runs the integrity
 * check; the schema-describing pragmas are SchemaPragmas'. The program has
 * opened the transaction the pragma needs (Pragma.transaction) before this
 * runs. Arguments are read as SQLite reads them (PragmaArguments); values
 * out of range are ignored or clamped as SQLite does, never an error.
 */
package turso.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import turso.api.ResultCode;
import turso.api.Statement;
import turso.api.TursoException;
import turso.btree.CheckpointMode;
import turso.btree.CheckpointResult;
import turso.btree.HeaderField;
import turso.btree.JournalMode;
import turso.btree.Storage;
import turso.btree.SyncMode;
import turso.vm.Pragma;
import turso.vm.PragmaArguments;
import turso.vm.PragmaCall;

final class PragmaRunner {
    /** integrity_check's error limit when none (or one not above 0) is given. */
    private static final int DEFAULT_MAX_ERRORS = 100;
    private static final Pattern HEX = Pattern.compile("^0[xX]([0-9a-fA-F]{1,15})$");
    private static final Pattern DECIMAL = Pattern.compile("^\\s*([+-]?\\d{1,18})");

    private final EngineConnection connection;
    private final ConnectionSettings settings;
    private final SettingPragmas settingPragmas;
    private final OptimizePragma optimize = new OptimizePragma();

    PragmaRunner(EngineConnection connection, ConnectionSettings settings) {
        this.connection = connection;
        this.settings = settings;
        this.settingPragmas = new SettingPragmas(connection, settings);
    }

    /** Notes what a statement the connection prepared uses (the tables PRAGMA optimize may analyze). */
    void prepared(turso.vm.Program program) {
        optimize.prepared(program);
    }

    List<Object[]> run(PragmaCall call) {
        String arg = call.argument();
        int db = Math.max(call.db(), 0);
        Storage storage = db == 0 ? connection.storage() : connection.storage(db, call.pragma().transaction(
                arg != null) == turso.vm.Pragma.Transaction.WRITE);
        return switch (call.pragma()) {
            case APPLICATION_ID -> header(storage, HeaderField.APPLICATION_ID, arg);
            case USER_VERSION -> header(storage, HeaderField.USER_VERSION, arg);
            case SCHEMA_VERSION -> {
                List<Object[]> rows = header(storage, HeaderField.SCHEMA_COOKIE, arg);
                if (arg != null) {
                    connection.schemaChanged(db);
                }
                yield rows;
            }
            case PAGE_COUNT -> one(storage.pageCount());
            case AUTO_VACUUM -> autoVacuum(storage, arg);
            case INCREMENTAL_VACUUM -> {
                int limit = arg != null && PragmaArguments.isInt32(arg) ? PragmaArguments.toInt32(arg) : 0;
                storage.incrementalVacuum(Math.max(limit, 0));
                yield List.of();
            }
            case FREELIST_COUNT -> one(storage.headerField(HeaderField.FREELIST_COUNT));
            case PAGE_SIZE -> {
                if (arg == null) {
                    yield one(storage.pageSize());
                }
                int size = PragmaArguments.toInt32(arg);
                if (size >= 512 && size <= 65536 && Integer.bitCount(size) == 1) {
                    if (connection.setNewPageSize(size)) {
                        applySettings(connection.storage());
                    } else {
                        storage.setVacuumPageSize(size);
                    }
                }
                yield List.of();
            }
            case CACHE_SIZE -> {
                if (arg == null) {
                    yield one(settingPragmas.cacheSize(storage));
                }
                settings.cacheSize = PragmaArguments.toInt32(arg);
                settings.cacheSizeSet = true;
                applySettings(storage);
                yield List.of();
            }
            case JOURNAL_MODE -> one(journalMode(storage, arg));
            case JOURNAL_SIZE_LIMIT -> {
                if (arg != null) {
                    settings.journalSizeLimit = Math.max(-1, leadingInt64(arg));
                    applySettings(storage);
                }
                yield one(settings.journalSizeLimit);
            }
            case SYNCHRONOUS -> {
                if (arg == null) {
                    yield one(settings.synchronous);
                }
                int level = (PragmaArguments.toLevel(arg, 1) + 1) & 7;
                settings.synchronous = (level == 0 ? 1 : level) - 1;
                applySettings(storage);
                yield List.of();
            }
            case FOREIGN_KEYS -> {
                if (arg == null) {
                    yield one(settings.foreignKeys ? 1 : 0);
                }
                boolean on = PragmaArguments.toBoolean(arg, false);
                if (connection.autoCommit() && on != settings.foreignKeys) {
                    settings.foreignKeys = on;
                    connection.forgetStatements();
                }
                yield List.of();
            }
            case RECURSIVE_TRIGGERS -> {
                if (arg == null) {
                    yield one(settings.recursiveTriggers ? 1 : 0);
                }
                boolean on = PragmaArguments.toBoolean(arg, false);
                if (on != settings.recursiveTriggers) {
                    settings.recursiveTriggers = on;
                    connection.forgetStatements();
                }
                yield List.of();
            }
            case DEFER_FOREIGN_KEYS -> {
                if (arg == null) {
                    yield one(settings.deferForeignKeys ? 1 : 0);
                }
                boolean on = PragmaArguments.toBoolean(arg, false);
                if (on != settings.deferForeignKeys) {
                    settings.deferForeignKeys = on;
                    connection.forgetStatements();
                }
                yield List.of();
            }
            case BUSY_TIMEOUT -> {
                if (arg != null) {
                    connection.busyTimeout(java.time.Duration.ofMillis(Math.max(PragmaArguments.toInt32(arg), 0)));
                }
                yield one(settings.busyTimeoutMillis);
            }
            case CASE_SENSITIVE_LIKE -> {
                if (arg != null) {
                    settings.caseSensitiveLike = PragmaArguments.toBoolean(arg, false);
                    connection.forgetStatements();
                }
                yield List.of();
            }
            case ENCODING -> encoding(storage, arg);
            case TEMP_STORE -> {
                if (arg == null) {
                    yield one(settings.tempStore);
                }
                int value = tempStore(arg);
                if (value != settings.tempStore) {
                    connection.dropTemp();
                    settings.tempStore = value;
                }
                yield List.of();
            }
            case DATABASE_LIST -> connection.databaseList();
            case MODULE_LIST -> connection.virtualTableModules().names().stream().map(n -> new Object[] {n}).toList();
            case VFS -> one(connection.vfsName());
            case WAL_CHECKPOINT -> walCheckpoint(storage, arg);
            case WAL_AUTOCHECKPOINT -> {
                if (arg != null) {
                    storage.setAutoCheckpoint(Math.max(0, PragmaArguments.toInt32(arg)));
                }
                yield one((long) storage.autoCheckpoint());
            }
            case INTEGRITY_CHECK, QUICK_CHECK -> {
                boolean quick = call.pragma() == turso.vm.Pragma.QUICK_CHECK;
                boolean oneTable = arg != null && !PragmaArguments.isInt32(arg);
                if (call.db() >= 0 || oneTable) {
                    yield integrityCheck(storage, db, quick, arg);
                }
                List<Object[]> all = new ArrayList<>();
                for (int d = 0; d < connection.databaseCount(); d++) {
                    List<Object[]> rows = integrityCheck(d == 0 ? storage : connection.storage(d, false), d, quick, arg);
                    if (rows.size() != 1 || !"ok".equals(rows.getFirst()[0])) {
                        all.addAll(rows);
                    }
                }
                yield all.isEmpty() ? one("ok") : all;
            }
            case TABLE_INFO, TABLE_XINFO, FOREIGN_KEY_LIST, INDEX_LIST, INDEX_INFO, INDEX_XINFO ->
                    arg == null ? List.of() : describe(call, SchemaRows.read(call.db() >= 0 ? storage : holder(arg)));
            case FUNCTION_LIST -> PragmaLists.functionList(connection.functions());
            case COLLATION_LIST -> PragmaLists.collationList(connection.functions());
            case PRAGMA_LIST -> PragmaLists.pragmaList();
            case COMPILE_OPTIONS -> PragmaLists.compileOptions();
            case TABLE_LIST -> TableListPragma.rows(connection, call);
            case OPTIMIZE -> optimize.run(connection, call);
            default -> settingPragmas.run(call, storage);
        };
    }

    /**
     * A schema pragma, where table_info and table_xinfo of a view describe its result columns
     * (names, and the declared types of the columns they come from), as SQLite compiles the view
     * to report them.
     */
    private List<Object[]> describe(PragmaCall call, SchemaRows schema) {
        if ((call.pragma() == Pragma.TABLE_INFO || call.pragma() == Pragma.TABLE_XINFO)
                && schema.find("table", call.argument()) == null && schema.find("view", call.argument()) != null) {
            try (Statement view = connection.prepare(
                    "SELECT * FROM \"" + call.argument().replace("\"", "\"\"") + "\"")) {
                List<String> names = new ArrayList<>();
                List<String> types = new ArrayList<>();
                for (int i = 0; i < view.columnCount(); i++) {
                    names.add(view.columnName(i));
                    types.add(view.columnDeclType(i));
                }
                return SchemaPragmas.viewInfo(names, types, call.pragma() == Pragma.TABLE_XINFO);
            }
        }
        return describeObject(call, schema);
    }

    /**
     * The storage of the database where an unqualified schema pragma finds
     * the object called {@code name}: temp, main, then the attached ones
     * (main when none has it).
     */
    private Storage holder(String name) {
        int count = connection.databaseCount();
        for (int k = 0; k < count; k++) {
            int db = k == 0 ? 1 : k == 1 ? 0 : k;
            if (db == 1 && !connection.hasTemp()) {
                continue;
            }
            Storage storage = db == 0 ? connection.storage() : connection.storage(db, false);
            SchemaRows rows = SchemaRows.read(storage);
            if (rows.find("table", name) != null || rows.find("view", name) != null
                    || rows.find("index", name) != null) {
                return storage;
            }
        }
        return connection.storage();
    }

    /** temp_store's value as SQLite reads it: a digit 0-2, FILE (1), MEMORY (2), else DEFAULT (0). */
    private static int tempStore(String arg) {
        String word = arg.toLowerCase(Locale.ROOT);
        if (word.length() == 1 && word.charAt(0) >= '0' && word.charAt(0) <= '2') {
            return word.charAt(0) - '0';
        }
        return word.equals("file") ? 1 : word.equals("memory") ? 2 : 0;
    }

    /** A schema pragma about the object named by the argument. */
    private List<Object[]> describeObject(PragmaCall call, SchemaRows schema) {
        String name = call.argument();
        return switch (call.pragma()) {
            case TABLE_INFO -> SchemaPragmas.tableInfo(schema, name, false, connection::virtualTableDeclaration);
            case TABLE_XINFO -> SchemaPragmas.tableInfo(schema, name, true, connection::virtualTableDeclaration);
            case FOREIGN_KEY_LIST -> SchemaPragmas.foreignKeyList(schema, name);
            case INDEX_LIST -> SchemaPragmas.indexList(schema, name);
            case INDEX_INFO -> SchemaPragmas.indexInfo(schema, name, false);
            case INDEX_XINFO -> SchemaPragmas.indexInfo(schema, name, true);
            default -> throw new IllegalArgumentException(call.toString());
        };
    }

    /** Gives the storage this connection's cache size and synchronous level (again, after it was reopened). */
    private void applySettings(Storage storage) {
        storage.setCacheSize(cachePages(settings.cacheSize, storage.pageSize()));
        storage.setJournalSizeLimit(settings.journalSizeLimit);
        storage.setSyncMode(switch (settings.synchronous) {
            case 0 -> SyncMode.OFF;
            case 1 -> SyncMode.NORMAL;
            case 3 -> SyncMode.EXTRA;
            default -> SyncMode.FULL;
        });
    }

    private static List<Object[]> one(long value) {
        return List.<Object[]>of(new Object[] {value});
    }

    private static List<Object[]> one(String value) {
        return List.<Object[]>of(new Object[] {value});
    }

    /** A 32-bit header field: read as a signed integer, or set from the argument (no rows). */
    private static List<Object[]> header(Storage storage, HeaderField field, String arg) {
        if (arg == null) {
            return one((int) storage.headerField(field));
        }
        storage.setHeaderField(field, PragmaArguments.toInt32(arg) & 0xffffffffL);
        return List.of();
    }

    /**
     * auto_vacuum: 0 NONE, 1 FULL, 2 INCREMENTAL (a name or a number; any
     * other value is NONE, as SQLite reads it). Setting it creates a new
     * database in that mode, switches an auto_vacuum file between FULL and
     * INCREMENTAL (a write), and otherwise waits for VACUUM, as in SQLite.
     */
    private List<Object[]> autoVacuum(Storage storage, String arg) {
        if (arg == null) {
            return one(storage.autoVacuumMode());
        }
        int mode = switch (arg.toLowerCase(Locale.ROOT)) {
            case "none" -> 0;
            case "full" -> 1;
            case "incremental" -> 2;
            default -> {
                int n = PragmaArguments.isInt32(arg) ? PragmaArguments.toInt32(arg) : 0;
                yield n >= 0 && n <= 2 ? n : 0;
            }
        };
        if (storage.pageCount() > 0 && storage.autoVacuumMode() != 0 && mode != 0 && storage.autoVacuumMode() != mode) {
            connection.beginTransaction(0, true);
        }
        storage.setAutoVacuumMode(mode);
        return List.of();
    }

    /** The integer {@code text} starts with (0x hex, or sign and decimal digits), as SQLite reads a 64-bit pragma value; 0 if none. */
    private static long leadingInt64(String text) {
        Matcher hex = HEX.matcher(text);
        if (hex.find()) {
            return Long.parseLong(hex.group(1), 16);
        }
        Matcher m = DECIMAL.matcher(text);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** Pages for a cache_size setting: a negative one is a size in KiB. */
    private static int cachePages(int setting, int pageSize) {
        return setting >= 0 ? setting : (int) Math.min(Integer.MAX_VALUE, -1024L * setting / pageSize);
    }

    /**
     * The journal mode after switching to the one named, if it is one the
     * storage has and no write transaction is open; otherwise (an unknown
     * name, WAL before the storage supports it, a transaction writing) the
     * mode stays and is reported, as SQLite reports a mode it cannot
     * switch to.
     */
    private static String journalMode(Storage storage, String arg) {
        if (arg != null && !storage.inWriteTransaction()) {
            for (JournalMode mode : JournalMode.values()) {
                if (mode.name().equalsIgnoreCase(arg)) {
                    storage.setJournalMode(mode);
                }
            }
        }
        return storage.journalMode().name().toLowerCase(Locale.ROOT);
    }

    /**
     * The text encoding in the header (UTF-8 for a database not written
     * yet). Setting one is ignored once the schema has an object, as in
     * SQLite; before, only UTF-8 is accepted, since this engine writes no
     * UTF-16 database.
     */
    private static List<Object[]> encoding(Storage storage, String arg) {
        if (arg == null) {
            return one(switch ((int) storage.headerField(HeaderField.TEXT_ENCODING)) {
                case 2 -> "UTF-16le";
                case 3 -> "UTF-16be";
                default -> "UTF-8";
            });
        }
        if (!arg.equalsIgnoreCase("UTF-8") && !arg.equalsIgnoreCase("UTF8")
                && SchemaRows.read(storage).entries().isEmpty()) {
            throw new TursoException(ResultCode.ERROR, "not supported yet: UTF-16 databases");
        }
        return List.of();
    }

    /**
     * wal_checkpoint(PASSIVE | FULL | RESTART | TRUNCATE), PASSIVE for
     * anything else: busy, WAL frames, frames checkpointed (0, -1, -1
     * outside WAL mode), as SQLite reports them.
     */
    private static List<Object[]> walCheckpoint(Storage storage, String arg) {
        CheckpointMode mode = CheckpointMode.PASSIVE;
        for (CheckpointMode m : CheckpointMode.values()) {
            if (m.name().equalsIgnoreCase(arg)) {
                mode = m;
            }
        }
        CheckpointResult result = storage.checkpoint(mode);
        return List.<Object[]>of(new Object[] {(long) result.busy(), (long) result.logFrames(),
                (long) result.checkpointedFrames()});
    }

    /**
     * integrity_check / quick_check: "ok", or the findings: first SQLite's
     * one row holding the storage layer's (pages and B-trees) under "***
     * in database NAME ***" (main, temp or an attached one), then one row per finding about rows
     * (TableChecks). The argument is an error limit, or a table name
     * (checked while preparing) whose rows alone are checked; the pages of
     * the whole file are checked either way. Damage that stops the row
     * checks ends them with SQLite's row "database disk image is malformed".
     */
    private List<Object[]> integrityCheck(Storage storage, int db, boolean quick, String arg) {
        boolean limit = arg != null && PragmaArguments.isInt32(arg);
        int max = limit && PragmaArguments.toInt32(arg) > 0 ? PragmaArguments.toInt32(arg) : DEFAULT_MAX_ERRORS;
        SchemaRows schema;
        try {
            schema = SchemaRows.read(storage);
        } catch (TursoException e) {
            schema = new SchemaRows(List.of());
        }
        List<String> problems = storage.integrityCheck(schema.roots(), max);
        List<Object[]> rows = new ArrayList<>();
        int remaining = max;
        if (!problems.equals(List.of("ok"))) {
            rows.add(new Object[] {"*** in database " + connection.databaseName(db) + " ***\n"
                    + String.join("\n", problems)});
            remaining -= problems.size();
        }
        if (remaining > 0) {
            try {
                TableChecks.run(storage, schema, connection.functions(), quick, limit ? null : arg, remaining,
                        message -> rows.add(new Object[] {message}));
            } catch (TursoException e) {
                if (e.primaryResultCode() != ResultCode.CORRUPT) {
                    throw e;
                }
                rows.add(new Object[] {"database disk image is malformed"});
            }
        }
        if (rows.isEmpty()) {
            rows.add(new Object[] {"ok"});
        }
        return rows;
    }

    /** database_list's file: the full path of a file database, "" for an in-memory one. */
    static String fileName(String path) {
        if (Extensions.isMemory(path)) {
            return "";
        }
        return Path.of(path).toAbsolutePath().normalize().toString();
    }
}
