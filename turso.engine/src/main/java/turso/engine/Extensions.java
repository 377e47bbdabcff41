/*
 * What the engine plugs in through the SPIs: storage backends, function
 * libraries (the built-ins included), virtual table modules and index
 * methods, each looked up by name. Loaded once per engine, on first use, so
 * that a program that never opens a database pays nothing for it.
 */
package turso.engine;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import turso.api.Database;
import turso.api.OpenOptions;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.FunctionLibrary;
import turso.api.spi.IndexMethod;
import turso.api.spi.NamedServices;
import turso.api.spi.Vfs;
import turso.api.spi.VirtualTableModule;
import turso.vm.FunctionRegistry;

public final class Extensions {

    /** The VFS used for files when none is named: SQLite's unix VFS counterpart. */
    static final String DEFAULT_VFS = "nio";

    /**
     * The system property naming the VFS to prefer when the options name
     * none (-Dturso.vfs=io_uring); if that VFS cannot work here the engine
     * says so in one log line and falls back as if it were not set.
     */
    public static final String VFS_PROPERTY = "turso.vfs";

    private static final Set<String> FALLBACKS_LOGGED = ConcurrentHashMap.newKeySet();

    private final NamedServices<Vfs> vfs;
    private final NamedServices<FunctionLibrary> libraries;
    private final NamedServices<VirtualTableModule> modules;
    private final NamedServices<IndexMethod> indexMethods;
    private final FunctionRegistry functions;

    Extensions(NamedServices<Vfs> vfs, NamedServices<FunctionLibrary> libraries,
            NamedServices<VirtualTableModule> modules, NamedServices<IndexMethod> indexMethods) {
        this.vfs = vfs;
        this.libraries = libraries;
        this.modules = modules;
        this.indexMethods = indexMethods;
        this.functions = new FunctionRegistry(libraries.all());
    }

    /** Everything found on the module path and class path of this engine's module. */
    public static Extensions load() {
        return new Extensions(
                NamedServices.load(Vfs.class, "VFS"),
                NamedServices.load(FunctionLibrary.class, "function library"),
                NamedServices.load(VirtualTableModule.class, "virtual table module"),
                NamedServices.load(IndexMethod.class, "index method"));
    }

    public NamedServices<Vfs> vfs() {
        return vfs;
    }

    public NamedServices<FunctionLibrary> functionLibraries() {
        return libraries;
    }

    public NamedServices<VirtualTableModule> virtualTableModules() {
        return modules;
    }

    public NamedServices<IndexMethod> indexMethods() {
        return indexMethods;
    }

    /** Every function and collation of every library, merged. */
    public FunctionRegistry functions() {
        return functions;
    }

    /**
     * The VFS a database file is opened on: the one the options name (which
     * must be available here), else the one -Dturso.vfs names if it is
     * available, else "nio", else the first available one. A
     * {@code :memory:} database needs none unless one is named.
     */
    public Vfs vfsFor(OpenOptions options) {
        if (options.vfs() != null) {
            Vfs named = vfs.lookup(options.vfs());
            if (!named.isAvailable()) {
                throw new TursoException(ResultCode.ERROR,
                        "VFS " + named.name() + " is not available: " + named.unavailableReason());
            }
            return named;
        }
        String preferred = System.getProperty(VFS_PROPERTY, "");
        if (!preferred.isBlank()) {
            java.util.Optional<Vfs> chosen = vfs.find(preferred);
            if (chosen.isPresent() && chosen.get().isAvailable()) {
                return chosen.get();
            }
            if (FALLBACKS_LOGGED.add(preferred)) {
                System.getLogger("turso.engine").log(System.Logger.Level.WARNING, "VFS " + preferred
                        + " (-D" + VFS_PROPERTY + ") is not available, using " + DEFAULT_VFS + ": "
                        + chosen.map(Vfs::unavailableReason).orElse("no VFS of that name is installed"));
            }
        }
        return vfs.find(DEFAULT_VFS).filter(Vfs::isAvailable)
                .or(() -> firstAvailable(vfs.all()))
                .orElseThrow(() -> new TursoException(ResultCode.CANTOPEN,
                        "no VFS available: put turso.vfs.nio on the module path"));
    }

    static boolean isMemory(String path) {
        return path == null || path.isEmpty() || path.equals(Database.MEMORY);
    }

    private static java.util.Optional<Vfs> firstAvailable(List<Vfs> all) {
        return all.stream().filter(Vfs::isAvailable).findFirst();
    }
}
