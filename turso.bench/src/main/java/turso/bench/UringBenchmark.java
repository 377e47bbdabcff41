/*
 * io_uring against NIO on the I/O the pager batches (issue #9), both VFSs in
 * the same JMH run (the vfs parameter), on the native API (turso.api):
 *
 * - pointRead: one row by rowid at random over a database 4x larger than
 *   the page cache (cache_size set to a quarter of the file's pages), so
 *   three reads in four miss it. osCache=cold evicts the file from the OS's
 *   page cache before every call (posix_fadvise, OsCache), so the missed
 *   pages come from the device; osCache=warm leaves it there, so a miss is
 *   a memory copy in the kernel.
 * - scan: the whole table of the same database, each row's payload read;
 *   the cache holds a quarter of it, so every scan reads every leaf again,
 *   and the pager's read-ahead keeps one to two batches of 32 leaves in
 *   flight ahead of the cursor; cold and warm as above. Cold means: this
 *   file's pages evicted from this machine's page cache; below it, the
 *   virtual disk's host may still have cached them.
 * - smallCommits: 10 000 one-row INSERT transactions in WAL mode with
 *   synchronous=FULL (an fsync per commit, plus the automatic checkpoints).
 * - checkpoint: PRAGMA wal_checkpoint(TRUNCATE) of a WAL holding 100 000
 *   dirty pages (a transaction that rewrote every row of a 100 000-page
 *   table, one row per page), set up before each call and not timed.
 *
 * - batchOf32Reads: the VFS alone (no engine), 32 random page reads of a
 *   64 MiB file per IoBatch, the shape of the pager's read-ahead.
 *
 * Run: turso.bench/bin/uring (builds, then runs this class). Each trial works
 * in its own temporary directory on the disk of the working directory.
 */
package turso.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import turso.api.Connection;
import turso.api.Database;
import turso.api.OpenOptions;
import turso.api.Statement;
import turso.api.spi.IoBatch;
import turso.api.spi.NamedServices;
import turso.api.spi.Vfs;
import turso.api.spi.VfsFile;

@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx2g"})
public class UringBenchmark {

    /** Rows of the read database, three to a 4 KiB page: about 13 500 pages (55 MB). */
    static final int READ_ROWS = 40_000;
    /** Rows, one per page, of the checkpoint's table. */
    static final int CHECKPOINT_PAGES = 100_000;
    static final int COMMITS = 10_000;

    /** An empty directory of its own and a database in it, on the VFS of the run. */
    abstract static class Files0 {
        String vfsName;
        Path dir;
        Database database;
        Connection connection;

        void open(String vfs) {
            vfsName = vfs;
            try {
                dir = Files.createTempDirectory(Path.of("").toAbsolutePath(), "uring-bench-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            reopen();
        }

        void reopen() {
            database = Database.open(dir.resolve("bench.db").toString(), OpenOptions.defaults().withVfs(vfsName));
            connection = database.connect();
        }

        void closeDatabase() {
            connection.close();
            database.close();
        }

        void close() {
            closeDatabase();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        long longOf(String sql) {
            try (Statement st = connection.prepare(sql)) {
                st.step();
                return st.columnLong(0);
            }
        }
    }

    /** The database 4x the page cache, built once per trial, then reopened so that the cache starts empty. */
    @State(Scope.Thread)
    public static class ReadDb extends Files0 {
        @Param({"nio", "io_uring"})
        public String vfs;

        /** "cold": the file is evicted from the OS cache before every call (OsCache), so pages come from the device. */
        @Param({"cold", "warm"})
        public String osCache;

        Statement point;
        Statement scan;
        final SplittableRandom random = new SplittableRandom(7);

        @Setup(Level.Trial)
        public void setUp() {
            open(vfs);
            connection.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, n INTEGER, payload BLOB)");
            connection.execute("BEGIN");
            try (Statement insert = connection.prepare("INSERT INTO t VALUES (?1, ?2, randomblob(1200))")) {
                for (int id = 1; id <= READ_ROWS; id++) {
                    insert.bindLong(1, id);
                    insert.bindLong(2, id);
                    insert.step();
                    insert.reset();
                }
            }
            connection.execute("COMMIT");
            closeDatabase();
            reopen();
            long pages = longOf("PRAGMA page_count");
            connection.execute("PRAGMA cache_size = " + pages / 4);
            point = connection.prepare("SELECT n, length(payload) FROM t WHERE id = ?1");
            scan = connection.prepare("SELECT sum(length(payload)) FROM t");
        }

        @Setup(Level.Invocation)
        public void evict() {
            if (osCache.equals("cold") && !OsCache.evict(dir.resolve("bench.db"))) {
                throw new IllegalStateException("cannot evict the database from the OS cache here");
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            point.close();
            scan.close();
            close();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 2, time = 2)
    @Measurement(iterations = 5, time = 2)
    public long pointRead(ReadDb db) {
        Statement st = db.point;
        st.bindLong(1, 1 + db.random.nextInt(READ_ROWS));
        st.step();
        long n = st.columnLong(0) + st.columnLong(1);
        st.reset();
        return n;
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2, time = 2)
    @Measurement(iterations = 5, time = 2)
    public long scan(ReadDb db) {
        Statement st = db.scan;
        st.step();
        long sum = st.columnLong(0);
        st.reset();
        return sum;
    }

    /**
     * The VFS alone, without the engine: a 64 MiB file read as the pager's
     * read-ahead reads, 32 random 4 KiB pages per IoBatch, into native
     * buffers. What io_uring changes at the I/O layer, before the engine's
     * per-row work dilutes it.
     */
    @State(Scope.Thread)
    public static class RawFile {
        @Param({"nio", "io_uring"})
        public String vfs;

        static final int PAGES = 16_384;
        Path path;
        VfsFile file;
        Arena arena;
        MemorySegment[] buffers;
        final SplittableRandom random = new SplittableRandom(11);

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            path = Files.createTempFile(Path.of("").toAbsolutePath(), "uring-raw-", ".db");
            byte[] chunk = new byte[1 << 20];
            random.nextBytes(chunk);
            try (var out = Files.newOutputStream(path)) {
                for (int i = 0; i < PAGES / 256; i++) {
                    out.write(chunk);
                }
            }
            Vfs named = NamedServices.load(Vfs.class, "VFS").lookup(vfs);
            file = named.open(path.toString(), Vfs.FileKind.MAIN_DB, EnumSet.of(Vfs.OpenFlag.READ_WRITE));
            arena = Arena.ofShared();
            buffers = new MemorySegment[ReadAheadWindow.PAGES];
            for (int i = 0; i < buffers.length; i++) {
                buffers[i] = arena.allocate(4096, 4096);
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            file.close();
            arena.close();
            Files.delete(path);
        }
    }

    /** The pager's read-ahead window. */
    static final class ReadAheadWindow {
        static final int PAGES = 32;
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 2, time = 2)
    @Measurement(iterations = 5, time = 2)
    public long batchOf32Reads(RawFile raw) {
        IoBatch batch = raw.file.batch();
        for (MemorySegment buffer : raw.buffers) {
            batch.read(buffer, 4096L * raw.random.nextInt(RawFile.PAGES));
        }
        return batch.execute().transferred(0);
    }

    /** A WAL database with synchronous=FULL; a few hundred commits in setup warm the code up. */
    @State(Scope.Thread)
    public static class CommitDb extends Files0 {
        @Param({"nio", "io_uring"})
        public String vfs;

        Statement insert;
        long id;

        @Setup(Level.Trial)
        public void setUp() {
            open(vfs);
            connection.execute("PRAGMA journal_mode = WAL");
            connection.execute("PRAGMA synchronous = FULL");
            connection.execute("CREATE TABLE events(id INTEGER PRIMARY KEY, kind INTEGER, payload TEXT)");
            insert = connection.prepare("INSERT INTO events VALUES (?1, ?2, ?3)");
            for (int i = 0; i < 300; i++) {
                commitOne();
            }
        }

        void commitOne() {
            id++;
            insert.bindLong(1, id);
            insert.bindLong(2, id % 16);
            insert.bindText(3, "event payload " + id);
            insert.step();
            insert.reset();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            insert.close();
            close();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 2)
    public long smallCommits(CommitDb db) {
        for (int i = 0; i < COMMITS; i++) {
            db.commitOne();
        }
        return db.id;
    }

    /** A 100 000-page table; before each checkpoint, one transaction rewrites every row into the WAL. */
    @State(Scope.Thread)
    public static class CheckpointDb extends Files0 {
        @Param({"nio", "io_uring"})
        public String vfs;


        @Setup(Level.Trial)
        public void setUp() {
            open(vfs);
            connection.execute("PRAGMA journal_mode = WAL");
            connection.execute("PRAGMA wal_autocheckpoint = 0");
            connection.execute("CREATE TABLE big(id INTEGER PRIMARY KEY, n INTEGER, payload BLOB)");
            connection.execute("BEGIN");
            try (Statement insert = connection.prepare("INSERT INTO big VALUES (?1, 0, randomblob(3000))")) {
                for (int id = 1; id <= CHECKPOINT_PAGES; id++) {
                    insert.bindLong(1, id);
                    insert.step();
                    insert.reset();
                }
            }
            connection.execute("COMMIT");
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }

        @Setup(Level.Invocation)
        public void dirty() {
            connection.execute("UPDATE big SET n = n + 1");
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            close();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public long checkpoint(CheckpointDb db) {
        return db.longOf("PRAGMA wal_checkpoint(TRUNCATE)");
    }
}
