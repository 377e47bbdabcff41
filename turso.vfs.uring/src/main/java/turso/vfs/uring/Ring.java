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
 * A polled ring (IORING_SETUP_SQPOLL) has a kernel thread that takes new
 * entries as soon as the tail moves, without io_uring_enter; when it has
 * been idle for its sq_thread_idle it sleeps and sets IORING_SQ_NEED_WAKEUP
 * in the SQ flags. As the kernel documents, the tail store and the load of
 * those flags need a full barrier between them (otherwise the load may be
 * ordered before the store, the thread go to sleep after checking the old
 * tail, and the entry wait forever); a set flag means: io_uring_enter with
 * IORING_ENTER_SQ_WAKEUP.
 *
 * A ring is not thread-safe; its owner (RingSession) serialises use.
 */
package turso.vfs.uring;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

final class Ring implements AutoCloseable {

    static final byte OP_READV = 1;
    static final byte OP_FSYNC = 3;
    static final byte OP_READ = 22;
    static final byte OP_WRITE = 23;

    static final byte SQE_FIXED_FILE = 1;
    static final byte SQE_IO_DRAIN = 2;
    static final byte SQE_ASYNC = 16;
    static final int FSYNC_DATASYNC = 1;

    static final int ENTER_GETEVENTS = 1;
    static final int ENTER_SQ_WAKEUP = 2;
    static final int ENTER_SQ_WAIT = 4;
    static final int SETUP_SQPOLL = 2;
    static final int SETUP_ATTACH_WQ = 32;
    static final int SQ_NEED_WAKEUP = 1;
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
    private final long sqFlags;
    private final boolean polled;
    /** Where io_uring_enter's errno lands: one per ring, as the ring is used by one thread at a time. */
    private final MemorySegment callState = Syscalls.callState(Arena.ofAuto());
    private int localTail;
    private int unsubmitted;
    /** Entries pushed whose completion has not been reaped yet. */
    private int pending;
    /** The descriptor registered as fixed file 0, or -1. */
    private int fixedFile = -1;
    private boolean closed;

    private Ring(int fd, boolean polled, MemorySegment params, MemorySegment sqRing, long sqRingSize,
            MemorySegment cqRing, long cqRingSize, MemorySegment sqes) {
        this.fd = fd;
        this.polled = polled;
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
        this.sqFlags = params.get(ValueLayout.JAVA_INT, 56);
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
        return create(entries, 0, 0, -1);
    }

    /**
     * Sets up a polled ring: its entries are taken by a kernel thread that
     * sleeps after {@code idleMillis} without work; with {@code shareWith}
     * (a polled ring's descriptor, else -1) that ring's thread serves this
     * one too (IORING_SETUP_ATTACH_WQ).
     *
     * @throws UringException with the errno when the kernel refuses (EPERM
     *         before 5.11 unprivileged, EINVAL where SQPOLL is unknown)
     */
    static Ring createPolled(int entries, int idleMillis, int shareWith) {
        return create(entries, SETUP_SQPOLL | (shareWith >= 0 ? SETUP_ATTACH_WQ : 0), idleMillis, shareWith);
    }

    private static Ring create(int entries, int setupFlags, int idleMillis, int shareWith) {
        try (Arena temp = Arena.ofConfined()) {
            MemorySegment params = temp.allocate(PARAMS_SIZE, 8);
            params.set(ValueLayout.JAVA_INT, 8, setupFlags);
            params.set(ValueLayout.JAVA_INT, 16, idleMillis);
            params.set(ValueLayout.JAVA_INT, 24, Math.max(0, shareWith));
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
            return new Ring(fd, (setupFlags & SETUP_SQPOLL) != 0, params, sq.reinterpret(sqSize), sqSize,
                    cq.reinterpret(cqSize), cqSize, entriesArray.reinterpret(sqeSize));
        }
    }

    int fd() {
        return fd;
    }

    /** Whether a kernel thread takes this ring's entries (no io_uring_enter needed to submit). */
    boolean polled() {
        return polled;
    }

    /** Whether the polling thread has gone to sleep and needs IORING_ENTER_SQ_WAKEUP to see new entries. */
    boolean needsWakeup() {
        VarHandle.fullFence();
        return ((int) INT.getVolatile(sqRing, sqFlags) & SQ_NEED_WAKEUP) != 0;
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
        pending++;
    }

    /**
     * Hands queued entries to the kernel and, when {@code waitFor} is
     * positive, waits until that many completions are available. Retries on
     * EINTR; returns a negative errno for anything else (EAGAIN and EBUSY
     * mean: reap completions, then try again).
     */
    int enter(int waitFor) {
        if (polled) {
            return enterPolled(waitFor);
        }
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

    /**
     * A polled ring's entries are the kernel thread's as soon as the tail
     * is published: entering is needed only to wake that thread, to wait for
     * a free submission slot, or to wait for completions. Returns how many
     * entries were handed over.
     */
    private int enterPolled(int waitFor) {
        int handed = unsubmitted;
        int flags = (needsWakeup() ? ENTER_SQ_WAKEUP : 0) | (waitFor > 0 ? ENTER_GETEVENTS : 0)
                | (freeSlots() == 0 ? ENTER_SQ_WAIT : 0);
        unsubmitted = 0;
        if (flags == 0) {
            return handed;
        }
        while (true) {
            int result = Syscalls.ioUringEnter(callState, fd, 0, waitFor, flags);
            if (result >= 0 || result != -Syscalls.EINTR) {
                return result < 0 ? result : handed;
            }
        }
    }

    int unsubmitted() {
        return unsubmitted;
    }

    /** Entries in this ring whose completions have not been reaped. */
    int pending() {
        return pending;
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
            pending--;
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
            if (Syscalls.ioUringRegister(fd, REGISTER_FILES, fds, 1) < 0) {
                return false;
            }
            fixedFile = fileFd;
            return true;
        }
    }

    /** The descriptor that entries flagged SQE_FIXED_FILE mean, or -1 if none is registered. */
    int fixedFile() {
        return fixedFile;
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
