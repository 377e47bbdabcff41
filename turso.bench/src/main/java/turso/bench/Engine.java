/*
 * The four engines a workload runs on, by the name the benchmarks' "engine"
 * parameter gives, and how each opens a database file in a directory of its
 * own. This engine and SQLite get the same PRAGMAs (WAL, the synchronous
 * level asked for, a 64 MiB page cache), and a note on stderr says when an
 * engine stays in another journal mode, since writes then compare unlike
 * commits. H2 opens in embedded file mode with its defaults and a 64 MiB
 * cache (it has no per-commit sync setting), without its cache of query
 * results (OPTIMIZE_REUSE_RESULTS), which would answer a repeated
 * parameterless query without running it, and with a lock timeout as long
 * as the SQLite engines' busy timeout for the mixed workload's writers.
 */
package turso.bench;

import java.nio.file.Path;
import java.util.List;

public enum Engine {
    TURSO("turso"),
    TURSO_JDBC("turso-jdbc"),
    SQLITE("sqlite"),
    H2("h2");

    /** The SQLite synchronous level of every workload. */
    public static final String DEFAULT_SYNC = "NORMAL";

    /** The parameter names of all engines, in the order of the report's columns. */
    public static final List<String> KEYS = List.of("turso", "turso-jdbc", "sqlite", "h2");

    private final String key;

    Engine(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Engine of(String key) {
        for (Engine e : values()) {
            if (e.key.equals(key)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown engine " + key + "; expected turso, turso-jdbc, sqlite or h2");
    }

    /**
     * The engine whose files this one reads: the native API and the JDBC
     * driver of this engine share one file format, so they share fixtures.
     */
    Engine fileFormat() {
        return this == TURSO_JDBC ? TURSO : this;
    }

    /** Opens (creating) the database of this engine in {@code dir} with no PRAGMAs: what an application's first connection does. */
    public BenchDb connect(Path dir) {
        Path file = dir.resolve("bench.db");
        return switch (this) {
            case TURSO -> new TursoDb(file);
            case TURSO_JDBC -> new JdbcDb("jdbc:turso:" + file);
            case SQLITE -> new JdbcDb("jdbc:sqlite:" + file);
            case H2 -> new JdbcDb("jdbc:h2:file:" + dir.resolve("bench")
                    + ";CACHE_SIZE=65536;OPTIMIZE_REUSE_RESULTS=FALSE;LOCK_TIMEOUT=3000");
        };
    }

    /**
     * Opens (creating) the database of this engine in {@code dir} with the
     * suite's settings.
     *
     * @param synchronous SQLite's synchronous level, or null for the library's default
     */
    public BenchDb open(Path dir, String synchronous) {
        BenchDb db = connect(dir);
        try {
            if (this != H2) {
                String mode = db.text("PRAGMA journal_mode=WAL");
                if (!"wal".equalsIgnoreCase(mode)) {
                    System.err.println("note: " + key + " runs with journal_mode=" + mode + " (WAL was asked for)");
                }
                db.exec("PRAGMA cache_size=-65536");
                if (synchronous != null) {
                    db.exec("PRAGMA synchronous=" + synchronous);
                }
            }
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }
}
