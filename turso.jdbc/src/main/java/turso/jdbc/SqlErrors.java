/*
 * Turns the engine's TursoException into the SQLException a JDBC user
 * expects: the class from the result code's category, an SQLSTATE, the
 * primary code as getErrorCode() (as sqlite-jdbc), and a message of the form
 * "[SQLITE_CONSTRAINT_UNIQUE] UNIQUE constraint failed: t.a": the extended
 * code's name, then SQLite's own message unchanged.
 */
package turso.jdbc;

import java.sql.SQLException;
import turso.api.ResultCode;
import turso.api.TursoException;

final class SqlErrors {

    private SqlErrors() {
    }

    /** The SQLException for an engine error; {@code timedOut} turns an interrupt into a timeout. */
    static SQLException of(TursoException e, boolean timedOut) {
        ResultCode code = e.resultCode();
        String message = "[SQLITE_" + code.name() + "] " + e.getMessage();
        return switch (code.primary()) {
            case CONSTRAINT -> new TursoSQLException.Constraint(message, "23000", code, e);
            case ERROR -> isSyntax(e.getMessage())
                    ? new TursoSQLException.Syntax(message, "42000", code, e)
                    : new TursoSQLException(message, "HY000", code, e);
            case INTERRUPT -> timedOut
                    ? new TursoSQLException.Timeout(message, "HYT00", code, e)
                    : new TursoSQLException(message, "57014", code, e);
            case BUSY, LOCKED -> new TursoSQLException.Transient(message, "40001", code, e);
            case READONLY -> new TursoSQLException.NonTransient(message, "25006", code, e);
            case CANTOPEN, NOTADB -> new TursoSQLException.CannotOpen(message, "08001", code, e);
            case MISMATCH, TOOBIG -> new TursoSQLException.Data(message, "22000", code, e);
            case RANGE -> new TursoSQLException.Data(message, "07009", code, e);
            case ABORT -> new TursoSQLException.Rollback(message, "40000", code, e);
            case AUTH, PERM -> new TursoSQLException.Authorization(message, "28000", code, e);
            case IOERR, CORRUPT, FULL, NOMEM, MISUSE, PROTOCOL, NOLFS, SCHEMA, INTERNAL ->
                    new TursoSQLException.NonTransient(message, "HY000", code, e);
            default -> new TursoSQLException(message, "HY000", code, e);
        };
    }

    /** An error of the driver itself, worded and coded as SQLite would (e.g. MISUSE). */
    static SQLException driver(ResultCode code, String message) {
        return of(new TursoException(code, message), false);
    }

    private static boolean isSyntax(String message) {
        return message != null && (message.contains("syntax error") || message.startsWith("no such ")
                || message.startsWith("near ") || message.contains("incomplete input")
                || message.startsWith("unrecognized token"));
    }
}
