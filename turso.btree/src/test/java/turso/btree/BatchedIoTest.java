/*
 * The shape of the pager's I/O as a VFS sees it (issue #9): a commit's pages
 * and their fsync in one batch, a WAL commit's frames and sync in one batch,
 * a checkpoint's copy in batches of many requests, and read-ahead batches
 * during a scan, with the data intact afterwards (checked against real
 * SQLite where a file is left behind). A recording VFS wraps the one the
 * suite runs on (TestVfs / NIO, or io_uring in the io_uring run) and passes
 * every request through to it.
 */
package turso.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.IoBatch;
import turso.api.spi.IoCompletion;
import turso.api.spi.SharedMemory;
import turso.api.spi.Vfs;
import turso.api.spi.VfsFile;

class BatchedIoTest {

    @TempDir
    Path dir;

    @Test
    void aRollbackJournalCommitWritesItsPagesAndSyncInOneBatch() throws Exception {
        String path = dir.resolve("r.db").toString();
        RecordingVfs vfs = new RecordingVfs(new TestVfs());
        try (Storage s = Storage.open(vfs, path, StorageOptions.DEFAULT.withPageSize(1024))) {
            WalTestSupport.createTable(s);
            vfs.batches.clear();
            WalTestSupport.insert(s, 1, 400);
        }
        List<String> commit = vfs.batches(Vfs.FileKind.MAIN_DB).stream().filter(b -> b.contains("W")).toList().getLast();
        assertTrue(commit.size() > 50, commit.toString());
        assertEquals("S", commit.getLast(), commit.toString());
        assertEquals(1, commit.stream().filter("S"::equals).count(), commit.toString());
        assertEquals(400, sqliteCount(path));
    }

    /** A WAL database (synchronous FULL, no automatic checkpoint) with table t. */
    private static Storage walWithTable(RecordingVfs vfs, String path, int pageSize) {
        Storage s = Storage.open(vfs, path, StorageOptions.DEFAULT.withPageSize(pageSize)
                .withJournalMode(JournalMode.WAL).withSyncMode(SyncMode.FULL));
        s.setAutoCheckpoint(0);
        WalTestSupport.createTable(s);
        return s;
    }

    @Test
    void aWalCommitIsOneBatchEndingInItsSyncAndACheckpointCopiesInBatches() throws Exception {
        String path = dir.resolve("w.db").toString();
        RecordingVfs vfs = new RecordingVfs(WalTestSupport.nio());
        try (Storage s = walWithTable(vfs, path, 1024)) {
            vfs.batches.clear();
            WalTestSupport.insert(s, 1, 400);
            List<List<String>> wal = vfs.batches(Vfs.FileKind.WAL);
            assertEquals(List.of("W", "S"), wal.getLast());
            vfs.batches.clear();
            CheckpointResult result = s.checkpoint(CheckpointMode.TRUNCATE);
            assertEquals(0, result.busy());
            assertEquals(WalTestSupport.expected(1, 400), WalTestSupport.rows(s));
        }
        List<List<String>> walBatches = vfs.batches.stream().filter(b -> b.kind() == Vfs.FileKind.WAL)
                .map(Batch::requests).toList();
        long frames = walBatches.stream().mapToLong(requests -> requests.stream()
                .mapToLong(r -> r.equals("R") ? 1 : r.startsWith("V") ? (Integer.parseInt(r.substring(1)) + 1) / 2 : 0)
                .sum()).max().orElse(0);
        assertTrue(frames > 50, "the checkpoint read " + frames + " frames in its largest batch");
        assertTrue(walBatches.stream().flatMap(List::stream).anyMatch(r -> r.startsWith("V")),
                "consecutive frames are read as one scatter read (page, header, page...)");
        assertEquals(400, sqliteCount(path));
    }

    @Test
    void onlyALargeCheckpointAsksForWritesPastTheOsCache() throws Exception {
        String path = dir.resolve("big.db").toString();
        RecordingVfs vfs = new RecordingVfs(WalTestSupport.nio());
        try (Storage s = walWithTable(vfs, path, 4096)) {
            WalTestSupport.insert(s, 1, 100);
            vfs.batches.clear();
            s.checkpoint(CheckpointMode.PASSIVE);
            List<List<String>> small = vfs.batches(Vfs.FileKind.MAIN_DB);
            assertTrue(small.stream().flatMap(List::stream).anyMatch("W"::equals), "the small checkpoint wrote pages");
            assertTrue(small.stream().noneMatch(b -> b.contains("U")), "a few pages stay in the OS cache");

            WalTestSupport.insert(s, 101, 20_000);
            vfs.batches.clear();
            assertEquals(0, s.checkpoint(CheckpointMode.TRUNCATE).busy());
            List<List<String>> large = vfs.batches(Vfs.FileKind.MAIN_DB).stream()
                    .filter(b -> b.contains("W")).toList();
            assertTrue(large.size() > 16, large.size() + " windows of writes");
            assertTrue(large.stream().allMatch(b -> b.getFirst().equals("U")), "more than 16 MiB bypasses it");
            assertEquals(WalTestSupport.expected(1, 20_000), WalTestSupport.rows(s));
        }
        assertEquals(20_000, sqliteCount(path));
    }

    @Test
    void aScanReadsTheNextLeavesAheadInBatchesItDoesNotWaitFor() {
        String path = dir.resolve("s.db").toString();
        RecordingVfs vfs = new RecordingVfs(new TestVfs());
        try (Storage s = Storage.open(vfs, path, StorageOptions.DEFAULT.withPageSize(1024))) {
            WalTestSupport.createTable(s);
            WalTestSupport.insert(s, 1, 2000);
        }
        vfs.batches.clear();
        try (Storage s = Storage.open(vfs, path, StorageOptions.DEFAULT.withPageSize(1024).withCacheSize(400))) {
            assertEquals(WalTestSupport.expected(1, 2000), WalTestSupport.rows(s));
        }
        long largest = vfs.batches(Vfs.FileKind.MAIN_DB).stream().mapToLong(List::size).max().orElse(0);
        assertEquals(ReadAhead.BATCH, largest, "read-ahead batch size");
        assertTrue(vfs.maxInFlight >= 2, "a read-ahead batch was submitted while the previous one was still unawaited");
    }

    @Test
    void aScanStoppedEarlyAndAFailedReadAheadLeaveTheCacheConsistent() {
        String path = dir.resolve("f.db").toString();
        try (Storage s = Storage.open(new TestVfs(), path, StorageOptions.DEFAULT.withPageSize(1024))) {
            WalTestSupport.createTable(s);
            WalTestSupport.insert(s, 1, 2000);
        }
        RecordingVfs vfs = new RecordingVfs(new TestVfs());
        try (Storage s = Storage.open(vfs, path, StorageOptions.DEFAULT.withPageSize(1024).withCacheSize(400))) {
            assertEquals(WalTestSupport.expected(1, 2000), WalTestSupport.rows(s));
            vfs.failReads = true;
            assertEquals(WalTestSupport.expected(1, 2000), WalTestSupport.rows(s));
            vfs.failReads = false;
            WalTestSupport.insert(s, 2001, 2100);
            assertEquals(WalTestSupport.expected(1, 2100), WalTestSupport.rows(s));
        }
        assertTrue(vfs.failedBatches > 0, "some read-ahead batches failed");
        assertEquals(2100, sqliteCountUnchecked(path));
    }

    private static long sqliteCountUnchecked(String path) {
        try {
            return sqliteCount(path);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static long sqliteCount(String path) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + path); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM t")) {
            return rs.getLong(1);
        }
    }

    /** One batch as submitted: R, W and S per request, in order. */
    record Batch(Vfs.FileKind kind, List<String> requests) {}

    /** Passes everything to {@code inner}, recording each batch's requests by file kind. */
    static final class RecordingVfs extends ForwardingVfs {
        final List<Batch> batches = new ArrayList<>();
        /** Batches submitted and not yet awaited, and the most there were at once. */
        int inFlight;
        int maxInFlight;
        /** When set, every batch of more than one read fails on await (a read-ahead's), its buffers scribbled on. */
        boolean failReads;
        int failedBatches;

        RecordingVfs(Vfs inner) {
            super(inner);
        }

        List<List<String>> batches(FileKind kind) {
            return batches.stream().filter(b -> b.kind() == kind).map(Batch::requests).toList();
        }

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public VfsFile open(String path, FileKind kind, Set<OpenFlag> flags) {
            VfsFile f = inner.open(path, kind, flags);
            return new File(f) {
                @Override
                public int sectorSize() {
                    return f.sectorSize();
                }

                @Override
                public Set<DeviceCharacteristic> deviceCharacteristics() {
                    return f.deviceCharacteristics();
                }

                @Override
                public Optional<SharedMemory> sharedMemory() {
                    return f.sharedMemory();
                }

                @Override
                public IoBatch batch() {
                    return recording(f.batch(), List.of());
                }

                /** Recorded with a "U" before its requests: a batch that may bypass the OS cache. */
                @Override
                public IoBatch uncachedBatch() {
                    return recording(f.uncachedBatch(), List.of("U"));
                }

                private IoBatch recording(IoBatch b, List<String> mark) {
                    List<String> requests = new ArrayList<>(mark);
                    List<MemorySegment> targets = new ArrayList<>();
                    return new IoBatch() {
                        @Override
                        public int read(MemorySegment dst, long offset) {
                            requests.add("R");
                            targets.add(dst);
                            return b.read(dst, offset);
                        }

                        @Override
                        public int readScattered(List<MemorySegment> dsts, long offset) {
                            requests.add("V" + dsts.size());
                            targets.addAll(dsts);
                            return b.readScattered(dsts, offset);
                        }

                        @Override
                        public int write(MemorySegment src, long offset) {
                            requests.add("W");
                            return b.write(src, offset);
                        }

                        @Override
                        public int sync(SyncType type) {
                            requests.add("S");
                            return b.sync(type);
                        }

                        @Override
                        public int size() {
                            return b.size();
                        }

                        @Override
                        public IoCompletion submit() {
                            batches.add(new Batch(kind, List.copyOf(requests)));
                            boolean fail = failReads && requests.size() > 1 && requests.stream().allMatch(r -> r.equals("R") || r.startsWith("V"));
                            IoCompletion c = b.submit();
                            inFlight++;
                            maxInFlight = Math.max(maxInFlight, inFlight);
                            return new IoCompletion() {
                                private boolean awaited;

                                @Override
                                public void await() {
                                    if (!awaited) {
                                        awaited = true;
                                        inFlight--;
                                    }
                                    c.await();
                                    if (fail) {
                                        failedBatches++;
                                        targets.forEach(t -> t.fill((byte) 0x55));
                                        throw new TursoException(ResultCode.IOERR_READ);
                                    }
                                }

                                @Override
                                public boolean isDone() {
                                    return c.isDone();
                                }

                                @Override
                                public long transferred(int index) {
                                    return c.transferred(index);
                                }
                            };
                        }
                    };
                }
            };
        }
    }
}
