/*
 * A connection to an EngineDatabase: prepares statements (parse, then plan
 * against the current schema) and keeps the per-connection state SQLite
 * keeps: the counters behind changes() and last_insert_rowid(), and the
 * interrupt flag, which another thread may set while a statement runs.
 *
 * Transactions: outside BEGIN, the first statement that touches the
 * database opens a transaction, and when the last running statement ends it
 * is committed, or rolled back if the statement failed. Inside BEGIN ...
 * COMMIT/ROLLBACK the transaction spans statements, and each writing
 * statement runs in a savepoint of its own, so that a failing statement is
 * undone alone, as in SQLite. BEGIN, COMMIT and ROLLBACK only switch the mode;
 * the end of their statement does the rest. The statement cache comes with
 * the rest of issue #5.
 */
package turso.engine;

import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import turso.api.Connection;
import turso.api.ResultCode;
import turso.api.Statement;
import turso.api.TursoException;
import turso.btree.Storage;
import turso.parser.ParsedStatement;
import turso.parser.SqlParser;
import turso.planner.Planner;
import turso.vm.FunctionRegistry;
import turso.vm.Op;
import turso.vm.PragmaCall;
import turso.vm.Program;
import turso.vm.Vm;

final class EngineConnection implements Connection, Vm.Host {

    private final EngineDatabase database;
    /** Statements between their first step and their end; interrupt() applies while there are any. */
    private final Set<EngineStatement> running = Collections.newSetFromMap(new IdentityHashMap<>());
    private volatile boolean interrupted;
    private long lastInsertRowid;
    private long changes;
    private long totalChanges;
    /** Rows changed by the statements since the transaction began; becomes changes() when it ends. */
    private long pendingChanges;
    private boolean schemaChanged;
    private boolean failed;
    /** Inside BEGIN ... COMMIT/ROLLBACK. */
    private boolean explicit;
    /** The running statement said ROLLBACK. */
    private boolean rollbackRequested;
    /** The savepoint of the running statement inside an explicit transaction, or -1. */
    private int statementSavepoint = -1;
    /** The running statement is an INSERT, UPDATE or DELETE. */
    private boolean countsChanges;
    private boolean closed;
    private final ConnectionSettings settings = new ConnectionSettings();
    private final PragmaRunner pragmas;

    EngineConnection(EngineDatabase database) {
        this.database = database;
        this.pragmas = new PragmaRunner(this, settings);
    }

    @Override
    public Statement prepare(String sql) {
        checkOpen();
        ParsedStatement parsed = SqlParser.parseFirst(sql);
        String tail = sql.substring(parsed.tailOffset());
        String text = sql.substring(0, parsed.tailOffset());
        if (parsed.statement() == null) {
            return new EngineStatement(this, text, tail, null);
        }
        Planner planner = settings.caseSensitiveLike ? database.caseSensitiveLikePlanner() : database.planner();
        Program program = planner.compile(parsed.statement(), sql, database.schema());
        return new EngineStatement(this, text, tail, program);
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

    void statementStarted(EngineStatement statement, boolean dml) {
        if (running.isEmpty()) {
            interrupted = false;
            failed = false;
            countsChanges = dml;
        }
        running.add(statement);
    }

    /** The statement failed: its transaction is rolled back when it ends. */
    void statementFailed() {
        failed = true;
    }

    /**
     * The statement ended (done, failed, reset or closed). When it was the
     * last one running: its savepoint is released (or rolled back to, if it
     * failed), and outside BEGIN the transaction ends.
     */
    void statementFinished(EngineStatement statement) {
        if (!running.remove(statement) || !running.isEmpty()) {
            return;
        }
        Storage storage = database.storage();
        if (statementSavepoint >= 0) {
            if (failed) {
                storage.rollbackToSavepoint(statementSavepoint);
            }
            storage.releaseSavepoint(statementSavepoint);
            statementSavepoint = -1;
        }
        if (!explicit && storage.inTransaction()) {
            if (failed || rollbackRequested) {
                storage.rollback();
            } else {
                storage.commit();
            }
        }
        if (rollbackRequested) {
            rollbackRequested = false;
            schemaChanged = true;
        }
        if (countsChanges) {
            changes = failed ? 0 : pendingChanges;
            totalChanges += changes;
        }
        pendingChanges = 0;
        if (schemaChanged) {
            schemaChanged = false;
            database.reloadSchema();
        }
    }

    @Override
    public Storage storage() {
        return database.storage();
    }

    @Override
    public void beginTransaction(boolean write) {
        Storage storage = database.storage();
        if (write) {
            storage.beginWrite();
            if (explicit && statementSavepoint < 0) {
                statementSavepoint = storage.savepoint();
            }
        } else if (!storage.inTransaction()) {
            storage.beginRead();
        }
    }

    @Override
    public void transactionControl(int action, int beginKind) {
        switch (action) {
            case Op.BEGIN -> {
                if (explicit) {
                    throw new TursoException(ResultCode.ERROR, "cannot start a transaction within a transaction");
                }
                explicit = true;
                if (beginKind > 0) {
                    database.storage().beginWrite();
                }
            }
            case Op.COMMIT -> {
                if (!explicit) {
                    throw new TursoException(ResultCode.ERROR, "cannot commit - no transaction is active");
                }
                explicit = false;
            }
            default -> {
                if (!explicit) {
                    throw new TursoException(ResultCode.ERROR, "cannot rollback - no transaction is active");
                }
                explicit = false;
                rollbackRequested = true;
            }
        }
    }

    @Override
    public void rowChanged(long rowid, boolean lastRowid) {
        pendingChanges++;
        if (lastRowid) {
            lastInsertRowid = rowid;
        }
    }

    @Override
    public void schemaChanged() {
        schemaChanged = true;
    }

    @Override
    public List<Object[]> pragma(PragmaCall call) {
        return pragmas.run(call);
    }

    String databasePath() {
        return database.path();
    }

    FunctionRegistry functions() {
        return database.functions();
    }

    /** PRAGMA page_size = n on an empty database (see EngineDatabase.setNewPageSize). */
    boolean setNewPageSize(int pageSize) {
        return database.setNewPageSize(pageSize);
    }

    @Override
    public boolean isInterrupted() {
        return interrupted;
    }

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
        settings.busyTimeoutMillis = (int) Math.min(timeout.toMillis(), Integer.MAX_VALUE);
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
            database.closed(this);
        }
    }
}
