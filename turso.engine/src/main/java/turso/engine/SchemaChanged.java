/*
 * Thrown at a statement's start when the database's schema cookie is not
 * the one its program was compiled at: another connection or process
 * changed the schema. The statement catches it, recompiles against the
 * schema read anew, and runs again, so the user never sees it unless that
 * keeps happening (SQLITE_SCHEMA, as sqlite3_prepare_v2 statements do).
 */
package turso.engine;

import turso.api.ResultCode;
import turso.api.TursoException;

final class SchemaChanged extends TursoException {
    private static final long serialVersionUID = 1L;

    SchemaChanged() {
        super(ResultCode.SCHEMA);
    }
}
