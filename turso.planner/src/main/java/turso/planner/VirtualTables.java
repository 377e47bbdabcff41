/*
 * The virtual tables of one schema (the CREATE VIRTUAL TABLE rows of
 * sqlite_schema) and the eponymous ones its modules offer as table-valued
 * functions. A table is connected (xConnect) when a statement first names
 * it, so that a database holding a table of a module not installed here
 * still opens, and fails only where that table is used ("no such module").
 */
package turso.planner;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import turso.api.Connection;
import turso.api.spi.VirtualTableContext;
import turso.api.spi.VirtualTableModule;
import turso.parser.ast.Stmt;

final class VirtualTables {
    private final VirtualModules modules;
    private final Map<String, Stmt.CreateVirtualTable> defined = new ConcurrentHashMap<>();
    private final Map<String, VirtualSource> connected = new ConcurrentHashMap<>();
    private final Map<String, VirtualSource> eponymous = new ConcurrentHashMap<>();

    VirtualTables(VirtualModules modules) {
        this.modules = modules;
    }

    VirtualModules modules() {
        return modules;
    }

    void define(String name, Stmt.CreateVirtualTable create) {
        defined.put(key(name), create);
    }

    /** Whether any virtual table is defined (a schema with some is read whole again after a change). */
    boolean hasDefinitions() {
        return !defined.isEmpty();
    }

    boolean isDefined(String name) {
        return defined.containsKey(key(name));
    }

    /** The virtual table {@code name} of the schema, connected on first use. */
    VirtualSource connect(String name) {
        return connected.computeIfAbsent(key(name), k -> {
            Stmt.CreateVirtualTable create = defined.get(k);
            String table = create.name().name().value();
            VirtualTableModule module = modules.lookup(create.module().value());
            return VirtualSource.of(table, module.connect(context(table, module.name()), create.args()));
        });
    }

    /** The table-valued function {@code name} (an eponymous module), or null if there is none. */
    VirtualSource eponymous(String name) {
        VirtualTableModule module = modules.find(name).filter(VirtualTableModule::isEponymous).orElse(null);
        if (module == null) {
            return null;
        }
        return eponymous.computeIfAbsent(key(name),
                k -> VirtualSource.of(module.name(), module.connect(context(module.name(), module.name()), List.of())));
    }

    /** What a module is told when one of its tables is created or connected. */
    VirtualTableContext context(String table, String module) {
        return new Context(table, module, modules);
    }

    private record Context(String tableName, String moduleName, VirtualModules modules) implements VirtualTableContext {
        @Override
        public String schemaName() {
            return "main";
        }

        @Override
        public Connection connection() {
            return modules.connection();
        }
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
