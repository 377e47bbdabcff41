/*
 * A database of one engine in a fresh temporary directory, for one benchmark
 * trial: empty, or a copy of a loaded template (the Dataset, or the schema of
 * 10 000 tables); closing it deletes the files.
 *
 * Loading a million rows takes an engine tens of seconds, so each template
 * is built once and kept on disk between runs, in the directory the system
 * property turso.bench.fixtures names (by default under java.io.tmpdir).
 * A template is reused only while it is certain to hold what a fresh build
 * would: its directory name carries the fixture version (raise VERSION when
 * Dataset changes), the data size, and a fingerprint of the engine's code
 * (the bytes of the jars or class directories it runs from), so a rebuilt
 * engine, another driver version or another size builds a new template and
 * the stale one is deleted. A template is built under a temporary name and
 * renamed when complete, so a run interrupted while loading leaves nothing
 * that looks usable. The native API and the JDBC driver of this engine share
 * their template (one file format).
 *
 * The schema of 10 000 tables is written by SQLite for this engine too (the
 * files are the same format, and workload 11 measures opening one, not
 * writing it): this engine re-reads its whole schema after each CREATE TABLE,
 * so creating 10 000 tables takes it hours.
 */
package turso.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

public final class Fixture implements AutoCloseable {

    /** The version of the data the templates hold; part of their names. */
    static final int VERSION = 2;

    /** The system property naming the directory of cached templates. */
    public static final String CACHE_PROPERTY = "turso.bench.fixtures";

    /** What a template holds. */
    public enum Kind {
        /** items and depts (Dataset.load). */
        DATA,
        /** 10 000 one-row tables (Dataset.loadSchema). */
        SCHEMA
    }

    private static final Map<Engine, String> FINGERPRINTS = new ConcurrentHashMap<>();

    private final Path dir;
    private final BenchDb db;

    private Fixture(Path dir, BenchDb db) {
        this.dir = dir;
        this.db = db;
    }

    /** An empty database of {@code engine}, opened with the suite's settings. */
    public static Fixture empty(String engine) {
        Path dir = newDirectory(engine);
        try {
            return new Fixture(dir, Engine.of(engine).open(dir, Engine.DEFAULT_SYNC));
        } catch (RuntimeException e) {
            delete(dir);
            throw e;
        }
    }

    /** A copy of the template of {@code kind} for {@code engine}, opened with the suite's settings. */
    public static Fixture copy(Kind kind, String engine) {
        Path dir = copyDirectory(kind, engine);
        try {
            return new Fixture(dir, Engine.of(engine).open(dir, Engine.DEFAULT_SYNC));
        } catch (RuntimeException e) {
            delete(dir);
            throw e;
        }
    }

    /** A copy of the template of {@code kind} for {@code engine}, not opened (for workloads that open it themselves). */
    public static Path copyDirectory(Kind kind, String engine) {
        Path template = template(kind, Engine.of(engine));
        Path dir = newDirectory(engine);
        try (Stream<Path> files = Files.list(template)) {
            for (Path p : files.toList()) {
                Files.copy(p, dir.resolve(p.getFileName()));
            }
            return dir;
        } catch (IOException | RuntimeException e) {
            delete(dir);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** The directory of the finished template of {@code kind} for {@code engine}, built first if it is not cached. */
    public static synchronized Path template(Kind kind, Engine engine) {
        Engine format = engine.fileFormat();
        Engine builder = kind == Kind.SCHEMA && format == Engine.TURSO ? Engine.SQLITE : format;
        int size = kind == Kind.DATA ? Dataset.rows() : Dataset.tables();
        String prefix = "v" + VERSION + "-" + kind.name().toLowerCase() + "-" + size + "-" + builder.key() + "-";
        Path root = cacheRoot();
        Path dir = root.resolve(prefix + fingerprint(builder));
        if (Files.isDirectory(dir)) {
            return dir;
        }
        try {
            Files.createDirectories(root);
            try (Stream<Path> old = Files.list(root)) {
                for (Path p : old.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                    delete(p);
                }
            }
            Path building = Files.createTempDirectory(root, "building-");
            try {
                long start = System.nanoTime();
                try (BenchDb db = builder.open(building, Engine.DEFAULT_SYNC)) {
                    if (kind == Kind.DATA) {
                        Dataset.load(db);
                    } else {
                        Dataset.loadSchema(db);
                    }
                }
                Files.move(building, dir, StandardCopyOption.ATOMIC_MOVE);
                System.err.printf("fixture %s for %s built by %s in %.1f s (%s)%n", kind, format.key(), builder.key(),
                        (System.nanoTime() - start) / 1e9, dir);
            } catch (IOException | RuntimeException e) {
                delete(building);
                throw e;
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path cacheRoot() {
        String dir = System.getProperty(CACHE_PROPERTY);
        return dir != null ? Path.of(dir) : Path.of(System.getProperty("java.io.tmpdir"), "turso-bench-fixtures");
    }

    /**
     * A digest of the code {@code engine} runs: the contents of the class
     * path entries of its libraries (this engine's modules, sqlite-jdbc or
     * H2), jar entries by name and bytes, so rebuilding unchanged code keeps
     * the fingerprint.
     */
    static String fingerprint(Engine engine) {
        return FINGERPRINTS.computeIfAbsent(engine, e -> {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                List<Path> entries = Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                        .map(Path::of)
                        .filter(p -> belongsTo(e, p))
                        .sorted()
                        .toList();
                for (Path entry : entries) {
                    digestEntry(digest, entry);
                }
                return HexFormat.of().formatHex(digest.digest(), 0, 6);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            } catch (NoSuchAlgorithmException ex) {
                throw new IllegalStateException(ex);
            }
        });
    }

    /** Whether a class path entry is part of {@code engine}; this engine's modules are named turso.*, the suite excepted. */
    private static boolean belongsTo(Engine engine, Path entry) {
        String path = entry.toString().replace('\\', '/');
        return switch (engine) {
            case TURSO, TURSO_JDBC -> path.matches(".*/turso\\.(?!bench)[a-z.]+(/target/classes|-[^/]*\\.jar)$");
            case SQLITE -> path.matches(".*/sqlite-jdbc-[^/]*\\.jar$");
            case H2 -> path.matches(".*/h2-[^/]*\\.jar$");
        };
    }

    private static void digestEntry(MessageDigest digest, Path entry) throws IOException {
        digest.update(entry.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (Files.isDirectory(entry)) {
            try (Stream<Path> files = Files.walk(entry)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    digest.update(entry.relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    digest.update(Files.readAllBytes(f));
                }
            }
        } else if (Files.isRegularFile(entry)) {
            try (JarFile jar = new JarFile(entry.toFile())) {
                List<JarEntry> sorted = jar.stream().filter(j -> !j.isDirectory())
                        .sorted(Comparator.comparing(JarEntry::getName)).toList();
                for (JarEntry j : sorted) {
                    digest.update(j.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    try (InputStream in = jar.getInputStream(j)) {
                        digest.update(in.readAllBytes());
                    }
                }
            }
        }
    }

    private static Path newDirectory(String engine) {
        try {
            return Files.createTempDirectory("turso-bench-" + engine + "-");
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

    public Path dir() {
        return dir;
    }

    @Override
    public void close() {
        db.close();
        delete(dir);
    }
}
