/*
 * The io_uring VFS's behaviour, the same as NIO's where it applies:
 * positional reads and writes of heap and native segments, the short-read
 * zero fill, batches larger than the ring, syncs as barriers, locks shared
 * with other handles, and files that NIO and the OS see identically. Skipped
 * (with the reason) where io_uring is unavailable.
 */
package turso.vfs.uring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.IoBatch;
import turso.api.spi.IoCompletion;
import turso.api.spi.NamedServices;
import turso.api.spi.Vfs;
import turso.api.spi.Vfs.FileKind;
import turso.api.spi.Vfs.OpenFlag;
import turso.api.spi.VfsFile;
import turso.api.spi.VfsFile.LockLevel;

class UringVfsTest {

    private static final Set<OpenFlag> CREATE = EnumSet.of(OpenFlag.READ_WRITE, OpenFlag.CREATE);

    @TempDir
    Path dir;

    private final UringVfs vfs = new UringVfs();

    @BeforeAll
    static void needsIoUring() {
        UringVfs probe = new UringVfs();
        Assumptions.assumeTrue(probe.isAvailable(), () -> "io_uring unavailable: " + probe.unavailableReason());
    }

    static byte[] pattern(int size, int seed) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + seed);
        }
        return bytes;
    }

    private String path(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void availableMeansNoReason() {
        assertTrue(vfs.isAvailable());
        assertEquals("", vfs.unavailableReason());
    }

    @Test
    void serviceLoaderFindsIt() {
        NamedServices<Vfs> services = NamedServices.load(Vfs.class, "VFS");
        assertTrue(services.lookup("io_uring") instanceof UringVfs);
        assertTrue(services.find("nio").isPresent(), "NIO comes along as a dependency");
    }

    @Test
    void writtenBytesReadBackAndReachTheFile() throws Exception {
        Path file = dir.resolve("a.db");
        try (VfsFile f = vfs.open(file.toString(), FileKind.MAIN_DB, CREATE); Arena arena = Arena.ofConfined()) {
            f.write(MemorySegment.ofArray(pattern(4096, 1)), 0);
            MemorySegment page = arena.allocate(4096);
            page.copyFrom(MemorySegment.ofArray(pattern(4096, 2)));
            f.write(page, 4096);
            f.write(MemorySegment.ofArray(pattern(10, 3)).asReadOnly(), 8192);
            f.sync(VfsFile.SyncType.FULL);
            assertEquals(8202, f.size());

            MemorySegment back = arena.allocate(4096);
            assertEquals(4096, f.read(back, 4096));
            assertArrayEquals(pattern(4096, 2), back.toArray(ValueLayout.JAVA_BYTE));
            long[] longs = new long[512];
            assertEquals(4096, f.read(MemorySegment.ofArray(longs), 0));
            assertArrayEquals(pattern(4096, 1), MemorySegment.ofArray(longs).toArray(ValueLayout.JAVA_BYTE));
        }
        byte[] onDisk = Files.readAllBytes(file);
        assertEquals(8202, onDisk.length);
        assertArrayEquals(pattern(4096, 2), Arrays.copyOfRange(onDisk, 4096, 8192));
        assertArrayEquals(pattern(10, 3), Arrays.copyOfRange(onDisk, 8192, 8202));
    }

    @Test
    void scatterReadsFillTheirSegmentsInOrderAloneOrInABatch() throws Exception {
        Path file = dir.resolve("scatter.db");
        Files.write(file, pattern(10_000, 6));
        byte[] whole = pattern(10_000, 6);
        try (VfsFile f = vfs.open(file.toString(), FileKind.MAIN_DB, CREATE); Arena arena = Arena.ofConfined()) {
            MemorySegment page = arena.allocate(4096);
            MemorySegment header = arena.allocate(24);
            byte[] heap = new byte[1000];
            IoBatch alone = f.batch();
            int index = alone.readScattered(List.of(page, header, MemorySegment.ofArray(heap)), 100);
            assertEquals(5120, alone.execute().transferred(index));
            assertArrayEquals(Arrays.copyOfRange(whole, 100, 4196), page.toArray(ValueLayout.JAVA_BYTE));
            assertArrayEquals(Arrays.copyOfRange(whole, 4196, 4220), header.toArray(ValueLayout.JAVA_BYTE));
            assertArrayEquals(Arrays.copyOfRange(whole, 4220, 5220), heap, "a heap segment, through a bounce buffer");

            MemorySegment second = arena.allocate(4096);
            MemorySegment pastEnd = arena.allocate(4096);
            pastEnd.fill((byte) 1);
            IoBatch batch = f.batch();
            int first = batch.readScattered(List.of(page, header), 0);
            int last = batch.readScattered(List.of(second, pastEnd), 4096);
            IoCompletion done = batch.execute();
            assertEquals(4120, done.transferred(first));
            assertEquals(10_000 - 4096, done.transferred(last), "the file ends inside the second segment");
            assertArrayEquals(Arrays.copyOfRange(whole, 0, 4096), page.toArray(ValueLayout.JAVA_BYTE));
            assertArrayEquals(Arrays.copyOfRange(whole, 4096, 8192), second.toArray(ValueLayout.JAVA_BYTE));
            byte[] tail = new byte[4096];
            System.arraycopy(whole, 8192, tail, 0, 10_000 - 8192);
            assertArrayEquals(tail, pastEnd.toArray(ValueLayout.JAVA_BYTE), "zero-filled past the end of the file");
        }
    }

    @Test
    void uncachedWritesReplaceCachedPagesGrowTheFileAndMixWithUnalignedOnes() throws Exception {
        Path file = dir.resolve("uncached.db");
        try (VfsFile f = vfs.open(file.toString(), FileKind.MAIN_DB, CREATE); Arena arena = Arena.ofConfined()) {
            f.write(MemorySegment.ofArray(pattern(8 * 4096, 1)), 0);
            byte[] cached = new byte[8 * 4096];
            assertEquals(cached.length, f.read(MemorySegment.ofArray(cached), 0), "now in the OS cache");

            MemorySegment aligned = arena.allocate(3 * 4096, 4096);
            aligned.copyFrom(MemorySegment.ofArray(pattern(3 * 4096, 2)));
            MemorySegment beyond = arena.allocate(2 * 4096, 4096);
            beyond.copyFrom(MemorySegment.ofArray(pattern(2 * 4096, 3)));
            IoBatch batch = f.uncachedBatch();
            batch.write(aligned, 4096);
            batch.write(beyond, 10 * 4096);
            batch.write(MemorySegment.ofArray(pattern(100, 4)), 6 * 4096 + 10);
            batch.write(aligned.asSlice(0, 4096).asReadOnly(), 7 * 4096);
            batch.sync(VfsFile.SyncType.FULL);
            batch.submit().await();

            byte[] expected = new byte[12 * 4096];
            System.arraycopy(pattern(8 * 4096, 1), 0, expected, 0, 8 * 4096);
            System.arraycopy(pattern(3 * 4096, 2), 0, expected, 4096, 3 * 4096);
            System.arraycopy(pattern(100, 4), 0, expected, 6 * 4096 + 10, 100);
            System.arraycopy(pattern(4096, 2), 0, expected, 7 * 4096, 4096);
            System.arraycopy(pattern(2 * 4096, 3), 0, expected, 10 * 4096, 2 * 4096);
            assertEquals(expected.length, f.size());
            byte[] back = new byte[expected.length];
            assertEquals(expected.length, f.read(MemorySegment.ofArray(back), 0));
            assertArrayEquals(expected, back, "the handle reads what the uncached writes put there");
            assertArrayEquals(expected, Files.readAllBytes(file), "and so does everyone else");
        }
    }

    @Test
    void uncachedWritesGoToTheOpenFileEvenIfItsNameNowNamesAnother() throws Exception {
        Path file = dir.resolve("renamed.db");
        Path other = dir.resolve("other.db");
        try (VfsFile f = vfs.open(file.toString(), FileKind.MAIN_DB, CREATE); Arena arena = Arena.ofConfined()) {
            f.write(MemorySegment.ofArray(pattern(4096, 1)), 0);
            Files.write(other, pattern(4096, 5));
            Files.move(other, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            MemorySegment page = arena.allocate(4096, 4096);
            page.copyFrom(MemorySegment.ofArray(pattern(4096, 2)));
            IoBatch batch = f.uncachedBatch();
            batch.write(page, 0);
            batch.execute();
            byte[] back = new byte[4096];
            f.read(MemorySegment.ofArray(back), 0);
            assertArrayEquals(pattern(4096, 2), back);
            assertArrayEquals(pattern(4096, 5), Files.readAllBytes(file), "the file now at the path is untouched");
        }
    }

    @Test
    void shortReadZeroFills() {
        try (VfsFile f = vfs.open(path("short.db"), FileKind.MAIN_DB, CREATE)) {
            f.write(MemorySegment.ofArray(pattern(100, 1)), 0);
            byte[] buffer = new byte[4096];
            Arrays.fill(buffer, (byte) 0x55);
            assertEquals(100, f.read(MemorySegment.ofArray(buffer), 0));
            byte[] expected = new byte[4096];
            System.arraycopy(pattern(100, 1), 0, expected, 0, 100);
            assertArrayEquals(expected, buffer);
            Arrays.fill(buffer, (byte) 0x55);
            assertEquals(0, f.read(MemorySegment.ofArray(buffer), 1 << 20));
            assertArrayEquals(new byte[4096], buffer);
        }
    }

    @Test
    void batchLargerThanTheRingWithSyncBarriers() throws Exception {
        int pages = 1000;
        Path file = dir.resolve("batch.db");
        try (VfsFile f = vfs.open(file.toString(), FileKind.MAIN_DB, CREATE); Arena arena = Arena.ofConfined()) {
            IoBatch writes = f.batch();
            for (int i = 0; i < pages; i++) {
                MemorySegment page = i % 2 == 0 ? arena.allocate(512) : MemorySegment.ofArray(new byte[512]);
                page.copyFrom(MemorySegment.ofArray(pattern(512, i)));
                writes.write(page, i * 512L);
                if (i == pages / 2) {
                    writes.sync(VfsFile.SyncType.DATA_ONLY);
                }
            }
            int last = writes.sync(VfsFile.SyncType.FULL);
            IoCompletion done = writes.submit();
            done.await();
            assertTrue(done.isDone());
            assertEquals(0, done.transferred(last));
            assertEquals(512, done.transferred(7));

            IoBatch reads = f.batch();
            byte[][] back = new byte[pages + 1][512];
            for (int i = 0; i <= pages; i++) {
                reads.read(MemorySegment.ofArray(back[i]), i * 512L);
            }
            IoCompletion read = reads.execute();
            for (int i = 0; i < pages; i++) {
                assertArrayEquals(pattern(512, i), back[i], "page " + i);
                assertEquals(512, read.transferred(i));
            }
            assertEquals(0, read.transferred(pages));
        }
        assertEquals(pages * 512L, Files.size(file));
    }

    @Test
    void aSubmittedBatchCanWaitWhileTheFileIsUsed() {
        try (VfsFile f = vfs.open(path("overlap.db"), FileKind.MAIN_DB, CREATE)) {
            IoBatch batch = f.batch();
            for (int i = 0; i < 100; i++) {
                batch.write(MemorySegment.ofArray(pattern(1024, i)), i * 1024L);
            }
            IoCompletion pending = batch.submit();
            byte[] other = new byte[16];
            f.write(MemorySegment.ofArray(pattern(16, 9)), 200_000);
            assertEquals(16, f.read(MemorySegment.ofArray(other), 200_000));
            pending.await();
            byte[] page = new byte[1024];
            f.read(MemorySegment.ofArray(page), 99 * 1024L);
            assertArrayEquals(pattern(1024, 99), page);
            assertThrows(TursoException.class, () -> batch.write(MemorySegment.ofArray(page), 0));
        }
    }

    @Test
    void submittedReadsRunInTheBackgroundAndAreThereOnAwait() {
        int pages = 64;
        try (VfsFile f = vfs.open(path("ahead.db"), FileKind.MAIN_DB, CREATE); Arena arena = Arena.ofConfined()) {
            IoBatch writes = f.batch();
            for (int i = 0; i < pages; i++) {
                writes.write(MemorySegment.ofArray(pattern(4096, i)), i * 4096L);
            }
            writes.sync(VfsFile.SyncType.NORMAL);
            writes.execute();
            MemorySegment[] buffers = new MemorySegment[pages];
            IoBatch reads = f.batch();
            for (int i = 0; i < pages; i++) {
                buffers[i] = arena.allocate(4096, 4096);
                buffers[i].fill((byte) 0x55);
                reads.read(buffers[i], (pages - 1 - i) * 4096L);
            }
            IoCompletion pending = reads.submit();
            byte[] lone = new byte[4096];
            assertEquals(4096, f.read(MemorySegment.ofArray(lone), 5 * 4096L));
            assertArrayEquals(pattern(4096, 5), lone);
            f.write(MemorySegment.ofArray(pattern(100, 7)), pages * 4096L);
            f.sync(VfsFile.SyncType.DATA_ONLY);
            pending.await();
            for (int i = 0; i < pages; i++) {
                assertArrayEquals(pattern(4096, pages - 1 - i), buffers[i].toArray(ValueLayout.JAVA_BYTE), "page " + i);
                assertEquals(4096, pending.transferred(i));
            }
        }
    }

    @Test
    void largeTransfers() {
        int size = 8 << 20;
        try (VfsFile f = vfs.open(path("large.db"), FileKind.MAIN_DB, CREATE); Arena arena = Arena.ofConfined()) {
            MemorySegment big = arena.allocate(size);
            big.copyFrom(MemorySegment.ofArray(pattern(size, 5)));
            f.write(big, 3);
            MemorySegment back = arena.allocate(size + 100);
            assertEquals(size, f.read(back, 3));
            assertEquals(-1, back.asSlice(0, size).mismatch(big));
            assertEquals(0, back.get(ValueLayout.JAVA_BYTE, size + 50));
        }
    }

    @Test
    void truncateLocksAndSharedMemoryComeFromNio() {
        String path = path("locks.db");
        try (VfsFile a = vfs.open(path, FileKind.MAIN_DB, CREATE);
                VfsFile b = vfs.open(path, FileKind.MAIN_DB, CREATE)) {
            a.write(MemorySegment.ofArray(pattern(10_000, 1)), 0);
            b.truncate(4096);
            assertEquals(4096, a.size());
            assertTrue(a.lock(LockLevel.SHARED));
            assertTrue(b.lock(LockLevel.SHARED));
            assertTrue(a.lock(LockLevel.RESERVED));
            assertTrue(b.checkReservedLock());
            assertFalse(b.lock(LockLevel.RESERVED));
            assertFalse(a.lock(LockLevel.EXCLUSIVE));
            b.unlock(LockLevel.NONE);
            assertTrue(a.lock(LockLevel.EXCLUSIVE));
            MemorySegment region = a.sharedMemory().orElseThrow().region(0, 32768, true);
            region.set(ValueLayout.JAVA_INT, 0, 77);
            assertEquals(77, b.sharedMemory().orElseThrow().region(0, 32768, false).get(ValueLayout.JAVA_INT, 0));
        }
    }

    @Test
    void closingOneHandleKeepsTheOthersLocksAndDescriptor() {
        String path = path("keep.db");
        try (VfsFile a = vfs.open(path, FileKind.MAIN_DB, CREATE)) {
            assertTrue(a.lock(LockLevel.SHARED));
            assertTrue(a.lock(LockLevel.EXCLUSIVE));
            vfs.open(path, FileKind.MAIN_DB, CREATE).close();
            try (VfsFile c = new turso.vfs.nio.NioVfs().open(path, FileKind.MAIN_DB, CREATE)) {
                assertFalse(c.lock(LockLevel.SHARED), "a still holds EXCLUSIVE");
            }
            a.write(MemorySegment.ofArray(pattern(100, 2)), 0);
            assertEquals(100, a.read(MemorySegment.ofArray(new byte[100]), 0));
        }
    }

    @Test
    void temporaryAndDeleteOnCloseFiles() {
        try (VfsFile anonymous = vfs.open(null, FileKind.TEMP_DB, CREATE)) {
            anonymous.write(MemorySegment.ofArray(pattern(5000, 4)), 0);
            byte[] back = new byte[5000];
            assertEquals(5000, anonymous.read(MemorySegment.ofArray(back), 0));
            assertArrayEquals(pattern(5000, 4), back);
        }
        String path = path("gone.db");
        try (VfsFile f = vfs.open(path, FileKind.TEMP_JOURNAL,
                EnumSet.of(OpenFlag.READ_WRITE, OpenFlag.CREATE, OpenFlag.DELETE_ON_CLOSE))) {
            f.write(MemorySegment.ofArray(pattern(100, 5)), 0);
            byte[] back = new byte[100];
            f.read(MemorySegment.ofArray(back), 0);
            assertArrayEquals(pattern(100, 5), back);
        }
        assertFalse(Files.exists(Path.of(path)));
    }

    @Test
    void readOnlyHandlesRefuseWrites() {
        String path = path("ro.db");
        vfs.open(path, FileKind.MAIN_DB, CREATE).close();
        try (VfsFile f = vfs.open(path, FileKind.MAIN_DB, EnumSet.of(OpenFlag.READ_ONLY))) {
            TursoException e = assertThrows(TursoException.class, () -> f.write(MemorySegment.ofArray(new byte[1]), 0));
            assertEquals(ResultCode.READONLY, e.resultCode());
            try (VfsFile writer = vfs.open(path, FileKind.MAIN_DB, CREATE)) {
                writer.write(MemorySegment.ofArray(pattern(64, 6)), 0);
                writer.sync(VfsFile.SyncType.FULL);
                byte[] back = new byte[64];
                assertEquals(64, f.read(MemorySegment.ofArray(back), 0));
                assertArrayEquals(pattern(64, 6), back);
                assertTrue(f.lock(LockLevel.SHARED));
                assertTrue(writer.lock(LockLevel.SHARED));
                assertTrue(writer.lock(LockLevel.RESERVED));
            }
        }
        TursoException missing = assertThrows(TursoException.class,
                () -> vfs.open(path("missing.db"), FileKind.MAIN_DB, EnumSet.of(OpenFlag.READ_WRITE)));
        assertEquals(ResultCode.CANTOPEN, missing.resultCode());
    }

    private static String sqlite3(Path db, String sql) throws Exception {
        Process p = new ProcessBuilder("sqlite3", db.toString(), sql).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
        return out;
    }

    private static boolean hasSqlite3() {
        try {
            return new ProcessBuilder("sqlite3", "-version").start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void aDatabaseCopiedThroughTheRingIsIntactForSqlite() throws Exception {
        Assumptions.assumeTrue(hasSqlite3(), "the sqlite3 CLI is not installed");
        Path source = dir.resolve("source.db");
        Path copy = dir.resolve("copy.db");
        assertEquals("", sqlite3(source, "PRAGMA page_size=1024; CREATE TABLE t(x, y);"
                + "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)"
                + " INSERT INTO t SELECT i, randomblob(i % 700) FROM n; CREATE INDEX ty ON t(y);"));
        try (VfsFile in = vfs.open(source.toString(), FileKind.MAIN_DB, EnumSet.of(OpenFlag.READ_WRITE));
                VfsFile out = vfs.open(copy.toString(), FileKind.MAIN_DB, CREATE);
                Arena arena = Arena.ofConfined()) {
            assertTrue(in.lock(LockLevel.SHARED));
            int pages = (int) (in.size() / 1024);
            MemorySegment all = arena.allocate((long) pages * 1024);
            IoBatch reads = in.batch();
            for (int i = 0; i < pages; i++) {
                reads.read(all.asSlice(i * 1024L, 1024), i * 1024L);
            }
            reads.execute();
            IoBatch writes = out.batch();
            for (int i = pages - 1; i >= 0; i--) {
                writes.write(all.asSlice(i * 1024L, 1024), i * 1024L);
            }
            writes.sync(VfsFile.SyncType.FULL);
            writes.execute();
            assertTrue(in.lock(LockLevel.RESERVED));
            assertTrue(in.lock(LockLevel.EXCLUSIVE));
            assertTrue(sqlite3(source, "SELECT count(*) FROM t").contains("database is locked"),
                    "sqlite3 sees the lock taken through the io_uring VFS");
        }
        assertEquals("ok\n", sqlite3(copy, "PRAGMA integrity_check"));
        assertEquals("5000|1717607\n", sqlite3(copy, "SELECT count(*), sum(length(y)) FROM t"));
    }

    @Test
    void threadsWithTheirOwnHandlesDoNotMixCompletions() throws Exception {
        concurrentHandles(Thread.ofPlatform(), "threads.db");
    }

    /** Virtual threads reap by parking, not in io_uring_enter: 16 of them on 2 cores, each batch ending in an fsync. */
    @Test
    void virtualThreadsGetTheirCompletionsToo() throws Exception {
        concurrentHandles(Thread.ofVirtual(), "virtual.db");
    }

    private void concurrentHandles(Thread.Builder builder, String name) throws Exception {
        String path = path(name);
        int threadCount = builder instanceof Thread.Builder.OfVirtual ? 16 : 4;
        vfs.open(path, FileKind.MAIN_DB, CREATE).close();
        java.util.List<Thread> threads = new java.util.ArrayList<>();
        java.util.Queue<Throwable> failures = new java.util.concurrent.ConcurrentLinkedQueue<>();
        for (int t = 0; t < threadCount; t++) {
            int id = t;
            threads.add(builder.start(() -> {
                try (VfsFile f = vfs.open(path, FileKind.MAIN_DB, CREATE)) {
                    for (int round = 0; round < 20; round++) {
                        IoBatch batch = f.batch();
                        for (int i = 0; i < 50; i++) {
                            batch.write(MemorySegment.ofArray(pattern(256, id * 1000 + round + i)),
                                    ((long) id * 50 + i) * 256);
                        }
                        batch.sync(VfsFile.SyncType.DATA_ONLY);
                        batch.execute();
                        IoBatch reads = f.batch();
                        byte[][] back = new byte[50][256];
                        for (int i = 0; i < 50; i++) {
                            reads.read(MemorySegment.ofArray(back[i]), ((long) id * 50 + i) * 256);
                        }
                        reads.execute();
                        for (int i = 0; i < 50; i++) {
                            assertArrayEquals(pattern(256, id * 1000 + round + i), back[i]);
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertTrue(failures.isEmpty(), () -> failures.peek().toString());
    }
}
