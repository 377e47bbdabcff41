/*
 * A connection's own Storage on a database file: its transactions are the
 * pager's, and other connections (of this JVM or of other processes) are
 * kept out by the file locks the VFS takes.
 */
package turso.engine;

import turso.btree.Storage;

record PrivateStorage(Storage storage) implements StorageLease {

    @Override
    public void beginRead() {
        storage.beginRead();
    }

    @Override
    public void beginWrite() {
        storage.beginWrite();
    }

    @Override
    public void commit() {
        storage.commit();
    }

    @Override
    public void rollback() {
        storage.rollback();
    }

    @Override
    public boolean inTransaction() {
        return storage.inTransaction();
    }

    @Override
    public boolean inWriteTransaction() {
        return storage.inWriteTransaction();
    }

    @Override
    public void close() {
        storage.close();
    }
}
