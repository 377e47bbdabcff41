/*
 * The command line: options, their errors, and the folder the summary is
 * relative to.
 */
package turso.tests.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SltMainTest {

    @Test
    void options() {
        SltMain.Options o = SltMain.parse(new String[] {"--engine", "turso", "--jobs", "2", "--max-failures", "3",
                "a.test", "b"});
        assertInstanceOf(TursoEngine.class, o.engine());
        assertEquals(2, o.jobs());
        assertEquals(3, o.maxFailures());
        assertEquals(List.of(Path.of("a.test"), Path.of("b")), o.paths());
        SltMain.Options d = SltMain.parse(new String[] {"--ci", "sample"});
        assertInstanceOf(SqliteJdbcEngine.class, d.engine());
        assertTrue(d.ci());
        assertEquals(1, d.jobs());
    }

    @Test
    void badOptions() {
        assertThrows(IllegalArgumentException.class, () -> SltMain.parse(new String[] {}));
        assertThrows(IllegalArgumentException.class, () -> SltMain.parse(new String[] {"--engine", "mysql", "x"}));
        assertThrows(IllegalArgumentException.class, () -> SltMain.parse(new String[] {"--engine"}));
        assertThrows(IllegalArgumentException.class, () -> SltMain.parse(new String[] {"--jobs", "0", "x"}));
        assertThrows(IllegalArgumentException.class, () -> SltMain.parse(new String[] {"--ci", "a", "b"}));
        assertThrows(IllegalArgumentException.class, () -> SltMain.parse(new String[] {"--frobnicate", "x"}));
    }

    @Test
    void summaryFoldersAreRelativeToTheFolderGiven(@TempDir Path dir) throws IOException {
        Path file = Files.createDirectories(dir.resolve("index/between")).resolve("t.test");
        Files.writeString(file, "query I\nSELECT 1\n----\n1\n");
        assertEquals(dir.toAbsolutePath(), SltMain.reportRoot(List.of(dir)));
        assertEquals(file.getParent().toAbsolutePath(), SltMain.reportRoot(List.of(file)));
        assertEquals("index/between", SltReport.folderOf(dir, file));
        assertEquals(".", SltReport.folderOf(file.getParent(), file));
        assertEquals(List.of(file), SltSuite.find(List.of(dir)));
    }
}
