/*
 * One io_uring instance: the submission and completion rings and the SQE
 * array mapped from the kernel, with SQLite-free plumbing only (push an
 * entry, enter the kernel, reap completions). Layouts are those of
 * <linux/io_uring.h>: io_uring_params (120 bytes), io_uring_sqe (64),
 * io_uring_cqe (16).
 *
 * Memory ordering: the kernel reads the SQ tail and writes the SQ head; it
 * writes the CQ tail and reads the CQ head. Our stores that publish entries
 * (SQ tail) and release slots (CQ head) are release stores; our loads of
 * what the kernel published (SQ head, CQ tail) are acquire loads, so entry
 * contents are visible before the index that covers them.
 *
 * A ring is not thread-safe; its owner (RingSession) serialises use.
 */
package turso.vfs.uring;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

final class Ring implements AutoCloseable {

    static final byte OP_FSYNC = 3;
    static final byte OP_READ = 22;
    static final byte OP_WRITE = 23;

    static final byte SQE_FIXED_FILE = 1;
    static final byte SQE_IO_DRAIN = 2;
    static final byte SQE_ASYNC = 16;
    static final int FSYNC_DATASYNC = 1;

    static final int ENTER_GETEVENTS = 1;
    static final int REGISTER_FILES = 2;
    static final int REGISTER_PROBE = 8;

    private static final long OFF_SQ_RING = 0L;
    private static final long OFF_CQ_RING = 0x8000000L;
    private static final long OFF_SQES = 0x10000000L;

    private static final int PARAMS_SIZE = 120;
    private static final int SQE_SIZE = 64;
    private static final int CQE_SIZE = 16;

    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();

    /** The completion of one submitted entry. */
    @FunctionalInterface
    interface CompletionSink {
        void completed(long userData, int result);
    }

    private final int fd;
    private final MemorySegment sqRing;
    private final MemorySegment cqRing;
    private final MemorySegment sqes;
    private final long sqRingSize;
    private final long cqRingSize;
    private final int sqEntries;
    private final int cqEntries;
    private final long sqHead;
    private final long sqTail;
    private final int sqMask;
    private final long sqArray;
    private final long cqHead;
    private final long cqTail;
    private final int cqMask;
    private final long cqes;
    /** Where io_uring_enter's errno lands: one per ring, as the ring is used by one thread at a time. */
    private final MemorySegment callState = Syscalls.callState(Arena.ofAuto());
    private int localTail;
    private int unsubmitted;
    private boolean closed;

    private Ring(int fd, MemorySegment params, MemorySegment sqRing, long sqRingSize, MemorySegment cqRing,
            long cqRingSize, MemorySegment sqes) {
        this.fd = fd;
        this.sqEntries = params.get(ValueLayout.JAVA_INT, 0);
        this.cqEntries = params.get(ValueLayout.JAVA_INT, 4);
        this.sqRing = sqRing;
        this.sqRingSize = sqRingSize;
        this.cqRing = cqRing;
        this.cqRingSize = cqRingSize;
        this.sqes = sqes;
        this.sqHead = params.get(ValueLayout.JAVA_INT, 40);
        this.sqTail = params.get(ValueLayout.JAVA_INT, 44);
        this.sqMask = sqRing.get(ValueLayout.JAVA_INT, params.get(ValueLayout.JAVA_INT, 48));
        this.sqArray = params.get(ValueLayout.JAVA_INT, 64);
        this.cqHead = params.get(ValueLayout.JAVA_INT, 80);
        this.cqTail = params.get(ValueLayout.JAVA_INT, 84);
        this.cqMask = cqRing.get(ValueLayout.JAVA_INT, params.get(ValueLayout.JAVA_INT, 88));
        this.cqes = params.get(ValueLayout.JAVA_INT, 100);
        this.localTail = (int) INT.getAcquire(sqRing, sqTail);
    }

    /**
     * Sets up a ring of {@code entries} submission slots.
     *
     * @throws UringException with the errno when the kernel refuses
     */
    static Ring create(int entries) {
        try (Arena temp = Arena.ofConfined()) {
            MemorySegment params = temp.allocate(PARAMS_SIZE, 8);
            int fd = Syscalls.ioUringSetup(entries, params);
            if (fd < 0) {
                throw new UringException("io_uring_setup", -fd);
            }
            int sqCount = params.get(ValueLayout.JAVA_INT, 0);
            int cqCount = params.get(ValueLayout.JAVA_INT, 4);
            long sqSize = params.get(ValueLayout.JAVA_INT, 64) + 4L * sqCount;
            long cqSize = params.get(ValueLayout.JAVA_INT, 100) + (long) CQE_SIZE * cqCount;
            long sqeSize = (long) SQE_SIZE * sqCount;
            int[] error = new int[1];
            MemorySegment sq = Syscalls.mmap(fd, sqSize, OFF_SQ_RING, error);
            MemorySegment cq = sq == null ? null : Syscalls.mmap(fd, cqSize, OFF_CQ_RING, error);
            MemorySegment entriesArray = cq == null ? null : Syscalls.mmap(fd, sqeSize, OFF_SQES, error);
            if (entriesArray == null) {
                if (cq != null) {
                    Syscalls.munmap(cq, cqSize);
                }
                if (sq != null) {
                    Syscalls.munmap(sq, sqSize);
                }
                Syscalls.close(fd);
                throw new UringException("mmap", error[0]);
            }
            return new Ring(fd, params, sq.reinterpret(sqSize), sqSize, cq.reinterpret(cqSize), cqSize,
                    entriesArray.reinterpret(sqeSize));
        }
    }

    int fd() {
        return fd;
    }

    int submissionCapacity() {
        return sqEntries;
    }

    int completionCapacity() {
        return cqEntries;
    }

    /** Free submission slots: entries the kernel has not consumed yet still occupy theirs. */
    int freeSlots() {
        int head = (int) INT.getAcquire(sqRing, sqHead);
        return sqEntries - (localTail - head);
    }

    /** Queues one entry; the caller has checked {@link #freeSlots()}. */
    void push(byte opcode, byte flags, int fileFd, long offset, long address, int length, int opFlags, long userData) {
        int index = localTail & sqMask;
        MemorySegment sqe = sqes.asSlice((long) index * SQE_SIZE, SQE_SIZE);
        sqe.fill((byte) 0);
        sqe.set(ValueLayout.JAVA_BYTE, 0, opcode);
        sqe.set(ValueLayout.JAVA_BYTE, 1, flags);
        sqe.set(ValueLayout.JAVA_INT, 4, fileFd);
        sqe.set(ValueLayout.JAVA_LONG, 8, offset);
        sqe.set(ValueLayout.JAVA_LONG, 16, address);
        sqe.set(ValueLayout.JAVA_INT, 24, length);
        sqe.set(ValueLayout.JAVA_INT, 28, opFlags);
        sqe.set(ValueLayout.JAVA_LONG, 32, userData);
        sqRing.set(ValueLayout.JAVA_INT, sqArray + 4L * index, index);
        localTail++;
        INT.setRelease(sqRing, sqTail, localTail);
        unsubmitted++;
    }

    /**
     * Hands queued entries to the kernel and, when {@code waitFor} is
     * positive, waits until that many completions are available. Retries on
     * EINTR; returns a negative errno for anything else (EAGAIN and EBUSY
     * mean: reap completions, then try again).
     */
    int enter(int waitFor) {
        while (true) {
            int result = Syscalls.ioUringEnter(callState, fd, unsubmitted, waitFor, waitFor > 0 ? ENTER_GETEVENTS : 0);
            if (result >= 0) {
                unsubmitted -= Math.min(result, unsubmitted);
                return result;
            }
            if (result != -Syscalls.EINTR) {
                return result;
            }
        }
    }

    int unsubmitted() {
        return unsubmitted;
    }

    /**
     * Delivers every available completion to {@code sink}; returns how many.
     * The sink may push and reap again: the head is re-read on each turn.
     */
    int reap(CompletionSink sink) {
        int count = 0;
        while (true) {
            int head = (int) INT.get(cqRing, cqHead);
            int tail = (int) INT.getAcquire(cqRing, cqTail);
            if (head == tail) {
                return count;
            }
            long cqe = cqes + (long) (head & cqMask) * CQE_SIZE;
            long userData = cqRing.get(ValueLayout.JAVA_LONG, cqe);
            int result = cqRing.get(ValueLayout.JAVA_INT, cqe + 8);
            INT.setRelease(cqRing, cqHead, head + 1);
            count++;
            sink.completed(userData, result);
        }
    }

    /**
     * Registers {@code fileFd} as the ring's fixed file 0, so that entries
     * flagged SQE_FIXED_FILE skip the kernel's per-request descriptor lookup
     * and reference counting; false if the kernel refuses (the plain
     * descriptor then serves).
     */
    boolean registerFile(int fileFd) {
        try (Arena temp = Arena.ofConfined()) {
            MemorySegment fds = temp.allocateFrom(ValueLayout.JAVA_INT, fileFd);
            return Syscalls.ioUringRegister(fd, REGISTER_FILES, fds, 1) >= 0;
        }
    }

    /** Which opcodes the kernel supports (IORING_REGISTER_PROBE); null if it cannot say (kernels before 5.6). */
    boolean[] probe() {
        int ops = 256;
        try (Arena temp = Arena.ofConfined()) {
            MemorySegment probe = temp.allocate(16 + 8L * ops, 8);
            int result = Syscalls.ioUringRegister(fd, REGISTER_PROBE, probe, ops);
            if (result < 0) {
                return null;
            }
            int length = Byte.toUnsignedInt(probe.get(ValueLayout.JAVA_BYTE, 1));
            boolean[] supported = new boolean[ops];
            for (int i = 0; i < length; i++) {
                long op = 16 + 8L * i;
                int code = Byte.toUnsignedInt(probe.get(ValueLayout.JAVA_BYTE, op));
                short flags = probe.get(ValueLayout.JAVA_SHORT, op + 2);
                supported[code] = (flags & 1) != 0;
            }
            return supported;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Syscalls.munmap(sqes, sqes.byteSize());
        Syscalls.munmap(cqRing, cqRingSize);
        Syscalls.munmap(sqRing, sqRingSize);
        Syscalls.close(fd);
    }
}
