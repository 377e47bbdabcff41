/**
 * The default VFS ("nio"), on FileChannel with OS file locks and a mapped
 * -shm file, and the in-memory VFS ("memory") for :memory: databases.
 */
module turso.vfs.nio {
    requires turso.api;
}
