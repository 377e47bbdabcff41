/**
 * Cross-module tests' own module: conformance runners and test providers of
 * the SPIs. The test classes are patched into it by Surefire, so they run on
 * the module path like an application would.
 */
module turso.tests {
    requires turso.api;
    // The reference engine of the conformance runners: real SQLite through JDBC.
    requires java.sql;
    requires org.xerial.sqlitejdbc;

}
