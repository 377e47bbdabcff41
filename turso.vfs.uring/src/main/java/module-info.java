/**
 * A VFS on Linux io_uring, reached through the FFM API with raw system calls
 * (no JNI, no C library): needs --enable-native-access=turso.vfs.uring.
 */
module turso.vfs.uring {
    requires turso.api;
}
