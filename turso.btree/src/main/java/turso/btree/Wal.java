/*
 * One connection's side of a WAL-mode database (wal.html, walformat.html):
 * read transactions pinned to a snapshot by a read mark, the single writer
 * appending frames under the WRITE lock, recovery of the wal-index from the
 * WAL file, and checkpoints that copy frames back into the database file
 * without overwriting a page an older reader still needs. All coordination
 * with other connections and sqlite3 processes goes through the wal-index
 * (WalIndex) and its shm lock slots, following SQLite's protocol, so that
 * both sides see each other's commits.
 */
package turso.btree;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;
import org.eclipse.collections.impl.map.mutable.primitive.IntIntHashMap;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.SharedMemory;
import turso.api.spi.Vfs;
import turso.api.spi.VfsFile;
import turso.btree.WalIndex.Header;

final class Wal {

    private static final int MAX_ATTEMPTS = 100;
    private static final int CHUNK_BYTES = 1 << 20;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How long beginWrite asks again for a WRITE lock another connection has (see lockWrite). */
    private static final long WRITE_WAIT_NANOS = 500_000;
    /** Attempts that yield before lockWrite sleeps between attempts, and for how long. */
    private static final int WRITE_YIELDS = 16;
    private static final long WRITE_PARK_NANOS = 20_000;

    private final Vfs vfs;
    private final String walPath;
    private final VfsFile db;
    private final SharedMemory shm;
    private final WalIndex index;
    private final int pageSize;
    private final boolean readOnly;
    private long sizeLimit = -1;
    private boolean truncateOnCommit;
    private VfsFile walFile;
    private Header hdr = Header.EMPTY;
    /** The snapshot of the read transaction before this one (what the pager's cache holds when it begins). */
    private Header previous = Header.EMPTY;
    private int readLock = -1;
    private boolean writeLock;
    private boolean ckptLock;
    private int minFrame;
    private int checkpointSeq;
    /** The frames this write transaction spilled but has not committed, as a header ending with them; null if none. */
    private Header spilled;

    Wal(Vfs vfs, String walPath, VfsFile db, SharedMemory shm, int pageSize, boolean readOnly) {
        this.vfs = vfs;
        this.walPath = walPath;
        this.db = db;
        this.shm = shm;
        this.index = new WalIndex(shm);
        this.pageSize = pageSize;
        this.readOnly = readOnly;
    }

    // ---- read transactions ----

    /** Starts a read transaction on the latest snapshot; true if it differs from this connection's previous one. */
    boolean beginRead() {
        previous = hdr;
        try {
            for (int attempt = 0; !tryBeginRead(false, attempt); attempt++) {
                pause(attempt);
            }
        } catch (RuntimeException e) {
            // No snapshot was taken: the next read compares with the one the pager's cache still holds.
            hdr = previous;
            throw e;
        }
        return !hdr.equals(previous);
    }

    /**
     * Names every page that may differ between the previous read
     * transaction's snapshot and this one, so that a cache need not drop
     * the pages nobody changed: committed frames are never rewritten until
     * the WAL starts over (which gives it new salts), so between two
     * snapshots of one WAL only the pages of the frames committed in
     * between changed, plus those past the smaller of the two database
     * sizes. Returns false, having named nothing, when that cannot be told
     * (no previous snapshot, the WAL started over, a size unknown) or the
     * frames in between are more than {@code limit}: then nothing cached
     * from before may be trusted.
     */
    boolean changedPages(int limit, IntConsumer changed) {
        Header before = previous;
        if (before.isInit() == 0 || hdr.isInit() == 0 || before.salt1() != hdr.salt1()
                || before.salt2() != hdr.salt2() || before.nPage() <= 0 || hdr.nPage() <= 0
                || before.mxFrame() < 0 || hdr.mxFrame() < before.mxFrame()
                || hdr.mxFrame() - before.mxFrame() > limit) {
            return false;
        }
        for (int f = before.mxFrame() + 1; f <= hdr.mxFrame(); f++) {
            changed.accept(index.pageOf(f));
        }
        for (int pgno = Math.min(before.nPage(), hdr.nPage()) + 1; pgno <= Math.max(before.nPage(), hdr.nPage()); pgno++) {
            changed.accept(pgno);
        }
        return true;
    }

    void endRead() {
        if (readLock >= 0) {
            shm.unlock(WalIndex.readLock(readLock), 1, false);
            readLock = -1;
        }
    }

    /** Database size in pages in this snapshot, or 0 when the WAL never said (the file's size decides). */
    int dbSize() {
        return hdr.nPage();
    }

    /** Frames committed to the WAL in this snapshot. */
    int mxFrame() {
        return hdr.mxFrame();
    }

    /** The frame of this snapshot (with the frames this writer spilled) that holds {@code pgno}, or 0 if the database file has it. */
    int findFrame(int pgno) {
        return readLock > 0 ? index.find(pgno, minFrame, spilled != null ? spilled.mxFrame() : hdr.mxFrame()) : 0;
    }

    void readFrame(int frame, MemorySegment dst) {
        if (!openWalFile(false)) {
            throw Corrupt.at("the WAL file is missing");
        }
        walFile.read(dst, WalFormat.frameOffset(frame, pageSize) + WalFormat.FRAME_HEADER);
    }

    /**
     * Between attempts at a read transaction, as SQLite's walTryBeginRead
     * (a few immediate retries, then sleeps growing as 39 µs times the
     * square of the attempts past nine), except that its 1 µs sleeps
     * (attempts 6 to 9) are yields: what is in the way is most often another
     * thread of this JVM setting a read mark, a few microseconds of work,
     * and a 1 µs sleep is some 50 µs on Linux, while on a machine with fewer
     * cores than busy threads a yield lets that thread finish first.
     */
    private static void pause(int attempt) {
        if (attempt >= MAX_ATTEMPTS) {
            throw new TursoException(ResultCode.BUSY);
        }
        if (attempt >= 10) {
            LockSupport.parkNanos(39_000L * (attempt - 9) * (attempt - 9));
        } else if (attempt > 5) {
            Thread.yield();
        } else {
            Thread.onSpinWait();
        }
    }

    /** One attempt at SQLite's walTryBeginRead; false means try again. */
    private boolean tryBeginRead(boolean useWal, int attempt) {
        if (!useWal && !readHeader(attempt)) {
            return false;
        }
        int mxFrame = hdr.mxFrame();
        if (!useWal && index.nBackfill() == mxFrame && shm.lock(WalIndex.readLock(0), 1, false)) {
            if (!index.isCurrent(hdr)) {
                shm.unlock(WalIndex.readLock(0), 1, false);
                return false;
            }
            readLock = 0;
            minFrame = mxFrame + 1;
            return true;
        }
        int mxReadMark = 0;
        int mxI = 0;
        for (int i = 1; i < WalIndex.READERS; i++) {
            int mark = index.readMark(i);
            if (Integer.compareUnsigned(mxReadMark, mark) <= 0 && Integer.compareUnsigned(mark, mxFrame) <= 0) {
                mxReadMark = mark;
                mxI = i;
            }
        }
        if (Integer.compareUnsigned(mxReadMark, mxFrame) < 0 || mxI == 0) {
            for (int i = 1; i < WalIndex.READERS; i++) {
                if (shm.lock(WalIndex.readLock(i), 1, true)) {
                    index.setReadMark(i, mxFrame);
                    mxReadMark = mxFrame;
                    mxI = i;
                    shm.unlock(WalIndex.readLock(i), 1, true);
                    break;
                }
            }
        }
        if (mxI == 0 || !shm.lock(WalIndex.readLock(mxI), 1, false)) {
            return false;
        }
        minFrame = index.nBackfill() + 1;
        if (index.readMark(mxI) != mxReadMark || !index.isCurrent(hdr)) {
            shm.unlock(WalIndex.readLock(mxI), 1, false);
            return false;
        }
        readLock = mxI;
        return true;
    }

    /**
     * Loads the published index header into {@code hdr}, recovering the
     * index if it is not valid; false means retry. The first few attempts
     * that find the two copies disagreeing just retry, as that is usually a
     * writer publishing a commit: taking the WRITE lock to look closer
     * would make that writer's next transaction BUSY for nothing.
     */
    private boolean readHeader(int attempt) {
        Header h = index.tryReadHeader();
        if (h == null) {
            if (attempt < 3) {
                return false;
            }
            boolean hadWrite = writeLock;
            if (!hadWrite && !shm.lock(WalIndex.WRITE_LOCK, 1, true)) {
                return false;
            }
            try {
                h = index.tryReadHeader();
                if (h == null) {
                    h = recover();
                }
            } finally {
                if (!hadWrite) {
                    shm.unlock(WalIndex.WRITE_LOCK, 1, true);
                }
            }
            if (h == null) {
                return false;
            }
        }
        if (h.version() != WalFormat.VERSION) {
            throw new TursoException(ResultCode.CANTOPEN, "unknown wal-index version " + h.version());
        }
        if (h.mxFrame() != 0 && h.pageSize() != pageSize) {
            throw Corrupt.at("the WAL's page size " + h.pageSize() + " is not the database's " + pageSize);
        }
        hdr = h;
        return true;
    }

    // ---- recovery ----

    /** Rebuilds the wal-index from the valid committed frames of the WAL file; null if another connection is at it. */
    private Header recover() {
        int first = ckptLock ? WalIndex.RECOVER_LOCK : WalIndex.CKPT_LOCK;
        int count = WalIndex.RECOVER_LOCK + 1 - first;
        if (!shm.lock(first, count, true)) {
            return null;
        }
        try {
            Header h = scanWal().sealed();
            index.writeHeader(h);
            index.setNBackfill(0);
            index.setNBackfillAttempted(h.mxFrame());
            index.setReadMark(0, 0);
            for (int i = 1; i < WalIndex.READERS; i++) {
                if (shm.lock(WalIndex.readLock(i), 1, true)) {
                    index.setReadMark(i, i == 1 && h.mxFrame() > 0 ? h.mxFrame() : WalIndex.NOT_USED);
                    shm.unlock(WalIndex.readLock(i), 1, true);
                }
            }
            return h;
        } finally {
            shm.unlock(first, count, true);
        }
    }

    private Header scanWal() {
        if (!openWalFile(false)) {
            return Header.EMPTY;
        }
        long size = walFile.size();
        if (size < WalFormat.HEADER) {
            return Header.EMPTY;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment head = arena.allocate(WalFormat.HEADER);
            walFile.read(head, 0);
            WalFormat.Header wh = WalFormat.readHeader(head);
            if (wh == null || wh.pageSize() != pageSize) {
                return Header.EMPTY;
            }
            checkpointSeq = wh.checkpointSeq();
            ValueLayout.OfInt word = WalFormat.wordOrder(wh.bigEndian());
            int[] sum = {wh.cksum1(), wh.cksum2()};
            int[] committedSum = sum.clone();
            long frameSize = WalFormat.FRAME_HEADER + (long) pageSize;
            int perChunk = (int) Math.max(1, CHUNK_BYTES / frameSize);
            MemorySegment chunk = arena.allocate(perChunk * frameSize, 8);
            IntArrayList pages = new IntArrayList();
            int lastCommit = 0;
            int nPage = 0;
            scan:
            for (long frame = 1; WalFormat.frameOffset(frame, pageSize) + frameSize <= size && frame < Integer.MAX_VALUE; ) {
                long offset = WalFormat.frameOffset(frame, pageSize);
                int n = (int) Math.min(perChunk, (size - offset) / frameSize);
                walFile.read(chunk.asSlice(0, n * frameSize), offset);
                for (int i = 0; i < n; i++, frame++) {
                    long off = i * frameSize;
                    if (!WalFormat.verifyFrame(chunk, off, pageSize, wh.salt1(), wh.salt2(), word, sum)) {
                        break scan;
                    }
                    pages.add(Bytes.i32(chunk, off));
                    int commit = Bytes.i32(chunk, off + 4);
                    if (commit != 0) {
                        lastCommit = (int) frame;
                        nPage = commit;
                        committedSum = sum.clone();
                    }
                }
            }
            for (int f = 1; f <= lastCommit; f++) {
                index.append(f, pages.get(f - 1));
            }
            index.removeAfter(lastCommit);
            return Header.EMPTY.withWal(wh.bigEndian(), pageSize, wh.salt1(), wh.salt2(), committedSum)
                    .withFrames(0, lastCommit, nPage, committedSum);
        }
    }

    private boolean openWalFile(boolean create) {
        if (walFile != null) {
            return true;
        }
        if (!create && !vfs.access(walPath, Vfs.Access.EXISTS)) {
            return false;
        }
        walFile = vfs.open(walPath, Vfs.FileKind.WAL, readOnly ? EnumSet.of(Vfs.OpenFlag.READ_ONLY)
                : EnumSet.of(Vfs.OpenFlag.READ_WRITE, Vfs.OpenFlag.CREATE));
        return true;
    }

    // ---- write transactions ----

    /** PRAGMA journal_size_limit in bytes (negative: none), applied at the first commit after the WAL starts over. */
    void setSizeLimit(long bytes) {
        sizeLimit = bytes;
    }

    /**
     * Takes the WRITE lock; BUSY if another writer has it, BUSY_SNAPSHOT if
     * this snapshot is no longer the latest. Both are retried above (the
     * pager starts a fresh transaction over, the busy handler waits), so
     * they carry no stack trace; the busy handler gives any that reaches
     * the caller a stack trace.
     *
     * With {@code renew} (a transaction that has read nothing yet) an
     * overtaken snapshot is instead replaced by the latest one while the
     * WRITE lock is kept, and this returns false: the caller must then
     * treat it as a new read transaction (see changedPages). Letting go of
     * the lock to start over, as SQLite does, handed it to the next waiting
     * writer, whose snapshot was as old: with four threads updating one
     * table, a writer that waited for another usually lost its turn that
     * way, 900 times in 20 seconds. Dropping the read lock and taking the
     * latest snapshot with the WRITE lock held is what SQLite's own
     * walRestartLog does, so other processes see nothing new.
     */
    boolean beginWrite(boolean renew) {
        if (readLock < 0) {
            throw new TursoException(ResultCode.MISUSE, "a WAL write needs a read transaction");
        }
        if (!lockWrite()) {
            throw new TursoException(ResultCode.BUSY, false);
        }
        writeLock = true;
        if (index.isCurrent(hdr)) {
            return true;
        }
        if (renew) {
            endRead();
            beginRead();
            if (hdr.nPage() > 0) {
                return false;
            }
        }
        endWrite();
        throw new TursoException(ResultCode.BUSY_SNAPSHOT, false);
    }

    /**
     * Takes the WRITE lock, asking again for a moment while another
     * connection has it. The usual holder is another connection of this JVM
     * whose one-row transaction keeps it some tens of microseconds; refused
     * at once, the statement went back to its busy handler as an exception,
     * to sleep from 10 µs to milliseconds and start over, so that four
     * threads updating one database spent much of their time asleep with
     * the lock free. A holder that keeps it longer than WRITE_WAIT_NANOS
     * gets SQLITE_BUSY as before (without a busy timeout, still at once to
     * any observer), and another process sees nothing but a writer that
     * asked a few times.
     */
    private boolean lockWrite() {
        if (shm.lock(WalIndex.WRITE_LOCK, 1, true)) {
            return true;
        }
        long start = System.nanoTime();
        for (int attempt = 0; System.nanoTime() - start < WRITE_WAIT_NANOS; attempt++) {
            if (attempt < WRITE_YIELDS) {
                Thread.yield();
            } else {
                LockSupport.parkNanos(WRITE_PARK_NANOS);
            }
            if (shm.lock(WalIndex.WRITE_LOCK, 1, true)) {
                return true;
            }
        }
        return false;
    }

    void endWrite() {
        discardSpilled();
        if (writeLock) {
            shm.unlock(WalIndex.WRITE_LOCK, 1, true);
            writeLock = false;
        }
    }

    /**
     * Appends {@code pages} (in page order) as frames, the last one the
     * commit frame carrying {@code dbSize}, after any frames this
     * transaction spilled, syncs as {@code sync} asks, and publishes the new
     * snapshot in the wal-index.
     */
    void commit(List<Page> pages, int dbSize, SyncMode sync) {
        if (!writeLock || pages.isEmpty()) {
            throw new TursoException(ResultCode.MISUSE, "nothing to commit to the WAL");
        }
        Header h = appendFrames(pages, dbSize, sync);
        if (truncateOnCommit && sizeLimit >= 0) {
            long end = Math.max(sizeLimit, WalFormat.frameOffset(h.mxFrame() + 1L, pageSize));
            if (walFile.size() > end) {
                walFile.truncate(end);
            }
            truncateOnCommit = false;
        }
        spilled = null;
        hdr = h.withFrames(h.change() + 1, h.mxFrame(), dbSize, new int[] {h.frameCksum1(), h.frameCksum2()}).sealed();
        index.writeHeader(hdr);
    }

    /**
     * SQLite's cache spill in WAL mode: writes {@code pages} (in page order)
     * as frames that commit nothing, so that the pager can let their memory
     * go before the transaction ends. Other connections do not see them (the
     * published header stops before them); this one finds them through
     * findFrame until it commits or rolls back.
     */
    void spill(List<Page> pages, SyncMode sync) {
        if (!writeLock || pages.isEmpty()) {
            throw new TursoException(ResultCode.MISUSE, "nothing to spill to the WAL");
        }
        spilled = appendFrames(pages, 0, sync);
    }

    /** Whether this write transaction has spilled frames. */
    boolean hasSpilled() {
        return spilled != null;
    }

    /** Forgets the frames this transaction spilled (rollback): the wal-index stops at the published header again. */
    void discardSpilled() {
        if (spilled != null) {
            spilled = null;
            index.removeAfter(hdr.mxFrame());
        }
    }

    /** Writes frames after the last one (published or spilled) and indexes them; returns the header that ends with them. */
    private Header appendFrames(List<Page> pages, int commitSize, SyncMode sync) {
        if (spilled == null) {
            restartIfCheckpointed();
        }
        openWalFile(true);
        Header h = spilled != null ? spilled : hdr;
        int frame = h.mxFrame();
        int[] sum;
        MemorySegment head = null;
        if (frame == 0) {
            int salt1 = checkpointSeq == 0 ? RANDOM.nextInt() : h.salt1();
            int salt2 = checkpointSeq == 0 ? RANDOM.nextInt() : h.salt2();
            head = Arena.ofAuto().allocate(WalFormat.HEADER);
            sum = WalFormat.writeHeader(head, pageSize, checkpointSeq, salt1, salt2);
            h = h.withWal(WalFormat.nativeMagic() == WalFormat.MAGIC_BE, pageSize, salt1, salt2, sum);
            truncateOnCommit = true;
        } else {
            sum = new int[] {h.frameCksum1(), h.frameCksum2()};
        }
        VfsFile.SyncType headerSync = sync != SyncMode.OFF ? VfsFile.SyncType.NORMAL : null;
        VfsFile.SyncType commitSync = commitSize != 0 && (sync == SyncMode.FULL || sync == SyncMode.EXTRA)
                ? (sync == SyncMode.EXTRA ? VfsFile.SyncType.FULL : VfsFile.SyncType.NORMAL) : null;
        WalAppend.append(walFile, head, headerSync, pages, frame + 1, commitSize, pageSize, h.salt1(), h.salt2(),
                WalFormat.wordOrder(h.bigEndCksum() != 0), sum, commitSync);
        try {
            for (Page p : pages) {
                index.append(++frame, p.pgno);
            }
        } catch (RuntimeException e) {
            index.removeAfter(hdr.mxFrame());
            spilled = null;
            throw e;
        }
        return h.withFrames(h.change(), frame, h.nPage(), sum);
    }

    /**
     * SQLite's walRestartLog: a writer reading the database file alone
     * (read mark 0) after a complete checkpoint starts the WAL over from
     * its beginning when no reader uses it; either way it then takes a read
     * mark so that a checkpoint cannot overtake it.
     */
    private void restartIfCheckpointed() {
        if (readLock != 0) {
            return;
        }
        if (index.nBackfill() > 0 && shm.lock(WalIndex.readLock(1), WalIndex.READERS - 1, true)) {
            try {
                restartHeader();
            } finally {
                shm.unlock(WalIndex.readLock(1), WalIndex.READERS - 1, true);
            }
        }
        shm.unlock(WalIndex.readLock(0), 1, false);
        readLock = -1;
        for (int attempt = 0; !tryBeginRead(true, attempt); attempt++) {
            pause(attempt);
        }
    }

    /** The next frame goes to the start of the WAL, with new salts so that older frames stop counting. */
    private void restartHeader() {
        checkpointSeq++;
        hdr = hdr.restarted(hdr.salt1() + 1, RANDOM.nextInt()).sealed();
        index.writeHeader(hdr);
        index.setNBackfill(0);
        index.setNBackfillAttempted(0);
        index.setReadMark(1, 0);
        for (int i = 2; i < WalIndex.READERS; i++) {
            index.setReadMark(i, WalIndex.NOT_USED);
        }
    }

    // ---- checkpoints ----

    /**
     * Runs a checkpoint (sqlite3WalCheckpoint); the connection must have no
     * transaction open. {@code busy} (null for none) is SQLite's busy
     * handler: asked with the number of tries so far whether to try a
     * refused lock again; as in SQLite it is never used by PASSIVE, nor for
     * the checkpoint lock itself. Returns PRAGMA wal_checkpoint's row.
     */
    CheckpointResult checkpoint(CheckpointMode mode, SyncMode sync, IntPredicate busy) {
        if (readLock >= 0 || writeLock) {
            throw new TursoException(ResultCode.LOCKED, "database table is locked");
        }
        if (readOnly) {
            throw new TursoException(ResultCode.READONLY);
        }
        if (!shm.lock(WalIndex.CKPT_LOCK, 1, true)) {
            return CheckpointResult.BLOCKED;
        }
        ckptLock = true;
        boolean tookWrite = false;
        try {
            CheckpointMode effective = mode;
            IntPredicate handler = mode == CheckpointMode.PASSIVE ? null : busy;
            if (mode != CheckpointMode.PASSIVE) {
                if (busyLock(handler, WalIndex.WRITE_LOCK, 1)) {
                    writeLock = true;
                    tookWrite = true;
                } else {
                    effective = CheckpointMode.PASSIVE;
                    handler = null;
                }
            }
            Header before = hdr;
            for (int attempt = 0; !readHeader(attempt); attempt++) {
                pause(attempt);
            }
            boolean changed = !hdr.equals(before);
            boolean blocked = backfill(effective, sync, handler) || effective != mode;
            CheckpointResult result = new CheckpointResult(blocked ? 1 : 0, hdr.mxFrame(), index.nBackfill());
            if (changed) {
                hdr = Header.EMPTY;
            }
            return result;
        } finally {
            if (tookWrite) {
                endWrite();
            }
            shm.unlock(WalIndex.CKPT_LOCK, 1, true);
            ckptLock = false;
        }
    }

    /** SQLite's walCheckpoint; returns true if readers or a writer kept it from doing all that {@code mode} asks. */
    private boolean backfill(CheckpointMode mode, SyncMode sync, IntPredicate busy) {
        int mxFrame = hdr.mxFrame();
        if (index.nBackfill() < mxFrame) {
            int mxSafe = mxFrame;
            for (int i = 1; i < WalIndex.READERS; i++) {
                int mark = index.readMark(i);
                if (Integer.compareUnsigned(mxSafe, mark) > 0) {
                    if (busyLock(busy, WalIndex.readLock(i), 1)) {
                        index.setReadMark(i, i == 1 ? mxSafe : WalIndex.NOT_USED);
                        shm.unlock(WalIndex.readLock(i), 1, true);
                    } else {
                        mxSafe = mark;
                        busy = null;
                    }
                }
            }
            int nBackfill = index.nBackfill();
            if (nBackfill < mxSafe && busyLock(busy, WalIndex.readLock(0), 1)) {
                try {
                    copyFrames(nBackfill, mxSafe, sync);
                } finally {
                    shm.unlock(WalIndex.readLock(0), 1, true);
                }
            }
        }
        if (mode == CheckpointMode.PASSIVE) {
            return false;
        }
        if (index.nBackfill() < hdr.mxFrame()) {
            return true;
        }
        if (mode == CheckpointMode.FULL) {
            return false;
        }
        if (!busyLock(busy, WalIndex.readLock(1), WalIndex.READERS - 1)) {
            return true;
        }
        try {
            if (mode == CheckpointMode.TRUNCATE) {
                restartHeader();
                if (openWalFile(false)) {
                    walFile.truncate(0);
                }
            }
        } finally {
            shm.unlock(WalIndex.readLock(1), WalIndex.READERS - 1, true);
        }
        return false;
    }

    /** SQLite's walBusyLock: an exclusive lock on the slots, tried again for as long as the busy handler says so. */
    private boolean busyLock(IntPredicate busy, int slot, int count) {
        for (int tries = 0; ; tries++) {
            if (shm.lock(slot, count, true)) {
                return true;
            }
            if (busy == null || !busy.test(tries)) {
                return false;
            }
        }
    }

    /** Writes the latest version of each page in frames (from, to] to the database file. */
    private void copyFrames(int from, int to, SyncMode sync) {
        index.setNBackfillAttempted(to);
        if (!openWalFile(false)) {
            throw Corrupt.at("the WAL file is missing");
        }
        if (sync != SyncMode.OFF) {
            walFile.sync(VfsFile.SyncType.NORMAL);
        }
        IntIntHashMap latest = new IntIntHashMap();
        for (int f = from + 1; f <= to; f++) {
            latest.put(index.pageOf(f), f);
        }
        int mxPage = hdr.nPage();
        int[] pgnos = latest.keySet().select(pgno -> pgno >= 1 && pgno <= mxPage).toSortedArray();
        int[] frames = new int[pgnos.length];
        for (int i = 0; i < pgnos.length; i++) {
            frames[i] = latest.get(pgnos[i]);
        }
        CheckpointCopy.copy(walFile, db, pgnos, frames, pageSize);
        if (to == index.currentHeader().mxFrame()) {
            db.truncate((long) hdr.nPage() * pageSize);
        }
        if (sync != SyncMode.OFF) {
            db.sync(sync == SyncMode.EXTRA || sync == SyncMode.FULL ? VfsFile.SyncType.FULL : VfsFile.SyncType.NORMAL);
        }
        index.setNBackfill(to);
    }

    /** Whether every committed frame is in the database file. */
    boolean fullyCheckpointed() {
        return index.nBackfill() == hdr.mxFrame();
    }

    /**
     * Detaches from the WAL. With {@code delete} (the last connection,
     * everything checkpointed) the -wal and -shm files are removed, as
     * SQLite does on its last close.
     */
    void close(boolean delete) {
        endRead();
        endWrite();
        try {
            if (walFile != null) {
                walFile.close();
                walFile = null;
            }
            if (delete && vfs.access(walPath, Vfs.Access.EXISTS)) {
                vfs.delete(walPath, false);
            }
        } finally {
            shm.unmap(delete);
        }
    }
}
