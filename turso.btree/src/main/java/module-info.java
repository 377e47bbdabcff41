/**
 * Storage on SQLite's file format: database header, pager and page cache,
 * table and index B-trees, record codec, freelist, rollback journal, WAL,
 * locking. Reaches files only through the VFS SPI. The API (Storage,
 * BTreeCursor, Record, RecordBuilder, RecordComparator, KeyInfo) is for the
 * engine's own layers only.
 */
module turso.btree {
    requires turso.api;
    requires org.eclipse.collections.api;
    requires org.eclipse.collections.impl;

    exports turso.btree to turso.vm, turso.planner, turso.engine;
}
