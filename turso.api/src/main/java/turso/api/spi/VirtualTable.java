/*
 * One virtual table: its declared columns, the best-index negotiation with the
 * planner, cursors, and optionally writes and transactions. The default
 * methods describe a read-only table without transactions.
 */
package turso.api.spi;

import java.util.Optional;
import turso.api.ResultCode;
import turso.api.TursoException;

public interface VirtualTable {

    /**
     * The table's columns as a CREATE TABLE statement (name ignored), with
     * HIDDEN columns for table-valued function arguments, as in
     * sqlite3_declare_vtab: {@code CREATE TABLE x(value, start HIDDEN, stop HIDDEN)}.
     */
    String declaration();

    /** Chooses how to answer a scan with the given constraints and order (xBestIndex). */
    IndexPlan bestIndex(IndexQuery query);

    VirtualCursor open();

    /**
     * INSERT: {@code rowid} is null when not given.
     *
     * @return the rowid of the new row
     */
    default long insert(Long rowid, FunctionArguments columns) {
        throw new TursoException(ResultCode.READONLY, "table is read-only");
    }

    /** UPDATE of the row {@code oldRowid}, which may get a new rowid. */
    default void update(long oldRowid, long newRowid, FunctionArguments columns) {
        throw new TursoException(ResultCode.READONLY, "table is read-only");
    }

    default void delete(long rowid) {
        throw new TursoException(ResultCode.READONLY, "table is read-only");
    }

    default void begin() {}

    /** First phase of commit: everything durable except the commit itself. */
    default void sync() {}

    default void commit() {}

    default void rollback() {}

    default void savepoint(int level) {}

    default void release(int level) {}

    default void rollbackTo(int level) {}

    default void rename(String newName) {}

    /**
     * A function to call instead of the global one when its first argument is
     * a column of this table (FTS5's MATCH, bm25, highlight); xFindFunction.
     */
    default Optional<ScalarFunction> overloadFunction(String name, int arity) {
        return Optional.empty();
    }

    /** The table leaves this connection's schema; the data stays. */
    default void disconnect() {}

    /** DROP TABLE: the data goes too. */
    default void destroy() {
        disconnect();
    }
}
