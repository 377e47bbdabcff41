/*
 * The virtual table modules a connection can use (found through
 * ServiceLoader by the engine) and the connection that modules keeping
 * their data in shadow tables run their SQL on. The engine hands it to
 * Schema.load; the planner looks modules up in it by name.
 */
package turso.planner;

import java.util.Optional;
import turso.api.Connection;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.NamedServices;
import turso.api.spi.VirtualTableModule;

public final class VirtualModules {

    private final NamedServices<VirtualTableModule> modules;
    private final Connection connection;

    /** @param connection the connection the schema is read for */
    public VirtualModules(NamedServices<VirtualTableModule> modules, Connection connection) {
        this.modules = modules;
        this.connection = connection;
    }

    Optional<VirtualTableModule> find(String name) {
        return modules.find(name);
    }

    /** The module called {@code name}, or SQLite's "no such module" error. */
    VirtualTableModule lookup(String name) {
        return modules.find(name).orElseThrow(() -> new TursoException(ResultCode.ERROR, "no such module: " + name));
    }

    /** The connection given to modules. */
    Connection connection() {
        return connection;
    }
}
