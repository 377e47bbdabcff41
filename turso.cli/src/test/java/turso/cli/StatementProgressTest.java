package turso.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import turso.api.Connection;
import turso.api.Database;

/**
 * The progress line of CREATE INDEX and VACUUM: its text (the share never
 * reaches 100% before the end), the statements it is drawn for, and that it
 * draws nothing where standard error is no terminal.
 */
class StatementProgressTest {

    @Test
    void lineShowsRowsShareAndRate() {
        assertEquals("CREATE INDEX  12,345 rows   12%  6,172 rows/s",
                StatementProgress.line("CREATE INDEX", 12_345, 100_000, 2_000_000_000L));
        assertEquals("VACUUM  500 rows   99%  500 rows/s", StatementProgress.line("VACUUM", 500, 100, 1_000_000_000L));
        assertEquals("VACUUM  7 rows  7 rows/s", StatementProgress.line("VACUUM", 7, -1, 1_000_000_000L));
    }

    @Test
    void drawnOnlyForIndexBuildsAndVacuumOnATerminal() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(captured, true, StandardCharsets.UTF_8);
        try (Database db = Database.open(Database.MEMORY); Connection c = db.connect()) {
            c.execute("CREATE TABLE \"my t\"(x)");
            c.execute("INSERT INTO \"my t\" VALUES (1), (2), (3)");
            assertNull(StatementProgress.start(c, "CREATE INDEX i ON \"my t\"(x)", err, false), "no terminal");
            assertNull(StatementProgress.start(c, "SELECT * FROM \"my t\"", err, true), "not long work");
            assertNull(StatementProgress.start(c, "CREATE TABLE u(x)", err, true), "not long work");
            for (String sql : new String[] {"CREATE INDEX i ON \"my t\"(x)", "create unique index if not exists i on \"my t\" (x)",
                    "VACUUM", "vacuum;"}) {
                try (StatementProgress progress = StatementProgress.start(c, sql, err, true)) {
                    assertNotNull(progress, sql);
                }
            }
            c.execute("CREATE INDEX i ON \"my t\"(x)");
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8), "nothing drawn for statements this short");
    }
}
