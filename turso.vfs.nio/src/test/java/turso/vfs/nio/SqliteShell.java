/*
 * A sqlite3 CLI process driven over stdin, for tests that check our locks
 * against real SQLite in another process. send() feeds statements and waits
 * until the shell has run them (it prints a marker after them), returning
 * what the shell printed meanwhile, errors included.
 */
package turso.vfs.nio;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

final class SqliteShell implements AutoCloseable {

    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private int markers;

    SqliteShell(Path database) throws IOException {
        process = new ProcessBuilder("sqlite3", database.toString()).redirectErrorStream(true).start();
        stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("reader failed: " + e);
            }
        });
        reader.setDaemon(true);
        reader.start();
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

    /** Runs one sqlite3 command line to completion and returns its output. */
    static String run(Path database, String sql) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sqlite3", database.toString(), sql).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return output;
    }

    String send(String sql) throws IOException, InterruptedException {
        String marker = "--done " + (++markers) + "--";
        stdin.write(sql + "\n.print " + marker + "\n");
        stdin.flush();
        StringBuilder output = new StringBuilder();
        while (true) {
            String line = lines.poll(30, TimeUnit.SECONDS);
            if (line == null) {
                throw new IllegalStateException("sqlite3 did not answer; so far: " + output);
            }
            if (line.equals(marker)) {
                return output.toString();
            }
            output.append(line).append('\n');
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stdin.write(".quit\n");
        stdin.flush();
        stdin.close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
