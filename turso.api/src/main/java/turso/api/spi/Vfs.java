/*
 * The storage backend SPI, SQLite's sqlite3_vfs in Java: how the pager opens,
 * deletes and probes files. The NIO backend (name "nio"), the io_uring one
 * ("io_uring"), the in-memory one ("memory") and a user's own implement it and
 * are found by name through NamedServices.
 *
 * Errors are TursoExceptions with IOERR_* / CANTOPEN codes; lock contention is
 * not an error here but a `false` from VfsFile.lock.
 */
package turso.api.spi;

import java.util.Set;

public interface Vfs extends NamedProvider {

    /** What a file is for; a VFS may place or treat them differently (SQLite's SQLITE_OPEN_MAIN_DB etc.). */
    enum FileKind { MAIN_DB, MAIN_JOURNAL, WAL, TEMP_DB, TEMP_JOURNAL, SUBJOURNAL, SUPER_JOURNAL, TRANSIENT_DB }

    enum OpenFlag { READ_ONLY, READ_WRITE, CREATE, EXCLUSIVE, DELETE_ON_CLOSE }

    enum Access { EXISTS, READ, READ_WRITE }

    /**
     * Whether this VFS can work on this machine and JVM (io_uring checks the
     * kernel, seccomp and native access). An unavailable VFS is skipped when
     * the default is chosen and explains itself through {@link #unavailableReason()}.
     */
    default boolean isAvailable() {
        return true;
    }

    /** One line saying why {@link #isAvailable()} is false; empty when available. */
    default String unavailableReason() {
        return "";
    }

    /**
     * Opens a file. {@code path} is null for an anonymous temporary file that
     * disappears when closed.
     */
    VfsFile open(String path, FileKind kind, Set<OpenFlag> flags);

    /** Deletes a file; {@code syncDirectory} asks that the deletion itself be durable. */
    void delete(String path, boolean syncDirectory);

    boolean access(String path, Access mode);

    /** The canonical absolute path, used to recognise two names for the same database. */
    String fullPath(String path);
}
