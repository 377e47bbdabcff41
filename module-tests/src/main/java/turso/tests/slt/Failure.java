/*
 * One failed record, with what a reader needs to reproduce it: where it is,
 * its SQL, what the file expected and what the engine gave.
 */
package turso.tests.slt;

import java.util.List;

/**
 * @param file     the file as given to the runner
 * @param line     1-based line of the record's header
 * @param reason   why it failed, in a few words
 * @param expected the expected lines (empty when there is nothing to show)
 * @param got      what the engine produced, printed as the expected lines are
 */
record Failure(String file, int line, String sql, String reason, List<String> expected, List<String> got) {

    Failure {
        expected = List.copyOf(expected);
        got = List.copyOf(got);
    }

    String location() {
        return file + ":" + line;
    }
}
