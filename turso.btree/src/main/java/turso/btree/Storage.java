/*
 * One open database file, the storage layer's entry point for the VM and
 * the engine: transactions (read, write, commit, rollback), creating and
 * dropping B-trees by root page, cursors over them, header fields, and the
 * integrity check. Page 1's table B-tree is sqlite_schema; the layers above
 * own its rows. Not thread-safe: one connection uses it at a time.
 */
package turso.btree;

import java.util.List;
import java.util.function.IntPredicate;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.spi.Vfs;

public final class Storage implements AutoCloseable {

    /** Root page of sqlite_schema. */
    public static final int SCHEMA_ROOT = 1;

    private final Pager pager;
    private final BTree tree;

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

    public void commit() {
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

    /** Frees every page of the tree rooted at {@code root}. */
    public void dropTree(int root) {
        requireWrite();
        if (root == SCHEMA_ROOT) {
            throw new TursoException(ResultCode.MISUSE, "cannot drop sqlite_schema");
        }
        tree.drop(root);
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

    public int autoCheckpoint() {
        return pager.autoCheckpoint();
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

    @Override
    public void close() {
        pager.close();
    }
}
