/*
 * One open database file, the storage layer's entry point for the VM and
 * the engine: transactions (read, write, commit, rollback), creating and
 * dropping B-trees by root page, cursors over them, header fields, and the
 * integrity check. Page 1's table B-tree is sqlite_schema; the layers above
 * own its rows. Not thread-safe: one connection uses it at a time.
 */
package turso.btree;

import java.util.List;
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

    /** Opens (creating if allowed and absent) the database at {@code path} on {@code vfs}. */
    public static Storage open(Vfs vfs, String path, StorageOptions options) {
        return new Storage(new Pager(vfs, path, options));
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

    public void setJournalMode(JournalMode mode) {
        pager.setJournalMode(mode);
    }

    public JournalMode journalMode() {
        return pager.journalMode();
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
