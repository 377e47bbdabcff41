/*
 * Behaviour every VFS of this module must have, run against NioVfs and
 * MemoryVfs by the subclasses: positional I/O with SQLite's short-read
 * zero-fill, truncate, size, delete and access, batches, the lock levels
 * between two connections of the same JVM, and the wal-index shared between
 * two opens of one database.
 */
package turso.vfs.nio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.IoBatch;
import turso.api.spi.IoCompletion;
import turso.api.spi.SharedMemory;
import turso.api.spi.Vfs;
import turso.api.spi.Vfs.FileKind;
import turso.api.spi.Vfs.OpenFlag;
import turso.api.spi.VfsFile;
import turso.api.spi.VfsFile.LockLevel;

abstract class VfsContractTest {

    static final Set<OpenFlag> CREATE = EnumSet.of(OpenFlag.READ_WRITE, OpenFlag.CREATE);

    abstract Vfs vfs();

    /** A name for a file that does not exist yet. */
    abstract String newPath(String name);

    static byte[] pattern(int size, int seed) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + seed);
        }
        return bytes;
    }

    @Test
    void writtenBytesReadBackThroughHeapAndNativeSegments() {
        try (VfsFile file = vfs().open(newPath("a.db"), FileKind.MAIN_DB, CREATE); Arena arena = Arena.ofConfined()) {
            byte[] page = pattern(4096, 7);
            file.write(MemorySegment.ofArray(page), 0);
            MemorySegment nativePage = arena.allocate(4096);
            nativePage.copyFrom(MemorySegment.ofArray(pattern(4096, 9)));
            file.write(nativePage, 4096);
            assertEquals(8192, file.size());

            MemorySegment back = arena.allocate(4096);
            assertEquals(4096, file.read(back, 0));
            assertArrayEquals(page, back.toArray(ValueLayout.JAVA_BYTE));
            byte[] heapBack = new byte[4096];
            assertEquals(4096, file.read(MemorySegment.ofArray(heapBack), 4096));
            assertArrayEquals(pattern(4096, 9), heapBack);

            long[] longs = new long[16];
            assertEquals(128, file.read(MemorySegment.ofArray(longs), 100));
            byte[] expected = new byte[128];
            System.arraycopy(page, 100, expected, 0, 128);
            assertArrayEquals(expected, MemorySegment.ofArray(longs).toArray(ValueLayout.JAVA_BYTE));
            file.write(MemorySegment.ofArray(longs).asReadOnly(), 10_000);
            byte[] again = new byte[128];
            file.read(MemorySegment.ofArray(again), 10_000);
            assertArrayEquals(expected, again);
        }
    }

    @Test
    void shortReadZeroFillsAndReportsWhatExisted() {
        try (VfsFile file = vfs().open(newPath("short.db"), FileKind.MAIN_DB, CREATE)) {
            file.write(MemorySegment.ofArray(pattern(100, 1)), 0);
            byte[] buffer = new byte[4096];
            java.util.Arrays.fill(buffer, (byte) 0x55);
            assertEquals(100, file.read(MemorySegment.ofArray(buffer), 0));
            byte[] expected = new byte[4096];
            System.arraycopy(pattern(100, 1), 0, expected, 0, 100);
            assertArrayEquals(expected, buffer);

            java.util.Arrays.fill(buffer, (byte) 0x55);
            assertEquals(0, file.read(MemorySegment.ofArray(buffer), 1 << 20));
            assertArrayEquals(new byte[4096], buffer);
        }
    }

    @Test
    void truncateShrinksAndGrowsWithZeros() {
        try (VfsFile file = vfs().open(newPath("t.db"), FileKind.MAIN_DB, CREATE)) {
            file.write(MemorySegment.ofArray(pattern(10_000, 3)), 0);
            file.truncate(1000);
            assertEquals(1000, file.size());
            byte[] back = new byte[2000];
            assertEquals(1000, file.read(MemorySegment.ofArray(back), 0));
            byte[] expected = new byte[2000];
            System.arraycopy(pattern(10_000, 3), 0, expected, 0, 1000);
            assertArrayEquals(expected, back);

            file.truncate(5000);
            assertEquals(5000, file.size());
            assertEquals(2000, file.read(MemorySegment.ofArray(back), 1000));
            assertArrayEquals(new byte[2000], back);
            file.sync(VfsFile.SyncType.FULL);
            file.sync(VfsFile.SyncType.DATA_ONLY);
        }
    }

    @Test
    void sparseWriteFarPastTheEnd() {
        try (VfsFile file = vfs().open(newPath("sparse.db"), FileKind.MAIN_DB, CREATE)) {
            file.write(MemorySegment.ofArray(pattern(10, 5)), (1L << 32) + 3);
            assertEquals((1L << 32) + 13, file.size());
            byte[] back = new byte[16];
            assertEquals(13, file.read(MemorySegment.ofArray(back), 1L << 32));
            assertEquals(0, back[2]);
            assertEquals(pattern(10, 5)[0], back[3]);
        }
    }

    @Test
    void deleteAndAccess() {
        Vfs vfs = vfs();
        String path = newPath("d.db");
        assertFalse(vfs.access(path, Vfs.Access.EXISTS));
        try (VfsFile file = vfs.open(path, FileKind.MAIN_JOURNAL, CREATE)) {
            assertFalse(vfs.access(path, Vfs.Access.EXISTS), "an empty file does not count as existing");
            assertTrue(vfs.access(path, Vfs.Access.READ_WRITE));
            file.write(MemorySegment.ofArray(new byte[] {1}), 0);
            assertTrue(vfs.access(path, Vfs.Access.EXISTS));
        }
        vfs.delete(path, true);
        assertFalse(vfs.access(path, Vfs.Access.EXISTS));
        assertFalse(vfs.access(path, Vfs.Access.READ));
        TursoException e = assertThrows(TursoException.class, () -> vfs.delete(path, false));
        assertEquals(ResultCode.IOERR_DELETE_NOENT, e.resultCode());
    }

    @Test
    void openFlags() {
        Vfs vfs = vfs();
        String path = newPath("flags.db");
        TursoException missing = assertThrows(TursoException.class,
                () -> vfs.open(path, FileKind.MAIN_DB, EnumSet.of(OpenFlag.READ_WRITE)));
        assertEquals(ResultCode.CANTOPEN, missing.resultCode());
        vfs.open(path, FileKind.MAIN_DB, CREATE).close();
        TursoException exists = assertThrows(TursoException.class, () -> vfs.open(path, FileKind.MAIN_DB,
                EnumSet.of(OpenFlag.READ_WRITE, OpenFlag.CREATE, OpenFlag.EXCLUSIVE)));
        assertEquals(ResultCode.CANTOPEN, exists.resultCode());
        try (VfsFile readOnly = vfs.open(path, FileKind.MAIN_DB, EnumSet.of(OpenFlag.READ_ONLY))) {
            TursoException e = assertThrows(TursoException.class,
                    () -> readOnly.write(MemorySegment.ofArray(new byte[1]), 0));
            assertEquals(ResultCode.READONLY, e.resultCode());
        }
    }

    @Test
    void deleteOnCloseAndAnonymousFiles() {
        Vfs vfs = vfs();
        String path = newPath("gone.db");
        try (VfsFile file = vfs.open(path, FileKind.TEMP_DB,
                EnumSet.of(OpenFlag.READ_WRITE, OpenFlag.CREATE, OpenFlag.DELETE_ON_CLOSE))) {
            file.write(MemorySegment.ofArray(pattern(100, 2)), 0);
            byte[] back = new byte[100];
            file.read(MemorySegment.ofArray(back), 0);
            assertArrayEquals(pattern(100, 2), back);
        }
        assertFalse(vfs.access(path, Vfs.Access.EXISTS));
        try (VfsFile anonymous = vfs.open(null, FileKind.TEMP_JOURNAL, CREATE)) {
            anonymous.write(MemorySegment.ofArray(pattern(5000, 4)), 0);
            byte[] back = new byte[5000];
            assertEquals(5000, anonymous.read(MemorySegment.ofArray(back), 0));
            assertArrayEquals(pattern(5000, 4), back);
        }
    }

    @Test
    void batchRunsEveryRequestAndReportsTransfers() {
        try (VfsFile file = vfs().open(newPath("batch.db"), FileKind.MAIN_DB, CREATE)) {
            IoBatch writes = file.batch();
            for (int i = 0; i < 8; i++) {
                assertEquals(i, writes.write(MemorySegment.ofArray(pattern(1024, i)), i * 1024L));
            }
            assertEquals(8, writes.sync(VfsFile.SyncType.FULL));
            IoCompletion done = writes.execute();
            assertTrue(done.isDone());
            assertEquals(1024, done.transferred(3));
            assertEquals(8192, file.size());

            IoBatch reads = file.batch();
            byte[][] pages = new byte[9][1024];
            for (int i = 0; i < 9; i++) {
                reads.read(MemorySegment.ofArray(pages[i]), i * 1024L);
            }
            IoCompletion read = reads.execute();
            for (int i = 0; i < 8; i++) {
                assertArrayEquals(pattern(1024, i), pages[i]);
                assertEquals(1024, read.transferred(i));
            }
            assertEquals(0, read.transferred(8));
        }
    }

    @Test
    void lockLevelsBetweenTwoConnections() {
        Vfs vfs = vfs();
        String path = newPath("locks.db");
        try (VfsFile a = vfs.open(path, FileKind.MAIN_DB, CREATE);
                VfsFile b = vfs.open(path, FileKind.MAIN_DB, CREATE);
                VfsFile c = vfs.open(path, FileKind.MAIN_DB, CREATE)) {
            assertTrue(a.lock(LockLevel.SHARED));
            assertTrue(b.lock(LockLevel.SHARED));
            assertFalse(b.checkReservedLock());
            assertTrue(a.lock(LockLevel.RESERVED));
            assertTrue(b.checkReservedLock());
            assertFalse(b.lock(LockLevel.RESERVED), "one RESERVED at a time");
            assertTrue(c.lock(LockLevel.SHARED), "readers may join while RESERVED is held");
            c.unlock(LockLevel.NONE);

            assertFalse(a.lock(LockLevel.EXCLUSIVE), "b still reads");
            assertEquals(LockLevel.PENDING, a.lockLevel());
            assertFalse(c.lock(LockLevel.SHARED), "no new reader while PENDING");
            b.unlock(LockLevel.NONE);
            assertEquals(LockLevel.NONE, b.lockLevel());
            assertTrue(a.lock(LockLevel.EXCLUSIVE));
            assertEquals(LockLevel.EXCLUSIVE, a.lockLevel());
            assertFalse(b.lock(LockLevel.SHARED));

            a.unlock(LockLevel.SHARED);
            assertEquals(LockLevel.SHARED, a.lockLevel());
            assertFalse(b.checkReservedLock());
            assertTrue(b.lock(LockLevel.SHARED));
            assertTrue(b.lock(LockLevel.RESERVED));
            a.unlock(LockLevel.NONE);
            assertTrue(b.lock(LockLevel.EXCLUSIVE), "SHARED to EXCLUSIVE once alone");
            b.unlock(LockLevel.NONE);
            assertTrue(c.lock(LockLevel.SHARED));
            assertTrue(c.lock(LockLevel.EXCLUSIVE));
        }
        try (VfsFile a = vfs.open(path, FileKind.MAIN_DB, CREATE)) {
            assertTrue(a.lock(LockLevel.SHARED), "closing released the locks");
            assertTrue(a.lock(LockLevel.EXCLUSIVE));
        }
    }

    @Test
    void lockRequiresSharedFirst() {
        try (VfsFile a = vfs().open(newPath("order.db"), FileKind.MAIN_DB, CREATE)) {
            TursoException e = assertThrows(TursoException.class, () -> a.lock(LockLevel.RESERVED));
            assertEquals(ResultCode.MISUSE, e.resultCode());
        }
    }

    @Test
    void sharedMemoryIsSharedBetweenOpens() {
        Vfs vfs = vfs();
        String path = newPath("wal.db");
        try (VfsFile a = vfs.open(path, FileKind.MAIN_DB, CREATE);
                VfsFile b = vfs.open(path, FileKind.MAIN_DB, CREATE)) {
            SharedMemory shmA = a.sharedMemory().orElseThrow();
            SharedMemory shmB = b.sharedMemory().orElseThrow();
            assertEquals(MemorySegment.NULL, shmA.region(0, 32768, false), "no region before one is created");
            MemorySegment regionA = shmA.region(1, 32768, true);
            assertEquals(32768, regionA.byteSize());
            MemorySegment regionB = shmB.region(1, 32768, false);
            assertNotEquals(MemorySegment.NULL, regionB);
            assertNotEquals(MemorySegment.NULL, shmB.region(0, 32768, false), "growing to region 1 created region 0");
            regionA.set(ValueLayout.JAVA_INT, 100, 0x12345678);
            shmA.barrier();
            assertEquals(0x12345678, regionB.get(ValueLayout.JAVA_INT, 100));

            assertTrue(shmA.lock(0, 1, true));
            assertFalse(shmB.lock(0, 1, false));
            assertFalse(shmB.lock(0, 1, true));
            assertTrue(shmB.lock(3, 1, false));
            assertTrue(shmA.lock(3, 1, false), "shared with shared");
            assertFalse(shmA.lock(1, 3, true), "slot 3 is held shared by b");
            assertTrue(shmB.lock(1, 1, false));
            assertFalse(shmA.lock(1, 2, true), "slot 1 is held shared by b");
            shmB.unlock(1, 1, false);
            assertTrue(shmA.lock(1, 2, true));
            shmA.unlock(0, 3, true);
            assertTrue(shmB.lock(0, 1, true));
            shmB.unlock(0, 1, true);
            shmB.unlock(3, 1, false);
            assertFalse(shmB.lock(3, 1, true), "a still reads slot 3");
            shmA.unmap(false);
            assertTrue(shmB.lock(3, 1, true), "unmapping released a's slots");
            shmB.unlock(3, 1, true);
            assertEquals(0x12345678, regionB.get(ValueLayout.JAVA_INT, 100), "b's mapping outlives a's unmap");
        }
    }

    @Test
    void onlyTheMainDatabaseHasSharedMemory() {
        try (VfsFile journal = vfs().open(newPath("x.db-journal"), FileKind.MAIN_JOURNAL, CREATE)) {
            assertTrue(journal.sharedMemory().isEmpty());
        }
    }
}
