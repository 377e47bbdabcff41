/*
 * One open database: its storage (pager, B-trees) on the chosen VFS, the
 * schema read from it, and the planner, shared by the connections to it.
 * The schema is read when first needed, and again after a statement
 * changed it.
 */
package turso.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import turso.api.Connection;
import turso.api.Database;
import turso.api.OpenOptions;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.FunctionLibrary;
import turso.api.spi.Vfs;
import turso.btree.JournalMode;
import turso.btree.Storage;
import turso.btree.StorageOptions;
import turso.planner.Planner;
import turso.planner.Schema;
import turso.vm.FunctionRegistry;
import turso.vm.func.CoreLibrary;

final class EngineDatabase implements Database {

    private final String path;
    /** Replaced only by setNewPageSize, while the database is empty. */
    private volatile Storage storage;
    /** Opens this database's storage with the given options (again, for a new page size). */
    private final Function<StorageOptions, Storage> opener;
    private final StorageOptions storageOptions;
    private final Planner planner;
    private final Extensions extensions;
    /** The planner for connections with PRAGMA case_sensitive_like on (like() case-sensitive); made when first needed. */
    private Planner caseSensitiveLikePlanner;
    private final List<EngineConnection> connections = new ArrayList<>();
    private Schema schema;
    private boolean closed;

    private EngineDatabase(String path, Function<StorageOptions, Storage> opener, StorageOptions storageOptions,
            Planner planner, Extensions extensions) {
        this.path = path;
        this.opener = opener;
        this.storageOptions = storageOptions;
        this.storage = opener.apply(storageOptions);
        this.planner = planner;
        this.extensions = extensions;
    }

    static EngineDatabase open(String path, OpenOptions options, Extensions extensions) {
        StorageOptions storageOptions = StorageOptions.DEFAULT.withReadOnly(options.readOnly());
        Function<StorageOptions, Storage> opener;
        if (Extensions.isMemory(path) && options.vfs() == null) {
            opener = Storage::openMemory;
        } else {
            Vfs vfs = extensions.vfsFor(options);
            if (!options.create() && !vfs.access(path, Vfs.Access.EXISTS)) {
                throw new TursoException(ResultCode.CANTOPEN);
            }
            opener = o -> Storage.open(vfs, path, o);
        }
        EngineDatabase db = new EngineDatabase(path == null ? Database.MEMORY : path, opener, storageOptions,
                new Planner(extensions.functions()), extensions);
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

    /**
     * PRAGMA page_size = n: takes effect only while nothing has been written
     * (no page 1 yet) and no transaction is open, as in SQLite. The storage
     * fixes a new file's page size when opened, so it is opened again with
     * the new size (and the journal mode it had); false if it cannot be.
     */
    synchronized boolean setNewPageSize(int pageSize) {
        if (storage.inTransaction() || storage.pageSize() == pageSize) {
            return false;
        }
        storage.beginRead();
        boolean empty;
        try {
            empty = storage.pageCount() == 0;
        } finally {
            storage.commit();
        }
        if (!empty) {
            return false;
        }
        JournalMode journalMode = storage.journalMode();
        storage.close();
        storage = opener.apply(storageOptions.withPageSize(pageSize).withJournalMode(journalMode));
        return true;
    }

    /** Every function and collation the connections can use. */
    FunctionRegistry functions() {
        return extensions.functions();
    }

    /** The planner whose like() is case-sensitive, the built-in one put before every library's. */
    synchronized Planner caseSensitiveLikePlanner() {
        if (caseSensitiveLikePlanner == null) {
            List<FunctionLibrary> libraries = new ArrayList<>();
            libraries.add(CoreLibrary.caseSensitiveLike());
            libraries.addAll(extensions.functionLibraries().all());
            caseSensitiveLikePlanner = new Planner(new FunctionRegistry(libraries));
        }
        return caseSensitiveLikePlanner;
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
