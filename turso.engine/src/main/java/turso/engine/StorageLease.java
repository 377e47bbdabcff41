/*
 * A connection's access to the database's storage, and its transaction on
 * it. A file database gives each connection a Storage of its own, so that
 * connections lock the file as SQLite's connections do (through the VFS)
 * and see only committed data. An in-memory database has one Storage for
 * every connection; SharedStorage then decides who may read or write, so
 * that no connection sees another's uncommitted pages or ends its
 * transaction. Either way a lock that cannot be had is SQLITE_BUSY, which
 * the connection's busy handler may retry.
 */
package turso.engine;

import turso.btree.Storage;

sealed interface StorageLease permits PrivateStorage, SharedStorage.Lease {

    Storage storage();

    /** Opens a read transaction unless this connection has one; BUSY if the database is locked. */
    void beginRead();

    /** Opens or upgrades to a write transaction; BUSY if another connection holds the database. */
    void beginWrite();

    /** Commits (or ends a read); BUSY leaves the transaction open, so that it can be retried. */
    void commit();

    void rollback();

    boolean inTransaction();

    boolean inWriteTransaction();

    /** Gives up the storage when the connection closes. */
    void close();
}
