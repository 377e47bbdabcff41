/*
 * The SQPOLL path: a batch started without waiting goes to a ring whose
 * kernel thread takes the entries by itself; that thread sleeps when idle
 * and must then be woken (an entry published while it sleeps is not seen
 * until then); where the kernel refuses SQPOLL, the file's own ring serves
 * and the data are the same. Skipped where io_uring is unavailable.
 */
package turso.vfs.uring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolledRingTest {

    private static final int PAGE = 4096;
    private static final int PAGES = 64;

    @TempDir
    Path dir;

    @BeforeAll
    static void needsIoUring() {
        UringVfs probe = new UringVfs();
        Assumptions.assumeTrue(probe.isAvailable(), () -> "io_uring unavailable: " + probe.unavailableReason());
    }

    private static void assumePolling(PolledRings polling) {
        Assumptions.assumeTrue(polling.failure().isEmpty(), () -> "SQPOLL refused: " + polling.failure());
    }

    private Path file(byte[] content) throws Exception {
        Path path = dir.resolve("data");
        Files.write(path, content);
        return path;
    }

    @Test
    void idleThreadSleepsAndAnEntryWaitsForTheWakeUp() throws Exception {
        byte[] content = UringVfsTest.pattern(PAGE, 5);
        Path path = file(content);
        NativeFiles.Descriptor descriptor = NativeFiles.acquire(path, true);
        PolledRings polling = PolledRings.start(1);
        assumePolling(polling);
        try (Arena arena = Arena.ofConfined(); Ring ring = polling.attach(8)) {
            assertTrue(ring.polled());
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!ring.needsWakeup() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(ring.needsWakeup(), "the polling thread sleeps after its idle time");
            MemorySegment buffer = arena.allocate(PAGE, PAGE);
            RingOp read = new RingOp(RingOp.Kind.READ, descriptor.fd(), buffer, buffer, 0, null, path);
            read.push(ring, 1, false, false);
            Thread.sleep(100);
            assertEquals(0, ring.reap((userData, result) -> { }), "asleep, the thread has not taken the entry");
            assertEquals(1, ring.enter(0), "entering wakes it");
            int[] result = {Integer.MIN_VALUE};
            while (ring.pending() > 0) {
                assertTrue(ring.enter(1) >= 0);
                ring.reap((userData, res) -> result[0] = res);
            }
            assertEquals(PAGE, result[0]);
            assertArrayEquals(content, buffer.toArray(ValueLayout.JAVA_BYTE));
        } finally {
            polling.close();
            NativeFiles.release(descriptor);
        }
    }

    @Test
    void kernelRefusalIsAnErrnoNotACrash() {
        UringException refused = assertThrows(UringException.class,
                () -> Ring.createPolled(8, 1, Integer.MAX_VALUE));
        assertTrue(refused.getMessage().contains("io_uring_setup"), refused.getMessage());
        assertNull(PolledRings.unavailable("refused").attach(8));
    }

    @Test
    void startedBatchesAreTheSameWithAndWithoutPolling() throws Exception {
        PolledRings polling = PolledRings.start(1);
        assumePolling(polling);
        try {
            byte[] polled = writeThenRead(polling, true);
            byte[] fallback = writeThenRead(PolledRings.unavailable("test"), false);
            assertArrayEquals(polled, fallback);
        } finally {
            polling.close();
        }
    }

    /** Writes PAGES pages and reads them back, both started without waiting, in one session on {@code polling}. */
    private byte[] writeThenRead(PolledRings polling, boolean expectPolled) throws Exception {
        Path path = dir.resolve(expectPolled ? "polled" : "fallback");
        Files.write(path, new byte[0]);
        NativeFiles.Descriptor descriptor = NativeFiles.acquire(path, false);
        byte[] expected = UringVfsTest.pattern(PAGE * PAGES, 11);
        try (Arena arena = Arena.ofConfined();
                RingSession session = new RingSession(Ring.create(16), polling, path, descriptor.fd())) {
            assertEquals(expectPolled, session.polled());
            MemorySegment source = arena.allocate(PAGE * PAGES, PAGE);
            source.copyFrom(MemorySegment.ofArray(expected));
            List<RingOp> writes = new ArrayList<>();
            for (int i = 0; i < PAGES; i++) {
                MemorySegment page = source.asSlice((long) i * PAGE, PAGE);
                writes.add(new RingOp(RingOp.Kind.WRITE, descriptor.fd(), page, page, (long) i * PAGE, null, path));
            }
            session.start(writes);
            session.finish(writes);
            MemorySegment target = arena.allocate(PAGE * PAGES, PAGE);
            List<RingOp> reads = new ArrayList<>();
            for (int i = PAGES - 1; i >= 0; i--) {
                MemorySegment page = target.asSlice((long) i * PAGE, PAGE);
                reads.add(new RingOp(RingOp.Kind.READ, descriptor.fd(), page, page, (long) i * PAGE, null, path));
            }
            session.start(reads);
            session.finish(reads);
            for (RingOp op : writes) {
                assertNull(op.failure());
            }
            for (RingOp op : reads) {
                assertNull(op.failure());
                assertFalse(op.transferred() < PAGE);
            }
            assertArrayEquals(expected, Files.readAllBytes(path));
            return target.toArray(ValueLayout.JAVA_BYTE);
        } finally {
            NativeFiles.release(descriptor);
        }
    }
}
