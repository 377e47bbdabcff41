/*
 * One script of src/test/resources/scripts run twice, through the sqlite3
 * CLI (a process, batch mode, script on stdin) and through our shell
 * (Main.run in this JVM, same arguments, script on stdin), each in its own
 * fresh directory holding copies of the fixture files (scripts/files). The
 * script's first lines may say how to run it:
 *   -- args: OPTIONS       command-line options before the database
 *   -- db: NAME            a database file in the directory (else :memory:)
 *   -- after: ARGS         arguments after the database (SQL or dot commands)
 * "@DIR@" in the script and arguments stands for the run's directory, and is
 * put back in place of that directory in what both print, so the outputs
 * compare. ".timer" figures are masked ("Run Time: real R user U sys S").
 */
package turso.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

final class ScriptRun {

    static final Path SCRIPTS = Path.of("src/test/resources/scripts");

    /** What one side printed, and its exit code. */
    record Output(String stdout, String stderr, int exit) {
    }

    private ScriptRun() {
    }

    static boolean sqlite3Available() {
        try {
            return new ProcessBuilder("sqlite3", "-version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** A fresh directory with the fixture files in it. */
    static Path workDirectory(Path parent, String name) throws IOException {
        Path dir = Files.createDirectories(parent.resolve(name)).toRealPath();
        Path files = SCRIPTS.resolve("files");
        if (Files.isDirectory(files)) {
            try (Stream<Path> list = Files.list(files)) {
                for (Path file : list.toList()) {
                    Files.copy(file, dir.resolve(file.getFileName()));
                }
            }
        }
        return dir;
    }

    static String script(String name) throws IOException {
        return Files.readString(SCRIPTS.resolve(name), StandardCharsets.UTF_8);
    }

    /** The command-line arguments the script's header asks for, the database included. */
    static List<String> arguments(String script, Path dir) {
        List<String> args = new ArrayList<>();
        String db = ":memory:";
        List<String> after = new ArrayList<>();
        for (String line : script.lines().takeWhile(l -> l.startsWith("-- ")).toList()) {
            if (line.startsWith("-- args: ")) {
                args.addAll(words(line.substring(9)));
            } else if (line.startsWith("-- db: ")) {
                db = dir.resolve(line.substring(7).trim()).toString();
            } else if (line.startsWith("-- after: ")) {
                after.addAll(words(line.substring(10)));
            }
        }
        args.add(db);
        args.addAll(after);
        return args.stream().map(a -> a.replace("@DIR@", dir.toString())).toList();
    }

    /** Words separated by spaces; a double-quoted word may hold spaces. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (c == ' ' && !quoted) {
                if (any) {
                    words.add(word.toString());
                }
                word.setLength(0);
                any = false;
            } else {
                word.append(c);
                any = true;
            }
        }
        if (any) {
            words.add(word.toString());
        }
        return words;
    }

    static Output sqlite3(String script, Path dir) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("sqlite3");
        command.addAll(arguments(script, dir));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        try (var in = process.getOutputStream()) {
            in.write(script.replace("@DIR@", dir.toString()).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // sqlite3 stopped reading (bail, .exit): the rest of the script is not needed
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("sqlite3 did not finish");
            }
            return normalized(out.get(), err.get(), process.exitValue(), dir);
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IOException(e);
        }
    }

    static Output turso(String script, Path dir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream in = new ByteArrayInputStream(script.replace("@DIR@", dir.toString()).getBytes(StandardCharsets.UTF_8));
        int exit = Main.run(arguments(script, dir).toArray(String[]::new), in, out,
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return normalized(out.toByteArray(), err.toByteArray(), exit, dir);
    }

    private static Output normalized(byte[] out, byte[] err, int exit, Path dir) {
        return new Output(normalized(out, dir), normalized(err, dir), exit);
    }

    private static String normalized(byte[] bytes, Path dir) {
        return new String(bytes, StandardCharsets.UTF_8).replace(dir.toString(), "@DIR@")
                .replaceAll("Run Time: real \\d+\\.\\d{3} user \\d+\\.\\d{6} sys \\d+\\.\\d{6}",
                        "Run Time: real R user U sys S");
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
