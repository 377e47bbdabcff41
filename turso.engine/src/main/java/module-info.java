/**
 * The engine: connections, transactions and the statement cache, wiring
 * parser, planner, VM and storage together. It is what turso.api finds
 * through ServiceLoader when Database.open is called.
 */
module turso.engine {
    requires turso.api;
    requires turso.parser;
    requires turso.btree;
    requires turso.vm;
    requires turso.planner;

    // Cross-module tests check what the engine found through the SPIs.
    exports turso.engine to turso.tests;

    provides turso.api.spi.EngineProvider with turso.engine.TursoEngine;
}
