/*
 * How turso.api finds the engine without depending on it: the module that
 * wires the pipeline (turso.engine) provides this service, and
 * Database.open() uses the first one found.
 */
package turso.api.spi;

import turso.api.Database;
import turso.api.OpenOptions;

public interface EngineProvider extends NamedProvider {

    Database open(String path, OpenOptions options);
}
