/*
 * A database of one engine in a fresh temporary directory, loaded with the
 * Dataset or empty, for one benchmark trial; closing it deletes the files.
 * Loading 100 000 users and orders takes seconds, and every JMH fork would
 * pay it: when the system property turso.bench.template names a directory
 * where Suite had each engine load the Dataset once (one subdirectory per
 * engine), a trial copies that engine's files instead.
 */
package turso.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

public final class Fixture implements AutoCloseable {

    /** The system property naming the directory of loaded databases, one subdirectory per engine. */
    public static final String TEMPLATE_PROPERTY = "turso.bench.template";

    private final Path dir;
    private final BenchDb db;

    private Fixture(Path dir, BenchDb db) {
        this.dir = dir;
        this.db = db;
    }

    /** Opens {@code engine} (by its parameter name) on a new directory, loading the Dataset if {@code load}. */
    public static Fixture open(String engine, String synchronous, boolean load) {
        Path dir;
        try {
            dir = Files.createTempDirectory("turso-bench-" + engine + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            String template = System.getProperty(TEMPLATE_PROPERTY);
            boolean copied = load && template != null;
            if (copied) {
                copyFiles(Path.of(template, engine), dir);
            }
            BenchDb db = Engine.of(engine).open(dir, synchronous);
            try {
                if (load && !copied) {
                    Dataset.load(db);
                }
            } catch (RuntimeException e) {
                db.close();
                throw e;
            }
            return new Fixture(dir, db);
        } catch (RuntimeException e) {
            delete(dir);
            throw e;
        }
    }

    /** Has each engine load the Dataset into {@code root/<engine>}, for trials to copy. */
    public static void buildTemplates(Path root, List<String> engines) {
        for (String engine : engines) {
            Path dir = root.resolve(engine);
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try (BenchDb db = Engine.of(engine).open(dir, Engine.DEFAULT_SYNC)) {
                Dataset.load(db);
            }
        }
    }

    private static void copyFiles(Path from, Path to) {
        try (Stream<Path> files = Files.list(from)) {
            for (Path p : files.toList()) {
                Files.copy(p, to.resolve(p.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes {@code dir} and everything in it. */
    public static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public BenchDb db() {
        return db;
    }

    @Override
    public void close() {
        db.close();
        delete(dir);
    }
}
