/**
 * Cross-module tests' own module: conformance runners and test providers of
 * the SPIs. The test classes are patched into it by Surefire, so they run on
 * the module path like an application would.
 */
module turso.tests {
    requires turso.api;
    requires turso.engine;
    // The reference engine of the conformance runners: real SQLite through JDBC.
    requires java.sql;
    requires org.xerial.sqlitejdbc;
    // Used by the tests only, as applications use them (the JDBC driver, jOOQ's DSL and code
    // generator, a pool, and javax.tools to compile the generated classes): static, so only the
    // tests' module path has them.
    requires static turso.jdbc;
    requires static org.jooq;
    requires static org.jooq.codegen;
    requires static com.zaxxer.hikari;
    requires static java.compiler;

    // Declared here only (no META-INF/services): the tests prove module-path discovery with them.
    provides turso.api.spi.Vfs with turso.tests.fixtures.CountingVfs;
    provides turso.api.spi.FunctionLibrary with turso.tests.fixtures.TestFunctions;
    provides turso.api.spi.VirtualTableModule with turso.tests.fixtures.KeyValueModule;
}
