/*
 * SQLite 3.40 (the sqlite3 CLI on the test machine, the version whose
 * behaviour this engine matches) as a second oracle, asked only where this
 * engine and sqlite-jdbc (3.54) differ: a query whose answer changed between
 * the two versions is accepted when this engine gives 3.40's answer.
 *
 * The query is wrapped so that the CLI prints each value exactly: its storage
 * class, then the hex of its bytes (for a real, of its IEEE 754 bits through
 * the shell's ieee754_to_blob), so a result compares with a StatementResult.
 */
package turso.tests.differential;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/** Runs a script of setup statements and one query on a fresh in-memory database in the sqlite3 CLI. */
public final class Sqlite340Cli {
    private static final String SEPARATOR = "\u001f";

    private Sqlite340Cli() {
    }

    /** Whether the statement is a query the CLI can be asked for (a wrapped SELECT / WITH / VALUES). */
    static boolean canAsk(String sql) {
        String head = sql.stripLeading().toUpperCase(Locale.ROOT);
        return head.startsWith("SELECT") || head.startsWith("WITH") || head.startsWith("VALUES");
    }

    /** 3.40's answer to the query after the setup, for a query of the given number of columns. */
    static StatementResult query(List<String> setup, String sql, int columns) {
        StringBuilder script = new StringBuilder(".mode list\n.separator \"" + SEPARATOR + "\" \"\\n\"\n");
        for (String s : setup) {
            script.append(s.replace('\n', ' ')).append(s.strip().endsWith(";") ? "\n" : ";\n");
        }
        script.append(".print @@@\n");
        int line = script.toString().split("\n", -1).length;
        String query = sql.strip().replace('\n', ' ');
        if (query.endsWith(";")) {
            query = query.substring(0, query.length() - 1);
        }
        if (columns == 0) {
            script.append(query).append(";\n");
        } else {
            StringBuilder names = new StringBuilder();
            StringBuilder values = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                names.append(i == 0 ? "" : ", ").append("c").append(i);
                values.append(i == 0 ? "" : ", ").append("typeof(c").append(i).append("), CASE typeof(c").append(i)
                        .append(") WHEN 'real' THEN hex(ieee754_to_blob(c").append(i).append(")) ELSE hex(c").append(i)
                        .append(") END");
            }
            script.append("WITH q(").append(names).append(") AS (").append(query).append(") SELECT ").append(values)
                    .append(" FROM q;\n");
        }
        String[] out = run(script.toString());
        String marker = "near line " + line + ": ";
        for (String error : out[1].split("\n")) {
            int at = error.indexOf(marker);
            if (at >= 0) {
                return StatementResult.failed(error.substring(at + marker.length()));
            }
        }
        int start = out[0].indexOf("@@@\n");
        if (start < 0) {
            throw new IllegalStateException("the sqlite3 CLI did not run the script:\n" + out[1]);
        }
        List<List<String>> rows = new ArrayList<>();
        for (String printed : out[0].substring(start + 4).split("\n")) {
            if (printed.isEmpty()) {
                continue;
            }
            if (columns == 0) {
                // asked for its error only: a row it prints anyway is shown as its text, never equal to an engine's
                rows.add(List.of("unwrapped " + printed));
                continue;
            }
            String[] f = printed.split(SEPARATOR, -1);
            List<String> row = new ArrayList<>();
            for (int i = 0; i + 1 < f.length; i += 2) {
                byte[] bytes = HexFormat.of().parseHex(f[i + 1]);
                String text = new String(bytes, StandardCharsets.UTF_8);
                row.add(switch (f[i]) {
                    case "null" -> StatementResult.nul();
                    case "integer" -> StatementResult.integer(Long.parseLong(text));
                    case "real" -> StatementResult.real(Double.longBitsToDouble(Long.parseUnsignedLong(f[i + 1], 16)));
                    case "text" -> StatementResult.text(text);
                    default -> StatementResult.blob(bytes);
                });
            }
            rows.add(row);
        }
        return new StatementResult(columns, rows, null);
    }

    /** stdout and stderr of the CLI on the script. */
    private static String[] run(String script) {
        try {
            Process p = new ProcessBuilder("sqlite3", "-batch", ":memory:").start();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return e.toString();
                }
            });
            p.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return new String[] {out, err.join()};
        } catch (IOException e) {
            throw new IllegalStateException("the sqlite3 CLI (3.40) is needed as the second oracle (apt-get install sqlite3)",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
