/*
 * A sqlite3 CLI process on one database, driven over stdin, for WAL tests
 * that need real SQLite in another process (sqlite-jdbc in this JVM shares
 * the process's POSIX locks with us, so it cannot stand for a concurrent
 * peer). send() runs statements and returns what the shell printed,
 * errors included, once a marker printed after them comes back.
 */
package turso.btree;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

final class SqliteProcess implements AutoCloseable {

    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private int markers;

    SqliteProcess(String database) throws IOException {
        process = new ProcessBuilder("sqlite3", database).redirectErrorStream(true).start();
        stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("reader failed: " + e);
            }
        });
    }

    static boolean available() {
        try {
            Process p = new ProcessBuilder("sqlite3", "-version").redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs {@code sql} in a sqlite3 process of its own and returns its output, stripped. */
    static String runOnce(String database, String sql) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sqlite3", database, sql).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return output.strip();
    }

    /** Runs {@code sql} and returns the output lines joined by newlines, without the trailing one. */
    String send(String sql) throws IOException, InterruptedException {
        String marker = "--done " + (++markers) + "--";
        stdin.write(sql + "\n.print '" + marker + "'\n");
        stdin.flush();
        StringBuilder output = new StringBuilder();
        while (true) {
            String line = lines.poll(30, TimeUnit.SECONDS);
            if (line == null) {
                throw new IllegalStateException("sqlite3 did not answer; so far: " + output);
            }
            if (line.equals(marker)) {
                return output.toString().strip();
            }
            output.append(line).append('\n');
        }
    }

    /** SIGKILL: the shell dies wherever it is, leaving its files as a crash would. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws IOException {
        if (!process.isAlive()) {
            return;
        }
        stdin.write(".quit\n");
        stdin.flush();
        stdin.close();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
