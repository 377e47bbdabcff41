/*
 * Hostile input: deep nesting, long statements, invalid UTF-8. Each ends in a
 * TursoException with SQLite's message (asked of SQLite in the test) or a
 * successful parse, never a StackOverflowError or a hang, even when the
 * caller runs on a thread with a small (512 KB) stack.
 */
package turso.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import turso.api.TursoException;

class BadInputTest {

    /** Runs the parse on a 512 KB stack and returns null or the TursoException message. */
    private static String outcomeOnSmallStack(String sql) throws InterruptedException {
        AtomicReference<String> outcome = new AtomicReference<>();
        AtomicReference<Throwable> unexpected = new AtomicReference<>();
        Thread t = Thread.ofPlatform().stackSize(512 * 1024).unstarted(() -> {
            try {
                SqlParser.parseFirst(sql);
            } catch (TursoException e) {
                outcome.set(e.getMessage());
            } catch (Throwable e) {
                unexpected.set(e);
            }
        });
        t.start();
        t.join();
        if (unexpected.get() != null) {
            throw new AssertionError("unexpected " + unexpected.get(), unexpected.get());
        }
        return outcome.get();
    }

    /** SQLite's verdict as far as parsing goes: its message for parse-time errors, else null (accepted). */
    private static String parseVerdict(String message) {
        boolean parseTime = Sqlite.isParseError(message) || message != null
                && (message.equals("Recursion limit") || message.startsWith("Expression tree is too large"));
        return parseTime ? message : null;
    }

    private static String shorten(String s) {
        return s == null || s.length() < 100 ? s : s.substring(0, 100) + "...";
    }

    private static void sameAsSqlite(Sqlite sqlite, String sql) throws InterruptedException {
        String expected = parseVerdict(sqlite.prepare(sql));
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            String actual = outcomeOnSmallStack(sql);
            assertEquals(shorten(expected), shorten(actual), () -> shorten(sql));
        });
    }

    @Test
    void deepNestingMatchesSqlite() throws Exception {
        try (Sqlite sqlite = new Sqlite()) {
            for (int n : new int[] {10, 100, 1000, 2000, 2493, 2494, 10_000, 100_000}) {
                sameAsSqlite(sqlite, "SELECT " + "(-".repeat(n / 2) + "1" + ")".repeat(n / 2));
                sameAsSqlite(sqlite, "SELECT " + "(".repeat(n) + "1" + ")".repeat(n));
            }
            for (int n : new int[] {998, 999, 1000, 1001, 2493, 5000}) {
                sameAsSqlite(sqlite, "SELECT " + "1 + ".repeat(n) + "1");
                sameAsSqlite(sqlite, "SELECT " + "- ".repeat(n) + "1");
                sameAsSqlite(sqlite, "SELECT " + "NOT ".repeat(n) + "1");
                sameAsSqlite(sqlite, "SELECT 1 FROM t1 WHERE " + "a = 1 AND ".repeat(n) + "1");
            }
            sameAsSqlite(sqlite, "SELECT " + "(".repeat(10_000));
            sameAsSqlite(sqlite, "SELECT " + "(".repeat(500) + "1" + ")".repeat(499));
        }
    }

    @Test
    void longInputs() throws Exception {
        try (Sqlite sqlite = new Sqlite()) {
            StringBuilder values = new StringBuilder("INSERT INTO t2 VALUES ");
            while (values.length() < 990_000) {
                values.append("(1, 'abc', 2.5),");
            }
            values.setLength(values.length() - 1);
            sameAsSqlite(sqlite, values.toString());
            sameAsSqlite(sqlite, "SELECT '" + "x".repeat(990_000) + "'");
            sameAsSqlite(sqlite, "SELECT 1 WHERE 1 IN (" + "1, ".repeat(240_000) + "1)");
            sameAsSqlite(sqlite, "SELECT " + "a".repeat(990_000));
            sameAsSqlite(sqlite, "SELECT 1 " + "garbage ".repeat(120_000));
            sameAsSqlite(sqlite, "SELECT " + "1 || ".repeat(990) + "1" + " -- " + "x".repeat(990_000));
        }
    }

    @Test
    void invalidUtf8IsJustCharacters() throws Exception {
        byte[] bytes = {'S', 'E', 'L', 'E', 'C', 'T', ' ', (byte) 0xff, (byte) 0xfe, 'a', ' ', (byte) 0xc3};
        String sql = new String(bytes, StandardCharsets.UTF_8);
        assertNull(outcomeOnSmallStack(sql));
        assertNull(outcomeOnSmallStack("SELECT \uD800 'x'"));
        assertNull(outcomeOnSmallStack("SELECT 1 AS \uDC00\uD800"));
    }

    /** Offsets index the Java string the caller gave (chars), not its UTF-8 bytes as in SQLite's C API. */
    @Test
    void errorOffsetsAreCharIndexes() {
        String sql = "SELECT 'é' FROM FROM";
        TursoException e = org.junit.jupiter.api.Assertions.assertThrows(TursoException.class,
                () -> SqlParser.parse(sql));
        assertEquals("near \"FROM\": syntax error", e.getMessage());
        assertEquals(sql.lastIndexOf("FROM"), e.offset());
    }

    @Test
    void nulEndsTheText() {
        assertEquals(1, SqlParser.parse("SELECT 1\0 garbage (").size());
    }
}
