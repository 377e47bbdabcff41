/*
 * The SQLException classes the driver throws, one per JDBC category, each
 * carrying SQLite's result code (TursoError). SqlErrors picks the class and
 * the SQLSTATE from the result code.
 */
package turso.jdbc;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLNonTransientException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientException;
import turso.api.ResultCode;

/** An error with no more specific JDBC category (SQLSTATE HY000 and others). */
public class TursoSQLException extends SQLException implements TursoError {
    private static final long serialVersionUID = 1L;
    private final transient ResultCode code;

    public TursoSQLException(String message, String sqlState, ResultCode code, Throwable cause) {
        super(message, sqlState, code.primaryCode(), cause);
        this.code = code;
    }

    @Override
    public ResultCode resultCode() {
        return code;
    }

    /** A constraint failed (SQLITE_CONSTRAINT_*), SQLSTATE 23000. */
    public static final class Constraint extends SQLIntegrityConstraintViolationException implements TursoError {
        private static final long serialVersionUID = 1L;
        private final transient ResultCode code;

        Constraint(String message, String sqlState, ResultCode code, Throwable cause) {
            super(message, sqlState, code.primaryCode(), cause);
            this.code = code;
        }

        @Override
        public ResultCode resultCode() {
            return code;
        }
    }

    /** Syntax errors and unknown names (SQLSTATE 42000). */
    public static final class Syntax extends SQLSyntaxErrorException implements TursoError {
        private static final long serialVersionUID = 1L;
        private final transient ResultCode code;

        Syntax(String message, String sqlState, ResultCode code, Throwable cause) {
            super(message, sqlState, code.primaryCode(), cause);
            this.code = code;
        }

        @Override
        public ResultCode resultCode() {
            return code;
        }
    }

    /** A statement stopped by its query timeout (SQLITE_INTERRUPT, SQLSTATE HYT00). */
    public static final class Timeout extends SQLTimeoutException implements TursoError {
        private static final long serialVersionUID = 1L;
        private final transient ResultCode code;

        Timeout(String message, String sqlState, ResultCode code, Throwable cause) {
            super(message, sqlState, code.primaryCode(), cause);
            this.code = code;
        }

        @Override
        public ResultCode resultCode() {
            return code;
        }
    }

    /** Busy or locked: retrying later may succeed. */
    public static final class Transient extends SQLTransientException implements TursoError {
        private static final long serialVersionUID = 1L;
        private final transient ResultCode code;

        Transient(String message, String sqlState, ResultCode code, Throwable cause) {
            super(message, sqlState, code.primaryCode(), cause);
            this.code = code;
        }

        @Override
        public ResultCode resultCode() {
            return code;
        }
    }

    /** Errors retrying cannot fix: read-only database, I/O, corruption, misuse. */
    public static final class NonTransient extends SQLNonTransientException implements TursoError {
        private static final long serialVersionUID = 1L;
        private final transient ResultCode code;

        NonTransient(String message, String sqlState, ResultCode code, Throwable cause) {
            super(message, sqlState, code.primaryCode(), cause);
            this.code = code;
        }

        @Override
        public ResultCode resultCode() {
            return code;
        }
    }

    /** The database cannot be opened. */
    public static final class CannotOpen extends SQLNonTransientConnectionException implements TursoError {
        private static final long serialVersionUID = 1L;
        private final transient ResultCode code;

        CannotOpen(String message, String sqlState, ResultCode code, Throwable cause) {
            super(message, sqlState, code.primaryCode(), cause);
            this.code = code;
        }

        @Override
        public ResultCode resultCode() {
            return code;
        }
    }

    /** A value of the wrong type or size (SQLITE_MISMATCH, SQLITE_TOOBIG, SQLITE_RANGE). */
    public static final class Data extends SQLDataException implements TursoError {
        private static final long serialVersionUID = 1L;
        private final transient ResultCode code;

        Data(String message, String sqlState, ResultCode code, Throwable cause) {
            super(message, sqlState, code.primaryCode(), cause);
            this.code = code;
        }

        @Override
        public ResultCode resultCode() {
            return code;
        }
    }

    /** The transaction was rolled back under the statement (SQLITE_ABORT_ROLLBACK). */
    public static final class Rollback extends SQLTransactionRollbackException implements TursoError {
        private static final long serialVersionUID = 1L;
        private final transient ResultCode code;

        Rollback(String message, String sqlState, ResultCode code, Throwable cause) {
            super(message, sqlState, code.primaryCode(), cause);
            this.code = code;
        }

        @Override
        public ResultCode resultCode() {
            return code;
        }
    }

    /** Authorization refused (SQLITE_AUTH, SQLITE_PERM). */
    public static final class Authorization extends SQLInvalidAuthorizationSpecException implements TursoError {
        private static final long serialVersionUID = 1L;
        private final transient ResultCode code;

        Authorization(String message, String sqlState, ResultCode code, Throwable cause) {
            super(message, sqlState, code.primaryCode(), cause);
            this.code = code;
        }

        @Override
        public ResultCode resultCode() {
            return code;
        }
    }
}
