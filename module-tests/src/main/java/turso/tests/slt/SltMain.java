/*
 * Command line of the sqllogictest runner:
 *
 *   java -m turso.tests/turso.tests.slt.SltMain [--engine sqlite|turso] [--ci]
 *        [--jobs N] [--max-failures N] <file or folder>...
 *
 * Runs the .test files found under the paths (with --ci, the CI subset of
 * the one sample folder given), prints the failures kept and the summary per
 * folder, and exits with 0 when every record run passed, 1 when some failed,
 * 2 on a usage error.
 */
package turso.tests.slt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

public final class SltMain {

    private static final int DEFAULT_MAX_FAILURES = 10;

    private SltMain() {
    }

    /** The parsed command line. */
    record Options(SltEngine engine, boolean ci, int jobs, int maxFailures, List<Path> paths) {
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("slt: " + e.getMessage());
            System.err.println("usage: SltMain [--engine sqlite|turso] [--ci] [--jobs N] [--max-failures N]"
                    + " <file or folder>...");
            System.exit(2);
            return;
        }
        List<Path> files;
        try {
            files = options.ci() ? CiSubset.files(options.paths().getFirst()) : SltSuite.find(options.paths());
        } catch (IOException e) {
            System.err.println("slt: " + e.getMessage());
            System.exit(2);
            return;
        }
        SltSuite.Result run = SltSuite.run(options.engine(), files, options.jobs(), options.maxFailures());
        SltReport.print(System.out, options.engine().name(), reportRoot(options.paths()), run);
        System.exit(run.failed() == 0 ? 0 : 1);
    }

    /** The folder the summary's folder names are relative to. */
    static Path reportRoot(List<Path> paths) {
        if (paths.size() != 1) {
            return Path.of("");
        }
        Path only = paths.getFirst().toAbsolutePath().normalize();
        return Files.isDirectory(only) || only.getParent() == null ? only : only.getParent();
    }

    static Options parse(String[] args) {
        SltEngine engine = new SqliteJdbcEngine();
        boolean ci = false;
        int jobs = 1;
        int maxFailures = DEFAULT_MAX_FAILURES;
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--engine" -> engine = switch (value(args, ++i, "--engine")) {
                    case SqliteJdbcEngine.NAME -> new SqliteJdbcEngine();
                    case TursoEngine.NAME -> new TursoEngine();
                    default -> throw new IllegalArgumentException("unknown engine '" + args[i]
                            + "' (sqlite or turso)");
                };
                case "--ci" -> ci = true;
                case "--jobs" -> jobs = number(value(args, ++i, "--jobs"), "--jobs");
                case "--max-failures" -> maxFailures = number(value(args, ++i, "--max-failures"), "--max-failures");
                default -> {
                    if (args[i].startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + args[i]);
                    }
                    paths.add(Path.of(args[i]));
                }
            }
        }
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("no file or folder given");
        }
        if (ci && paths.size() != 1) {
            throw new IllegalArgumentException("--ci takes the one sample folder");
        }
        return new Options(engine, ci, jobs, maxFailures, List.copyOf(paths));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int number(String text, String option) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a positive number, not '" + text + "'");
    }
}
