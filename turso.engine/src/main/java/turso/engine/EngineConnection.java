/*
 * A connection to an EngineDatabase: prepares statements (parse, then plan
 * against its schema snapshot, through a cache keyed by SQL text) and keeps
 * the per-connection state SQLite keeps: the counters behind changes(),
 * total_changes() and last_insert_rowid(), the busy timeout, and the
 * interrupt flag, which another thread may set while a statement runs.
 *
 * Transactions: outside BEGIN, the first statement that touches the
 * database opens a transaction, and when the last running statement ends it
 * is committed, or rolled back if the statement failed. Inside BEGIN ...
 * COMMIT/ROLLBACK (or a transaction SAVEPOINT opened) the transaction spans
 * statements, and each writing statement runs in a storage savepoint of its
 * own, so that a failing statement is undone alone, as in SQLite. BEGIN,
 * COMMIT and ROLLBACK only switch the mode; the end of their statement does
 * the rest. A COMMIT that finds the database locked (after the busy
 * timeout) leaves the transaction open, so that it can be retried.
 *
 * Foreign keys (PRAGMA foreign_keys): statements are compiled to enforce
 * them; the connection keeps the count of deferred violations, which
 * COMMIT (or the end of an autocommit statement) requires to be zero: a
 * COMMIT that finds violations fails and leaves the transaction open, as
 * in SQLite. A failed statement's changes to the count are undone with it.
 *
 * Every statement checks the schema cookie when it opens or joins the
 * transaction: if another connection changed the schema, the connection
 * reads it again and the statement is compiled again (SchemaChanged).
 *
 * Besides main, a connection has the temp database (opened in memory when
 * first used) and those ATTACH adds (AttachedDatabase), each with a storage
 * and a transaction of its own, which a statement opens when it first uses
 * that database; an attached database's schema cookie is checked then (a
 * statement that already gave or changed rows when it finds it changed fails
 * with SQLITE_SCHEMA rather than start over). At the end of a transaction
 * main is committed first, then each other database in order: there is no
 * super-journal, so a failure between two commits leaves the first
 * committed (SQLite's super-journal makes such a commit atomic in
 * rollback-journal mode). Named savepoints (SAVEPOINT, ROLLBACK TO) cover
 * every database written.
 */
package turso.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import turso.api.Connection;
import turso.api.ProgressHandler;
import turso.api.ResultCode;
import turso.api.Statement;
import turso.api.TursoException;
import turso.btree.HeaderField;
import turso.btree.JournalMode;
import turso.btree.Storage;
import turso.btree.StorageOptions;
import turso.btree.VacuumProgress;
import turso.parser.ParsedStatement;
import turso.parser.SqlParser;
import turso.parser.ast.Stmt;
import turso.planner.Planner;
import turso.planner.Schema;
import turso.vm.FunctionRegistry;
import turso.vm.Op;
import turso.vm.PragmaCall;
import turso.vm.Program;
import turso.vm.Vm;

final class EngineConnection implements Connection, Vm.Host {

    /** Compiled statements kept per connection. */
    static final int STATEMENT_CACHE_SIZE = 100;

    private final EngineDatabase database;
    private final VirtualTransactions virtualTransactions = new VirtualTransactions();
    /** Replaced only by setNewPageSize, while the database is empty. */
    private StorageLease lease;
    private final StatementCache cache = new StatementCache(STATEMENT_CACHE_SIZE);
    private final ConnectionSettings settings = new ConnectionSettings();
    private final PragmaRunner pragmas;
    private final BusyHandler busy = new BusyHandler();
    private SchemaSnapshot snapshot;
    /** Statements between their first step and their end; interrupt() applies while there are any. */
    private final Set<EngineStatement> running = Collections.newSetFromMap(new IdentityHashMap<>());
    /** The statement whose step() is running (one thread uses a connection at a time). */
    private EngineStatement stepping;
    private volatile boolean interrupted;
    /** The progress handler, its period, the steps until its next call, and the steps of the running statements. */
    private ProgressHandler progress;
    private int progressPeriod;
    private int progressCountdown;
    private long progressSteps;
    private long lastInsertRowid;
    private long changes;
    private long totalChanges;
    private boolean schemaChanged;
    /** The main database's schema as last read: the next read reuses what it parsed of the texts that did not change. */
    private Schema lastMainSchema;
    private boolean failed;
    /** Inside BEGIN ... COMMIT/ROLLBACK, or a transaction SAVEPOINT opened: autocommit is off. */
    private boolean explicit;
    /** The transaction was opened by SAVEPOINT, so RELEASE of its outermost savepoint commits it. */
    private boolean savepointTransaction;
    private final Savepoints savepoints = new Savepoints();
    /** The running statement said COMMIT (or RELEASE of the outermost savepoint). */
    private boolean commitRequested;
    /** The running statement said ROLLBACK. */
    private boolean rollbackRequested;
    /** The savepoint of the running statement inside an explicit transaction, or -1. */
    private int statementSavepoint = -1;
    /**
     * The main database's write count when the running statement, one that
     * writes a single row with every constraint checked first, began writing
     * inside BEGIN without a savepoint (as SQLite opens no statement journal
     * for it); -1 otherwise.
     */
    private long unjournaledFrom = -1;
    /** Deferred foreign key violations in the open transaction. */
    private long deferredViolations;
    /** The count when the running statements started, restored if they fail. */
    private long deferredAtStatementStart;
    /** Counts the changes of settings that programs are compiled under (foreign_keys, case_sensitive_like...). */
    private int settingsGeneration;
    private boolean closed;
    /** Databases 1.. by index minus one: temp (null until first used), then the attached ones. */
    private final List<AttachedDatabase> others = new ArrayList<>(Collections.singletonList(null));
    /** Counts changes of the set of databases and of schemas other than main's (see SchemaSnapshot). */
    private long generation;
    /** The running statements changed the set of databases or a schema other than main's. */
    private boolean othersChanged;

    /** At most this many databases can be attached, as in SQLite's default build. */
    static final int MAX_ATTACHED = 10;

    EngineConnection(EngineDatabase database, StorageLease lease) {
        this.database = database;
        this.lease = lease;
        this.pragmas = new PragmaRunner(this, settings);
        reloadSchema();
    }

    @Override
    public Statement prepare(String sql) {
        checkOpen();
        CompiledStatement cached = cache.get(sql, snapshot);
        if (cached != null) {
            return statement(cached);
        }
        ParsedStatement parsed = SqlParser.parseFirst(sql);
        String tail = sql.substring(parsed.tailOffset());
        String text = sql.substring(0, parsed.tailOffset());
        CompiledStatement compiled;
        try {
            compiled = compile(parsed.statement(), sql, text, tail);
        } catch (TursoException e) {
            if (!schemaIsStale()) {
                throw e;
            }
            reloadSchema();
            compiled = compile(parsed.statement(), sql, text, tail);
        }
        cache.put(compiled);
        return statement(compiled);
    }

    /** The statement for {@code compiled}: under PRAGMA count_changes, a DML statement gives its count as a row. */
    private Statement statement(CompiledStatement compiled) {
        Statement statement = new EngineStatement(this, compiled);
        if (!settings.countChanges || compiled.program() == null || !compiled.program().countsChanges()
                || !compiled.program().columnNames().isEmpty()) {
            return statement;
        }
        return new ChangeCountStatement(statement, this, switch (compiled.stmt()) {
            case Stmt.Insert i -> "rows inserted";
            case Stmt.Update u -> "rows updated";
            default -> "rows deleted";
        });
    }

    /**
     * Compiles {@code stmt} against the schema this connection sees. A bug of
     * the planner surfaces as SQLITE_INTERNAL with its cause, never as a Java
     * exception of another kind.
     */
    private CompiledStatement compile(Stmt stmt, String source, String text, String tail) {
        SchemaSnapshot current = snapshot;
        Planner planner = settings.caseSensitiveLike ? database.caseSensitiveLikePlanner() : database.planner();
        Program program;
        try {
            Schema schema = current.schema();
            if (settings.foreignKeys) {
                schema = schema.enforcingForeignKeys(settings.deferForeignKeys);
            }
            if (settings.recursiveTriggers) {
                schema = schema.withRecursiveTriggers();
            }
            Schema.CompileFlags flags = settings.compileFlags();
            if (!flags.equals(Schema.CompileFlags.DEFAULT)) {
                schema = schema.withFlags(flags);
            }
            program = stmt == null ? null : planner.compile(stmt, source, schema);
            if (program != null) {
                pragmas.prepared(program);
            }
        } catch (TursoException e) {
            throw e;
        } catch (StackOverflowError e) {
            throw new TursoException(ResultCode.ERROR, "parser stack overflow", e);
        } catch (RuntimeException e) {
            throw new TursoException(ResultCode.INTERNAL, "internal error: " + e, e);
        }
        return new CompiledStatement(stmt, source, text, tail, program, current);
    }

    /** {@code old} compiled again against the schema as it is now in this connection's transaction. */
    CompiledStatement recompile(CompiledStatement old) {
        reloadSchema();
        CompiledStatement compiled = compile(old.stmt(), old.source(), old.text(), old.tail());
        cache.put(compiled);
        return compiled;
    }

    @Override
    public void execute(String sql) {
        String rest = sql;
        while (!rest.isEmpty()) {
            try (Statement statement = prepare(rest)) {
                while (statement.step()) {
                    // rows are discarded, as sqlite3_exec without a callback does
                }
                rest = statement.tail();
            }
        }
    }

    /**
     * Runs {@code PRAGMA name = value} for each of the open options' PRAGMAs,
     * in order. One this engine does not support yet is skipped, as SQLite
     * skips a PRAGMA it does not know.
     */
    void applyPragmas(Map<String, String> pragmas) {
        for (Map.Entry<String, String> p : pragmas.entrySet()) {
            try {
                execute("PRAGMA " + p.getKey() + " = " + p.getValue());
            } catch (TursoException e) {
                if (e.getMessage() == null || !e.getMessage().startsWith("not supported yet: PRAGMA")) {
                    throw e;
                }
            }
        }
    }

    /** The virtual table modules this connection can use (PRAGMA module_list). */
    turso.api.spi.NamedServices<turso.api.spi.VirtualTableModule> virtualTableModules() {
        return database.virtualTableModules();
    }

    /** The declaration of the virtual table or table-valued function {@code name}, or null (PRAGMA table_info). */
    String virtualTableDeclaration(String name) {
        return snapshot.schema().virtualTableDeclaration(name);
    }

    // ---- schema ----

    /** Reads the schema for {@code into}, in the open transaction or in a read transaction of its own. */
    private Schema readSchema(SchemaSnapshot into, Schema appendedTo, long appendedCookie) {
        boolean own = !lease.inTransaction();
        if (own) {
            busy.run(lease::beginRead, true, () -> interrupted);
        }
        try {
            turso.planner.VirtualModules modules = new turso.planner.VirtualModules(database.virtualTableModules(), this);
            Schema schema = appendedTo != null && schemaCookie() == appendedCookie
                    ? Schema.extend(lease.storage(), modules, appendedTo)
                    : Schema.reload(lease.storage(), modules, lastMainSchema);
            into.setCookie(schemaCookie());
            lastMainSchema = schema;
            return schema;
        } finally {
            if (own) {
                lease.commit();
            }
        }
    }

    private long schemaCookie() {
        Storage storage = lease.storage();
        return storage.pageCount() == 0 ? 0 : storage.headerField(HeaderField.SCHEMA_COOKIE);
    }

    /** Forgets the schema (it is read again when next needed) and every statement compiled against it. */
    private void reloadSchema() {
        reloadSchema(null, SchemaSnapshot.UNKNOWN);
    }

    /**
     * As {@link #reloadSchema()}; {@code appendedTo} non-null: the main
     * database's schema was that one, and the statement that changed it only
     * appended rows to sqlite_schema, leaving the schema cookie at
     * {@code appendedCookie}: if the cookie is still that when the schema is
     * next read (no other connection changed it since), only those rows are read.
     */
    private void reloadSchema(Schema appendedTo, long appendedCookie) {
        List<Schema> schemas = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < others.size(); i++) {
            AttachedDatabase a = others.get(i);
            int db = i + 1;
            names.add(a == null ? "temp" : a.name);
            schemas.add(a == null ? Schema.empty() : Schema.onFirstUse(() -> readSchema(a, db)));
        }
        snapshot = new SchemaSnapshot(into -> readSchema(into, appendedTo, appendedCookie), schemas, names,
                generation);
        cache.clear();
    }

    /** Reads the schema of database {@code db}, in its open transaction or in a read transaction of its own. */
    private Schema readSchema(AttachedDatabase a, int db) {
        boolean own = !a.lease.inTransaction();
        if (own) {
            busy.run(a.lease::beginRead, true, () -> interrupted);
        }
        try {
            return a.readSchema(db, new turso.planner.VirtualModules(database.virtualTableModules(), this));
        } finally {
            if (own) {
                a.lease.commit();
            }
        }
    }

    /** Database {@code db} other than main (the temp database is opened here when first used). */
    private AttachedDatabase other(int db) {
        if (db < 1 || db > others.size()) {
            throw new TursoException(ResultCode.INTERNAL, "no database " + db);
        }
        AttachedDatabase a = others.get(db - 1);
        if (a == null) {
            a = new AttachedDatabase("temp", "", Storage.openMemory(StorageOptions.DEFAULT));
            others.set(0, a);
        }
        return a;
    }

    /** The statement about to run was compiled against another set of databases, or another temp schema. */
    private void checkGeneration() {
        EngineStatement s = stepping;
        if (s != null && s.compiled().snapshot().generation() != generation) {
            throw new SchemaChanged();
        }
    }

    /**
     * Whether the schema was read at another cookie than the database's now
     * (checked when a statement fails to compile: the table it names may
     * have been created by another connection since, as sqlite3_prepare
     * checks). A database that cannot be read now counts as unchanged, so
     * that the compile error is the one reported. Attached databases are
     * checked too.
     */
    private boolean schemaIsStale() {
        for (int i = 1; i < others.size(); i++) {
            if (attachedIsStale(others.get(i))) {
                return true;
            }
        }
        long read = snapshot.cookie();
        if (read == SchemaSnapshot.UNKNOWN) {
            return false;
        }
        boolean own = !lease.inTransaction();
        try {
            if (own) {
                busy.run(lease::beginRead, true, () -> interrupted);
            }
            try {
                return schemaCookie() != read;
            } finally {
                if (own) {
                    lease.commit();
                }
            }
        } catch (TursoException e) {
            return false;
        }
    }

    /** Whether attached database {@code a}'s schema was read at another cookie than its file's now. */
    private boolean attachedIsStale(AttachedDatabase a) {
        if (a.cookie == SchemaSnapshot.UNKNOWN) {
            return false;
        }
        boolean own = !a.lease.inTransaction();
        try {
            if (own) {
                busy.run(a.lease::beginRead, true, () -> interrupted);
            }
            try {
                return a.currentCookie() != a.cookie;
            } finally {
                if (own) {
                    a.lease.commit();
                }
            }
        } catch (TursoException e) {
            return false;
        }
    }

    /** The statement about to run was compiled against another schema than the database's now. */
    private void checkSchema() {
        EngineStatement s = stepping;
        if (s == null || s.schemaChecked()) {
            return;
        }
        long compiledAt = s.compiled().snapshot().cookie();
        if (compiledAt != SchemaSnapshot.UNKNOWN && compiledAt != schemaCookie()) {
            throw new SchemaChanged();
        }
        s.setSchemaChecked();
    }

    int cachedStatements() {
        return cache.size();
    }

    // ---- statements ----

    /** Runs one step of {@code statement}'s program. */
    boolean step(EngineStatement statement, Vm vm) {
        checkOpen();
        stepping = statement;
        try {
            return vm.step();
        } finally {
            stepping = null;
        }
    }

    void statementStarted(EngineStatement statement) {
        if (running.isEmpty()) {
            interrupted = false;
            failed = false;
            progressSteps = 0;
            progressCountdown = progressPeriod;
            deferredAtStatementStart = deferredViolations;
        }
        running.add(statement);
    }

    /**
     * The statement failed: as {@code undo} (a {@link Vm#failAction()})
     * says, its changes (its transaction, outside BEGIN) are rolled back
     * when it ends, or kept (OR FAIL), or the whole transaction is (OR
     * ROLLBACK).
     */
    void statementFailed(int undo) {
        if (undo == Vm.HALT_FAIL) {
            return;
        }
        failed = true;
        if (undo == Vm.HALT_ROLLBACK && explicit) {
            explicit = false;
            savepointTransaction = false;
            savepoints.clear();
            rollbackRequested = true;
        }
    }

    /**
     * The statement ended (done, failed, reset or closed): an INSERT, UPDATE
     * or DELETE sets changes(). When it was the last one running, its
     * savepoint is released (or rolled back to, if it failed), and outside
     * BEGIN the transaction ends. A commit that fails (BUSY) is thrown
     * after the rest is done.
     */
    void statementFinished(EngineStatement statement, boolean statementFailed, long rowChanges, long triggerChanges) {
        if (!running.remove(statement) || closed) {
            return;
        }
        TursoException error = running.isEmpty() ? endStatements() : null;
        if (statement.countsChanges()) {
            changes = statementFailed || error != null ? 0 : rowChanges;
            totalChanges += changes;
        }
        if (!statementFailed && error == null) {
            totalChanges += triggerChanges;
        }
        if (schemaChanged && running.isEmpty()) {
            schemaChanged = false;
            Schema appendedTo = !othersChanged && !statementFailed && error == null && !failed
                    && SchemaAppends.onlyAppends(statement.compiled().stmt())
                    && statement.compiled().snapshot() == snapshot && snapshot.cookie() != SchemaSnapshot.UNKNOWN
                    ? lastMainSchema : null;
            long appendedCookie = snapshot.cookie() + 1;
            if (othersChanged) {
                othersChanged = false;
                generation++;
            }
            reloadSchema(appendedTo, appendedCookie);
        }
        if (error != null) {
            throw error;
        }
    }

    private TursoException endStatements() {
        Storage storage = lease.storage();
        if (failed) {
            deferredViolations = deferredAtStatementStart;
        }
        virtualTransactions.statementEnded(failed);
        if (unjournaledFrom >= 0) {
            if (failed && explicit && storage.writeCount() != unjournaledFrom) {
                // failed after writing without a savepoint (an I/O error): as SQLite, the whole transaction goes
                explicit = false;
                savepointTransaction = false;
                savepoints.clear();
                rollbackRequested = true;
            }
            unjournaledFrom = -1;
        }
        if (statementSavepoint >= 0) {
            if (failed) {
                storage.rollbackToSavepoint(statementSavepoint);
            }
            storage.releaseSavepoint(statementSavepoint);
            statementSavepoint = -1;
        }
        for (AttachedDatabase a : others) {
            if (a != null && a.statementSavepoint >= 0) {
                if (failed) {
                    a.storage().rollbackToSavepoint(a.statementSavepoint);
                }
                a.storage().releaseSavepoint(a.statementSavepoint);
                a.statementSavepoint = -1;
            }
        }
        if (rollbackRequested) {
            rollbackRequested = false;
            schemaChanged = true;
            othersChanged |= rollbackOthers();
            lease.rollback();
            foreignKeysReset();
            virtualTransactions.rollback();
            return null;
        }
        if (explicit) {
            return null;
        }
        if (failed) {
            lease.rollback();
            othersChanged |= rollbackOthers();
            virtualTransactions.rollback();
            schemaChanged |= othersChanged;
            transactionEnded();
            return null;
        }
        if (deferredViolations > 0) {
            lease.rollback();
            othersChanged |= rollbackOthers();
            virtualTransactions.rollback();
            schemaChanged = true;
            transactionEnded();
            return foreignKeyFailure();
        }
        if (lease.inTransaction()) {
            try {
                virtualTransactions.sync();
                busy.run(lease::commit, true, () -> interrupted);
            } catch (TursoException e) {
                if (commitRequested) {
                    explicit = true;
                } else {
                    lease.rollback();
                    rollbackOthers();
                    virtualTransactions.rollback();
                    schemaChanged = true;
                    othersChanged = true;
                }
                commitRequested = false;
                return e;
            }
        }
        virtualTransactions.commit();
        TursoException error = commitOthers();
        transactionEnded();
        return error;
    }

    /** Rolls back the transaction of every other database that has one; whether one wrote. */
    private boolean rollbackOthers() {
        boolean wrote = false;
        for (AttachedDatabase a : others) {
            if (a != null && a.lease.inTransaction()) {
                wrote |= a.lease.inWriteTransaction();
                a.lease.rollback();
            }
        }
        return wrote;
    }

    /**
     * Commits the transaction of every other database that has one, after
     * main's, in order; one that fails is rolled back, and the first error
     * is returned.
     */
    private TursoException commitOthers() {
        TursoException error = null;
        for (AttachedDatabase a : others) {
            if (a == null || !a.lease.inTransaction()) {
                continue;
            }
            try {
                busy.run(a.lease::commit, true, () -> interrupted);
            } catch (TursoException e) {
                a.lease.rollback();
                schemaChanged = true;
                othersChanged = true;
                if (error == null) {
                    error = e;
                }
            }
        }
        return error;
    }

    private void transactionEnded() {
        foreignKeysReset();
        commitRequested = false;
        savepoints.clear();
        savepointTransaction = false;
    }

    /** The transaction ended: no violation is pending, and defer_foreign_keys switches itself off, as in SQLite. */
    private void foreignKeysReset() {
        deferredViolations = 0;
        if (settings.deferForeignKeys) {
            settings.deferForeignKeys = false;
            forgetStatements();
        }
    }

    private static TursoException foreignKeyFailure() {
        return new TursoException(ResultCode.CONSTRAINT_FOREIGNKEY, "FOREIGN KEY constraint failed");
    }

    // ---- Vm.Host ----

    @Override
    public void addDeferredViolations(long n) {
        deferredViolations += n;
    }

    @Override
    public long deferredViolations() {
        return deferredViolations;
    }

    @Override
    public boolean deferForeignKeys() {
        return settings.deferForeignKeys;
    }

    @Override
    public void virtualTableWritten(turso.api.spi.VirtualTable table) {
        virtualTransactions.written(table, statementSavepoint);
    }

    @Override
    public Storage storage() {
        return lease.storage();
    }

    @Override
    public Storage storage(int db, boolean write) {
        if (db == 0) {
            if (write ? !lease.inWriteTransaction() : !lease.inTransaction()) {
                beginTransaction(0, write);
            } else if (write && explicit && statementSavepoint < 0) {
                openStatementSavepoint();
            }
            return lease.storage();
        }
        AttachedDatabase a = other(db);
        if (write ? !a.lease.inWriteTransaction() || explicit && a.statementSavepoint < 0 : !a.lease.inTransaction()) {
            beginTransaction(db, write);
        }
        return a.storage();
    }

    @Override
    public void beginTransaction(int db, boolean write) {
        if (write && settings.queryOnly) {
            throw new TursoException(ResultCode.READONLY, "attempt to write a readonly database");
        }
        if (db != 0) {
            beginOther(db, write);
            return;
        }
        checkGeneration();
        boolean had = lease.inTransaction();
        if (write) {
            if (!lease.inWriteTransaction()) {
                busy.run(lease::beginWrite, !had, () -> interrupted);
                savepoints.writeStarted(lease.storage());
            }
            checkSchema();
            if (explicit && statementSavepoint < 0) {
                openStatementSavepoint();
            }
        } else {
            if (!had) {
                busy.run(lease::beginRead, true, () -> interrupted);
            }
            checkSchema();
        }
    }

    /**
     * Gives the running statement its savepoint in main, unless it is the
     * only statement running and writes a single row after checking every
     * constraint (Program.singleRowWrite): a constraint failure then comes
     * before any write, and copying each page it touches would be wasted.
     * Should another statement start writing meanwhile, the savepoint is
     * opened after all, if nothing was written yet.
     */
    private void openStatementSavepoint() {
        Storage storage = lease.storage();
        if (unjournaledFrom >= 0) {
            if (running.size() > 1 && storage.writeCount() == unjournaledFrom) {
                unjournaledFrom = -1;
                statementSavepoint = storage.savepoint();
            }
            return;
        }
        EngineStatement s = stepping;
        if (running.size() == 1 && s != null && running.contains(s) && s.singleRowWrite()) {
            unjournaledFrom = storage.writeCount();
        } else {
            statementSavepoint = storage.savepoint();
        }
    }

    /** The storages of the databases with a write transaction open. */
    private List<Storage> writing() {
        List<Storage> storages = new ArrayList<>();
        if (lease.inWriteTransaction()) {
            storages.add(lease.storage());
        }
        for (AttachedDatabase a : others) {
            if (a != null && a.lease.inWriteTransaction()) {
                storages.add(a.storage());
            }
        }
        return storages;
    }

    /** Opens or joins the transaction on database {@code db}, other than main. */
    private void beginOther(int db, boolean write) {
        checkGeneration();
        AttachedDatabase a = other(db);
        boolean had = a.lease.inTransaction();
        if (write) {
            if (!a.lease.inWriteTransaction()) {
                busy.run(a.lease::beginWrite, !had, () -> interrupted);
                savepoints.writeStarted(a.storage());
            }
            if (explicit && a.statementSavepoint < 0) {
                a.statementSavepoint = a.storage().savepoint();
            }
        } else if (!had) {
            busy.run(a.lease::beginRead, true, () -> interrupted);
        }
        if (!had && db > 1 && a.cookie != SchemaSnapshot.UNKNOWN && a.currentCookie() != a.cookie) {
            if (stepping != null && stepping.underway()) {
                schemaChanged = true;
                throw new TursoException(ResultCode.SCHEMA, "database schema has changed");
            }
            throw new SchemaChanged();
        }
    }

    @Override
    public void transactionControl(int action, int beginKind, String savepoint) {
        switch (action) {
            case Op.BEGIN -> {
                if (explicit) {
                    throw new TursoException(ResultCode.ERROR, "cannot start a transaction within a transaction");
                }
                if (beginKind > 0) {
                    busy.run(lease::beginWrite, !lease.inTransaction(), () -> interrupted);
                }
                explicit = true;
            }
            case Op.COMMIT -> {
                if (!explicit) {
                    throw new TursoException(ResultCode.ERROR, "cannot commit - no transaction is active");
                }
                if (deferredViolations > 0) {
                    throw foreignKeyFailure();
                }
                explicit = false;
                commitRequested = true;
            }
            case Op.ROLLBACK -> {
                if (!explicit) {
                    throw new TursoException(ResultCode.ERROR, "cannot rollback - no transaction is active");
                }
                explicit = false;
                savepointTransaction = false;
                savepoints.clear();
                rollbackRequested = true;
            }
            case Op.SAVEPOINT -> {
                if (!explicit) {
                    explicit = true;
                    savepointTransaction = true;
                }
                savepoints.push(savepoint, writing(), deferredViolations);
            }
            case Op.RELEASE -> {
                savepoints.require(savepoint);
                if (savepointTransaction && savepoints.isOutermost(savepoint)) {
                    if (deferredViolations > 0) {
                        throw foreignKeyFailure();
                    }
                    explicit = false;
                    commitRequested = true;
                } else {
                    savepoints.release(savepoint);
                }
            }
            case Op.ROLLBACK_TO -> {
                deferredViolations = savepoints.rollbackTo(savepoint);
                schemaChanged = true;
                othersChanged |= writing().size() > (lease.inWriteTransaction() ? 1 : 0);
            }
            default -> throw new TursoException(ResultCode.INTERNAL, "unknown transaction action " + action);
        }
    }

    @Override
    public void rowChanged(long rowid, boolean lastRowid) {
        if (stepping != null) {
            stepping.rowChanged();
        }
        if (lastRowid) {
            lastInsertRowid = rowid;
        }
    }

    @Override
    public void triggerRowChanged() {
        if (stepping != null) {
            stepping.triggerRowChanged();
        }
    }

    @Override
    public void schemaChanged(int db) {
        schemaChanged = true;
        if (db != 0) {
            othersChanged = true;
        }
    }

    @Override
    public void attach(String file, String name) {
        if (databaseIndex(name) >= 0 || name.equalsIgnoreCase("temp")) {
            throw new TursoException(ResultCode.ERROR, "database " + name + " is already in use");
        }
        if (others.size() - 1 >= MAX_ATTACHED) {
            throw new TursoException(ResultCode.ERROR, "too many attached databases - max " + MAX_ATTACHED);
        }
        AttachedDatabase a = new AttachedDatabase(name, PragmaRunner.fileName(file), database.openAttached(file));
        try {
            readSchema(a, others.size() + 1);
        } catch (RuntimeException e) {
            a.close();
            throw e;
        }
        others.add(a);
        schemaChanged = true;
        othersChanged = true;
    }

    @Override
    public void detach(String name) {
        int db = databaseIndex(name);
        if (db == 0 || db == 1) {
            throw new TursoException(ResultCode.ERROR, "cannot detach database " + name);
        }
        if (db < 2) {
            throw new TursoException(ResultCode.ERROR, "no such database: " + name);
        }
        AttachedDatabase a = others.get(db - 1);
        if (a.lease.inTransaction() || running.size() > 1) {
            throw new TursoException(ResultCode.ERROR, "database " + name + " is locked");
        }
        a.close();
        others.remove(db - 1);
        schemaChanged = true;
        othersChanged = true;
    }

    /** The index of the database called {@code name} (ASCII case ignored; temp only once opened), or -1. */
    private int databaseIndex(String name) {
        if (name.equalsIgnoreCase("main")) {
            return 0;
        }
        if (name.equalsIgnoreCase("temp")) {
            return others.get(0) == null ? -1 : 1;
        }
        for (int i = 1; i < others.size(); i++) {
            if (others.get(i).name.equalsIgnoreCase(name)) {
                return i + 1;
            }
        }
        return -1;
    }

    /** The rows of PRAGMA database_list: index, name and file of each database (temp once opened). */
    /** PRAGMA vfs: the VFS the main database is on, "memory" for a private in-memory database. */
    String vfsName() {
        return database.vfsName();
    }

    List<Object[]> databaseList() {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {0L, "main", PragmaRunner.fileName(database.path())});
        for (int i = 0; i < others.size(); i++) {
            AttachedDatabase a = others.get(i);
            if (a != null) {
                rows.add(new Object[] {(long) i + 1, a.name, a.file});
            }
        }
        return rows;
    }

    /**
     * Closes the temp database, deleting every temp object, as a change of
     * PRAGMA temp_store does; refused inside a transaction, as in SQLite.
     */
    void dropTemp() {
        AttachedDatabase temp = others.get(0);
        if (temp == null) {
            return;
        }
        if (explicit || temp.lease.inTransaction()) {
            throw new TursoException(ResultCode.ERROR, "temporary storage cannot be changed from within a transaction");
        }
        temp.close();
        others.set(0, null);
        schemaChanged = true;
        othersChanged = true;
    }

    /** The name of database {@code db}. */
    String databaseName(int db) {
        return db == 0 ? "main" : db == 1 ? "temp" : others.get(db - 1).name;
    }

    /** Whether the temp database has been opened. */
    boolean hasTemp() {
        return others.get(0) != null;
    }

    /** How many databases the connection has (main and temp included, opened or not). */
    int databaseCount() {
        return others.size() + 1;
    }

    /**
     * Asked by the VM at every row a loop moves to: that is also where the
     * progress handler counts its steps. Long work done outside the VM (a
     * VACUUM copying rows itself) asks it once per row too, so that it can be
     * interrupted and its progress shown.
     */
    @Override
    public boolean isInterrupted() {
        if (progress != null) {
            progressSteps++;
            if (--progressCountdown <= 0) {
                progressCountdown = progressPeriod;
                if (progress.onProgress(progressSteps)) {
                    interrupted = true;
                }
            }
        }
        return interrupted;
    }

    // ---- Connection ----

    @Override
    public long lastInsertRowid() {
        return lastInsertRowid;
    }

    @Override
    public long changes() {
        return changes;
    }

    @Override
    public long totalChanges() {
        return totalChanges;
    }

    @Override
    public boolean autoCommit() {
        return !explicit;
    }

    @Override
    public void busyTimeout(Duration timeout) {
        if (timeout.isNegative()) {
            throw new TursoException(ResultCode.MISUSE, "busy timeout must not be negative");
        }
        busy.setTimeout(timeout);
        settings.busyTimeoutMillis = (int) Math.min(timeout.toMillis(), Integer.MAX_VALUE);
    }

    @Override
    public List<Object[]> pragma(PragmaCall call) {
        return pragmas.run(call);
    }

    /**
     * VACUUM's progress as steps of the progress handler, one per entry
     * copied, so that the shell's progress line moves and the handler (or
     * an interrupt) can stop it while it copies.
     */
    private VacuumProgress vacuumSteps() {
        long[] copied = {0};
        return (done, total) -> {
            long delta = done - copied[0];
            copied[0] = done;
            while (progress != null && delta > 0 && !interrupted) {
                long step = Math.min(delta, progressCountdown);
                progressSteps += step;
                progressCountdown -= (int) step;
                delta -= step;
                if (progressCountdown <= 0) {
                    progressCountdown = progressPeriod;
                    if (progress.onProgress(progressSteps)) {
                        interrupted = true;
                    }
                }
            }
            if (interrupted && done < total) {
                throw new TursoException(ResultCode.INTERRUPT, "interrupted");
            }
        };
    }

    /**
     * VACUUM rebuilds the database in this statement's write transaction
     * (committed as the statement ends); VACUUM INTO writes the rebuilt
     * copy to a new file under a read transaction. Neither may run inside a
     * transaction or beside another running statement, as in SQLite.
     */
    @Override
    public void vacuum(String into) {
        if (explicit || lease.inTransaction()) {
            throw new TursoException(ResultCode.ERROR, "cannot VACUUM from within a transaction");
        }
        if (running.size() > 1) {
            throw new TursoException(ResultCode.ERROR, "cannot VACUUM - SQL statements in progress");
        }
        if (into != null) {
            beginTransaction(0, false);
            Storage storage = lease.storage();
            storage.vacuumInto(database.vfs(), into, vacuumSteps());
            return;
        }
        beginTransaction(0, true);
        lease.storage().vacuum(vacuumSteps());
        schemaChanged(0);
    }

    String databasePath() {
        return database.path();
    }

    FunctionRegistry functions() {
        return database.functions();
    }

    /**
     * Drops the prepared programs kept for reuse (a setting they were
     * compiled under changed); statements prepared already are compiled
     * again before their next run, as SQLite expires them.
     */
    void forgetStatements() {
        cache.clear();
        settingsGeneration++;
    }

    /** How many times the settings statements are compiled under changed. */
    int settingsGeneration() {
        return settingsGeneration;
    }

    /**
     * PRAGMA page_size = n: takes effect only on a file database with no
     * page written yet and no transaction open, as in SQLite. The storage
     * fixes a new file's page size when opened, so it is opened again with
     * the new size (and the journal mode it had); false if it cannot be.
     */
    boolean setNewPageSize(int pageSize) {
        Storage storage = lease.storage();
        if (!(lease instanceof PrivateStorage) || lease.inTransaction() || storage.pageSize() == pageSize) {
            return false;
        }
        storage.beginRead();
        boolean empty;
        int autoVacuum;
        try {
            empty = storage.pageCount() == 0;
            autoVacuum = storage.autoVacuumMode();
        } finally {
            storage.commit();
        }
        if (!empty) {
            return false;
        }
        JournalMode journalMode = storage.journalMode();
        storage.close();
        Storage reopened = database.openStorage(pageSize, journalMode);
        reopened.beginRead();
        try {
            reopened.setAutoVacuumMode(autoVacuum);
        } finally {
            reopened.commit();
        }
        lease = new PrivateStorage(reopened);
        return true;
    }

    @Override
    public void progressHandler(int period, ProgressHandler handler) {
        progress = period < 1 ? null : handler;
        progressPeriod = progress == null ? 0 : period;
        progressCountdown = progressPeriod;
    }

    @Override
    public void interrupt() {
        interrupted = true;
    }

    private void checkOpen() {
        if (closed) {
            throw new TursoException(ResultCode.MISUSE, "connection is closed");
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            running.clear();
            cache.clear();
            database.closed(this);
            lease.close();
            for (AttachedDatabase a : others) {
                if (a != null) {
                    a.close();
                }
            }
            others.clear();
            virtualTransactions.rollback();
        }
    }
}
