/*
 * Finding the table a statement names, with SQLite's errors: "no such table"
 * for a name that is nothing, and not-supported for kinds of object (views,
 * other schemas) the engine cannot use yet.
 */
package turso.planner;

import turso.api.ResultCode;
import turso.api.TursoException;
import turso.parser.ast.QualifiedName;

final class Tables {
    private Tables() {
    }

    static Table find(Schema schema, QualifiedName name) {
        String shown = (name.schema() == null ? "" : name.schema().value() + ".") + name.name().value();
        if (name.schema() != null && !name.schema().is("main")) {
            throw new TursoException(ResultCode.ERROR, "no such table: " + shown);
        }
        Table table = schema.table(name.name().value());
        if (table != null) {
            return table;
        }
        String kind = schema.kindOf(name.name().value());
        if ("view".equals(kind)) {
            throw Unsupported.feature("views");
        }
        if ("table".equals(kind)) {
            throw Unsupported.feature("the table " + shown + " (its definition uses features not supported yet)");
        }
        throw new TursoException(ResultCode.ERROR, "no such table: " + shown);
    }
}
