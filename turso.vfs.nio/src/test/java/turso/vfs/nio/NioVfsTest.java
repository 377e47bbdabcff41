/* The VFS contract on NioVfs, plus what is particular to files on disk: paths, the -shm file, the dead-man switch. */
package turso.vfs.nio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.NamedServices;
import turso.api.spi.SharedMemory;
import turso.api.spi.Vfs;
import turso.api.spi.Vfs.FileKind;
import turso.api.spi.VfsFile;
import turso.api.spi.VfsFile.LockLevel;

class NioVfsTest extends VfsContractTest {

    @TempDir
    Path dir;

    @Override
    Vfs vfs() {
        return new NioVfs();
    }

    @Override
    String newPath(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void writesReachTheFile() throws IOException {
        Path path = dir.resolve("disk.db");
        try (VfsFile file = vfs().open(path.toString(), FileKind.MAIN_DB, CREATE)) {
            file.write(MemorySegment.ofArray(pattern(512, 6)), 512);
            file.sync(VfsFile.SyncType.NORMAL);
        }
        byte[] onDisk = Files.readAllBytes(path);
        assertEquals(1024, onDisk.length);
        byte[] tail = new byte[512];
        System.arraycopy(onDisk, 512, tail, 0, 512);
        assertArrayEquals(pattern(512, 6), tail);
    }

    @Test
    void fullPathIsCanonical() throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        Path real = dir.resolve("sub/x.db");
        Files.write(real, new byte[] {1});
        Path link = dir.resolve("link.db");
        Files.createSymbolicLink(link, real);
        Vfs vfs = vfs();
        String canonical = real.toRealPath().toString();
        assertEquals(canonical, vfs.fullPath(dir.resolve("sub/../sub/./x.db").toString()));
        assertEquals(canonical, vfs.fullPath(link.toString()));
        assertEquals(dir.toRealPath().resolve("new.db").toString(), vfs.fullPath(dir.resolve("new.db").toString()));
    }

    @Test
    void twoNamesOfOneFileShareLocks() throws IOException {
        Path real = dir.resolve("one.db");
        Path link = dir.resolve("other-name.db");
        Files.write(real, new byte[0]);
        Files.createLink(link, real);
        try (VfsFile a = vfs().open(real.toString(), FileKind.MAIN_DB, CREATE);
                VfsFile b = new NioVfs().open(link.toString(), FileKind.MAIN_DB, CREATE)) {
            assertTrue(a.lock(LockLevel.SHARED));
            assertTrue(a.lock(LockLevel.EXCLUSIVE));
            assertFalse(b.lock(LockLevel.SHARED));
        }
    }

    @Test
    void openingADirectoryFails() {
        TursoException e = assertThrows(TursoException.class,
                () -> vfs().open(dir.toString(), FileKind.MAIN_DB, CREATE));
        assertEquals(ResultCode.CANTOPEN_ISDIR, e.resultCode());
    }

    @Test
    void sharedMemoryLivesInTheShmFile() throws IOException {
        Path db = dir.resolve("shm.db");
        try (VfsFile file = vfs().open(db.toString(), FileKind.MAIN_DB, CREATE)) {
            SharedMemory shm = file.sharedMemory().orElseThrow();
            MemorySegment region = shm.region(0, 32768, true);
            region.set(ValueLayout.JAVA_INT, 0, 0x01020304);
            assertEquals(32768, Files.size(dir.resolve("shm.db-shm")));
            shm.unmap(false);
            byte[] content = Files.readAllBytes(dir.resolve("shm.db-shm"));
            assertEquals(0x01020304, MemorySegment.ofArray(content).get(ValueLayout.JAVA_INT_UNALIGNED, 0));
            file.sharedMemory().orElseThrow().unmap(true);
        }
        assertFalse(Files.exists(dir.resolve("shm.db-shm")), "unmap(true) by the last user deletes the file");
    }

    @Test
    void firstOpenerDiscardsAStaleShmFile() throws IOException {
        Path db = dir.resolve("stale.db");
        Files.write(db, new byte[0]);
        Files.write(dir.resolve("stale.db-shm"), pattern(32768, 3));
        try (VfsFile file = vfs().open(db.toString(), FileKind.MAIN_DB, CREATE)) {
            SharedMemory shm = file.sharedMemory().orElseThrow();
            assertEquals(0, Files.size(dir.resolve("stale.db-shm")));
            assertEquals(MemorySegment.NULL, shm.region(0, 32768, false));
            MemorySegment region = shm.region(0, 32768, true);
            assertEquals(0, region.get(ValueLayout.JAVA_LONG, 0));
            region.set(ValueLayout.JAVA_LONG, 0, 42);
            try (VfsFile second = vfs().open(db.toString(), FileKind.MAIN_DB, CREATE)) {
                MemorySegment seen = second.sharedMemory().orElseThrow().region(0, 32768, false);
                assertEquals(42, seen.get(ValueLayout.JAVA_LONG, 0), "a later opener keeps the live content");
            }
        }
    }

    @Test
    void serviceLoaderFindsBothByName() {
        NamedServices<Vfs> services = NamedServices.load(Vfs.class, "VFS");
        assertTrue(services.lookup("nio") instanceof NioVfs);
        assertTrue(services.lookup("MEMORY") instanceof MemoryVfs);
    }

    @Test
    void anInterruptedThreadDoesNotCloseTheSharedChannel() {
        String path = newPath("interrupt.db");
        try (VfsFile a = vfs().open(path, FileKind.MAIN_DB, CREATE);
                VfsFile b = vfs().open(path, FileKind.MAIN_DB, CREATE)) {
            assertTrue(b.lock(LockLevel.SHARED));
            Thread.currentThread().interrupt();
            try {
                a.write(MemorySegment.ofArray(pattern(4096, 1)), 0);
                assertEquals(4096, a.read(MemorySegment.ofArray(new byte[4096]), 0));
                assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept for the caller");
            } finally {
                Thread.interrupted();
            }
            assertEquals(4096, b.size());
            assertTrue(b.lock(LockLevel.RESERVED));
        }
    }

    @Test
    void threadsRacingForLocksNeverShareExclusive() throws Exception {
        String path = newPath("race.db");
        int threads = 4;
        java.util.concurrent.atomic.AtomicInteger writers = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger readersWhileWriting = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger commits = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger readers = new java.util.concurrent.atomic.AtomicInteger();
        java.util.List<Thread> running = new java.util.ArrayList<>();
        java.util.Queue<Throwable> failures = new java.util.concurrent.ConcurrentLinkedQueue<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = Thread.ofPlatform().start(() -> {
                try (VfsFile file = vfs().open(path, FileKind.MAIN_DB, CREATE)) {
                    for (int i = 0; i < 2000; i++) {
                        if (!file.lock(LockLevel.SHARED)) {
                            continue;
                        }
                        readers.incrementAndGet();
                        if (writers.get() > 0) {
                            readersWhileWriting.incrementAndGet();
                        }
                        readers.decrementAndGet();
                        if (file.lock(LockLevel.RESERVED) && file.lock(LockLevel.EXCLUSIVE)) {
                            if (writers.incrementAndGet() != 1 || readers.get() != 0) {
                                readersWhileWriting.incrementAndGet();
                            }
                            commits.incrementAndGet();
                            writers.decrementAndGet();
                        }
                        file.unlock(LockLevel.NONE);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            running.add(thread);
        }
        for (Thread thread : running) {
            thread.join();
        }
        assertTrue(failures.isEmpty(), () -> failures.peek().toString());
        assertEquals(0, readersWhileWriting.get());
        assertTrue(commits.get() > 0);
    }

    @Test
    void aReadOnlyOpenThenAReadWriteOneShareLocks() {
        String path = newPath("ro-then-rw.db");
        vfs().open(path, FileKind.MAIN_DB, CREATE).close();
        try (VfsFile reader = vfs().open(path, FileKind.MAIN_DB, java.util.EnumSet.of(Vfs.OpenFlag.READ_ONLY));
                VfsFile writer = vfs().open(path, FileKind.MAIN_DB, CREATE)) {
            assertTrue(reader.lock(LockLevel.SHARED));
            TursoException e = assertThrows(TursoException.class, () -> reader.truncate(0));
            assertEquals(ResultCode.READONLY, e.resultCode());
            assertTrue(writer.lock(LockLevel.SHARED));
            assertTrue(writer.lock(LockLevel.RESERVED));
            assertFalse(writer.lock(LockLevel.EXCLUSIVE));
            reader.unlock(LockLevel.NONE);
            assertTrue(writer.lock(LockLevel.EXCLUSIVE));
            writer.write(MemorySegment.ofArray(pattern(100, 3)), 0);
            byte[] back = new byte[100];
            assertEquals(100, reader.read(MemorySegment.ofArray(back), 0));
            assertArrayEquals(pattern(100, 3), back);
        }
    }
}
