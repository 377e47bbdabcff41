/*
 * The engine as turso.api finds it: the EngineProvider this module provides
 * (module-info and META-INF/services), behind Database.open.
 */
package turso.engine;

import turso.api.Database;
import turso.api.OpenOptions;
import turso.api.spi.EngineProvider;

public final class TursoEngine implements EngineProvider {

    /** Extensions are found once, on the first open, and shared by every database. */
    private static final class Loaded {
        static final Extensions EXTENSIONS = Extensions.load();
    }

    @Override
    public String name() {
        return "turso";
    }

    @Override
    public Database open(String path, OpenOptions options) {
        return EngineDatabase.open(path, options, Loaded.EXTENSIONS);
    }
}
