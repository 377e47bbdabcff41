/*
 * What the engine gives a virtual table module when it creates or connects a
 * table: the names involved, and a connection for modules that keep their
 * data in ordinary shadow tables (FTS5 does), as SQLite modules do with
 * sqlite3_exec.
 */
package turso.api.spi;

import turso.api.Connection;

public interface VirtualTableContext {

    /** "main", "temp" or an attached database's name. */
    String schemaName();

    String tableName();

    String moduleName();

    /** The connection running the statement; for the module's own SQL on shadow tables. */
    Connection connection();
}
