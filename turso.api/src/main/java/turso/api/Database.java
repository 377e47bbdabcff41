/*
 * A database file (or an in-memory database) opened by the engine: the entry
 * point of the API. One Database is shared by the connections to it (schema,
 * page cache, WAL state). The engine is not a compile-time dependency of this
 * module: open() finds it through ServiceLoader (turso.api.spi.EngineProvider),
 * so any module on the module path that provides it will do.
 */
package turso.api;

import turso.api.spi.EngineProvider;
import turso.api.spi.NamedServices;

public interface Database extends AutoCloseable {

    /** The name SQLite uses for a private in-memory database. */
    String MEMORY = ":memory:";

    /** Opens {@code path} (or {@code :memory:}) with default options. */
    static Database open(String path) {
        return open(path, OpenOptions.defaults());
    }

    static Database open(String path, OpenOptions options) {
        EngineProvider engine = NamedServices.load(EngineProvider.class, "engine").first()
                .orElseThrow(() -> new TursoException(ResultCode.ERROR,
                        "no Turso engine found: put the turso.engine module on the module path"));
        return engine.open(path, options);
    }

    /** The path this database was opened with. */
    String path();

    /** A new connection; each is used by one thread at a time. */
    Connection connect();

    /** Closes the database; connections still open are closed too. */
    @Override
    void close();
}
