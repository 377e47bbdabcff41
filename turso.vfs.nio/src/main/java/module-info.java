/**
 * The default VFS ("nio"), on FileChannel with OS file locks and a mapped
 * -shm file, and the in-memory VFS ("memory") for :memory: databases.
 * Exported so that users can construct them directly.
 */
module turso.vfs.nio {
    requires turso.api;

    exports turso.vfs.nio;

    provides turso.api.spi.Vfs with turso.vfs.nio.NioVfs, turso.vfs.nio.MemoryVfs;
}
