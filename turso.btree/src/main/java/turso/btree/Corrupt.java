/*
 * Factory for the CORRUPT errors the storage layer raises on bad input: one
 * place for SQLite's wording so every check reports it the same way.
 */
package turso.btree;

import turso.api.ResultCode;
import turso.api.TursoException;

final class Corrupt {

    private Corrupt() {
    }

    static TursoException at(String detail) {
        return new TursoException(ResultCode.CORRUPT, "database disk image is malformed (" + detail + ")");
    }

    static TursoException page(long pgno, String detail) {
        return at("page " + pgno + ": " + detail);
    }
}
