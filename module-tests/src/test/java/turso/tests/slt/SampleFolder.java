/*
 * Where the tests find the sqllogictest sample: ../../shared/sqllogictest
 * from the module's folder, or -Dturso.slt.sample=<folder>. Tests that need
 * it are skipped (an assumption, not a failure) when it is absent.
 */
package turso.tests.slt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

final class SampleFolder {

    private SampleFolder() {
    }

    static Path get() {
        Path folder = Path.of(System.getProperty("turso.slt.sample", "../../shared/sqllogictest"));
        Assumptions.assumeTrue(Files.isDirectory(folder), "sqllogictest sample not found at " + folder.toAbsolutePath());
        return folder;
    }

    /** Statement and query records in the files, counted from their header lines without the parser. */
    static long countRecords(List<Path> files) throws IOException {
        long n = 0;
        for (Path f : files) {
            try (var lines = Files.lines(f)) {
                n += lines.filter(l -> l.startsWith("statement ") || l.startsWith("query ")).count();
            }
        }
        return n;
    }
}
