/*
 * The interactive shell in a pseudo-terminal: the shell runs in its own JVM
 * (this test's module path) under `script`, which gives it a pty; keys are
 * typed into it and its screen output is read back. One session: banner,
 * a statement over two lines (continuation prompt), history recall with
 * the up arrow, Ctrl-C interrupting a long cross join, Ctrl-C clearing a
 * half-typed line at the prompt, tab completion of a column and a table
 * name, the progress lines of a large .import and of the CREATE INDEX that
 * follows (drawn on the terminal, then wiped), ".quit", and the
 * history file left in $HOME. Skipped when `script` is not installed.
 */
package turso.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InteractiveShellTest {

    private static final long WAIT_MILLIS = 20_000;
    /** Rows enough for .import and CREATE INDEX to run longer than one redraw period (200 ms) of their progress lines. */
    private static final int PROGRESS_ROWS = 100_000;
    private static final long PROGRESS_WAIT_MILLIS = 120_000;

    @TempDir
    Path home;

    private final StringBuffer screen = new StringBuffer();
    private int seen;

    @Test
    void session() throws Exception {
        assumeTrue(installed("script"), "the script command (util-linux) is not installed");
        String modulePath = System.getProperty("jdk.module.path");
        assumeTrue(modulePath != null, "tests do not run on the module path");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String launcher = "stty cols 100 rows 40; exec '" + java + "' --enable-native-access=org.jline -p '"
                + modulePath + "' -m turso.cli/turso.cli.Main";
        ProcessBuilder builder = new ProcessBuilder("script", "-qec", launcher, "/dev/null").redirectErrorStream(true);
        builder.environment().put("HOME", home.toString());
        builder.environment().put("TERM", "xterm");
        Process process = builder.start();
        Thread reader = Thread.ofVirtual().start(() -> copyScreen(process.getInputStream()));
        try (OutputStream keys = process.getOutputStream()) {
            awaitText("Connected to a transient in-memory database.");
            awaitText("turso> ");

            type(keys, "SELECT 1\r");
            awaitText("   ...> ");
            type(keys, ", 2;\r");
            awaitText("1|2");
            awaitText("turso> ");

            type(keys, "SELECT 3, 4;\r");
            awaitText("3|4");
            awaitText("turso> ");
            type(keys, "\u001bOA");
            awaitText("SELECT 3, 4;");
            type(keys, "\r");
            awaitText("3|4");
            awaitText("turso> ");
            // the two-line statement is one history entry: two steps back, then run again
            type(keys, "\u001bOA");
            awaitText("SELECT 3, 4;");
            type(keys, "\u001bOA");
            awaitText("   ...> , 2;");
            type(keys, "\r");
            awaitText("1|2");
            awaitText("turso> ");

            type(keys, "CREATE TABLE n(x); INSERT INTO n VALUES(1),(2),(3),(4),(5),(6),(7),(8),(9),(10);"
                    + " INSERT INTO n SELECT a.x FROM n a, n b, n c;\r");
            awaitText("turso> ");
            type(keys, "SELECT count(*) FROM n a, n b, n c, n d;\r");
            Thread.sleep(1000);
            type(keys, "\u0003");
            awaitText("Runtime error: interrupted (9)");
            awaitText("turso> ");

            Path csv = home.resolve("big.csv");
            StringBuilder rows = new StringBuilder("v\n");
            for (int i = 0; i < PROGRESS_ROWS; i++) {
                rows.append((i * 7919L) % PROGRESS_ROWS).append('\n');
            }
            Files.writeString(csv, rows);
            type(keys, ".import --csv '" + csv + "' big\r");
            awaitText("rows/s", PROGRESS_WAIT_MILLIS);
            awaitText("turso> ", PROGRESS_WAIT_MILLIS);
            type(keys, "CREATE INDEX big_v ON big(v);\r");
            awaitText("CREATE INDEX  ", PROGRESS_WAIT_MILLIS);
            awaitText("rows/s", PROGRESS_WAIT_MILLIS);
            awaitText("turso> ", PROGRESS_WAIT_MILLIS);
            type(keys, "SELECT count(*) FROM big WHERE v = '42';\r");
            awaitText("1\r\n");
            awaitText("turso> ");

            type(keys, "CREATE TABLE items(price);\r");
            awaitText("turso> ");
            type(keys, "SELECT count(pric\t) FROM ite\t;\r");
            awaitText("SELECT count(price ");
            awaitText("FROM items ;");
            awaitText("0\r\n");
            awaitText("turso> ");
            type(keys, "SELECT 'never run',");
            awaitText("'never run',");
            type(keys, "\u0003");
            awaitText("turso> ");
            type(keys, "SELECT 'still ' || 'here';\r");
            awaitText("still here");
            awaitText("turso> ");
            type(keys, ".quit\r");
            assertTrue(process.waitFor(WAIT_MILLIS, TimeUnit.MILLISECONDS), "the shell did not end after .quit");
        } finally {
            process.destroyForcibly();
            reader.join(WAIT_MILLIS);
        }
        // As sqlite3: a session in which a statement failed (here, the interrupted one) exits with 1.
        assertEquals(1, process.exitValue(), screen.toString());
        String history = Files.readString(home.resolve(".turso_history"), StandardCharsets.UTF_8);
        assertTrue(history.contains("SELECT 3, 4;"), history);
        assertTrue(history.contains(".quit"), history);
        assertFalse(screen.toString().contains("Parse error"), screen.toString());
    }

    private void type(OutputStream keys, String text) throws IOException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    /** Waits until {@code text} appears on the screen after what earlier waits found. */
    private void awaitText(String text) throws InterruptedException {
        awaitText(text, WAIT_MILLIS);
    }

    private void awaitText(String text, long waitMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + waitMillis;
        while (System.currentTimeMillis() < deadline) {
            int at = screen.indexOf(text, seen);
            if (at >= 0) {
                seen = at + text.length();
                return;
            }
            Thread.sleep(20);
        }
        fail("did not see \"" + text + "\" after: " + screen.substring(seen));
    }

    private void copyScreen(InputStream in) {
        byte[] buffer = new byte[4096];
        try (in) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                screen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the session ended
        }
    }

    private static boolean installed(String command) {
        try {
            return new ProcessBuilder("sh", "-c", "command -v " + command).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
