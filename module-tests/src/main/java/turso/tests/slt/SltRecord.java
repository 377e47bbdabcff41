/*
 * One record of a sqllogictest file, as the parser reads it: each carries
 * the line of its header (for file:line reports) and the skipif/onlyif
 * conditions written in front of it.
 */
package turso.tests.slt;

import java.util.List;

sealed interface SltRecord {

    /** 1-based line of the record's header ("statement", "query", ...). */
    int line();

    List<Condition> conditions();

    /** Whether the conditions let this record run against SQLite's results. */
    default boolean runs() {
        return conditions().stream().allMatch(Condition::allowsRun);
    }

    /** "statement ok" / "statement error": one SQL text that must succeed or fail. */
    record Statement(int line, List<Condition> conditions, boolean expectOk, String sql) implements SltRecord {
    }

    /**
     * "query types [sortmode] [label]": the SQL, and the expected lines after
     * "----" (one printed value per line, or one "N values hashing to md5" line).
     */
    record Query(int line, List<Condition> conditions, String types, SortMode sortMode, String label,
                 String sql, List<String> expected) implements SltRecord {
    }

    /** "hash-threshold N": hash results of more than N values from here on; 0 never hashes. */
    record HashThreshold(int line, List<Condition> conditions, int threshold) implements SltRecord {
    }

    /** "halt": stop the file here. */
    record Halt(int line, List<Condition> conditions) implements SltRecord {
    }

    /** A record the parser could not read; running it reports the problem as a failure. */
    record Malformed(int line, List<Condition> conditions, String problem, String text) implements SltRecord {
    }
}
