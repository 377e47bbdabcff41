/*
 * The runner against real SQLite (sqlite-jdbc) on the sqllogictest sample:
 * every record must pass, and every statement/query record of the files
 * must be accounted for as passed or skipped. The CI subset runs by
 * default; the whole sample (about half a million records, ~30 s here)
 * with -Dturso.long=true. -Dturso.slt.engine=turso runs the same gate on
 * this project's engine instead.
 */
package turso.tests.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class SltSampleTest {

    @Test
    void ciSubsetPasses() throws IOException {
        Path sample = SampleFolder.get();
        List<Path> files = CiSubset.files(sample);
        SltSuite.Result run = check(sample, files);
        assertTrue(run.passed() > 40_000, "the CI subset should hold tens of thousands of records");
        assertTrue(run.nanos() < 60_000_000_000L, "the CI subset should run well under a minute");
    }

    @Test
    void wholeSamplePasses() throws IOException {
        Assumptions.assumeTrue(Boolean.getBoolean("turso.long"), "the whole sample runs with -Dturso.long=true");
        Path sample = SampleFolder.get();
        check(sample, SltSuite.find(List.of(sample)));
    }

    private static SltSuite.Result check(Path sample, List<Path> files) throws IOException {
        SltEngine engine = switch (System.getProperty("turso.slt.engine", SqliteJdbcEngine.NAME)) {
            case SqliteJdbcEngine.NAME -> new SqliteJdbcEngine();
            case TursoEngine.NAME -> new TursoEngine();
            default -> throw new IllegalArgumentException("-Dturso.slt.engine must be sqlite or turso");
        };
        SltSuite.Result run = SltSuite.run(engine, files, 1, 10);
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        SltReport.print(new PrintStream(text, true, StandardCharsets.UTF_8), engine.name(), sample, run);
        String report = text.toString(StandardCharsets.UTF_8);
        System.out.print(report);
        assertEquals(0, run.failed(), report);
        assertEquals(SampleFolder.countRecords(files), run.passed() + run.skipped());
        return run;
    }
}
