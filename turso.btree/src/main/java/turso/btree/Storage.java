/*
 * One open database file, the storage layer's entry point for the VM and
 * the engine: transactions (read, write, commit, rollback), creating and
 * dropping B-trees by root page, cursors over them, header fields, and the
 * integrity check. Page 1's table B-tree is sqlite_schema; the layers above
 * own its rows. Not thread-safe: one connection uses it at a time.
 */
package turso.btree;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import turso.api.DataType;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.Vfs;

public final class Storage implements AutoCloseable {

    /** Root page of sqlite_schema. */
    public static final int SCHEMA_ROOT = 1;

    private final Pager pager;
    private final BTree tree;
    private int vacuumAutoVacuum = -1;
    private int vacuumPageSize;

    private Storage(Pager pager) {
        this.pager = pager;
        this.tree = new BTree(pager);
    }

    /**
     * Opens (creating if allowed and absent) the database at {@code path} on
     * {@code vfs}. A journal mode of WAL in {@code options} converts the file
     * as {@link #setJournalMode} does.
     */
    public static Storage open(Vfs vfs, String path, StorageOptions options) {
        boolean wal = options.journalMode() == JournalMode.WAL;
        Storage s = new Storage(new Pager(vfs, path, wal ? options.withJournalMode(JournalMode.DELETE) : options));
        if (wal && !options.readOnly()) {
            try {
                s.setJournalMode(JournalMode.WAL);
            } catch (RuntimeException e) {
                s.close();
                throw e;
            }
        }
        return s;
    }

    /** A private in-memory database (journal kept in memory). */
    public static Storage openMemory(StorageOptions options) {
        return new Storage(new Pager(null, null, options));
    }

    // ---- transactions ----

    public void beginRead() {
        pager.beginRead();
    }

    public void beginWrite() {
        pager.beginWrite();
    }

    /** Commits; an auto_vacuum FULL file first moves its pages so that the free ones can be cut off the end. */
    public void commit() {
        if (pager.state() == Pager.State.WRITE && pager.autoVacuum() && pager.pageCount() > 0
                && !AutoVacuum.incremental(pager) && AutoVacuum.freePages(pager) > 0) {
            AutoVacuum.vacuum(tree, 0);
        }
        pager.commit();
    }

    /** Abandons the transaction; cursors opened in it must not be used afterwards. */
    public void rollback() {
        pager.rollback();
    }

    /**
     * Opens a savepoint in the write transaction (SAVEPOINT, or a
     * statement's own so that a failing statement can be undone alone);
     * returns its depth, 1 for the outermost.
     */
    public int savepoint() {
        return pager.openSavepoint();
    }

    /** RELEASE: keeps the changes of savepoint {@code depth} and of those opened inside it, and closes them. */
    public void releaseSavepoint(int depth) {
        pager.releaseSavepoint(depth);
    }

    /**
     * A count of page writes made in this storage so far: a statement run
     * without a savepoint compares it before and after to learn whether it
     * changed anything before it failed.
     */
    public long writeCount() {
        return pager.writeCount();
    }

    /** ROLLBACK TO: undoes the changes made since savepoint {@code depth} opened; it stays open. Cursors must re-seek. */
    public void rollbackToSavepoint(int depth) {
        pager.rollbackToSavepoint(depth);
    }

    public boolean inTransaction() {
        return pager.state() != Pager.State.NONE;
    }

    public boolean inWriteTransaction() {
        return pager.state() == Pager.State.WRITE;
    }

    void requireRead() {
        if (pager.state() == Pager.State.NONE) {
            throw new TursoException(ResultCode.MISUSE, "no transaction is active");
        }
    }

    void requireWrite() {
        if (pager.state() != Pager.State.WRITE) {
            throw new TursoException(ResultCode.MISUSE, "no write transaction is active");
        }
    }

    // ---- trees ----

    /** Creates an empty table B-tree; returns its root page. */
    public int createTable() {
        requireWrite();
        return tree.create(true);
    }

    /** Creates an empty index B-tree; returns its root page. */
    public int createIndex() {
        requireWrite();
        return tree.create(false);
    }

    /**
     * Frees every page of the tree rooted at {@code root}. In an auto_vacuum
     * file the last root page moves into the freed one, as in SQLite, and
     * the sqlite_schema rows naming it are rewritten to name {@code root};
     * returns the page that moved (the caller reloads its schema), or 0.
     */
    public int dropTree(int root) {
        requireWrite();
        if (root == SCHEMA_ROOT) {
            throw new TursoException(ResultCode.MISUSE, "cannot drop sqlite_schema");
        }
        int moved = tree.drop(root);
        if (moved != 0) {
            renameRoot(moved, root);
        }
        return moved;
    }

    /** Points the sqlite_schema rows whose rootpage is {@code from} at {@code to}. */
    private void renameRoot(int from, int to) {
        List<Long> rowids = new ArrayList<>();
        try (BTreeCursor c = openTableCursor(SCHEMA_ROOT)) {
            for (boolean ok = c.first(); ok; ok = c.next()) {
                Record r = c.record();
                if (r.columnCount() > 3 && r.type(3) == DataType.INTEGER && r.getLong(3) == from) {
                    rowids.add(c.rowid());
                }
            }
            for (long rowid : rowids) {
                c.seek(rowid, SeekOp.EQ);
                Record r = c.record();
                RecordBuilder b = new RecordBuilder();
                for (int i = 0; i < r.columnCount(); i++) {
                    if (i == 3) {
                        b.addLong(to);
                    } else {
                        b.add(r.value(i));
                    }
                }
                c.insert(rowid, b.build());
            }
        }
    }

    /**
     * PRAGMA auto_vacuum's value: 0 NONE, 1 FULL, 2 INCREMENTAL; for a
     * database not written yet, the mode it will be created with.
     */
    public int autoVacuumMode() {
        requireRead();
        if (pager.pageCount() == 0) {
            return pager.newAutoVacuum();
        }
        if (!pager.autoVacuum()) {
            return 0;
        }
        return AutoVacuum.incremental(pager) ? 2 : 1;
    }

    /**
     * PRAGMA auto_vacuum = mode. A database not
     * written yet is created in that mode; one with pointer maps switches
     * between FULL and INCREMENTAL (which needs a write transaction);
     * otherwise, as in SQLite, nothing changes
     * until VACUUM rebuilds the file (the mode is remembered for it).
     */
    public void setAutoVacuumMode(int mode) {
        requireRead();
        pager.setNewAutoVacuum(mode);
        vacuumAutoVacuum = mode;
        if (pager.pageCount() > 0 && pager.autoVacuum() && mode != 0 && autoVacuumMode() != mode) {
            requireWrite();
            Page one = pager.get(1);
            pager.write(one);
            Bytes.put32(one.data, DatabaseHeader.INCREMENTAL_VACUUM, mode == 2 ? 1 : 0);
        }
    }

    /** PRAGMA incremental_vacuum(n): takes up to n free pages (all if n &lt;= 0) off the end of an auto_vacuum file. */
    public long incrementalVacuum(long n) {
        requireWrite();
        if (pager.pageCount() == 0 || !pager.autoVacuum()) {
            return 0;
        }
        return AutoVacuum.vacuum(tree, n);
    }

    /** Deletes every entry of the tree rooted at {@code root}. */
    public void clearTree(int root) {
        requireWrite();
        tree.clear(root);
    }

    public BTreeCursor openTableCursor(int root) {
        requireRead();
        return new BTreeCursor(this, tree, root, true, KeyInfo.DEFAULT);
    }

    public BTreeCursor openIndexCursor(int root, KeyInfo keyInfo) {
        requireRead();
        return new BTreeCursor(this, tree, root, false, keyInfo);
    }

    // ---- header and settings ----

    public long headerField(HeaderField field) {
        requireRead();
        if (pager.pageCount() == 0) {
            return 0;
        }
        return Bytes.u32(pager.get(1).data, field.offset);
    }

    public void setHeaderField(HeaderField field, long value) {
        requireWrite();
        if (!field.writable) {
            throw new TursoException(ResultCode.MISUSE, field + " is maintained by the pager");
        }
        Page one = pager.get(1);
        pager.write(one);
        Bytes.put32(one.data, field.offset, value);
    }

    public int pageSize() {
        return pager.pageSize();
    }

    /** Pages in the database as of the current transaction. */
    public int pageCount() {
        requireRead();
        return pager.pageCount();
    }

    public void setCacheSize(int pages) {
        pager.setCacheSize(pages);
    }

    /** PRAGMA cache_spill on or off: whether a WAL write transaction may spill dirty pages before it commits. */
    public void setCacheSpill(boolean on) {
        pager.setCacheSpill(on);
    }

    /**
     * PRAGMA journal_mode = mode. Switching to WAL rewrites the header's
     * version bytes to 2 (it needs the file's EXCLUSIVE lock briefly, so no
     * other connection may be reading); switching out of WAL checkpoints
     * everything, removes the -wal and sets them back to 1 (BUSY while any
     * other connection has the database open). An in-memory database stays
     * MEMORY (or OFF); a read-only one keeps its mode. Returns the mode now
     * in force, the value the PRAGMA reports.
     */
    public JournalMode setJournalMode(JournalMode mode) {
        return pager.setJournalMode(mode);
    }

    /** The journal mode in force: WAL when the file's header says so, else the rollback mode set. */
    public JournalMode journalMode() {
        return pager.journalMode();
    }

    /**
     * PRAGMA wal_checkpoint(mode): copies committed WAL frames into the
     * database file without waiting for other connections (SQLite with no
     * busy handler). Needs no transaction open on this connection (LOCKED
     * otherwise). Returns the pragma's row; (0, -1, -1) when the database is
     * not in WAL mode, (1, -1, -1) when another checkpoint is running.
     */
    public CheckpointResult checkpoint(CheckpointMode mode) {
        return pager.checkpoint(mode, null);
    }

    /**
     * The same with SQLite's busy handler (as sqlite3_busy_timeout installs
     * one): FULL, RESTART and TRUNCATE ask {@code busy} whether to try again
     * when a writer or reader is in the way, passing the number of tries so
     * far; it returns false to give up (it may sleep before returning true).
     * PASSIVE never calls it.
     */
    public CheckpointResult checkpoint(CheckpointMode mode, IntPredicate busy) {
        return pager.checkpoint(mode, busy);
    }

    /** PRAGMA wal_autocheckpoint = pages: a commit leaving at least that many frames in the WAL runs a PASSIVE checkpoint; 0 or less turns it off. Default 1000. */
    public void setAutoCheckpoint(int pages) {
        pager.setAutoCheckpoint(pages);
    }

    /** PRAGMA journal_size_limit = bytes (negative: no limit, the default -1). */
    public void setJournalSizeLimit(long bytes) {
        pager.setJournalSizeLimit(bytes);
    }

    public long journalSizeLimit() {
        return pager.journalSizeLimit();
    }

    public int autoCheckpoint() {
        return pager.autoCheckpoint();
    }

    /** PRAGMA max_page_count: sets the limit when {@code limit} is above 0 (never below the current size); returns it. */
    public long maxPageCount(long limit) {
        return pager.maxPageCount(limit);
    }

    /** PRAGMA data_version: changes when a read finds the database changed by another connection, not by this one. */
    public long dataVersion() {
        return pager.dataVersion();
    }

    /** PRAGMA secure_delete: 0 off, 1 on (freed cells and pages zeroed), 2 FAST (freed cells zeroed). */
    public int secureDelete() {
        return pager.secureDelete();
    }

    public void setSecureDelete(int mode) {
        pager.setSecureDelete(mode);
    }

    /** PRAGMA locking_mode: EXCLUSIVE keeps the file's locks after each transaction (and WAL without -shm). */
    public void setExclusiveLocking(boolean exclusive) {
        pager.setExclusiveLocking(exclusive);
    }

    public void setSyncMode(SyncMode mode) {
        pager.setSyncMode(mode);
    }

    /**
     * Checks the whole file (every tree whose root is in {@code roots}
     * plus sqlite_schema, overflow chains, the freelist, page accounting);
     * returns the problems in PRAGMA integrity_check's words, or ["ok"].
     */
    public List<String> integrityCheck(int[] roots, int maxErrors) {
        requireRead();
        return new IntegrityCheck(pager, tree, maxErrors).run(roots);
    }

    Pager pager() {
        return pager;
    }

    BTree tree() {
        return tree;
    }

    /**
     * PRAGMA page_size = n on a database that has pages: as in SQLite, the
     * next VACUUM (not in WAL mode) or VACUUM INTO uses it.
     */
    public void setVacuumPageSize(int size) {
        vacuumPageSize = size;
    }

    /**
     * VACUUM, in a write transaction: the database is rebuilt in a private
     * in-memory copy (the auto_vacuum mode last set by
     * {@link #setAutoVacuumMode}, else the file's), which then replaces
     * every page of the file in this transaction (in WAL mode, as frames);
     * the commit makes it durable. With a new page size (rollback-journal
     * modes only) the file is rewritten and the transaction committed here.
     * The schema's root pages and rows change: the caller reloads its schema.
     */
    public void vacuum(VacuumProgress progress) {
        requireWrite();
        if (pager.usableSize() != pager.pageSize()) {
            throw new TursoException(ResultCode.ERROR, "not supported yet: VACUUM of a database with reserved bytes");
        }
        int mode = vacuumAutoVacuum >= 0 ? vacuumAutoVacuum : autoVacuumMode();
        int size = vacuumPageSize > 0 && journalMode() != JournalMode.WAL ? vacuumPageSize : pager.pageSize();
        try (Storage copy = openMemory(StorageOptions.DEFAULT.withPageSize(size).withJournalMode(JournalMode.OFF))) {
            long total = build(copy, mode, progress);
            copy.beginRead();
            if (size == pager.pageSize()) {
                pager.replaceContent(copy.pager);
            } else {
                pager.replaceFile(copy.pager);
            }
            copy.commit();
            progress.update(total, total);
        }
    }

    /**
     * VACUUM INTO: the rebuilt database is written to a new file at
     * {@code path} on {@code vfs} (an existing empty file will do; one with
     * content is "output file already exists"), in rollback-journal mode,
     * in this database's page size or the one PRAGMA page_size asked for.
     * Needs a read transaction here.
     */
    public void vacuumInto(Vfs vfs, String path, VacuumProgress progress) {
        int pageSize = vacuumPageSize > 0 ? vacuumPageSize : pager.pageSize();
        requireRead();
        if (pager.usableSize() != pager.pageSize()) {
            throw new TursoException(ResultCode.ERROR, "not supported yet: VACUUM of a database with reserved bytes");
        }
        int mode = vacuumAutoVacuum >= 0 ? vacuumAutoVacuum : autoVacuumMode();
        try (Storage out = open(vfs, path, StorageOptions.DEFAULT.withPageSize(pageSize).withJournalMode(JournalMode.OFF))) {
            out.beginRead();
            boolean empty = out.pageCount() == 0;
            out.commit();
            if (!empty) {
                throw new TursoException(ResultCode.ERROR, "output file already exists");
            }
            long total = build(out, mode, progress);
            progress.update(total, total);
        }
    }

    /** Fills the empty {@code out} with this database's content in auto_vacuum {@code mode}; returns the entries copied. */
    private long build(Storage out, int mode, VacuumProgress progress) {
        out.beginRead();
        out.setAutoVacuumMode(mode);
        out.commit();
        out.beginWrite();
        long[] total = new long[1];
        try {
            Vacuum.copy(this, out, (done, all) -> {
                total[0] = all;
                progress.update(done, all);
            });
            out.commit();
        } catch (RuntimeException e) {
            out.rollback();
            throw e;
        }
        return total[0];
    }

    @Override
    public void close() {
        pager.close();
    }
}
