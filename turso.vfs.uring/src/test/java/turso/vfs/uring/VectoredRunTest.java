/*
 * Which requests of a batch phase travel together as one READV or WRITEV,
 * and how a run's outcome reaches its members, without a kernel: neighbours
 * join (reads also across a small hole, read into scratch), a larger hole,
 * an overlap or a different kind starts a new run, O_DIRECT runs stay
 * aligned; a short transfer resumes from the middle of a member, the end
 * of the file zero-fills every member from there, a failure fails them all.
 */
package turso.vfs.uring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import turso.api.ResultCode;

class VectoredRunTest {

    private static RingOp read(Arena arena, long offset, int length, int directFd) {
        MemorySegment buffer = arena.allocate(length, 4096);
        buffer.fill((byte) 0x55);
        return new RingOp(RingOp.Kind.READ, 3, directFd, buffer, buffer, offset, null, "f");
    }

    private static RingOp write(Arena arena, long offset, int length) {
        MemorySegment buffer = arena.allocate(length, 4096);
        return new RingOp(RingOp.Kind.WRITE, 3, -1, buffer, buffer, offset, null, "f");
    }

    @Test
    void neighboursJoinAndTheRestStayAlone() {
        try (Arena arena = Arena.ofConfined()) {
            RingOp a = read(arena, 8192 + 48, 4096, -1);
            RingOp b = read(arena, 0, 4096, -1);
            RingOp c = read(arena, 4096 + 24, 4096, -1);
            RingOp far = read(arena, 1 << 20, 4096, -1);
            RingOp w1 = write(arena, 4096, 4096);
            RingOp w2 = write(arena, 8192 + 1, 4096);
            List<RingOp> out = VectoredRun.coalesce(List.of(a, b, c, far, w1, w2), 3, -1, "f", arena);
            assertEquals(4, out.size(), "b, c, a read as one; the far read alone; two writes with a hole alone");
            RingOp run = out.getFirst();
            assertEquals(RingOp.Kind.READ, run.kind);
            assertEquals(0, run.offset);
            assertEquals(8192 + 48 + 4096, run.length);
            assertSame(far, out.get(1));
            assertSame(w1, out.get(2));
            assertSame(w2, out.get(3));
        }
    }

    @Test
    void holesAreBridgedForReadsOnlyAndNeverWithODirect() {
        try (Arena arena = Arena.ofConfined()) {
            List<RingOp> writes = VectoredRun.coalesce(List.of(write(arena, 0, 4096), write(arena, 4096 + 24, 4096)),
                    3, -1, "f", arena);
            assertEquals(2, writes.size(), "a write never covers bytes it was not given");
            List<RingOp> tooFar = VectoredRun.coalesce(List.of(read(arena, 0, 4096, -1),
                    read(arena, 4096 + VectoredRun.MAX_READ_GAP + 1, 4096, -1)), 3, -1, "f", arena);
            assertEquals(2, tooFar.size());
            List<RingOp> direct = VectoredRun.coalesce(List.of(read(arena, 0, 4096, 7), read(arena, 8192, 4096, 7),
                    read(arena, 4096 * 3, 4096, 7)), 3, 7, "f", arena);
            assertEquals(2, direct.size(), "O_DIRECT pages join only when adjacent");
            assertEquals(4096, direct.getFirst().length);
            assertEquals(8192, direct.get(1).length);
            assertEquals(7, direct.get(1).directFd);
            assertTrue(direct.get(1).run().direct());
            List<RingOp> overlapping = VectoredRun.coalesce(List.of(read(arena, 0, 4096, -1), read(arena, 2048, 4096, -1)),
                    3, -1, "f", arena);
            assertEquals(2, overlapping.size());
        }
    }

    @Test
    void runsStopAtTheKernelsVectorLimit() {
        try (Arena arena = Arena.ofConfined()) {
            List<RingOp> ops = new ArrayList<>();
            for (int i = 0; i < VectoredRun.MAX_VECTORS + 10; i++) {
                ops.add(write(arena, i * 512L, 512));
            }
            List<RingOp> out = VectoredRun.coalesce(ops, 3, -1, "f", arena);
            assertEquals(2, out.size());
            assertEquals(VectoredRun.MAX_VECTORS * 512L, out.getFirst().length);
            assertEquals(10 * 512L, out.get(1).length);
        }
    }

    @Test
    void aShortReadResumesInsideAMemberAndTheEndOfTheFileZeroFills() {
        try (Arena arena = Arena.ofConfined()) {
            RingOp first = read(arena, 0, 100, -1);
            RingOp second = read(arena, 124, 100, -1);
            RingOp third = read(arena, 224, 100, -1);
            RingOp run = VectoredRun.coalesce(List.of(first, second, third), 3, -1, "f", arena).getFirst();
            assertEquals(324, run.length);
            // The iovecs: first, the 24-byte hole, second, third.
            assertTrue(run.complete(150), "150 of 324 bytes: the rest is asked for again");
            assertFalse(first.finished());
            assertFalse(run.complete(0), "end of the file after 150 bytes");
            assertTrue(first.finished() && second.finished() && third.finished());
            assertEquals(100, first.transferred());
            assertEquals(26, second.transferred(), "bytes 124..150 existed");
            assertEquals(0, third.transferred());
            byte[] secondBytes = second.buffer().toArray(ValueLayout.JAVA_BYTE);
            for (int i = 0; i < 100; i++) {
                assertEquals(i < 26 ? 0x55 : 0, secondBytes[i], "byte " + i);
            }
            assertArrayEquals(new byte[100], third.buffer().toArray(ValueLayout.JAVA_BYTE));
            assertNull(first.failure());
        }
    }

    @Test
    void theResumedVectorsStartWhereTheKernelStopped() {
        try (Arena arena = Arena.ofConfined()) {
            RingOp first = read(arena, 0, 100, -1);
            RingOp second = read(arena, 124, 100, -1);
            RingOp run = VectoredRun.coalesce(List.of(first, second), 3, -1, "f", arena).getFirst();
            assertTrue(run.complete(110));
            VectoredRun vectored = run.run();
            assertEquals(2, vectored.vectorsFrom(110), "the rest of the hole, then the second member");
            MemorySegment vectors = vectored.vectors();
            assertEquals(14, vectors.get(ValueLayout.JAVA_LONG, 8));
            assertEquals(second.buffer().address(), vectors.get(ValueLayout.JAVA_LONG, 16));
            assertEquals(100, vectors.get(ValueLayout.JAVA_LONG, 24));
            assertEquals(1, vectored.vectorsFrom(170));
            assertEquals(second.buffer().address() + 46, vectors.get(ValueLayout.JAVA_LONG, 0));
            assertEquals(54, vectors.get(ValueLayout.JAVA_LONG, 8));
        }
    }

    @Test
    void aFailedRunFailsEveryMemberAndAShortWriteIsRemembered() {
        try (Arena arena = Arena.ofConfined()) {
            RingOp a = write(arena, 0, 4096);
            RingOp b = write(arena, 4096, 4096);
            RingOp run = VectoredRun.coalesce(List.of(a, b), 3, -1, "f", arena).getFirst();
            assertFalse(run.complete(-Syscalls.ENOSPC));
            assertEquals(ResultCode.FULL, a.failure().resultCode());
            assertEquals(ResultCode.FULL, b.failure().resultCode());

            RingOp c = write(arena, 0, 4096);
            RingOp d = write(arena, 4096, 4096);
            RingOp again = VectoredRun.coalesce(List.of(c, d), 3, -1, "f", arena).getFirst();
            assertTrue(again.complete(5000));
            assertFalse(again.complete(3192));
            assertTrue(c.resubmitted() && d.resubmitted(), "the phase's sync must run again after a late write");
            assertEquals(4096, c.transferred());
            assertEquals(4096, d.transferred());
        }
    }
}
