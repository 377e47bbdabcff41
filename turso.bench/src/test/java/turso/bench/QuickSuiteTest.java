/*
 * The suite's quick mode as the build runs it: tiny data, the answer check
 * (every workload on every engine, the same answers), then one short JMH
 * iteration of every workload on every engine in this JVM, any error failing
 * it. No assertion on speed.
 */
package turso.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class QuickSuiteTest {

    @Test
    void everyWorkloadRunsAndEveryEngineAgrees() throws Exception {
        Path fixtures = Path.of("target", "quick-fixtures").toAbsolutePath();
        if (Files.exists(fixtures)) {
            Fixture.delete(fixtures);
        }
        int status = Suite.run(new String[] {"--quick", "--forks", "0", "--fixtures", fixtures.toString()});
        assertEquals(0, status, "the quick suite failed: see its output above");
    }
}
