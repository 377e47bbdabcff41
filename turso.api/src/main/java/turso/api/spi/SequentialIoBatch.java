/*
 * The IoBatch of a VFS without asynchronous I/O: submit() performs the
 * requests in order, one blocking call each, so a sync barrier holds
 * trivially. The NIO and in-memory VFS use it; io_uring falls back to it.
 * A scatter read is one read into a buffer of its whole length, then
 * copied out: one call, where a read per segment would make as many.
 */
package turso.api.spi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import turso.api.ResultCode;
import turso.api.TursoException;

public final class SequentialIoBatch implements IoBatch {

    private sealed interface Request {}

    private record Read(MemorySegment dst, long offset) implements Request {}

    private record ScatterRead(List<MemorySegment> dsts, long offset) implements Request {}

    private record Write(MemorySegment src, long offset) implements Request {}

    private record Sync(VfsFile.SyncType type) implements Request {}

    private final VfsFile file;
    private final List<Request> requests = new ArrayList<>();
    private boolean submitted;

    public SequentialIoBatch(VfsFile file) {
        this.file = file;
    }

    @Override
    public int read(MemorySegment dst, long offset) {
        return add(new Read(dst, offset));
    }

    @Override
    public int readScattered(List<MemorySegment> dsts, long offset) {
        if (dsts.size() > MAX_SCATTER) {
            throw new TursoException(ResultCode.MISUSE, "a scatter read of more than " + MAX_SCATTER + " segments");
        }
        return add(new ScatterRead(List.copyOf(dsts), offset));
    }

    @Override
    public int write(MemorySegment src, long offset) {
        return add(new Write(src, offset));
    }

    @Override
    public int sync(VfsFile.SyncType type) {
        return add(new Sync(type));
    }

    @Override
    public int size() {
        return requests.size();
    }

    private int add(Request request) {
        if (submitted) {
            throw new TursoException(ResultCode.MISUSE, "I/O batch already submitted");
        }
        requests.add(request);
        return requests.size() - 1;
    }

    @Override
    public IoCompletion submit() {
        if (submitted) {
            throw new TursoException(ResultCode.MISUSE, "I/O batch already submitted");
        }
        submitted = true;
        long[] transferred = new long[requests.size()];
        RuntimeException failure = null;
        for (int i = 0; i < transferred.length; i++) {
            try {
                transferred[i] = switch (requests.get(i)) {
                    case Read r -> file.read(r.dst(), r.offset());
                    case ScatterRead r -> readScattered(r);
                    case Write w -> {
                        file.write(w.src(), w.offset());
                        yield w.src().byteSize();
                    }
                    case Sync s -> {
                        if (failure == null) {
                            file.sync(s.type());
                        }
                        yield 0;
                    }
                };
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        return new Done(transferred, failure);
    }

    private long readScattered(ScatterRead request) {
        long total = 0;
        for (MemorySegment dst : request.dsts()) {
            total += dst.byteSize();
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment whole = arena.allocate(total);
            int existed = file.read(whole, request.offset());
            long at = 0;
            for (MemorySegment dst : request.dsts()) {
                MemorySegment.copy(whole, at, dst, 0, dst.byteSize());
                at += dst.byteSize();
            }
            return existed;
        }
    }

    private record Done(long[] transferredBytes, RuntimeException failure) implements IoCompletion {
        @Override
        public void await() {
            if (failure != null) {
                throw failure;
            }
        }

        @Override
        public boolean isDone() {
            return true;
        }

        @Override
        public long transferred(int index) {
            return transferredBytes[index];
        }
    }
}
