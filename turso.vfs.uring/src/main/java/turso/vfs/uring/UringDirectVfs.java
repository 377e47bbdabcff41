/*
 * The "io_uring-direct" VFS: io_uring as in UringVfs, with the main database
 * file also opened O_DIRECT, so that its page-aligned reads and writes skip
 * the OS page cache (the WAL, journals and unaligned transfers such as the
 * 100-byte header read stay buffered). Opt-in by name (OpenOptions.withVfs,
 * -Dturso.vfs=io_uring-direct): only the engine's page cache then holds
 * pages, so a scan of a database larger than cache_size reads the device
 * every time (docs/PERFORMANCE.md has the figures).
 */
package turso.vfs.uring;

import java.util.Set;
import turso.api.spi.Vfs;
import turso.api.spi.VfsFile;

public final class UringDirectVfs implements Vfs {

    static final String NAME = "io_uring-direct";

    private final UringVfs uring = new UringVfs(true);

    public UringDirectVfs() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean isAvailable() {
        return uring.isAvailable();
    }

    @Override
    public String unavailableReason() {
        return uring.unavailableReason();
    }

    @Override
    public VfsFile open(String path, FileKind kind, Set<OpenFlag> flags) {
        return uring.open(path, kind, flags);
    }

    @Override
    public void delete(String path, boolean syncDirectory) {
        uring.delete(path, syncDirectory);
    }

    @Override
    public boolean access(String path, Access mode) {
        return uring.access(path, mode);
    }

    @Override
    public String fullPath(String path) {
        return uring.fullPath(path);
    }
}
