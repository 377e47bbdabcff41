package turso.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shell run with SQL arguments, beside the sqlite3 CLI (3.40.1) run with
 * the same arguments on a database prepared the same way: stdout, stderr and
 * the exit code are identical.
 */
class ShellTest {

    private static final String SETUP = "CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT NOT NULL, score REAL, data)";
    private static final String ROWS = "INSERT INTO t(name, score, data) VALUES ('alice', 3.5, x'00ff'), "
            + "('bob', NULL, 'x,y'), ('carol \"c\"', -0.25, 7), ('', 1e100, NULL)";

    static Stream<List<String>> commandLines() {
        return Stream.of(
                List.of("SELECT * FROM t"),
                List.of("-header", "SELECT * FROM t ORDER BY score"),
                List.of("-csv", "-header", "SELECT id, name, score FROM t"),
                List.of("-json", "SELECT * FROM t WHERE id < 4"),
                List.of("-box", "SELECT name, score * 2 AS doubled FROM t"),
                List.of("-column", "-header", "SELECT name, count(*), sum(score) FROM t GROUP BY name"),
                List.of("-markdown", "SELECT id, name FROM t LIMIT 2"),
                List.of("-line", "SELECT * FROM t WHERE id = 2"),
                List.of("-quote", "SELECT * FROM t"),
                List.of("-html", "-header", "SELECT name FROM t"),
                List.of("-separator", ";", "-nullvalue", "N/A", "SELECT * FROM t"),
                List.of("-separator", ";", "-csv", "SELECT * FROM t"),
                List.of("SELECT 1", "SELECT 2, 'two'"),
                List.of("selec 1"),
                List.of("SELECT nosuch FROM t"),
                List.of("SELECT 1", "SELECT count(*) FROM nosuch", "SELECT 3"),
                List.of("INSERT INTO t(name) VALUES (NULL)"),
                List.of("INSERT INTO t(id, name) VALUES (1, 'again')"),
                List.of("-bail", "SELECT abs(-9223372036854775808)"),
                List.of("-nosuchoption", "SELECT 1"),
                List.of("NOTADB", "SELECT 1", "SELECT * FROM t"));
    }

    @ParameterizedTest
    @MethodSource("commandLines")
    void sameAsSqlite3(List<String> args, @TempDir Path dir) throws Exception {
        assumeTrue(sqlite3Available(), "the sqlite3 CLI is not installed");
        Path ours = dir.resolve("ours.db");
        Path theirs = dir.resolve("theirs.db");
        Output prepared = turso(List.of(ours.toString(), SETUP, ROWS));
        assertEquals(0, prepared.exit, prepared.err);
        run(List.of("sqlite3", theirs.toString(), SETUP, ROWS));
        if (args.getFirst().equals("NOTADB")) {
            args = args.subList(1, args.size());
            Files.writeString(ours, "this is not a database, but a text file long enough to have a header\n".repeat(3));
            Files.copy(ours, theirs, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> ourArgs = withDatabase(args, ours);
        List<String> command = new ArrayList<>(List.of("sqlite3"));
        command.addAll(withDatabase(args, theirs));
        Output expected = run(command);
        Output got = turso(ourArgs);
        assertEquals(expected.out, got.out, "stdout");
        assertEquals(expected.err.replace("sqlite3: ", "turso: "), got.err, "stderr");
        assertEquals(expected.exit, got.exit, "exit code");
    }

    static Stream<List<String>> badCommandLines() {
        return Stream.of(List.of("-separator"), List.of("-cmd"), List.of(":memory:", "-nullvalue"),
                List.of("-nosuchoption"), List.of("--nosuchoption", ":memory:"));
    }

    /** A command line sqlite3 refuses: the same message (naming the program) on stderr, the same exit code. */
    @ParameterizedTest
    @MethodSource("badCommandLines")
    void badCommandLineAsSqlite3(List<String> args) throws Exception {
        assumeTrue(sqlite3Available(), "the sqlite3 CLI is not installed");
        List<String> command = new ArrayList<>(List.of("sqlite3"));
        command.addAll(args);
        Output expected = run(command);
        Output got = turso(args);
        assertEquals(expected.out, got.out, "stdout");
        assertEquals(expected.err.replace("sqlite3: ", "turso: "), got.err, "stderr");
        assertEquals(expected.exit, got.exit, "exit code");
    }

    /** "-help": the usage text on stderr (ours lists our options) and sqlite3's exit code. */
    @ParameterizedTest
    @MethodSource("helpCommandLines")
    void helpExitsAsSqlite3(List<String> args) throws Exception {
        assumeTrue(sqlite3Available(), "the sqlite3 CLI is not installed");
        List<String> command = new ArrayList<>(List.of("sqlite3"));
        command.addAll(args);
        Output expected = run(command);
        Output got = turso(args);
        assertEquals(expected.out, got.out, "stdout");
        assertEquals(expected.exit, got.exit, "exit code");
        assertEquals(expected.err.lines().findFirst().orElseThrow().replace("sqlite3", "turso"),
                got.err.lines().findFirst().orElseThrow(), "first line of the usage");
    }

    static Stream<List<String>> helpCommandLines() {
        return Stream.of(List.of("-help"), List.of("--help"), List.of(":memory:", "-help", "SELECT 1"));
    }

    /** The database goes after the options, before the SQL. */
    private static List<String> withDatabase(List<String> args, Path db) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-")) {
            out.add(args.get(i));
            if (List.of("-separator", "-nullvalue").contains(args.get(i))) {
                out.add(args.get(++i));
            }
            i++;
        }
        out.add(db.toString());
        out.addAll(args.subList(i, args.size()));
        return out;
    }

    private record Output(String out, String err, int exit) {}

    private static Output turso(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args.toArray(String[]::new), out, new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new Output(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), exit);
    }

    private static Output run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Output(out, err, p.waitFor());
    }

    private static boolean sqlite3Available() {
        try {
            return new ProcessBuilder("sqlite3", "-version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
