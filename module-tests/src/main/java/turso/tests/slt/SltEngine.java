/*
 * An engine the runner can test: it opens a fresh, empty database for each
 * file. Implemented for real SQLite through sqlite-jdbc (the reference) and
 * for this project's engine through turso.api.
 */
package turso.tests.slt;

interface SltEngine {

    /** The name given on the command line (--engine). */
    String name();

    /** A new, empty database with one connection to it. */
    SltDatabase open() throws SqlFailure;
}
