/*
 * A connection to an EngineDatabase. Statement preparation arrives with the
 * query engine (issue #5); until then prepare() reports that SQL cannot run
 * yet, with SQLITE_ERROR, rather than pretending to succeed.
 */
package turso.engine;

import java.time.Duration;
import turso.api.Connection;
import turso.api.ResultCode;
import turso.api.Statement;
import turso.api.TursoException;

final class EngineConnection implements Connection {

    private final EngineDatabase database;
    private boolean closed;

    EngineConnection(EngineDatabase database) {
        this.database = database;
    }

    @Override
    public Statement prepare(String sql) {
        checkOpen();
        throw new TursoException(ResultCode.ERROR, "this build cannot run SQL yet (the query engine is issue #5)");
    }

    @Override
    public void execute(String sql) {
        prepare(sql);
    }

    @Override
    public long lastInsertRowid() {
        return 0;
    }

    @Override
    public long changes() {
        return 0;
    }

    @Override
    public long totalChanges() {
        return 0;
    }

    @Override
    public boolean autoCommit() {
        return true;
    }

    @Override
    public void busyTimeout(Duration timeout) {
        if (timeout.isNegative()) {
            throw new TursoException(ResultCode.MISUSE, "busy timeout must not be negative");
        }
    }

    /** Nothing runs on a connection yet, so there is nothing to interrupt. */
    @Override
    public void interrupt() {
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
