/*
 * The virtual tables written in a connection's open transaction: each one's
 * begin() is called when it is first written, and when the database's
 * transaction ends they end theirs: sync() on each before the database
 * commits, then commit() on each once it has; rollback() on each when it
 * rolls back. Inside BEGIN, a statement's writes are a savepoint of their
 * own (the storage's statement savepoint, by its number): savepoint() when
 * the statement first writes the table, then rollbackTo() if it fails, and
 * release(). (The user's SAVEPOINTs are not passed on to the modules.)
 */
package turso.engine;

import java.util.ArrayList;
import java.util.List;
import turso.api.spi.VirtualTable;

final class VirtualTransactions {
    private final List<VirtualTable> written = new ArrayList<>();
    /** The tables the running statement wrote inside BEGIN, and its savepoint's number. */
    private final List<VirtualTable> inStatement = new ArrayList<>();
    private int statementSavepoint;

    /** {@code table} is about to be written; {@code savepoint} is the statement's savepoint, or -1 outside BEGIN. */
    void written(VirtualTable table, int savepoint) {
        if (!contains(written, table)) {
            table.begin();
            written.add(table);
        }
        if (savepoint >= 0 && !contains(inStatement, table)) {
            table.savepoint(savepoint);
            inStatement.add(table);
            statementSavepoint = savepoint;
        }
    }

    /** The statement ended: its changes to the tables are undone if it failed, and its savepoint released. */
    void statementEnded(boolean failed) {
        List<VirtualTable> tables = List.copyOf(inStatement);
        inStatement.clear();
        for (VirtualTable t : tables) {
            if (failed) {
                t.rollbackTo(statementSavepoint);
            }
            t.release(statementSavepoint);
        }
    }

    private static boolean contains(List<VirtualTable> tables, VirtualTable table) {
        for (VirtualTable t : tables) {
            if (t == table) {
                return true;
            }
        }
        return false;
    }

    /** The first phase of the commit: every table's data made durable. */
    void sync() {
        for (VirtualTable t : written) {
            t.sync();
        }
    }

    void commit() {
        List<VirtualTable> tables = List.copyOf(written);
        written.clear();
        for (VirtualTable t : tables) {
            t.commit();
        }
    }

    void rollback() {
        List<VirtualTable> tables = List.copyOf(written);
        written.clear();
        inStatement.clear();
        for (VirtualTable t : tables) {
            t.rollback();
        }
    }
}
