/*
 * One Storage shared by every connection of an in-memory database. The
 * pager has a single transaction and a single page cache, so connections
 * take turns the way SQLite's locks make them: any number of readers share
 * the read transaction, and a writer needs the database to itself (it
 * waits for readers to leave before it starts, where SQLite's writer waits
 * for them before it commits, since here uncommitted pages would be
 * visible to them). The pager is not thread-safe, so readers share only
 * with readers of the same thread; one on another thread waits its turn.
 * A connection that cannot get its turn gets SQLITE_BUSY, for its busy
 * handler to retry.
 */
package turso.engine;

import turso.api.ResultCode;
import turso.api.TursoException;
import turso.btree.Storage;

final class SharedStorage {

    private final Storage storage;
    private Lease writer;
    private int readers;
    /** The thread of the connections that share the read transaction, while there are any. */
    private Thread readerThread;

    SharedStorage(Storage storage) {
        this.storage = storage;
    }

    synchronized Lease lease() {
        return new Lease();
    }

    /** Closes the storage (the database closes). */
    synchronized void close() {
        storage.close();
    }

    private enum State { NONE, READ, WRITE }

    /** One connection's turn on the shared storage. */
    final class Lease implements StorageLease {
        private State state = State.NONE;

        @Override
        public Storage storage() {
            return storage;
        }

        @Override
        public void beginRead() {
            synchronized (SharedStorage.this) {
                if (state != State.NONE) {
                    return;
                }
                if (writer != null || readers > 0 && readerThread != Thread.currentThread()) {
                    throw new TursoException(ResultCode.BUSY);
                }
                if (!storage.inTransaction()) {
                    storage.beginRead();
                }
                readers++;
                readerThread = Thread.currentThread();
                state = State.READ;
            }
        }

        @Override
        public void beginWrite() {
            synchronized (SharedStorage.this) {
                if (state == State.WRITE) {
                    return;
                }
                if (writer != null || readers - (state == State.READ ? 1 : 0) > 0) {
                    throw new TursoException(ResultCode.BUSY);
                }
                storage.beginWrite();
                if (state == State.NONE) {
                    readers++;
                }
                readerThread = Thread.currentThread();
                writer = this;
                state = State.WRITE;
            }
        }

        @Override
        public void commit() {
            synchronized (SharedStorage.this) {
                if (state == State.WRITE) {
                    storage.commit();
                }
                end();
            }
        }

        @Override
        public void rollback() {
            synchronized (SharedStorage.this) {
                if (state == State.WRITE) {
                    storage.rollback();
                }
                end();
            }
        }

        private void end() {
            if (state == State.NONE) {
                return;
            }
            if (writer == this) {
                writer = null;
            }
            state = State.NONE;
            readers--;
            if (readers == 0) {
                readerThread = null;
                if (storage.inTransaction()) {
                    storage.commit();
                }
            }
        }

        @Override
        public boolean inTransaction() {
            synchronized (SharedStorage.this) {
                return state != State.NONE;
            }
        }

        @Override
        public boolean inWriteTransaction() {
            synchronized (SharedStorage.this) {
                return state == State.WRITE;
            }
        }

        @Override
        public void close() {
            rollback();
        }
    }
}
