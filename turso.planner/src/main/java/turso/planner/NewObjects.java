/*
 * The checks CREATE TABLE, VIEW and TRIGGER make of a new object's name,
 * with SQLite's wording: which database it goes to (TEMP: the temp
 * database, which a qualified name may only repeat; else the one its
 * schema name gives, else main), no object of that name in that database
 * (IF NOT EXISTS then makes the statement do nothing), no "sqlite_" prefix.
 */
package turso.planner;

import turso.api.ResultCode;
import turso.api.TursoException;
import turso.parser.ast.QualifiedName;

final class NewObjects {
    private NewObjects() {
    }

    /**
     * The database (0 main, 1 temp, 2.. attached) where a new object named
     * {@code qualified} goes; {@code kind} words the error of a TEMP object
     * with another schema name ("table" for tables and views, "trigger").
     */
    static int target(QualifiedName qualified, boolean temp, String kind, Schema schema) {
        if (qualified.schema() == null) {
            return temp ? 1 : 0;
        }
        int db = schema.databaseIndex(qualified.schema().value());
        if (temp && db != 1) {
            throw new TursoException(ResultCode.ERROR, kind.equals("trigger")
                    ? "temporary trigger may not have qualified name"
                    : "temporary " + kind + " name must be unqualified");
        }
        if (db < 0) {
            throw new TursoException(ResultCode.ERROR, "unknown database " + qualified.schema().value(),
                    qualified.schema().span().start(), null);
        }
        return db;
    }

    /** Whether the object may be created in database {@code db}; false when it exists and IF NOT EXISTS says to do nothing. */
    static boolean mayCreate(QualifiedName qualified, boolean ifNotExists, Schema schema, int db) {
        String name = qualified.name().value();
        String existing = schema.database(db).kindOf(name);
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
