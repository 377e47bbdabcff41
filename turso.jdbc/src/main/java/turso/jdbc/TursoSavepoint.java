/*
 * A JDBC Savepoint: SQLite's SAVEPOINT with the user's name, or a generated
 * name ("SP1", "SP2"... per connection) for unnamed ones.
 */
package turso.jdbc;

import java.sql.SQLException;
import java.sql.Savepoint;
import turso.api.ResultCode;

record TursoSavepoint(int id, String name) implements Savepoint {

    static TursoSavepoint of(Savepoint savepoint) throws SQLException {
        if (savepoint instanceof TursoSavepoint t) {
            return t;
        }
        throw SqlErrors.driver(ResultCode.MISUSE, "not a savepoint of this driver: " + savepoint);
    }

    /** The name in SQL, quoted as an identifier. */
    String sqlName() {
        String n = name != null ? name : "SP" + id;
        return "\"" + n.replace("\"", "\"\"") + "\"";
    }

    @Override
    public int getSavepointId() throws SQLException {
        if (name != null) {
            throw SqlErrors.driver(ResultCode.MISUSE, "a named savepoint has no id");
        }
        return id;
    }

    @Override
    public String getSavepointName() throws SQLException {
        if (name == null) {
            throw SqlErrors.driver(ResultCode.MISUSE, "an unnamed savepoint has no name");
        }
        return name;
    }
}
