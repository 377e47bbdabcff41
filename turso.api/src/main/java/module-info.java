/**
 * The public API of Turso for Java and every SPI through which storage
 * backends, SQL functions, virtual tables, index methods and the engine itself
 * are plugged in. Depends on no other module of the project: the engine is
 * found at run time through {@link turso.api.spi.EngineProvider}.
 */
module turso.api {
    exports turso.api;
    exports turso.api.spi;

    uses turso.api.spi.EngineProvider;
    uses turso.api.spi.Vfs;
    uses turso.api.spi.FunctionLibrary;
    uses turso.api.spi.VirtualTableModule;
    uses turso.api.spi.IndexMethod;
}
