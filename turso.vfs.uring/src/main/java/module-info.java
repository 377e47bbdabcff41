/**
 * A VFS on Linux io_uring ("io_uring"), reached through the FFM API with raw
 * system calls (no JNI, no C library): needs
 * --enable-native-access=turso.vfs.uring. File names, locks and the -shm
 * wal-index come from turso.vfs.nio, so both interoperate with sqlite3 alike.
 */
module turso.vfs.uring {
    requires turso.api;
    requires turso.vfs.nio;

    exports turso.vfs.uring;

    provides turso.api.spi.Vfs with turso.vfs.uring.UringVfs;
}
