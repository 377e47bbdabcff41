package turso.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The sqlite3 CLI on the test machine (3.40.1, the behaviour this engine
 * matches) as an oracle: evaluates many expressions in one process.
 */
final class Sqlite340 {
    private Sqlite340() {
    }

    /** CAST(e AS TEXT) of each expression, or null where it is NULL or an error. */
    static Map<String, String> textOf(List<String> expressions) {
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < expressions.size(); i++) {
            script.append("SELECT ").append(i).append(", CAST((").append(expressions.get(i))
                    .append(") AS TEXT) IS NULL, hex(CAST((").append(expressions.get(i)).append(") AS TEXT));\n");
        }
        String out = run(script.toString());
        Map<String, String> text = new HashMap<>();
        for (String line : out.split("\n")) {
            String[] f = line.split("\\|", -1);
            if (f.length == 3) {
                text.put(expressions.get(Integer.parseInt(f[0])),
                        f[1].equals("1") ? null : new String(HexFormat.of().parseHex(f[2]), StandardCharsets.UTF_8));
            }
        }
        return text;
    }

    private static String run(String script) {
        try {
            Process p = new ProcessBuilder("sqlite3", "-batch", ":memory:")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("the sqlite3 CLI is needed by this test (apt-get install sqlite3)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
