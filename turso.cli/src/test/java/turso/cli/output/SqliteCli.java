/*
 * The reference: the sqlite3 command-line program (3.40 on the build
 * machine) run as a process on an in-memory database, a script on stdin,
 * stdout and stderr captured as bytes.
 */
package turso.cli.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

final class SqliteCli {

    /** What one run printed. */
    record Output(byte[] stdout, String stderr) {
    }

    private SqliteCli() {
    }

    static boolean available() {
        try {
            return run(List.of("-version"), "").stdout().length > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs {@code sqlite3 <options> :memory:} with {@code script} on stdin. */
    static Output run(List<String> options, String script) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("sqlite3");
        command.addAll(options);
        if (!options.contains("-version")) {
            command.add(":memory:");
        }
        Process process = new ProcessBuilder(command).start();
        CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        try (OutputStream in = process.getOutputStream()) {
            in.write(script.getBytes(StandardCharsets.UTF_8));
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("sqlite3 did not finish");
            }
            return new Output(stdout.get(), new String(stderr.get(), StandardCharsets.UTF_8));
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IOException(e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
