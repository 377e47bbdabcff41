/*
 * Finding the table a statement writes, with SQLite's errors: "no such
 * table" for a name that is nothing, "cannot modify" for a view, and
 * not-supported for a table whose definition the engine cannot use yet.
 * A name qualified by a database's name is looked up there only, an
 * unqualified one in temp, main, then the attached databases. In a trigger
 * program a name is qualified by its schema, as SQLite shows it.
 */
package turso.planner;

import turso.api.ResultCode;
import turso.api.TursoException;
import turso.parser.ast.QualifiedName;

final class Tables {
    private Tables() {
    }

    /** The database name {@code name} is qualified by, or null. */
    static String database(QualifiedName name) {
        return name.schema() == null ? null : name.schema().value();
    }

    static Table find(Schema schema, QualifiedName name) {
        String shown = (name.schema() != null ? name.schema().value() + "."
                : schema.firing() != null ? "main." : "") + name.name().value();
        String database = name.schema() == null ? null : name.schema().value();
        Table table = schema.table(database, name.name().value());
        if (table != null) {
            return table;
        }
        int db = database == null ? schema.databaseOf(name.name().value()) : schema.databaseIndex(database);
        String kind = db < 0 ? null : schema.database(db).kindOf(name.name().value());
        if ("view".equals(kind)) {
            throw new TursoException(ResultCode.ERROR, "cannot modify " + name.name().value() + " because it is a view");
        }
        if ("table".equals(kind)) {
            throw Unsupported.feature("the table " + shown + " (its definition uses features not supported yet)");
        }
        throw new TursoException(ResultCode.ERROR, "no such table: " + shown);
    }
}
