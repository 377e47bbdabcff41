/*
 * Requests of one batch phase that are neighbours in the file, sent to the
 * kernel as a single READV or WRITEV: a scan's read-ahead of sibling leaves
 * that follow each other in the file, a checkpoint's reads of consecutive
 * WAL frames, whose 24-byte frame headers between the pages are read into a
 * scratch buffer and dropped. One request instead of dozens saves the
 * kernel's per-request work and the ring's per-entry bookkeeping, which is
 * most of the cost of copying a page that the OS cache already holds.
 *
 * The run keeps the iovec array (native, alive until the run finishes), and
 * on a short transfer rebuilds it from where the kernel stopped. When it
 * finishes or fails, each member learns its own share of the outcome.
 */
package turso.vfs.uring;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

final class VectoredRun {

    /** The kernel's IOV_MAX: iovecs per READV or WRITEV. */
    static final int MAX_VECTORS = 1024;

    /** The largest hole between two reads that a run reads into scratch to bridge (a WAL frame header fits). */
    static final int MAX_READ_GAP = 512;

    private static final long IOVEC_SIZE = 16;

    private final RingOp.Kind kind;
    private final List<RingOp> members;
    private final long offset;
    private final long length;
    private final boolean direct;
    /** Each piece of the run in file order (members and the gaps between them): address and length. */
    private final long[] pieceAddress;
    private final long[] pieceLength;
    private final MemorySegment vectors;

    private VectoredRun(RingOp.Kind kind, List<RingOp> members, boolean direct, Arena arena) {
        this.kind = kind;
        this.members = members;
        this.direct = direct;
        RingOp first = members.getFirst();
        RingOp last = members.getLast();
        this.offset = first.offset;
        this.length = last.offset + last.length - first.offset;
        int pieces = 0;
        long end = offset;
        for (RingOp m : members) {
            pieces += m.offset > end ? 2 : 1;
            end = m.offset + m.length;
        }
        pieceAddress = new long[pieces];
        pieceLength = new long[pieces];
        MemorySegment gap = null;
        int p = 0;
        end = offset;
        for (RingOp m : members) {
            if (m.offset > end) {
                if (gap == null) {
                    gap = arena.allocate(MAX_READ_GAP, 8);
                }
                pieceAddress[p] = gap.address();
                pieceLength[p++] = m.offset - end;
            }
            pieceAddress[p] = m.buffer().address();
            pieceLength[p++] = m.length;
            end = m.offset + m.length;
        }
        vectors = arena.allocate(IOVEC_SIZE * pieces, 8);
    }

    /**
     * Replaces, in {@code ops} (one phase's reads and writes, no syncs), each
     * group of two or more neighbours by one request carrying them; the rest
     * stay as they are. Reads may be bridged over small holes (never with
     * O_DIRECT, whose every iovec must be aligned); writes only when adjacent.
     */
    static List<RingOp> coalesce(List<RingOp> ops, int fd, int directFd, Object file, Arena arena) {
        List<RingOp> sorted = new ArrayList<>(ops.size());
        for (RingOp op : ops) {
            if (!op.finished()) {
                sorted.add(op);
            }
        }
        if (sorted.size() < 2) {
            return sorted;
        }
        sorted.sort(Comparator.comparing((RingOp op) -> op.kind).thenComparingLong(op -> op.offset));
        List<RingOp> out = new ArrayList<>();
        int i = 0;
        while (i < sorted.size()) {
            RingOp first = sorted.get(i);
            boolean direct = first.directCapable();
            long end = first.offset + first.length;
            int vectors = 1;
            int j = i + 1;
            while (j < sorted.size()) {
                RingOp next = sorted.get(j);
                long gap = next.offset - end;
                boolean joins = next.kind == first.kind && next.directCapable() == direct && gap >= 0
                        && (gap == 0 || (first.kind == RingOp.Kind.READ && !direct && gap <= MAX_READ_GAP));
                int added = gap == 0 ? 1 : 2;
                if (!joins || vectors + added > MAX_VECTORS
                        || next.offset + next.length - first.offset > RingOp.MAX_TRANSFER) {
                    break;
                }
                vectors += added;
                end = next.offset + next.length;
                j++;
            }
            if (j - i == 1) {
                out.add(first);
            } else {
                VectoredRun run = new VectoredRun(first.kind, List.copyOf(sorted.subList(i, j)), direct, arena);
                out.add(new RingOp(run, fd, directFd, file));
            }
            i = j;
        }
        return out;
    }

    RingOp.Kind kind() {
        return kind;
    }

    long offset() {
        return offset;
    }

    long length() {
        return length;
    }

    /** Whether every piece is aligned for O_DIRECT. */
    boolean direct() {
        return direct;
    }

    MemorySegment vectors() {
        return vectors;
    }

    /** Fills the iovec array with what is left after the first {@code done} bytes; returns how many iovecs. */
    int vectorsFrom(long done) {
        int count = 0;
        long skip = done;
        for (int p = 0; p < pieceAddress.length; p++) {
            long len = pieceLength[p];
            if (skip >= len) {
                skip -= len;
                continue;
            }
            vectors.set(ValueLayout.JAVA_LONG, IOVEC_SIZE * count, pieceAddress[p] + skip);
            vectors.set(ValueLayout.JAVA_LONG, IOVEC_SIZE * count + 8, len - skip);
            skip = 0;
            count++;
        }
        return count;
    }

    /** A read met the end of the file after {@code done} bytes: every member's bytes from there on become zeros. */
    void zeroFrom(long done) {
        for (RingOp m : members) {
            long start = m.offset - offset;
            long from = Math.clamp(done - start, 0, m.length);
            if (from < m.length) {
                m.buffer().asSlice(from).fill((byte) 0);
            }
        }
    }

    /** The run moved {@code done} bytes from its start: each member gets its share. */
    void finish(long done, boolean resubmitted) {
        for (RingOp m : members) {
            m.finishedInRun(Math.clamp(done - (m.offset - offset), 0, m.length), resubmitted);
        }
    }

    void fail(int errno) {
        for (RingOp m : members) {
            m.failedInRun(errno);
        }
    }
}
