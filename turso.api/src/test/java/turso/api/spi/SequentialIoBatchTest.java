package turso.api.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import turso.api.ResultCode;
import turso.api.TursoException;

class SequentialIoBatchTest {

    /** A file in a byte array that logs the calls made to it. */
    private static final class LoggingFile implements VfsFile {
        final byte[] data = new byte[64];
        int length;
        final List<String> log = new ArrayList<>();
        RuntimeException failWrites;

        @Override
        public int read(MemorySegment dst, long offset) {
            log.add("read@" + offset);
            int n = (int) Math.max(0, Math.min(dst.byteSize(), length - offset));
            MemorySegment.copy(MemorySegment.ofArray(data), offset, dst, 0, n);
            dst.asSlice(n).fill((byte) 0);
            return n;
        }

        @Override
        public void write(MemorySegment src, long offset) {
            log.add("write@" + offset);
            if (failWrites != null) {
                throw failWrites;
            }
            MemorySegment.copy(src, 0, MemorySegment.ofArray(data), offset, src.byteSize());
            length = (int) Math.max(length, offset + src.byteSize());
        }

        @Override
        public void truncate(long size) {
            length = (int) size;
        }

        @Override
        public void sync(SyncType type) {
            log.add("sync");
        }

        @Override
        public long size() {
            return length;
        }

        @Override
        public boolean lock(LockLevel level) {
            return true;
        }

        @Override
        public void unlock(LockLevel level) {}

        @Override
        public boolean checkReservedLock() {
            return false;
        }

        @Override
        public LockLevel lockLevel() {
            return LockLevel.NONE;
        }

        @Override
        public void close() {}
    }

    @Test
    void runsRequestsInOrderAndReportsShortReads() {
        LoggingFile file = new LoggingFile();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment page = arena.allocate(16);
            page.fill((byte) 7);
            IoBatch writes = file.batch();
            writes.write(page, 0);
            writes.write(page, 16);
            writes.sync(VfsFile.SyncType.FULL);
            writes.execute();

            MemorySegment a = arena.allocate(16);
            MemorySegment b = arena.allocate(16);
            b.fill((byte) 1);
            IoBatch reads = file.batch();
            int ra = reads.read(a, 0);
            int rb = reads.read(b, 24);
            IoCompletion done = reads.execute();
            assertEquals(16, done.transferred(ra));
            assertEquals(8, done.transferred(rb), "only 8 bytes exist past offset 24");
            assertEquals(7, b.get(ValueLayout.JAVA_BYTE, 7));
            assertEquals(0, b.get(ValueLayout.JAVA_BYTE, 8), "the rest of a short read is zero-filled");
        }
        assertEquals(List.of("write@0", "write@16", "sync", "read@0", "read@24"), file.log);
    }

    @Test
    void aScatterReadIsOneReadOfTheWholeRangeCopiedOut() {
        LoggingFile file = new LoggingFile();
        for (int i = 0; i < 40; i++) {
            file.data[i] = (byte) i;
        }
        file.length = 40;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment first = arena.allocate(10);
            byte[] middle = new byte[4];
            MemorySegment last = arena.allocate(20);
            last.fill((byte) 9);
            IoBatch reads = file.batch();
            int index = reads.readScattered(List.of(first, MemorySegment.ofArray(middle), last), 5);
            IoCompletion done = reads.execute();
            assertEquals(34, done.transferred(index), "34 bytes asked for past offset 5, and 35 exist");
            assertEquals(5, first.get(ValueLayout.JAVA_BYTE, 0));
            assertEquals(14, first.get(ValueLayout.JAVA_BYTE, 9));
            assertArrayEquals(new byte[] {15, 16, 17, 18}, middle);
            assertEquals(19, last.get(ValueLayout.JAVA_BYTE, 0));
            assertEquals(38, last.get(ValueLayout.JAVA_BYTE, 19));

            IoBatch pastEnd = file.batch();
            int tail = pastEnd.readScattered(List.of(first, last), 30);
            assertEquals(10, pastEnd.execute().transferred(tail), "only 10 bytes exist past offset 30");
            assertEquals(39, first.get(ValueLayout.JAVA_BYTE, 9));
            assertEquals(0, last.get(ValueLayout.JAVA_BYTE, 0), "the rest is zero-filled");
        }
        assertEquals(List.of("read@5", "read@30"), file.log, "one read each");
    }

    @Test
    void aScatterReadHasAtMostMaxScatterSegments() {
        LoggingFile file = new LoggingFile();
        List<MemorySegment> many = java.util.Collections.nCopies(IoBatch.MAX_SCATTER + 1, MemorySegment.ofArray(new byte[1]));
        assertEquals(ResultCode.MISUSE,
                assertThrows(TursoException.class, () -> file.batch().readScattered(many, 0)).resultCode());
    }

    @Test
    void aFailedWriteStopsTheSyncBarrierAndIsReportedOnAwait() {
        LoggingFile file = new LoggingFile();
        TursoException failure = new TursoException(ResultCode.IOERR_WRITE);
        file.failWrites = failure;
        try (Arena arena = Arena.ofConfined()) {
            IoBatch batch = file.batch();
            batch.write(arena.allocate(8), 0);
            batch.sync(VfsFile.SyncType.NORMAL);
            IoCompletion completion = batch.submit();
            assertSame(failure, assertThrows(TursoException.class, completion::await));
        }
        assertEquals(List.of("write@0"), file.log, "no sync may follow a failed write");
    }

    @Test
    void aBatchRunsOnce() {
        IoBatch batch = new LoggingFile().batch();
        batch.submit();
        assertEquals(ResultCode.MISUSE, assertThrows(TursoException.class, batch::submit).resultCode());
    }
}
