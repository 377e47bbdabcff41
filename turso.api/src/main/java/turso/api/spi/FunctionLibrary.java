/*
 * A named set of SQL functions and collations, the unit a module provides:
 * the VM's built-ins ("core", "datetime", "json", "math"), the vector
 * extension ("vector"), a user's own. The engine merges every library into
 * one FunctionRegistry when a database opens.
 */
package turso.api.spi;

import java.util.List;

public interface FunctionLibrary extends NamedProvider {

    List<SqlFunction> functions();

    default List<Collation> collations() {
        return List.of();
    }
}
