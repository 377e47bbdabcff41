/*
 * The checks CREATE TABLE and CREATE VIEW make of a new object's name, with
 * SQLite's wording: only the main schema, no object of that name (IF NOT
 * EXISTS then makes the statement do nothing), no "sqlite_" prefix.
 */
package turso.planner;

import turso.api.ResultCode;
import turso.api.TursoException;
import turso.parser.ast.QualifiedName;

final class NewObjects {
    private NewObjects() {
    }

    /** Whether the object may be created; false when it exists and IF NOT EXISTS says to do nothing. */
    static boolean mayCreate(QualifiedName qualified, boolean ifNotExists, Schema schema) {
        String name = qualified.name().value();
        if (qualified.schema() != null && !qualified.schema().is("main")) {
            throw new TursoException(ResultCode.ERROR, "unknown database " + qualified.schema().value());
        }
        String existing = schema.kindOf(name);
        if (existing != null && !existing.equals("trigger")) {
            if (ifNotExists) {
                return false;
            }
            throw new TursoException(ResultCode.ERROR, existing.equals("index")
                    ? "there is already an index named " + name
                    : existing + " " + name + " already exists", qualified.span().start(), null);
        }
        if (name.regionMatches(true, 0, "sqlite_", 0, 7)) {
            throw new TursoException(ResultCode.ERROR, "object name reserved for internal use: " + name);
        }
        return true;
    }
}
