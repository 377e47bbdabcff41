/**
 * Storage on SQLite's file format: database header, pager and page cache,
 * table and index B-trees, record codec, freelist and pointer maps, WAL and
 * rollback journal, locking. Reaches files only through the VFS SPI.
 */
module turso.btree {
    requires turso.api;
    requires org.eclipse.collections.api;
    requires org.eclipse.collections.impl;
}
