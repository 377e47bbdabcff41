/**
 * The sqllogictest runner: reads SQLite's sqllogictest files, runs them
 * against an engine (this one, or real SQLite through sqlite-jdbc as the
 * reference) and reports records passed, failed and skipped.
 */
package turso.tests.slt;
