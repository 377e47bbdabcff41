/*
 * One open database: its storage (pager, B-trees) on the chosen VFS, the
 * schema read from it, and the planner, shared by the connections to it.
 * The schema is read when first needed, and again after a statement
 * changed it.
 */
package turso.engine;

import java.util.ArrayList;
import java.util.List;
import turso.api.Connection;
import turso.api.Database;
import turso.api.OpenOptions;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.Vfs;
import turso.btree.Storage;
import turso.btree.StorageOptions;
import turso.planner.Planner;
import turso.planner.Schema;

final class EngineDatabase implements Database {

    private final String path;
    private final Storage storage;
    private final Planner planner;
    private final List<EngineConnection> connections = new ArrayList<>();
    private Schema schema;
    private boolean closed;

    private EngineDatabase(String path, Storage storage, Planner planner) {
        this.path = path;
        this.storage = storage;
        this.planner = planner;
    }

    static EngineDatabase open(String path, OpenOptions options, Extensions extensions) {
        StorageOptions storageOptions = StorageOptions.DEFAULT.withReadOnly(options.readOnly());
        Storage storage;
        if (Extensions.isMemory(path) && options.vfs() == null) {
            storage = Storage.openMemory(storageOptions);
        } else {
            Vfs vfs = extensions.vfsFor(options);
            if (!options.create() && !vfs.access(path, Vfs.Access.EXISTS)) {
                throw new TursoException(ResultCode.CANTOPEN);
            }
            storage = Storage.open(vfs, path, storageOptions);
        }
        EngineDatabase db = new EngineDatabase(path == null ? Database.MEMORY : path, storage,
                new Planner(extensions.functions()));
        db.schema = Schema.onFirstUse(db::readSchema);
        return db;
    }

    @Override
    public String path() {
        return path;
    }

    Storage storage() {
        return storage;
    }

    Planner planner() {
        return planner;
    }

    synchronized Schema schema() {
        return schema;
    }

    /** Reads the schema again when next needed (a statement changed it). */
    synchronized void reloadSchema() {
        schema = Schema.onFirstUse(this::readSchema);
    }

    /** Reads the schema, in a read transaction of its own unless one is open. */
    private Schema readSchema() {
        boolean own = !storage.inTransaction();
        if (own) {
            storage.beginRead();
        }
        try {
            return Schema.load(storage);
        } finally {
            if (own) {
                storage.commit();
            }
        }
    }

    @Override
    public synchronized Connection connect() {
        if (closed) {
            throw new TursoException(ResultCode.MISUSE, "database is closed");
        }
        EngineConnection c = new EngineConnection(this);
        connections.add(c);
        return c;
    }

    synchronized void closed(EngineConnection connection) {
        connections.remove(connection);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (EngineConnection c : List.copyOf(connections)) {
            c.close();
        }
        storage.close();
    }
}
