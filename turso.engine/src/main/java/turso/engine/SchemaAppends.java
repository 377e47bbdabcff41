/*
 * Which statements change the main database's schema only by appending rows
 * to its sqlite_schema: a CREATE TABLE (not TEMP, not AS SELECT) or a CREATE
 * INDEX, unqualified. After one of them succeeds, the connection reads only
 * the new rows into the schema it had (Schema.extend) instead of reading
 * every row again, which made creating N tables one by one cost N² row reads;
 * unless the schema cookie then is not the one the statement left (each
 * CREATE adds one to it): another connection changed the schema meanwhile.
 * A change of another database (temp, attached) is told apart by the VM
 * (schemaChanged with its index) and reads the whole schema as before.
 */
package turso.engine;

import turso.parser.ast.Stmt;

final class SchemaAppends {
    private SchemaAppends() {
    }

    static boolean onlyAppends(Stmt stmt) {
        return switch (stmt) {
            case Stmt.CreateTable c -> !c.temp() && c.name().schema() == null && c.asSelect() == null;
            case Stmt.CreateIndex c -> c.name().schema() == null && c.using() == null;
            case null, default -> false;
        };
    }
}
