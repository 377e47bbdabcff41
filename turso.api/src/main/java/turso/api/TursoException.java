/*
 * The one exception the engine throws to its users: SQLite's message and
 * result code. Unchecked, as every statement can fail for reasons the caller
 * did not cause (busy, I/O, corruption); JDBC maps it to SQLException.
 */
package turso.api;

public class TursoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ResultCode resultCode;
    private final int offset;

    public TursoException(ResultCode resultCode, String message) {
        this(resultCode, message, -1, null);
    }

    public TursoException(ResultCode resultCode) {
        this(resultCode, resultCode.defaultMessage(), -1, null);
    }

    public TursoException(ResultCode resultCode, String message, Throwable cause) {
        this(resultCode, message, -1, cause);
    }

    /**
     * @param offset index in the SQL string of the token the error refers
     *               to, or -1 (SQLite's sqlite3_error_offset, counted in chars)
     */
    public TursoException(ResultCode resultCode, String message, int offset, Throwable cause) {
        super(message == null ? resultCode.defaultMessage() : message, cause);
        this.resultCode = resultCode;
        this.offset = offset;
    }

    /**
     * An exception that records no stack trace, for a condition the engine
     * meets and handles itself (a writer whose snapshot another commit
     * overtook starts over; a lock held elsewhere for a moment is asked for
     * again): those come by the hundred per second under concurrent writers,
     * and recording the stack cost more than the retry. The engine rethrows
     * one that reaches a caller with a stack trace.
     *
     * @param stackTrace false to skip recording the stack trace
     */
    public TursoException(ResultCode resultCode, boolean stackTrace) {
        super(resultCode.defaultMessage(), null, false, stackTrace);
        this.resultCode = resultCode;
        this.offset = -1;
    }

    /** The extended result code. */
    public ResultCode resultCode() {
        return resultCode;
    }

    /** The primary result code, e.g. CONSTRAINT for CONSTRAINT_UNIQUE. */
    public ResultCode primaryResultCode() {
        return resultCode.primary();
    }

    /** Index in the SQL string of the token the error refers to, or -1. */
    public int offset() {
        return offset;
    }
}
