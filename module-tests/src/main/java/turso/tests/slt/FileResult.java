/*
 * The outcome of one file: records passed, failed and skipped (skipped =
 * not run because of skipif/onlyif, or after a halt), the first failures
 * (bounded) and the time it took.
 */
package turso.tests.slt;

import java.nio.file.Path;
import java.util.List;

/**
 * @param failures        the first failures, at most the runner's bound
 * @param failuresOmitted failures counted but not kept
 */
record FileResult(Path file, int passed, int failed, int skipped, List<Failure> failures, int failuresOmitted,
                  long nanos) {

    FileResult {
        failures = List.copyOf(failures);
    }
}
