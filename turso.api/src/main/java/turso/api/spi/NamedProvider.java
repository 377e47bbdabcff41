/*
 * What every service of the engine's SPIs has in common: a stable name by
 * which SQL text, options and users select it ("nio", "io_uring", "fts5",
 * "vector"...). Names are compared without regard to ASCII case, as SQL
 * names are.
 */
package turso.api.spi;

public interface NamedProvider {
    /** The stable name this provider is selected by. */
    String name();
}
