package turso.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The .import progress line: its text, and that it is never drawn where standard error is no terminal. */
class ImportProgressTest {

    @Test
    void lineShowsRowsShareAndRate() {
        assertEquals("12,345 rows   42%  6,172 rows/s", ImportProgress.line(12_345, 42, 100, 2_000_000_000L));
        assertEquals("7 rows  7 rows/s", ImportProgress.line(7, 10, -1, 1_000_000_000L));
    }

    @Test
    void nothingIsDrawnWhenStandardErrorIsNoTerminal() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(captured, true, StandardCharsets.UTF_8);
        assertFalse(ImportProgress.stderrIsTerminal(err), "a stream other than System.err is no terminal");
        try (ImportProgress progress = ImportProgress.over(new ByteArrayInputStream(new byte[10]), 10, err, false)) {
            progress.input().readAllBytes();
            for (int row = 1; row <= 1000; row++) {
                progress.row(row);
            }
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8));
    }
}
