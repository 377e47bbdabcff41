/*
 * This engine on the CI subset of the sqllogictest sample, as a gate: every
 * record run must pass (100%), and as many must run as when the figure was
 * last measured (docs/TESTING.md), so that records do not silently become
 * skipped.
 */
package turso.tests.slt;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TursoConformanceTest {

    /** Records of the CI subset run (and all passed) by this engine, as last measured (9,640 more are skipped). */
    private static final int PASSED_FLOOR = 43_635;

    @Test
    void ciSubsetDoesNotRegress() throws IOException {
        Path sample = SampleFolder.get();
        List<Path> files = CiSubset.files(sample);
        SltEngine engine = new TursoEngine();
        SltSuite.Result run = SltSuite.run(engine, files, 1, 5);
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        SltReport.print(new PrintStream(text, true, StandardCharsets.UTF_8), engine.name(), sample, run);
        String report = text.toString(StandardCharsets.UTF_8);
        System.out.print(report);
        assertTrue(run.failed() == 0, run.failed() + " records failed\n" + report);
        assertTrue(run.passed() >= PASSED_FLOOR, "passed " + run.passed() + " < floor " + PASSED_FLOOR + "\n" + report);
    }
}
