/*
 * A database of a connection other than main: the temp database (index 1,
 * opened in memory when a statement first uses it, gone when the
 * connection closes) or one that ATTACH opened (2..). Each has a storage
 * of its own, used by this connection alone, with its own transaction and
 * savepoint of the running statement, and its own schema, read when first
 * needed at the schema cookie it then had.
 */
package turso.engine;

import turso.btree.HeaderField;
import turso.btree.Storage;
import turso.planner.Schema;

final class AttachedDatabase {

    /** The name statements qualify objects with ("temp", or ATTACH's AS name). */
    final String name;
    /** database_list's file: the absolute path of a file, "" in memory. */
    final String file;
    final StorageLease lease;
    /** The savepoint of the running statement inside an explicit transaction, or -1. */
    int statementSavepoint = -1;
    /** The schema cookie the schema was last read at, or SchemaSnapshot.UNKNOWN. */
    long cookie = SchemaSnapshot.UNKNOWN;

    AttachedDatabase(String name, String file, Storage storage) {
        this.name = name;
        this.file = file;
        this.lease = new PrivateStorage(storage);
    }

    Storage storage() {
        return lease.storage();
    }

    /** The header's schema cookie now; the caller holds a transaction. */
    long currentCookie() {
        Storage storage = lease.storage();
        return storage.pageCount() == 0 ? 0 : storage.headerField(HeaderField.SCHEMA_COOKIE);
    }

    /**
     * Reads the schema as database {@code db} of the connection, its virtual
     * tables connected through {@code modules}; the caller holds a transaction.
     */
    Schema readSchema(int db, turso.planner.VirtualModules modules) {
        Schema schema = Schema.load(lease.storage(), db, modules);
        cookie = currentCookie();
        return schema;
    }

    void close() {
        lease.close();
    }
}
