/*
 * One open database: the file on its VFS, shared by the connections to it.
 * For now it owns the main database file handle; the pager, page cache and
 * schema (issues #3 and #5) will live here.
 */
package turso.engine;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import turso.api.Connection;
import turso.api.Database;
import turso.api.OpenOptions;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.Vfs;
import turso.api.spi.VfsFile;

final class EngineDatabase implements Database {

    private final String path;
    private final VfsFile file;
    private final List<EngineConnection> connections = new ArrayList<>();
    private boolean closed;

    private EngineDatabase(String path, VfsFile file) {
        this.path = path;
        this.file = file;
    }

    static EngineDatabase open(String path, OpenOptions options, Extensions extensions) {
        Vfs vfs = extensions.vfsFor(path, options);
        Set<Vfs.OpenFlag> flags = EnumSet.noneOf(Vfs.OpenFlag.class);
        flags.add(options.readOnly() ? Vfs.OpenFlag.READ_ONLY : Vfs.OpenFlag.READ_WRITE);
        if (options.create() && !options.readOnly()) {
            flags.add(Vfs.OpenFlag.CREATE);
        }
        String name = Extensions.isMemory(path) ? null : path;
        VfsFile file = vfs.open(name, name == null ? Vfs.FileKind.TRANSIENT_DB : Vfs.FileKind.MAIN_DB, flags);
        return new EngineDatabase(path == null ? Database.MEMORY : path, file);
    }

    @Override
    public String path() {
        return path;
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
        file.close();
    }
}
