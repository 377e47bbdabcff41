/*
 * The in-memory VFS, "memory": a RAM disk for :memory: databases, temporary
 * files and tests. Each MemoryVfs instance is its own disk: a named file
 * lives from its creation until it is deleted, and every open of that name
 * on the same instance shares its content, its lock levels (counted as
 * NioVfs counts them inside the JVM) and its wal-index. A null name is an
 * anonymous file that disappears when closed.
 */
package turso.vfs.nio;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.Vfs;
import turso.api.spi.VfsFile;

public final class MemoryVfs implements Vfs {

    private final ConcurrentMap<String, MemoryStore> files = new ConcurrentHashMap<>();

    public MemoryVfs() {
    }

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public VfsFile open(String path, FileKind kind, Set<OpenFlag> flags) {
        if (path == null) {
            return new MemoryFile(new MemoryStore(), "(anonymous)", kind, false);
        }
        boolean readOnly = flags.contains(OpenFlag.READ_ONLY) && !flags.contains(OpenFlag.READ_WRITE);
        boolean create = !readOnly && flags.contains(OpenFlag.CREATE);
        MemoryStore store;
        synchronized (files) {
            store = files.get(path);
            if (store == null) {
                if (!create) {
                    throw new TursoException(ResultCode.CANTOPEN);
                }
                store = new MemoryStore();
                files.put(path, store);
            } else if (create && flags.contains(OpenFlag.EXCLUSIVE)) {
                throw new TursoException(ResultCode.CANTOPEN);
            }
            if (flags.contains(OpenFlag.DELETE_ON_CLOSE)) {
                files.remove(path);
            }
        }
        return new MemoryFile(store, path, kind, readOnly);
    }

    @Override
    public void delete(String path, boolean syncDirectory) {
        if (files.remove(path) == null) {
            throw new TursoException(ResultCode.IOERR_DELETE_NOENT);
        }
    }

    @Override
    public boolean access(String path, Access mode) {
        MemoryStore store = files.get(path);
        if (store == null) {
            return false;
        }
        return mode != Access.EXISTS || store.size() > 0;
    }

    @Override
    public String fullPath(String path) {
        return path;
    }
}
