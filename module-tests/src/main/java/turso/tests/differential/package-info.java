/**
 * The differential harness: cases written in corpus files (see docs/TESTING.md,
 * "Differential corpus") and randomly generated queries, each run on real
 * SQLite (sqlite-jdbc) and on this engine, with any difference in rows, storage
 * classes, error/no error or error message reported.
 */
package turso.tests.differential;
