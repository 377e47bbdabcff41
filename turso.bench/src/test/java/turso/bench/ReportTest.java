/*
 * The report's edits to PERFORMANCE.md: the generated section replaces the
 * hand-written workload section the first time and its own markers after,
 * and every other section stays as it was; the chart is a PNG.
 */
package turso.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    private static final String GENERATED = Report.BEGIN + "\nnew figures\n" + Report.END + "\n";

    @Test
    void replacesTheHandWrittenSectionTheFirstTime() {
        String doc = "# Performance\n\n## Parsing\n\nparse figures\n\n## Workloads beside SQLite and H2 (issue #10)\n\n"
                + "old table\n\n## Not measured yet\n\nio_uring\n";
        assertEquals("# Performance\n\n## Parsing\n\nparse figures\n\n" + GENERATED + "\n## Not measured yet\n\nio_uring\n",
                Report.splice(doc, GENERATED));
    }

    @Test
    void replacesItsOwnSectionAfter() {
        String doc = "# Performance\n\n## Parsing\n\nx\n\n" + Report.BEGIN + "\nold figures\n" + Report.END
                + "\n\n## io_uring\n\ny\n";
        assertEquals("# Performance\n\n## Parsing\n\nx\n\n" + GENERATED + "\n## io_uring\n\ny\n",
                Report.splice(doc, GENERATED));
    }

    @Test
    void appendsWhenThereIsNoSection() {
        assertEquals("# Performance\n\n" + GENERATED, Report.splice("# Performance\n", GENERATED));
    }

    @Test
    void medianOfForks() {
        assertEquals(2.0, Report.median(List.of(3.0, 1.0, 2.0)));
        assertEquals(2.5, Report.median(List.of(4.0, 1.0, 2.0, 3.0)));
    }

    @Test
    void chartIsAPng(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("chart.png");
        RatioChart.write(List.of(new RatioChart.Bar("1 bulkInsert", 0.5, 2.0),
                new RatioChart.Bar("2 other", 0.004, Double.NaN)), png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image);
        assertEquals(960, image.getWidth());
    }
}
