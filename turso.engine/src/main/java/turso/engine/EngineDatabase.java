/*
 * One open database: where its storage comes from, and the planner, shared
 * by the connections to it. A database file gives each connection a
 * Storage of its own (the file's locks keep them apart, as SQLite's
 * connections are kept apart); an in-memory database has one Storage that
 * its connections share (SharedStorage). Each connection reads the schema
 * itself and keeps it until the schema cookie says it changed. The
 * options' PRAGMAs run on every new connection.
 */
package turso.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import turso.api.Connection;
import turso.api.Database;
import turso.api.OpenOptions;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.Vfs;
import turso.btree.Storage;
import turso.btree.StorageOptions;
import turso.api.spi.FunctionLibrary;
import turso.btree.JournalMode;
import turso.planner.Planner;
import turso.vm.FunctionRegistry;
import turso.vm.func.CoreLibrary;

final class EngineDatabase implements Database {

    private final String path;
    private final Vfs vfs;
    private final StorageOptions storageOptions;
    private final Map<String, String> pragmas;
    private final Planner planner;
    private final Extensions extensions;
    /** The planner for connections with PRAGMA case_sensitive_like on (like() case-sensitive); made when first needed. */
    private Planner caseSensitiveLikePlanner;
    /** An in-memory database's one storage; null for a file. */
    private final SharedStorage shared;
    /** The file's storage opened by open() (so that open reports what cannot be opened), for the first connection. */
    private Storage spare;
    private final List<EngineConnection> connections = new ArrayList<>();
    private boolean closed;

    private EngineDatabase(String path, Vfs vfs, StorageOptions storageOptions, Map<String, String> pragmas,
            Extensions extensions, SharedStorage shared, Storage spare) {
        this.path = path;
        this.extensions = extensions;
        this.vfs = vfs;
        this.storageOptions = storageOptions;
        this.pragmas = pragmas;
        this.planner = new Planner(extensions.functions());
        this.shared = shared;
        this.spare = spare;
    }

    static EngineDatabase open(String path, OpenOptions options, Extensions extensions) {
        StorageOptions storageOptions = StorageOptions.DEFAULT.withReadOnly(options.readOnly());
        String name = path == null ? Database.MEMORY : path;
        if (Extensions.isMemory(path) && options.vfs() == null) {
            return new EngineDatabase(name, null, storageOptions, options.pragmas(), extensions,
                    new SharedStorage(Storage.openMemory(storageOptions)), null);
        }
        Vfs vfs = extensions.vfsFor(options);
        // READ as well as EXISTS: an empty file "does not exist" for a VFS (a 0-byte journal is no hot
        // journal), yet SQLite opens it without creating anything, as an empty database
        if (!options.create() && !vfs.access(path, Vfs.Access.EXISTS) && !vfs.access(path, Vfs.Access.READ)) {
            throw new TursoException(ResultCode.CANTOPEN);
        }
        Storage storage = Storage.open(vfs, path, storageOptions);
        if (Extensions.isMemory(path)) {
            return new EngineDatabase(name, vfs, storageOptions, options.pragmas(), extensions,
                    new SharedStorage(storage), null);
        }
        return new EngineDatabase(name, vfs, storageOptions, options.pragmas(), extensions, null, storage);
    }

    /** The VFS files are opened on (VACUUM INTO's output too); the default one for a private in-memory database. */
    Vfs vfs() {
        return vfs != null ? vfs : extensions.vfsFor(OpenOptions.defaults());
    }

    /** The name of the VFS this database's file is on, "memory" when it has none. */
    String vfsName() {
        return vfs != null ? vfs.name() : "memory";
    }

    @Override
    public String path() {
        return path;
    }

    /** The virtual table modules the connections can use. */
    turso.api.spi.NamedServices<turso.api.spi.VirtualTableModule> virtualTableModules() {
        return extensions.virtualTableModules();
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

    /** A new storage on this database's file, with the given page size and journal mode (PRAGMA page_size). */
    Storage openStorage(int pageSize, JournalMode journalMode) {
        return Storage.open(vfs, path, storageOptions.withPageSize(pageSize).withJournalMode(journalMode));
    }

    /**
     * The storage of a database ATTACH names, for one connection: in memory
     * for ":memory:" or "", else the file (created if missing), on this
     * database's VFS and with its options (read-only included).
     */
    Storage openAttached(String file) {
        if (Extensions.isMemory(file)) {
            return Storage.openMemory(storageOptions);
        }
        Vfs on = vfs != null ? vfs : extensions.vfsFor(OpenOptions.defaults());
        if (storageOptions.readOnly() && !on.access(file, Vfs.Access.EXISTS)) {
            throw new TursoException(ResultCode.CANTOPEN, "unable to open database: " + file);
        }
        try {
            return Storage.open(on, file, storageOptions);
        } catch (TursoException e) {
            if (e.primaryResultCode() == ResultCode.CANTOPEN) {
                throw new TursoException(ResultCode.CANTOPEN, "unable to open database: " + file, e);
            }
            throw e;
        }
    }

    Planner planner() {
        return planner;
    }

    @Override
    public Connection connect() {
        EngineConnection c;
        synchronized (this) {
            if (closed) {
                throw new TursoException(ResultCode.MISUSE, "database is closed");
            }
            StorageLease lease;
            if (shared != null) {
                lease = shared.lease();
            } else if (spare != null) {
                lease = new PrivateStorage(spare);
                spare = null;
            } else {
                lease = new PrivateStorage(Storage.open(vfs, path, storageOptions));
            }
            c = new EngineConnection(this, lease);
            connections.add(c);
        }
        try {
            c.applyPragmas(pragmas);
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    synchronized void closed(EngineConnection connection) {
        connections.remove(connection);
    }

    @Override
    public void close() {
        List<EngineConnection> open;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            open = List.copyOf(connections);
        }
        for (EngineConnection c : open) {
            c.close();
        }
        synchronized (this) {
            if (spare != null) {
                spare.close();
                spare = null;
            }
            if (shared != null) {
                shared.close();
            }
        }
    }
}
