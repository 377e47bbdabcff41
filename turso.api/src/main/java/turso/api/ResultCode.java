/*
 * SQLite's result codes, primary and extended, with their numbers and the
 * default messages SQLite gives them (sqlite3_errstr). Every error this engine
 * reports carries one, so that JDBC, the shell and users see what SQLite
 * would report.
 */
package turso.api;

import java.util.HashMap;
import java.util.Map;

public enum ResultCode {
    OK(0, "not an error"),
    ERROR(1, "SQL logic error"),
    INTERNAL(2, "unknown error"),
    PERM(3, "access permission denied"),
    ABORT(4, "query aborted"),
    BUSY(5, "database is locked"),
    LOCKED(6, "database table is locked"),
    NOMEM(7, "out of memory"),
    READONLY(8, "attempt to write a readonly database"),
    INTERRUPT(9, "interrupted"),
    IOERR(10, "disk I/O error"),
    CORRUPT(11, "database disk image is malformed"),
    NOTFOUND(12, "unknown operation"),
    FULL(13, "database or disk is full"),
    CANTOPEN(14, "unable to open database file"),
    PROTOCOL(15, "locking protocol"),
    EMPTY(16, "unknown error"),
    SCHEMA(17, "database schema has changed"),
    TOOBIG(18, "string or blob too big"),
    CONSTRAINT(19, "constraint failed"),
    MISMATCH(20, "datatype mismatch"),
    MISUSE(21, "bad parameter or other API misuse"),
    NOLFS(22, "large file support is disabled"),
    AUTH(23, "authorization denied"),
    FORMAT(24, "unknown error"),
    RANGE(25, "column index out of range"),
    NOTADB(26, "file is not a database"),
    NOTICE(27, "notification message"),
    WARNING(28, "warning message"),
    ROW(100, "another row available"),
    DONE(101, "no more rows available"),

    ERROR_MISSING_COLLSEQ(ERROR, 1),
    ERROR_RETRY(ERROR, 2),
    ERROR_SNAPSHOT(ERROR, 3),

    IOERR_READ(IOERR, 1),
    IOERR_SHORT_READ(IOERR, 2),
    IOERR_WRITE(IOERR, 3),
    IOERR_FSYNC(IOERR, 4),
    IOERR_DIR_FSYNC(IOERR, 5),
    IOERR_TRUNCATE(IOERR, 6),
    IOERR_FSTAT(IOERR, 7),
    IOERR_UNLOCK(IOERR, 8),
    IOERR_RDLOCK(IOERR, 9),
    IOERR_DELETE(IOERR, 10),
    IOERR_BLOCKED(IOERR, 11),
    IOERR_NOMEM(IOERR, 12),
    IOERR_ACCESS(IOERR, 13),
    IOERR_CHECKRESERVEDLOCK(IOERR, 14),
    IOERR_LOCK(IOERR, 15),
    IOERR_CLOSE(IOERR, 16),
    IOERR_DIR_CLOSE(IOERR, 17),
    IOERR_SHMOPEN(IOERR, 18),
    IOERR_SHMSIZE(IOERR, 19),
    IOERR_SHMLOCK(IOERR, 20),
    IOERR_SHMMAP(IOERR, 21),
    IOERR_SEEK(IOERR, 22),
    IOERR_DELETE_NOENT(IOERR, 23),
    IOERR_MMAP(IOERR, 24),
    IOERR_GETTEMPPATH(IOERR, 25),
    IOERR_CONVPATH(IOERR, 26),
    IOERR_VNODE(IOERR, 27),
    IOERR_AUTH(IOERR, 28),
    IOERR_BEGIN_ATOMIC(IOERR, 29),
    IOERR_COMMIT_ATOMIC(IOERR, 30),
    IOERR_ROLLBACK_ATOMIC(IOERR, 31),
    IOERR_DATA(IOERR, 32),
    IOERR_CORRUPTFS(IOERR, 33),

    LOCKED_SHAREDCACHE(LOCKED, 1),
    LOCKED_VTAB(LOCKED, 2),

    BUSY_RECOVERY(BUSY, 1),
    BUSY_SNAPSHOT(BUSY, 2),
    BUSY_TIMEOUT(BUSY, 3),

    CANTOPEN_NOTEMPDIR(CANTOPEN, 1),
    CANTOPEN_ISDIR(CANTOPEN, 2),
    CANTOPEN_FULLPATH(CANTOPEN, 3),
    CANTOPEN_CONVPATH(CANTOPEN, 4),
    CANTOPEN_SYMLINK(CANTOPEN, 6),

    CORRUPT_VTAB(CORRUPT, 1),
    CORRUPT_SEQUENCE(CORRUPT, 2),
    CORRUPT_INDEX(CORRUPT, 3),

    READONLY_RECOVERY(READONLY, 1),
    READONLY_CANTLOCK(READONLY, 2),
    READONLY_ROLLBACK(READONLY, 3),
    READONLY_DBMOVED(READONLY, 4),
    READONLY_CANTINIT(READONLY, 5),
    READONLY_DIRECTORY(READONLY, 6),

    ABORT_ROLLBACK(ABORT, 2, "abort due to ROLLBACK"),

    CONSTRAINT_CHECK(CONSTRAINT, 1),
    CONSTRAINT_COMMITHOOK(CONSTRAINT, 2),
    CONSTRAINT_FOREIGNKEY(CONSTRAINT, 3),
    CONSTRAINT_FUNCTION(CONSTRAINT, 4),
    CONSTRAINT_NOTNULL(CONSTRAINT, 5),
    CONSTRAINT_PRIMARYKEY(CONSTRAINT, 6),
    CONSTRAINT_TRIGGER(CONSTRAINT, 7),
    CONSTRAINT_UNIQUE(CONSTRAINT, 8),
    CONSTRAINT_VTAB(CONSTRAINT, 9),
    CONSTRAINT_ROWID(CONSTRAINT, 10),
    CONSTRAINT_PINNED(CONSTRAINT, 11),
    CONSTRAINT_DATATYPE(CONSTRAINT, 12),

    NOTICE_RECOVER_WAL(NOTICE, 1),
    NOTICE_RECOVER_ROLLBACK(NOTICE, 2),
    WARNING_AUTOINDEX(WARNING, 1),
    AUTH_USER(AUTH, 1);

    private static final Map<Integer, ResultCode> BY_CODE = new HashMap<>();

    static {
        for (ResultCode rc : values()) {
            BY_CODE.put(rc.code, rc);
        }
    }

    private final int code;
    private final ResultCode primary;
    private final String message;

    ResultCode(int code, String message) {
        this.code = code;
        this.primary = null;
        this.message = message;
    }

    ResultCode(ResultCode primary, int extension) {
        this(primary, extension, primary.message);
    }

    ResultCode(ResultCode primary, int extension, String message) {
        this.code = primary.code | (extension << 8);
        this.primary = primary;
        this.message = message;
    }

    /** The (extended) result code number, as sqlite3_extended_errcode returns it. */
    public int code() {
        return code;
    }

    /** The primary result code this one refines (itself for a primary code). */
    public ResultCode primary() {
        return primary == null ? this : primary;
    }

    /** The primary code number, as sqlite3_errcode returns it without extended codes. */
    public int primaryCode() {
        return code & 0xff;
    }

    /** SQLite's default English message for this code (sqlite3_errstr). */
    public String defaultMessage() {
        return message;
    }

    /** The code with this number; an unknown extended code maps to its primary code. */
    public static ResultCode of(int code) {
        ResultCode rc = BY_CODE.get(code);
        if (rc == null) {
            rc = BY_CODE.get(code & 0xff);
        }
        if (rc == null) {
            throw new IllegalArgumentException("not an SQLite result code: " + code);
        }
        return rc;
    }
}
