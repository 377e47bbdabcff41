/*
 * The io_uring-direct VFS: the main database file gets an O_DIRECT
 * descriptor (checked in /proc/self/fdinfo), other files do not, and what
 * the file holds is exactly what buffered I/O would have made of it:
 * aligned pages, heap pages through aligned bounce buffers, the unaligned
 * 100-byte header, growth, truncation, the short read at the end of a file
 * whose size is not a multiple of the alignment, and a buffered io_uring
 * handle on the same file seeing every write and being seen. Skipped where
 * io_uring is unavailable or the temporary directory's file system refuses
 * O_DIRECT (tmpfs).
 */
package turso.vfs.uring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import turso.api.spi.IoBatch;
import turso.api.spi.IoCompletion;
import turso.api.spi.NamedServices;
import turso.api.spi.Vfs;
import turso.api.spi.Vfs.FileKind;
import turso.api.spi.Vfs.OpenFlag;
import turso.api.spi.VfsFile;

class UringDirectVfsTest {

    private static final Set<OpenFlag> CREATE = EnumSet.of(OpenFlag.READ_WRITE, OpenFlag.CREATE);

    @TempDir
    Path dir;

    private final Vfs vfs = new UringDirectVfs();

    @BeforeAll
    static void needsIoUring() {
        UringVfs probe = new UringVfs();
        Assumptions.assumeTrue(probe.isAvailable(), () -> "io_uring unavailable: " + probe.unavailableReason());
    }

    private static byte[] pattern(int size, int seed) {
        return UringVfsTest.pattern(size, seed);
    }

    private VfsFile openDirect(Path file) {
        VfsFile f = vfs.open(file.toString(), FileKind.MAIN_DB, CREATE);
        if (((UringFile) f).directFd() < 0) {
            f.close();
            Assumptions.abort("the file system of " + file + " refuses O_DIRECT");
        }
        return f;
    }

    /** The open flags of a descriptor of this process, from /proc/self/fdinfo (octal). */
    private static long openFlags(int fd) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/fdinfo/" + fd))) {
            if (line.startsWith("flags:")) {
                return Long.parseLong(line.substring(6).strip(), 8);
            }
        }
        throw new AssertionError("no flags in fdinfo of " + fd);
    }

    @Test
    void serviceLoaderFindsItByName() {
        Vfs found = NamedServices.load(Vfs.class, "VFS").lookup("io_uring-direct");
        assertEquals("io_uring-direct", found.name());
        assertTrue(found.isAvailable());
    }

    @Test
    void onlyTheMainDatabaseIsOpenedDirect() throws Exception {
        Assumptions.assumeTrue(Syscalls.oDirect() != 0, "O_DIRECT's value is unknown on this architecture");
        try (VfsFile db = openDirect(dir.resolve("d.db"));
                VfsFile wal = vfs.open(dir.resolve("d.db-wal").toString(), FileKind.WAL, CREATE)) {
            int fd = ((UringFile) db).directFd();
            assertTrue((openFlags(fd) & Syscalls.oDirect()) != 0, "fdinfo flags of the main file's descriptor");
            assertEquals(-1, ((UringFile) wal).directFd(), "the WAL stays buffered");
        }
        try (VfsFile plain = new UringVfs().open(dir.resolve("p.db").toString(), FileKind.MAIN_DB, CREATE)) {
            assertEquals(-1, ((UringFile) plain).directFd(), "io_uring stays buffered");
        }
    }

    @Test
    void pagesHeaderGrowthAndTruncationAsBufferedIoWouldLeaveThem() throws Exception {
        Path file = dir.resolve("pages.db");
        int pages = 40;
        try (VfsFile f = openDirect(file); Arena arena = Arena.ofConfined()) {
            IoBatch writes = f.batch();
            for (int i = 0; i < pages; i++) {
                MemorySegment page = i % 3 == 0 ? MemorySegment.ofArray(pattern(4096, i)) : arena.allocate(4096, 4096);
                if (i % 3 != 0) {
                    page.copyFrom(MemorySegment.ofArray(pattern(4096, i)));
                }
                writes.write(page, i * 4096L);
            }
            writes.sync(VfsFile.SyncType.FULL);
            writes.execute();
            f.write(MemorySegment.ofArray(pattern(100, 77)), 0);
            MemorySegment header = arena.allocate(100);
            assertEquals(100, f.read(header, 0));
            assertArrayEquals(pattern(100, 77), header.toArray(ValueLayout.JAVA_BYTE));

            MemorySegment[] back = new MemorySegment[pages + 2];
            IoBatch reads = f.batch();
            for (int i = 0; i < back.length; i++) {
                back[i] = arena.allocate(4096, 4096);
                back[i].fill((byte) 0x55);
                reads.read(back[i], i * 4096L);
            }
            IoCompletion read = reads.execute();
            for (int i = 1; i < pages; i++) {
                assertArrayEquals(pattern(4096, i), back[i].toArray(ValueLayout.JAVA_BYTE), "page " + i);
            }
            byte[] first = pattern(4096, 0);
            System.arraycopy(pattern(100, 77), 0, first, 0, 100);
            assertArrayEquals(first, back[0].toArray(ValueLayout.JAVA_BYTE), "page 1 with its header rewritten");
            assertEquals(0, read.transferred(pages));
            assertArrayEquals(new byte[4096], back[pages + 1].toArray(ValueLayout.JAVA_BYTE), "past the end: zeros");

            f.truncate(10 * 4096L + 100);
            assertEquals(10 * 4096L + 100, f.size());
            MemorySegment tail = arena.allocate(4096, 4096);
            tail.fill((byte) 0x55);
            assertEquals(100, f.read(tail, 10 * 4096L), "an aligned read that meets an unaligned end");
            byte[] expected = new byte[4096];
            System.arraycopy(pattern(4096, 10), 0, expected, 0, 100);
            assertArrayEquals(expected, tail.toArray(ValueLayout.JAVA_BYTE));
            f.write(MemorySegment.ofArray(pattern(4096, 99)), 12 * 4096L);
            f.sync(VfsFile.SyncType.NORMAL);
        }
        byte[] onDisk = Files.readAllBytes(file);
        assertEquals(13 * 4096, onDisk.length);
        assertArrayEquals(pattern(100, 77), Arrays.copyOfRange(onDisk, 0, 100));
        assertArrayEquals(pattern(4096, 9), Arrays.copyOfRange(onDisk, 9 * 4096, 10 * 4096));
        assertArrayEquals(new byte[2 * 4096 - 100], Arrays.copyOfRange(onDisk, 10 * 4096 + 100, 12 * 4096),
                "the hole left by growing after the truncation");
        assertArrayEquals(pattern(4096, 99), Arrays.copyOfRange(onDisk, 12 * 4096, 13 * 4096));
    }

    @Test
    void aBufferedHandleOnTheSameFileSeesEveryWriteAndIsSeen() {
        Path file = dir.resolve("shared.db");
        try (VfsFile direct = openDirect(file);
                VfsFile buffered = new UringVfs().open(file.toString(), FileKind.MAIN_DB, CREATE);
                Arena arena = Arena.ofConfined()) {
            MemorySegment page = arena.allocate(4096, 4096);
            page.copyFrom(MemorySegment.ofArray(pattern(4096, 1)));
            direct.write(page, 4096);
            byte[] seen = new byte[4096];
            buffered.read(MemorySegment.ofArray(seen), 4096);
            assertArrayEquals(pattern(4096, 1), seen, "a direct write, read through the OS cache");

            buffered.write(MemorySegment.ofArray(pattern(4096, 2)), 8192);
            MemorySegment back = arena.allocate(4096, 4096);
            assertEquals(4096, direct.read(back, 8192));
            assertArrayEquals(pattern(4096, 2), back.toArray(ValueLayout.JAVA_BYTE), "a cached write, read directly");
            assertEquals(-1, ((UringFile) buffered).directFd());
        }
    }
}
