/*
 * The progress line the shell draws on standard error, when it is a
 * terminal, while CREATE INDEX or VACUUM runs: the rows the statement has
 * been through (Connection.progressHandler counts them), a share of the
 * expected total, and rows per second; redrawn at most five times a second
 * and wiped when the statement ends, as .import's line (ImportProgress).
 * The total is estimated before the statement runs from the tables' largest
 * rowids (the last row of each table's b-tree): an index build goes through its table once;
 * VACUUM copies every table and builds its indexes again. The share stays
 * below 100% until the statement is done, whatever the estimate said.
 */
package turso.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import turso.api.Connection;
import turso.api.ProgressHandler;
import turso.api.Statement;
import turso.api.TursoException;

final class StatementProgress implements ProgressHandler, AutoCloseable {

    /** Steps between two calls of the handler: cheap enough, and often enough for a redraw every 200 ms. */
    static final int PERIOD = 1000;
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int MAX_SHARE = 99;

    private final Connection connection;
    private final PrintStream err;
    private final String label;
    private final long total;
    private final long start = System.nanoTime();
    private long lastDraw = start;
    private boolean drawn;

    private StatementProgress(Connection connection, PrintStream err, String label, long total) {
        this.connection = connection;
        this.err = err;
        this.label = label;
        this.total = total;
    }

    /**
     * A progress line for {@code sql} if it is long work the shell shows
     * progress of (CREATE INDEX, VACUUM) and {@code terminal} says standard
     * error is a terminal; else null. Installs itself as the connection's
     * progress handler until closed.
     */
    static StatementProgress start(Connection connection, String sql, PrintStream err, boolean terminal) {
        if (!terminal) {
            return null;
        }
        List<String> words = words(sql, 10);
        String label;
        long total;
        if (words.size() >= 1 && words.getFirst().equals("VACUUM")) {
            label = "VACUUM";
            total = vacuumTotal(connection);
        } else {
            int at = words.size() >= 2 && words.get(1).equals("UNIQUE") ? 2 : 1;
            if (words.size() <= at || !words.getFirst().equals("CREATE") || !words.get(at).equals("INDEX")) {
                return null;
            }
            int on = words.indexOf("ON");
            if (on < 0 || on + 1 >= words.size()) {
                return null;
            }
            label = "CREATE INDEX";
            total = largestRowid(connection, words.get(on + 1));
        }
        StatementProgress progress = new StatementProgress(connection, err, label, total);
        connection.progressHandler(PERIOD, progress);
        return progress;
    }

    @Override
    public boolean onProgress(long steps) {
        long now = System.nanoTime();
        if (now - lastDraw >= REDRAW_NANOS) {
            lastDraw = now;
            err.print("\r" + line(label, steps, total, now - start) + "\033[K");
            err.flush();
            drawn = true;
        }
        return false;
    }

    /** The text of the line: "CREATE INDEX  12,345 rows   42%  61,234 rows/s" (no share when the total is unknown). */
    static String line(String label, long rows, long total, long elapsedNanos) {
        StringBuilder s = new StringBuilder(label).append(String.format(Locale.ROOT, "  %,d rows", rows));
        if (total > 0) {
            s.append(String.format(Locale.ROOT, "  %3d%%", Math.min(MAX_SHARE, rows * 100 / total)));
        }
        if (elapsedNanos > 0) {
            s.append(String.format(Locale.ROOT, "  %,d rows/s", rows * 1_000_000_000L / elapsedNanos));
        }
        return s.toString();
    }

    @Override
    public void close() {
        connection.progressHandler(0, null);
        if (drawn) {
            err.print("\r\033[K");
            err.flush();
        }
    }

    /** VACUUM's steps: every table's rows once for the copy, and once more per index built on it. */
    private static long vacuumTotal(Connection connection) {
        List<String[]> tables = new ArrayList<>();
        try (Statement list = connection.prepare("SELECT name, (SELECT count(*) FROM sqlite_schema AS i"
                + " WHERE i.type = 'index' AND i.tbl_name = t.name) FROM sqlite_schema AS t"
                + " WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
            while (list.step()) {
                tables.add(new String[] {list.columnText(0), list.columnText(1)});
            }
        } catch (TursoException e) {
            return -1;
        }
        long total = 0;
        for (String[] table : tables) {
            long rows = largestRowid(connection, "\"" + table[0].replace("\"", "\"\"") + "\"");
            if (rows > 0) {
                total += rows * (1 + Long.parseLong(table[1]));
            }
        }
        return total;
    }

    /** The largest rowid of the table named {@code name} as written in SQL: an estimate of its rows, or -1. */
    private static long largestRowid(Connection connection, String name) {
        try (Statement max = connection.prepare("SELECT rowid FROM " + name + " ORDER BY rowid DESC LIMIT 1")) {
            return max.step() ? max.columnLong(0) : -1;
        } catch (TursoException e) {
            return -1;
        }
    }

    /**
     * The first {@code limit} words of {@code sql}: keywords upper-cased,
     * names kept as written (quotes included, a "schema.name" as one word),
     * "(" and ";" ending a word.
     */
    private static List<String> words(String sql, int limit) {
        List<String> words = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n && words.size() < limit) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '(' || c == ';') {
                break;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(sql.charAt(i)) && sql.charAt(i) != '(' && sql.charAt(i) != ';') {
                char q = sql.charAt(i);
                char close = q == '[' ? ']' : q;
                if (q == '"' || q == '\'' || q == '`' || q == '[') {
                    int end = sql.indexOf(close, i + 1);
                    i = end < 0 ? n : end + 1;
                } else {
                    i++;
                }
            }
            String word = sql.substring(start, i);
            words.add(word.matches("[A-Za-z]+") ? word.toUpperCase(Locale.ROOT) : word);
        }
        return words;
    }
}
