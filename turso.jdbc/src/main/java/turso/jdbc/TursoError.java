/*
 * What every SQLException this driver throws can say beyond JDBC: SQLite's
 * extended result code. getErrorCode() holds the primary code, as
 * sqlite-jdbc reports it; the extended one (e.g. 2067 for
 * SQLITE_CONSTRAINT_UNIQUE) is here.
 */
package turso.jdbc;

import turso.api.ResultCode;

public interface TursoError {

    /** The extended result code, e.g. CONSTRAINT_UNIQUE. */
    ResultCode resultCode();

    /** The extended result code number, as sqlite3_extended_errcode returns it. */
    default int extendedCode() {
        return resultCode().code();
    }
}
