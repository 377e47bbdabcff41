/*
 * The pager: pages of one database file through the page cache, locking
 * through the VFS, and atomic commit with a rollback journal. A write
 * transaction keeps the original of every page it changes in memory; at
 * commit the journal is written and synced, the changed pages are written
 * to the database and synced, then the journal is finalised (the commit
 * point), following SQLite's fsync ordering for each synchronous level.
 * Dirty pages reach the database file before commit only when they fill
 * the cache (a spill, in DELETE, TRUNCATE and PERSIST modes): the originals
 * are journaled and synced first, one journal segment per spill, and a
 * rollback then plays the journal back; otherwise a rollback only has to
 * drop them from the cache. A hot journal left by a crash is
 * played back when the next reader takes its SHARED lock, in the page size
 * its header gives (as SQLite: a VACUUM that changed the page size may
 * have been interrupted).
 *
 * A database whose header says WAL (bytes 18/19 = 2) goes through Wal
 * instead: pages are read from the snapshot's frames or the file, a commit
 * appends frames (page 1, with its change counter moved on, only when the
 * transaction changed it or the page count, as SQLite), and the connection keeps its SHARED lock on the file for
 * as long as it uses the WAL, as SQLite does, so that the last one to close
 * (the one that gets EXCLUSIVE) can checkpoint and remove the -wal file.
 * When a WAL transaction has dirtied more pages than the cache holds, they
 * are spilled (CacheSpill) as frames that commit nothing, and leave memory.
 */
package turso.btree;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.EnumSet;
import java.util.List;
import java.util.function.IntPredicate;
import org.eclipse.collections.impl.map.mutable.primitive.IntObjectHashMap;
import org.eclipse.collections.impl.set.mutable.primitive.IntHashSet;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.IoBatch;
import turso.api.spi.IoCompletion;
import turso.api.spi.SharedMemory;
import turso.api.spi.Vfs;
import turso.api.spi.VfsFile;
import turso.api.spi.VfsFile.LockLevel;

final class Pager implements AutoCloseable {

    enum State { NONE, READ, WRITE }

    private static final long LOCK_BYTE_OFFSET = 0x40000000L;

    private final Vfs vfs;
    private final String journalPath;
    private final String walPath;
    private final VfsFile file;
    private final boolean readOnly;
    private final int newPageSize;
    private JournalMode journalMode;
    private SyncMode syncMode;
    private int cacheCapacity;

    private PageCache cache;
    private long retiredGeneration;
    private int pageSize;
    private int usableSize;
    private int dbSize;
    private int origDbSize;
    private long seenChangeCounter = -1;
    private State state = State.NONE;
    private boolean headerLoaded;
    private boolean suppressWal;
    private boolean writeProtected;
    private boolean autoVacuum;
    private int newAutoVacuum;
    private Wal wal;
    private boolean walExclusive;
    private int autoCheckpoint = 1000;
    private long journalSizeLimit = -1;
    private final IntObjectHashMap<byte[]> originals = new IntObjectHashMap<>();
    private VfsFile journal;
    /** Pages whose originals a cache spill already wrote to the journal (their images left memory then). */
    private final IntHashSet journaled = new IntHashSet();
    /** Where the journal's next segment starts, once a spill has begun it. */
    private long journalEnd;
    /** A spill could not take the EXCLUSIVE lock (a reader is active): the transaction keeps its pages. */
    private boolean spillRefused;
    private boolean dbWritten;
    private final java.util.ArrayList<Savepoint> savepoints = new java.util.ArrayList<>();
    /** PRAGMA max_page_count: the file may not grow past this many pages (SQLite 3.40's default). */
    private long maxPageCount = 1073741823L;
    /**
     * PRAGMA data_version's count, as SQLite's pager counts resets of its
     * cache: 1, plus one each time a read finds the database changed by
     * another connection, and one when this pager joins the WAL.
     */
    private long dataVersion = 1;
    /** PRAGMA secure_delete: 0 off, 1 freed content and freed pages zeroed, 2 (FAST) freed content zeroed. */
    private int secureDelete;
    /** PRAGMA locking_mode = EXCLUSIVE: locks are kept when a transaction ends. */
    private boolean exclusiveLocking;
    /** PRAGMA cache_spill: whether a write transaction may spill dirty pages before it commits. */
    private boolean cacheSpill = true;
    /** Whether this write transaction spilled page 1 (its header then counts as changed at commit). */
    private boolean spilledPageOne;
    /** Calls of write() so far (Storage.writeCount). */
    private long writeCount;

    /** Page images as they were when a savepoint opened, captured on each page's first change after it. */
    private record Savepoint(int dbSize, IntObjectHashMap<byte[]> images) {
    }

    Pager(Vfs vfs, String path, StorageOptions options) {
        this.vfs = path == null ? null : vfs;
        this.readOnly = options.readOnly();
        this.newPageSize = options.pageSize();
        this.journalMode = path == null && options.journalMode() != JournalMode.OFF ? JournalMode.MEMORY : options.journalMode();
        this.syncMode = options.syncMode();
        this.cacheCapacity = options.cacheSize();
        if (path == null) {
            this.file = new MemoryFile();
            this.journalPath = null;
            this.walPath = null;
        } else {
            EnumSet<Vfs.OpenFlag> flags = readOnly ? EnumSet.of(Vfs.OpenFlag.READ_ONLY)
                    : EnumSet.of(Vfs.OpenFlag.READ_WRITE, Vfs.OpenFlag.CREATE);
            this.file = vfs.open(path, Vfs.FileKind.MAIN_DB, flags);
            this.journalPath = path + "-journal";
            this.walPath = path + "-wal";
        }
    }

    State state() {
        return state;
    }

    int pageSize() {
        return pageSize == 0 ? newPageSize : pageSize;
    }

    int usableSize() {
        return usableSize;
    }

    int pageCount() {
        return dbSize;
    }

    /** Whether the file has auto_vacuum pointer-map pages (largest root page set in the header). */
    boolean autoVacuum() {
        return autoVacuum;
    }

    /**
     * PRAGMA auto_vacuum's value for a database not created yet: 0 none,
     * 1 FULL, 2 INCREMENTAL; page 1 is then written with pointer maps on.
     */
    void setNewAutoVacuum(int mode) {
        newAutoVacuum = mode;
    }

    int newAutoVacuum() {
        return newAutoVacuum;
    }

    int lockBytePage() {
        return (int) (LOCK_BYTE_OFFSET / pageSize()) + 1;
    }

    /**
     * Sets the journal mode as PRAGMA journal_mode does, converting the file
     * into or out of WAL mode when asked; returns the mode now in force.
     */
    JournalMode setJournalMode(JournalMode mode) {
        if (vfs == null) {
            journalMode = mode == JournalMode.OFF ? JournalMode.OFF : JournalMode.MEMORY;
            return journalMode;
        }
        if (state != State.NONE) {
            if ((mode == JournalMode.WAL) != (wal != null)) {
                throw new TursoException(ResultCode.ERROR, mode == JournalMode.WAL
                        ? "cannot change into wal mode from within a transaction"
                        : "cannot change out of wal mode from within a transaction");
            }
            if (state == State.WRITE && mode != journalMode()) {
                throw new TursoException(ResultCode.ERROR, "cannot change journal mode from within a transaction");
            }
            if (wal == null) {
                journalMode = mode;
            }
            return journalMode();
        }
        probeHeader();
        if (mode == JournalMode.WAL) {
            if (wal == null && !readOnly) {
                enterWal();
            }
            return journalMode();
        }
        if (wal != null) {
            leaveWal(mode);
        }
        journalMode = mode;
        return journalMode;
    }

    JournalMode journalMode() {
        if (vfs != null && state == State.NONE && !headerLoaded) {
            probeHeader();
        }
        return wal != null ? JournalMode.WAL : journalMode;
    }

    /** Reads the header once so that the file's journal mode is known. */
    private void probeHeader() {
        if (state == State.NONE) {
            beginRead();
            commit();
        }
    }

    /** PRAGMA journal_mode=WAL: a rollback-journal transaction sets the header's version bytes to 2. */
    private void enterWal() {
        setFileFormatVersion(2);
        probeHeader();
    }

    /**
     * Leaving WAL mode: with the file's EXCLUSIVE lock (no other connection
     * anywhere), every frame is checkpointed, the -wal removed, and a
     * rollback-journal transaction sets the version bytes back to 1.
     */
    private void leaveWal(JournalMode mode) {
        if (readOnly) {
            throw new TursoException(ResultCode.READONLY);
        }
        if (!file.lock(LockLevel.EXCLUSIVE)) {
            file.unlock(LockLevel.SHARED);
            throw new TursoException(ResultCode.BUSY);
        }
        try {
            wal.checkpoint(CheckpointMode.PASSIVE, syncMode, null);
            if (!wal.fullyCheckpointed()) {
                throw new TursoException(ResultCode.BUSY);
            }
        } catch (RuntimeException e) {
            if (!walExclusive) {
                file.unlock(LockLevel.SHARED);
            }
            throw e;
        }
        Wal closing = wal;
        wal = null;
        walExclusive = false;
        closing.close(true);
        cache.clear();
        seenChangeCounter = -1;
        journalMode = mode;
        suppressWal = true;
        try {
            setFileFormatVersion(1);
        } finally {
            suppressWal = false;
            if (state == State.NONE) {
                file.unlock(LockLevel.NONE);
            }
        }
    }

    private void setFileFormatVersion(int version) {
        beginWrite();
        try {
            Page one = get(1);
            write(one);
            Bytes.put8(one.data, DatabaseHeader.WRITE_VERSION, version);
            Bytes.put8(one.data, DatabaseHeader.READ_VERSION, version);
            commit();
        } catch (RuntimeException e) {
            rollback();
            throw e;
        }
    }

    /**
     * PRAGMA journal_size_limit: a PERSIST journal is cut to this many bytes
     * after each commit, a WAL at the first commit after it starts over
     * (never below what that commit wrote); negative for no limit.
     */
    void setJournalSizeLimit(long bytes) {
        journalSizeLimit = bytes;
        if (wal != null) {
            wal.setSizeLimit(bytes);
        }
    }

    long journalSizeLimit() {
        return journalSizeLimit;
    }

    void setAutoCheckpoint(int pages) {
        this.autoCheckpoint = pages;
    }

    int autoCheckpoint() {
        return autoCheckpoint;
    }

    /** PRAGMA wal_checkpoint(mode); needs no transaction open on this connection. */
    CheckpointResult checkpoint(CheckpointMode mode, IntPredicate busy) {
        if (state != State.NONE) {
            throw new TursoException(ResultCode.LOCKED, "database table is locked");
        }
        if (vfs == null) {
            return CheckpointResult.NOT_WAL;
        }
        probeHeader();
        return wal == null ? CheckpointResult.NOT_WAL : wal.checkpoint(mode, syncMode, busy);
    }

    void setSyncMode(SyncMode mode) {
        this.syncMode = mode;
    }

    /**
     * Sets the page limit (above the current size; 0 or less keeps it) and
     * returns it, as SQLite's max_page_count does.
     */
    long maxPageCount(long limit) {
        if (limit > 0) {
            maxPageCount = Math.max(limit, dbSize);
        }
        return maxPageCount;
    }

    long dataVersion() {
        return dataVersion;
    }

    int secureDelete() {
        return secureDelete;
    }

    void setSecureDelete(int mode) {
        secureDelete = mode;
    }

    /**
     * EXCLUSIVE keeps the file's locks once taken; NORMAL releases them now
     * if no transaction is open (SQLite waits for the next access; either
     * way another connection can then lock the file).
     */
    void setExclusiveLocking(boolean exclusive) {
        exclusiveLocking = exclusive;
        if (!exclusive && state == State.NONE && wal == null && vfs != null) {
            file.unlock(LockLevel.NONE);
        }
    }

    void setCacheSize(int pages) {
        this.cacheCapacity = pages;
        if (cache != null) {
            cache.setCapacity(pages);
        }
    }

    /** Takes a SHARED lock, recovers a hot journal, and reads the header to learn the database's size. */
    void beginRead() {
        if (state != State.NONE) {
            return;
        }
        invalidateNodes();
        if (!file.lock(LockLevel.SHARED)) {
            throw new TursoException(ResultCode.BUSY);
        }
        try {
            if (wal == null) {
                recoverHotJournal();
            }
            if (wal == null || !beginWalReadOnSameSnapshot()) {
                loadHeader();
            }
            state = State.READ;
        } catch (RuntimeException e) {
            if (wal != null) {
                wal.endRead();
            } else {
                file.unlock(LockLevel.NONE);
            }
            throw e;
        }
    }

    /**
     * As SQLite in WAL mode: a read transaction on the snapshot this
     * connection last saw keeps the cache, the database size and what the
     * header said, reading nothing from the database file. The file's SHARED
     * lock, held since the WAL was joined, keeps other connections from
     * leaving WAL mode; any commit or WAL restart changes the wal-index
     * header. When the snapshot changed, the cache is cleared; if the WAL
     * gives the database's size, the header's fields come from page 1 of the
     * new snapshot (the page size cannot change in WAL mode, nor can the
     * file leave it while this connection holds SHARED), as SQLite reads
     * them; otherwise this returns false (no read transaction) and the
     * header must be read from the file again.
     */
    private boolean beginWalReadOnSameSnapshot() {
        if (wal.beginRead()) {
            if (wal.dbSize() > 0) {
                adoptNewSnapshot();
                return true;
            }
            dataVersion++;
            cache.clear();
            wal.endRead();
            return false;
        }
        if (wal.dbSize() > 0) {
            dbSize = wal.dbSize();
        }
        return true;
    }

    /**
     * Takes in a WAL snapshot newer than the one this connection last saw,
     * one that gives the database's size: a read transaction begun on it, or
     * this fresh transaction's snapshot replaced by the latest one while the
     * write lock was taken (Wal.beginWrite), before anything was read.
     */
    private void adoptNewSnapshot() {
        dataVersion++;
        dropChangedPages();
        dbSize = wal.dbSize();
        Page one = get(1);
        writeProtected = Bytes.u8(one.data, DatabaseHeader.WRITE_VERSION) > 2;
        autoVacuum = Bytes.i32(one.data, DatabaseHeader.LARGEST_ROOT) != 0;
    }

    /**
     * After other connections committed: drops the cached pages their
     * frames changed, when the WAL can tell which (see Wal.changedPages);
     * otherwise, as SQLite's pager always does, the whole cache. With four
     * connections reading and updating one table, a commit every few
     * statements emptied every other connection's cache.
     */
    private void dropChangedPages() {
        cache.settleReads();
        if (!wal.changedPages(cache.size(), cache::drop)) {
            cache.clear();
        }
    }

    private void loadHeader() {
        headerLoaded = true;
        long fileSize = file.size();
        if (fileSize < DatabaseHeader.SIZE) {
            if (fileSize > 0) {
                throw new TursoException(ResultCode.NOTADB);
            }
            dbSize = 0;
            autoVacuum = false;
            if (cache != null) {
                cache.clear();
            }
            seenChangeCounter = -1;
            setPageSize(pageSize == 0 ? newPageSize : pageSize, 0);
            return;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment h = arena.allocate(DatabaseHeader.SIZE);
            file.read(h, 0);
            DatabaseHeader.validate(h);
            int ps = DatabaseHeader.pageSize(h);
            int reserved = Bytes.u8(h, DatabaseHeader.RESERVED);
            if (ps != pageSize || ps - reserved != usableSize) {
                if (cache != null) {
                    retiredGeneration = cache.generation + 1;
                    cache.close();
                    cache = null;
                }
                setPageSize(ps, reserved);
            }
            int write = Bytes.u8(h, DatabaseHeader.WRITE_VERSION);
            boolean walMode = vfs != null && !suppressWal
                    && (write == 2 || Bytes.u8(h, DatabaseHeader.READ_VERSION) == 2);
            long counter = Bytes.u32(h, DatabaseHeader.CHANGE_COUNTER);
            if (counter != seenChangeCounter && seenChangeCounter != -1 && (!walMode || wal == null)) {
                dataVersion++;
            }
            if (counter != seenChangeCounter && !walMode) {
                cache.clear();
                seenChangeCounter = counter;
            }
            long inHeader = Bytes.u32(h, DatabaseHeader.PAGE_COUNT);
            long fromFile = (fileSize + ps - 1) / ps;
            boolean valid = inHeader != 0 && Bytes.u32(h, DatabaseHeader.VERSION_VALID_FOR) == counter;
            long size = valid ? inHeader : fromFile;
            if (size > Integer.MAX_VALUE - 1 || size < 1) {
                throw Corrupt.at("bad page count " + size);
            }
            dbSize = (int) size;
            writeProtected = write > 2;
            autoVacuum = Bytes.i32(h, DatabaseHeader.LARGEST_ROOT) != 0;
            if (walMode) {
                openWal();
                if (wal.beginRead()) {
                    cache.clear();
                }
                if (wal.dbSize() > 0) {
                    dbSize = wal.dbSize();
                }
            }
        }
    }

    /**
     * Joins the WAL: through the VFS's shared wal-index when it has one;
     * otherwise, as SQLite's exclusive locking mode, with a private index
     * and the file's EXCLUSIVE lock held until the connection closes.
     */
    private void openWal() {
        if (wal != null) {
            return;
        }
        SharedMemory shm = exclusiveLocking ? null : file.sharedMemory().orElse(null);
        if (shm == null) {
            if (!file.lock(LockLevel.EXCLUSIVE)) {
                file.unlock(LockLevel.SHARED);
                throw new TursoException(ResultCode.BUSY);
            }
            shm = new LocalSharedMemory();
            walExclusive = true;
        }
        wal = new Wal(vfs, walPath, file, shm, pageSize, readOnly);
        dataVersion++;
        wal.setSizeLimit(journalSizeLimit);
    }

    private void setPageSize(int ps, int reserved) {
        pageSize = ps;
        usableSize = ps - reserved;
        if (cache == null) {
            cache = new PageCache(ps, cacheCapacity, retiredGeneration);
        }
    }

    private void recoverHotJournal() {
        if (vfs == null || !vfs.access(journalPath, Vfs.Access.EXISTS) || file.checkReservedLock()) {
            return;
        }
        VfsFile j = vfs.open(journalPath, Vfs.FileKind.MAIN_JOURNAL, EnumSet.of(Vfs.OpenFlag.READ_WRITE));
        try {
            if (!RollbackJournal.hasValidHeader(j) || file.size() == 0 && j.size() == 0) {
                return;
            }
            if (readOnly) {
                throw new TursoException(ResultCode.READONLY_ROLLBACK, "attempt to write a readonly database");
            }
            if (!file.lock(LockLevel.RESERVED)) {
                throw new TursoException(ResultCode.BUSY);
            }
            if (!file.lock(LockLevel.EXCLUSIVE)) {
                file.unlock(LockLevel.SHARED);
                throw new TursoException(ResultCode.BUSY);
            }
            try {
                RollbackJournal.playback(j, file, 0);
                if (cache != null) {
                    cache.clear();
                }
                seenChangeCounter = -1;
                RollbackJournal.finish(vfs, journalPath, j, journalMode == JournalMode.MEMORY
                        || journalMode == JournalMode.OFF ? JournalMode.DELETE : journalMode, syncMode);
                j = null;
            } finally {
                file.unlock(LockLevel.SHARED);
            }
        } finally {
            if (j != null) {
                j.close();
            }
        }
    }

    /**
     * Starts a write transaction: RESERVED lock (in WAL mode the WAL's write
     * lock); an empty file gets its page 1. A transaction that starts here
     * and finds its brand-new snapshot already overtaken (BUSY_SNAPSHOT)
     * has read nothing yet, so it starts over on the newer one.
     */
    void beginWrite() {
        for (int attempt = 0; ; attempt++) {
            boolean fresh = state == State.NONE;
            try {
                startWrite();
                return;
            } catch (TursoException e) {
                if (!fresh || e.resultCode() != ResultCode.BUSY_SNAPSHOT || attempt >= 3) {
                    throw e;
                }
            }
        }
    }

    private void startWrite() {
        boolean startedRead = state == State.NONE;
        beginRead();
        if (state == State.WRITE) {
            return;
        }
        if (readOnly || writeProtected) {
            if (startedRead) {
                endTransaction();
            }
            throw new TursoException(ResultCode.READONLY, "attempt to write a readonly database");
        }
        if (wal != null) {
            try {
                if (!wal.beginWrite(startedRead)) {
                    invalidateNodes();
                    adoptNewSnapshot();
                    if (writeProtected) {
                        throw new TursoException(ResultCode.READONLY, "attempt to write a readonly database");
                    }
                }
            } catch (RuntimeException e) {
                if (startedRead) {
                    endTransaction();
                }
                throw e;
            }
        } else if (!file.lock(LockLevel.RESERVED)) {
            if (startedRead) {
                endTransaction();
            }
            throw new TursoException(ResultCode.BUSY);
        }
        origDbSize = dbSize;
        originals.clear();
        journaled.clear();
        journalEnd = 0;
        spillRefused = false;
        dbWritten = false;
        state = State.WRITE;
        if (dbSize == 0) {
            Page one = cache.create(1);
            one.data.fill((byte) 0);
            DatabaseHeader.initialize(one.data, pageSize, pageSize - usableSize);
            Bytes.put8(one.data, DatabaseHeader.SIZE, PageFormat.TABLE_LEAF);
            Bytes.put16(one.data, DatabaseHeader.SIZE + 5, usableSize == 65536 ? 0 : usableSize);
            if (newAutoVacuum != 0) {
                Bytes.put32(one.data, DatabaseHeader.LARGEST_ROOT, 1);
                Bytes.put32(one.data, DatabaseHeader.INCREMENTAL_VACUUM, newAutoVacuum == 2 ? 1 : 0);
            }
            autoVacuum = newAutoVacuum != 0;
            cache.markDirty(one);
            dbSize = 1;
        }
    }

    /** The page {@code pgno}, read through the cache. */
    Page get(int pgno) {
        if (pgno < 1 || pgno > dbSize) {
            throw Corrupt.at("page " + pgno + " is out of range (database has " + dbSize + " pages)");
        }
        Page p = cache.get(pgno);
        if (p != null) {
            return p;
        }
        p = cache.create(pgno);
        try {
            int frame = wal == null ? 0 : wal.findFrame(pgno);
            if (frame > 0) {
                wal.readFrame(frame, p.data);
            } else {
                file.read(p.data, (long) (pgno - 1) * pageSize);
            }
        } catch (RuntimeException e) {
            cache.remove(p);
            throw e;
        }
        return p;
    }

    /** Whether page {@code pgno} is in the cache or being read ahead (read-ahead skips those). */
    boolean isCached(int pgno) {
        return cache != null && cache.contains(pgno);
    }

    int cacheCapacity() {
        return cacheCapacity;
    }

    /**
     * Starts reading into the cache, in one batch, those of the first
     * {@code count} pages of {@code pgnos} that are in range, not cached and
     * not in the WAL, without waiting: the batch stays in flight
     * (ReadWindow) while the cursor works on the pages it has, and the cache
     * waits for it when one of its pages is asked for. A failed read-ahead is
     * forgotten: the page's own read reports it.
     */
    void readAhead(int[] pgnos, int count) {
        if (cache == null) {
            return;
        }
        Page[] loading = new Page[count];
        int n = 0;
        IoBatch batch = null;
        for (int i = 0; i < count; i++) {
            int pgno = pgnos[i];
            if (pgno < 1 || pgno > dbSize || cache.contains(pgno) || (wal != null && wal.findFrame(pgno) > 0)) {
                continue;
            }
            if (batch == null) {
                batch = file.batch();
            }
            Page p = cache.create(pgno);
            loading[n++] = p;
            batch.read(p.data, (long) (pgno - 1) * pageSize);
        }
        if (batch == null) {
            return;
        }
        IoCompletion completion;
        try {
            completion = batch.submit();
        } catch (RuntimeException e) {
            for (int i = 0; i < n; i++) {
                cache.remove(loading[i]);
            }
            return;
        }
        cache.track(new ReadWindow(completion, loading, n));
    }

    /** Declares that {@code p} is about to change: its original is kept for the journal. */
    void write(Page p) {
        if (state != State.WRITE) {
            throw new TursoException(ResultCode.MISUSE, "cannot write outside a write transaction");
        }
        writeCount++;
        invalidateNodes();
        if (!savepoints.isEmpty()) {
            Savepoint top = savepoints.getLast();
            if (p.pgno <= top.dbSize() && !top.images().containsKey(p.pgno)) {
                top.images().put(p.pgno, p.data.toArray(ValueLayout.JAVA_BYTE));
            }
        }
        if (!p.dirty) {
            if (wal == null && p.pgno <= origDbSize && !originals.containsKey(p.pgno) && !journaled.contains(p.pgno)
                    && journalMode != JournalMode.OFF) {
                originals.put(p.pgno, p.data.toArray(ValueLayout.JAVA_BYTE));
            }
            cache.markDirty(p);
        }
    }

    long writeCount() {
        return writeCount;
    }

    /** Opens a savepoint inside the write transaction; returns its depth (1 for the outermost). */
    int openSavepoint() {
        if (state != State.WRITE) {
            throw new TursoException(ResultCode.MISUSE, "savepoints need a write transaction");
        }
        savepoints.add(new Savepoint(dbSize, new IntObjectHashMap<>()));
        return savepoints.size();
    }

    /** Forgets savepoint {@code depth} and those inside it, keeping their changes. */
    void releaseSavepoint(int depth) {
        checkSavepoint(depth);
        while (savepoints.size() >= depth) {
            Savepoint inner = savepoints.removeLast();
            if (!savepoints.isEmpty()) {
                Savepoint outer = savepoints.getLast();
                inner.images().forEachKeyValue((pgno, image) -> {
                    if (pgno <= outer.dbSize() && !outer.images().containsKey(pgno)) {
                        outer.images().put(pgno, image);
                    }
                });
            }
        }
    }

    /** Undoes every change made since savepoint {@code depth} opened; the savepoint stays open. */
    void rollbackToSavepoint(int depth) {
        checkSavepoint(depth);
        invalidateNodes();
        Savepoint target = savepoints.get(depth - 1);
        boolean spilled = wal != null ? wal.hasSpilled() : dbWritten;
        int limit = Math.max(dbSize, target.dbSize());
        dbSize = limit;
        for (int i = savepoints.size() - 1; i >= depth - 1; i--) {
            Savepoint sp = savepoints.get(i);
            sp.images().forEachKeyValue((pgno, image) -> {
                Page p = cache.get(pgno);
                if (p == null && spilled && pgno <= limit) {
                    // Changed since the savepoint, then spilled and evicted: its frame comes back to be undone.
                    p = get(pgno);
                }
                if (p != null) {
                    MemorySegment.copy(MemorySegment.ofArray(image), 0, p.data, 0, image.length);
                    cache.markDirty(p);
                }
            });
        }
        for (Page p : cache.dirtyPages()) {
            if (p.pgno > target.dbSize()) {
                cache.remove(p);
            }
        }
        dbSize = target.dbSize();
        while (savepoints.size() > depth) {
            savepoints.removeLast();
        }
        target.images().clear();
    }

    private void checkSavepoint(int depth) {
        if (depth < 1 || depth > savepoints.size()) {
            throw new TursoException(ResultCode.MISUSE, "no such savepoint: " + depth);
        }
    }

    /**
     * A zeroed page appended to the end of the file, already writable. The
     * lock-byte page is skipped; in an auto_vacuum file a pointer-map page
     * that falls due is appended (zeroed) first.
     */
    Page appendPage() {
        while (true) {
            int pgno = dbSize + 1;
            if (pgno == lockBytePage()) {
                pgno++;
            }
            if (pgno < 0 || pgno > maxPageCount) {
                throw new TursoException(ResultCode.FULL);
            }
            Page p = freshPage(pgno);
            if (!autoVacuum || !PointerMap.isMapPage(this, pgno)) {
                return p;
            }
        }
    }

    private Page freshPage(int pgno) {
        dbSize = pgno;
        Page p = cache.get(pgno);
        if (p == null) {
            p = pgno <= origDbSize ? get(pgno) : cache.create(pgno);
        }
        write(p);
        p.data.fill((byte) 0);
        return p;
    }

    /**
     * VACUUM's copy back: the database becomes {@code other}'s pages (same
     * page size), in this write transaction, keeping this file's change
     * counter and read/write versions (WAL stays WAL).
     */
    void replaceContent(Pager other) {
        if (state != State.WRITE || other.pageSize != pageSize || other.usableSize != usableSize) {
            throw new TursoException(ResultCode.MISUSE, "cannot copy a database of another page size");
        }
        Page one = get(1);
        long counter = Bytes.u32(one.data, DatabaseHeader.CHANGE_COUNTER);
        int write = Bytes.u8(one.data, DatabaseHeader.WRITE_VERSION);
        int read = Bytes.u8(one.data, DatabaseHeader.READ_VERSION);
        int n = other.pageCount();
        int lockByte = lockBytePage();
        for (int pgno = 1; pgno <= n; pgno++) {
            if (pgno == lockByte) {
                continue;
            }
            if (pgno > dbSize) {
                dbSize = pgno;
            }
            Page p = cache.get(pgno);
            if (p == null) {
                p = pgno <= origDbSize ? get(pgno) : cache.create(pgno);
            }
            write(p);
            p.data.copyFrom(other.get(pgno).data);
            other.releasePages();
        }
        dbSize = n;
        Bytes.put32(one.data, DatabaseHeader.CHANGE_COUNTER, counter);
        Bytes.put8(one.data, DatabaseHeader.WRITE_VERSION, write);
        Bytes.put8(one.data, DatabaseHeader.READ_VERSION, read);
        autoVacuum = Bytes.i32(one.data, DatabaseHeader.LARGEST_ROOT) != 0;
        invalidateNodes();
    }

    /**
     * Before the database file is written: the rollback journal with the
     * original pages (in a file journal mode: all of them, or after a spill
     * those not journaled yet, as one more segment), then the EXCLUSIVE lock.
     */
    private void journalThenLock() {
        if (fileJournal() && journal == null) {
            journal = RollbackJournal.open(vfs, journalPath);
            RollbackJournal.write(journal, originals, origDbSize, pageSize, journalSectorSize(), syncMode);
        } else if (fileJournal() && journalEnd > 0) {
            journalOriginals();
        }
        if (!file.lock(LockLevel.EXCLUSIVE)) {
            throw new TursoException(ResultCode.BUSY);
        }
        dbWritten = true;
    }

    /**
     * VACUUM into a new page size (rollback-journal modes; SQLite refuses it
     * in WAL mode): every page of the file is journaled in the old size,
     * then the file is rewritten with {@code other}'s pages, cut and synced,
     * and the journal finalised; that commits, and the transaction ends.
     * The next transaction reads the new page size from the header.
     */
    void replaceFile(Pager other) {
        if (state != State.WRITE || wal != null) {
            throw new TursoException(ResultCode.MISUSE, "a new page size needs a rollback-journal write transaction");
        }
        int lockByte = lockBytePage();
        for (int pgno = 1; pgno <= origDbSize; pgno++) {
            if (pgno != lockByte && !originals.containsKey(pgno) && !journaled.contains(pgno)) {
                byte[] image = new byte[pageSize];
                file.read(MemorySegment.ofArray(image), (long) (pgno - 1) * pageSize);
                originals.put(pgno, image);
            }
        }
        journalThenLock();
        int n = other.pageCount();
        int newSize = other.pageSize;
        long counter = Bytes.u32(get(1).data, DatabaseHeader.CHANGE_COUNTER) + 1;
        byte[] first = other.get(1).data.toArray(ValueLayout.JAVA_BYTE);
        MemorySegment one = MemorySegment.ofArray(first);
        Bytes.put32(one, DatabaseHeader.CHANGE_COUNTER, counter);
        Bytes.put32(one, DatabaseHeader.PAGE_COUNT, n);
        Bytes.put32(one, DatabaseHeader.VERSION_VALID_FOR, counter);
        Bytes.put32(one, DatabaseHeader.SQLITE_VERSION, DatabaseHeader.WRITER_VERSION);
        file.write(one, 0);
        int otherLockByte = other.lockBytePage();
        for (int pgno = 2; pgno <= n; pgno++) {
            if (pgno != otherLockByte) {
                file.write(other.get(pgno).data, (long) (pgno - 1) * newSize);
                other.releasePages();
            }
        }
        file.truncate((long) n * newSize);
        if (syncMode != SyncMode.OFF) {
            file.sync(syncMode == SyncMode.FULL || syncMode == SyncMode.EXTRA ? VfsFile.SyncType.FULL : VfsFile.SyncType.NORMAL);
        }
        if (journal != null) {
            VfsFile j = journal;
            journal = null;
            RollbackJournal.finish(vfs, journalPath, j, journalMode, syncMode, journalSizeLimit);
        }
        originals.clear();
        dbWritten = false;
        seenChangeCounter = -1;
        retiredGeneration = cache.generation + 1;
        cache.close();
        cache = null;
        endTransaction();
    }

    /** Cuts the database to {@code pages} pages at commit (auto_vacuum); later pages are dropped. */
    void truncate(int pages) {
        if (state != State.WRITE) {
            throw new TursoException(ResultCode.MISUSE, "cannot truncate outside a write transaction");
        }
        invalidateNodes();
        dbSize = pages;
    }

    /**
     * A number that changes whenever a page could have changed or left the
     * cache: a cursor may keep the Nodes of its path while it stays the same.
     */
    long generation() {
        return cache == null ? -1 : cache.generation;
    }

    private void invalidateNodes() {
        if (cache != null) {
            cache.generation++;
        }
    }

    /**
     * Evicts clean pages beyond the cache size, first spilling the dirty
     * pages of a WAL write transaction that fill it; called between
     * operations, when no page is in use.
     */
    void releasePages() {
        if (cache != null) {
            cache.shrink();
            if (state == State.WRITE && wal != null && cacheSpill && CacheSpill.due(cache)) {
                spilledPageOne |= CacheSpill.spill(cache, wal, dbSize, syncMode);
                cache.shrink();
            } else if (state == State.WRITE && wal == null && cacheSpill && !spillRefused && fileJournal()
                    && CacheSpill.due(cache)) {
                spillToDatabase();
                cache.shrink();
            }
        }
    }

    private boolean fileJournal() {
        return journalMode == JournalMode.DELETE || journalMode == JournalMode.TRUNCATE
                || journalMode == JournalMode.PERSIST;
    }

    /**
     * SQLite's cache spill in a rollback-journal mode: the originals of the
     * pages changed so far are journaled and the journal synced, then the
     * dirty pages are written to the database file (under the EXCLUSIVE
     * lock, kept until the transaction ends) and become clean, so the cache
     * can let them go; a page read again comes from the file. A rollback,
     * or a crash and the next open, plays the journal back. When a reader
     * keeps the EXCLUSIVE lock out, the pages stay in memory, as in SQLite.
     */
    private void spillToDatabase() {
        List<Page> pages = cache.dirtyPages().stream().filter(p -> p.pgno <= dbSize).toList();
        if (pages.isEmpty()) {
            return;
        }
        if (!file.lock(LockLevel.EXCLUSIVE)) {
            spillRefused = true;
            return;
        }
        if (journal == null) {
            journal = RollbackJournal.open(vfs, journalPath);
        }
        journalOriginals();
        dbWritten = true;
        IoBatch batch = file.batch();
        for (Page p : pages) {
            batch.write(p.data, (long) (p.pgno - 1) * pageSize);
        }
        batch.execute();
        for (Page p : pages) {
            p.dirty = false;
        }
        cache.dirtyPages();
        invalidateNodes();
    }

    /**
     * Writes the originals not journaled yet as one more journal segment (the
     * first starts the journal) and lets their images go: the journal has them.
     */
    private void journalOriginals() {
        int[] pgnos = originals.keySet().toSortedArray();
        if (journalEnd == 0 || pgnos.length > 0) {
            journalEnd = RollbackJournal.appendSegment(journal, journalEnd, pgnos, originals, origDbSize, pageSize,
                    journalSectorSize(), syncMode);
        }
        journaled.addAll(pgnos);
        originals.clear();
    }

    void setCacheSpill(boolean on) {
        cacheSpill = on;
    }

    /** Commits the write transaction (or ends the read transaction). */
    void commit() {
        if (state == State.READ) {
            endTransaction();
            return;
        }
        if (state != State.WRITE) {
            return;
        }
        cache.settleReads();
        List<Page> dirty = cache.dirtyPages();
        boolean spilled = wal != null ? wal.hasSpilled() : dbWritten;
        if (dirty.isEmpty() && dbSize == origDbSize && !spilled) {
            endTransaction();
            return;
        }
        Page one = get(1);
        if (wal != null && !one.dirty && !spilledPageOne && Bytes.u32(one.data, DatabaseHeader.PAGE_COUNT) == dbSize) {
            commitWal(dirty);
            return;
        }
        write(one);
        long counter = Bytes.u32(one.data, DatabaseHeader.CHANGE_COUNTER) + 1;
        Bytes.put32(one.data, DatabaseHeader.CHANGE_COUNTER, counter);
        Bytes.put32(one.data, DatabaseHeader.PAGE_COUNT, dbSize);
        Bytes.put32(one.data, DatabaseHeader.VERSION_VALID_FOR, counter);
        Bytes.put32(one.data, DatabaseHeader.SQLITE_VERSION, DatabaseHeader.WRITER_VERSION);
        dirty = cache.dirtyPages();
        if (wal != null) {
            commitWal(dirty);
            return;
        }
        if (journalMode != JournalMode.OFF && dbSize < origDbSize) {
            journalTruncatedPages();
        }
        journalThenLock();
        long want = (long) dbSize * pageSize;
        boolean cut = file.size() > want;
        VfsFile.SyncType syncType = syncMode == SyncMode.OFF ? null
                : syncMode == SyncMode.FULL || syncMode == SyncMode.EXTRA ? VfsFile.SyncType.FULL : VfsFile.SyncType.NORMAL;
        // One batch: every page, then (when the file keeps its size) the sync, a barrier behind them.
        IoBatch batch = file.batch();
        for (Page p : dirty) {
            if (p.pgno <= dbSize) {
                batch.write(p.data, (long) (p.pgno - 1) * pageSize);
            }
        }
        if (!cut && syncType != null) {
            batch.sync(syncType);
        }
        batch.execute();
        if (cut) {
            file.truncate(want);
            if (syncType != null) {
                file.sync(syncType);
            }
        }
        if (journal != null) {
            VfsFile j = journal;
            journal = null;
            RollbackJournal.finish(vfs, journalPath, j, journalMode, syncMode, journalSizeLimit);
        }
        for (Page p : dirty) {
            p.dirty = false;
        }
        seenChangeCounter = counter;
        originals.clear();
        dbWritten = false;
        endTransaction();
    }

    /** The journal's header size: 512 bytes when writes cannot damage neighbouring bytes (powersafe overwrite), as SQLite. */
    private int journalSectorSize() {
        if (file.deviceCharacteristics().contains(VfsFile.DeviceCharacteristic.POWERSAFE_OVERWRITE)) {
            return 512;
        }
        return Math.clamp(file.sectorSize(), 512, 65536);
    }

    /** Pages an auto_vacuum commit cuts off the file are journaled too, so that a crash can restore them. */
    private void journalTruncatedPages() {
        int lockByte = lockBytePage();
        for (int pgno = dbSize + 1; pgno <= origDbSize; pgno++) {
            if (pgno != lockByte && !originals.containsKey(pgno) && !journaled.contains(pgno)) {
                byte[] image = new byte[pageSize];
                file.read(MemorySegment.ofArray(image), (long) (pgno - 1) * pageSize);
                originals.put(pgno, image);
            }
        }
    }

    /** Appends the transaction to the WAL, then checkpoints if the WAL has grown past the automatic threshold. */
    private void commitWal(List<Page> dirty) {
        List<Page> frames = dirty.stream().filter(p -> p.pgno <= dbSize).toList();
        if (frames.isEmpty()) {
            // Everything the transaction changed was spilled: as SQLite, page 1 carries the commit.
            frames = List.of(get(1));
        }
        wal.commit(frames, dbSize, syncMode);
        for (Page p : dirty) {
            p.dirty = false;
        }
        int walFrames = wal.mxFrame();
        endTransaction();
        if (autoCheckpoint > 0 && walFrames >= autoCheckpoint) {
            try {
                wal.checkpoint(CheckpointMode.PASSIVE, syncMode, null);
            } catch (TursoException ignored) {
                // As SQLite's automatic checkpoint: the commit stands; a later checkpoint retries.
            }
        }
    }

    /** Abandons the write transaction: the file is as it was when it began. */
    void rollback() {
        if (state == State.WRITE) {
            if (dbWritten) {
                restoreFile();
            }
            for (Page p : cache.dirtyPages()) {
                cache.remove(p);
            }
            if (wal != null && wal.hasSpilled()) {
                // Spilled pages stayed cached as clean copies of frames that will never count.
                cache.clear();
                wal.discardSpilled();
            }
            dbSize = origDbSize;
            originals.clear();
            dbWritten = false;
            if (journal != null) {
                VfsFile j = journal;
                journal = null;
                RollbackJournal.finish(vfs, journalPath, j, journalMode, syncMode);
            }
        }
        endTransaction();
    }

    private void restoreFile() {
        if (journal != null) {
            RollbackJournal.playback(journal, file, pageSize);
        } else {
            IoBatch batch = file.batch();
            for (int pgno : originals.keySet().toArray()) {
                batch.write(MemorySegment.ofArray(originals.get(pgno)), (long) (pgno - 1) * pageSize);
            }
            batch.execute();
            file.truncate((long) origDbSize * pageSize);
        }
        seenChangeCounter = -1;
        cache.clear();
    }

    private void endTransaction() {
        if (cache != null) {
            cache.settleReads();
        }
        invalidateNodes();
        savepoints.clear();
        spilledPageOne = false;
        if (wal != null) {
            wal.endWrite();
            wal.endRead();
        } else if (state != State.NONE && !exclusiveLocking) {
            file.unlock(LockLevel.NONE);
        }
        state = State.NONE;
        releasePages();
    }

    @Override
    public void close() {
        try {
            if (state == State.WRITE) {
                rollback();
            } else {
                endTransaction();
            }
            if (wal != null) {
                closeWal();
            }
        } finally {
            if (cache != null) {
                cache.close();
            }
            file.close();
        }
    }

    /** SQLite's last-close rule: whoever gets EXCLUSIVE is alone, checkpoints, and removes the -wal and -shm. */
    private void closeWal() {
        Wal closing = wal;
        wal = null;
        walExclusive = false;
        boolean delete = false;
        try {
            if (!readOnly && file.lock(LockLevel.EXCLUSIVE)) {
                closing.checkpoint(CheckpointMode.PASSIVE, syncMode, null);
                delete = closing.fullyCheckpointed();
            }
        } catch (TursoException e) {
            delete = false;
        } finally {
            closing.close(delete);
        }
    }
}
