/*
 * How a request reacts to what the kernel answers, without a kernel: short
 * transfers go back into the ring for the rest, EINTR/EAGAIN are retried,
 * the end of the file zero-fills, and errors become SQLite's codes (disk
 * full for ENOSPC). These are the paths a healthy disk rarely takes.
 */
package turso.vfs.uring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import turso.api.ResultCode;
import turso.api.spi.VfsFile;

class RingOpTest {

    @Test
    void shortReadIsResubmittedThenEndOfFileZeroFills() {
        try (Arena arena = Arena.ofConfined()) {
            byte[] target = new byte[100];
            Arrays.fill(target, (byte) 9);
            MemorySegment bounce = arena.allocate(100);
            bounce.fill((byte) 7);
            RingOp read = new RingOp(RingOp.Kind.READ, 3, MemorySegment.ofArray(target), bounce, 0, null, "f");
            assertTrue(read.complete(-Syscalls.EINTR), "EINTR is retried");
            assertTrue(read.complete(-Syscalls.EAGAIN), "EAGAIN is retried");
            assertTrue(read.complete(40), "40 of 100 bytes: the rest is asked for again");
            assertFalse(read.finished());
            assertFalse(read.complete(0), "end of file");
            assertTrue(read.finished());
            assertEquals(40, read.transferred());
            assertNull(read.failure());
            byte[] expected = new byte[100];
            Arrays.fill(expected, 0, 40, (byte) 7);
            assertArrayEquals(expected, target, "copied back from the bounce buffer, zeros past the end");
        }
    }

    @Test
    void shortWriteIsResubmittedAndRemembered() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(4096);
            RingOp write = new RingOp(RingOp.Kind.WRITE, 3, buffer, buffer, 0, null, "f");
            assertTrue(write.complete(1000));
            assertFalse(write.complete(3096));
            assertTrue(write.finished());
            assertTrue(write.resubmitted());
            assertEquals(4096, write.transferred());
            assertNull(write.failure());
        }
    }

    @Test
    void aShortScatterReadAsksForTheRestOfItsSegmentsThenZeroFillsAtTheEnd() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = arena.allocate(100);
            MemorySegment b = arena.allocate(24);
            MemorySegment c = arena.allocate(100);
            c.fill((byte) 7);
            MemorySegment[] segments = {a, b, c};
            MemorySegment iovecs = arena.allocate(16 * 3);
            RingOp read = new RingOp(3, segments, segments, iovecs, 0, "f");
            assertTrue(read.complete(110), "110 of 224 bytes: the rest is asked for again");
            assertEquals(2, read.describeRemainder());
            assertEquals(b.address() + 10, iovecs.getAtIndex(ValueLayout.JAVA_LONG, 0), "the rest of b first");
            assertEquals(14, iovecs.getAtIndex(ValueLayout.JAVA_LONG, 1));
            assertEquals(c.address(), iovecs.getAtIndex(ValueLayout.JAVA_LONG, 2));
            assertEquals(100, iovecs.getAtIndex(ValueLayout.JAVA_LONG, 3));
            assertTrue(read.complete(64));
            assertFalse(read.complete(0), "end of file");
            assertEquals(174, read.transferred());
            assertNull(read.failure());
            assertEquals(7, c.get(ValueLayout.JAVA_BYTE, 49), "read, not zeroed");
            assertEquals(0, c.get(ValueLayout.JAVA_BYTE, 50), "zero-filled past the end");
            assertEquals(0, c.get(ValueLayout.JAVA_BYTE, 99));
        }
    }

    @Test
    void aRefusedUncachedWriteGoesAgainThroughTheOrdinaryDescriptor() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(8192);
            RingOp write = new RingOp(RingOp.Kind.WRITE, 5, 3, buffer, buffer, 0, null, "f");
            assertTrue(write.uncached());
            assertTrue(write.complete(4096), "half through O_DIRECT");
            assertTrue(write.complete(-Syscalls.EINVAL), "the rest is refused: asked for again");
            assertEquals(3, write.fd());
            assertFalse(write.uncached());
            assertTrue(write.fellBack());
            assertTrue(write.resubmitted(), "a sync that ran meanwhile must run again");
            assertFalse(write.complete(4096));
            assertTrue(write.finished());
            assertEquals(8192, write.transferred());
            assertNull(write.failure());

            RingOp ordinary = new RingOp(RingOp.Kind.WRITE, 3, buffer, buffer, 0, null, "f");
            assertFalse(ordinary.complete(-Syscalls.EINVAL), "no other descriptor to try");
            assertFalse(ordinary.fellBack());
            assertEquals(ResultCode.IOERR_WRITE, ordinary.failure().resultCode());
        }
    }

    @Test
    void errorsMapToSqliteCodes() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(16);
            RingOp full = new RingOp(RingOp.Kind.WRITE, 3, buffer, buffer, 0, null, "f");
            assertFalse(full.complete(-Syscalls.ENOSPC));
            assertEquals(ResultCode.FULL, full.failure().resultCode());

            RingOp stuck = new RingOp(RingOp.Kind.WRITE, 3, buffer, buffer, 0, null, "f");
            assertFalse(stuck.complete(0), "a write that moves nothing is an error, not a loop");
            assertEquals(ResultCode.IOERR_WRITE, stuck.failure().resultCode());

            RingOp read = new RingOp(RingOp.Kind.READ, 3, buffer, buffer, 0, null, "f");
            assertFalse(read.complete(-Syscalls.EIO));
            assertEquals(ResultCode.IOERR_READ, read.failure().resultCode());

            RingOp sync = new RingOp(RingOp.Kind.SYNC, 3, null, null, 0, VfsFile.SyncType.FULL, "f");
            assertFalse(sync.complete(-Syscalls.EIO));
            assertEquals(ResultCode.IOERR_FSYNC, sync.failure().resultCode());
            assertEquals("disk I/O error", sync.failure().getMessage());
        }
    }

    @Test
    void emptyRequestsFinishAtOnce() {
        RingOp read = new RingOp(RingOp.Kind.READ, 3, MemorySegment.ofArray(new byte[0]),
                MemorySegment.ofArray(new byte[0]), 0, null, "f");
        assertTrue(read.finished());
        assertEquals(0, read.transferred());
    }
}
