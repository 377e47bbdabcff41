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

    // Declared here only (no META-INF/services): the tests prove module-path discovery with them.
    provides turso.api.spi.Vfs with turso.tests.fixtures.CountingVfs;
    provides turso.api.spi.FunctionLibrary with turso.tests.fixtures.TestFunctions;
}
