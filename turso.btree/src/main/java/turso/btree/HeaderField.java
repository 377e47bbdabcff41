/*
 * The database header fields the layers above read or set (PRAGMA
 * schema_version, user_version, application_id, ...), with their offsets.
 * The pager maintains the others (page count, change counter, freelist).
 */
package turso.btree;

public enum HeaderField {
    CHANGE_COUNTER(DatabaseHeader.CHANGE_COUNTER, false),
    PAGE_COUNT(DatabaseHeader.PAGE_COUNT, false),
    FREELIST_TRUNK(DatabaseHeader.FREELIST_TRUNK, false),
    FREELIST_COUNT(DatabaseHeader.FREELIST_COUNT, false),
    SCHEMA_COOKIE(DatabaseHeader.SCHEMA_COOKIE, true),
    SCHEMA_FORMAT(DatabaseHeader.SCHEMA_FORMAT, true),
    DEFAULT_CACHE_SIZE(DatabaseHeader.DEFAULT_CACHE_SIZE, true),
    LARGEST_ROOT_PAGE(DatabaseHeader.LARGEST_ROOT, false),
    TEXT_ENCODING(DatabaseHeader.TEXT_ENCODING, false),
    USER_VERSION(DatabaseHeader.USER_VERSION, true),
    INCREMENTAL_VACUUM(DatabaseHeader.INCREMENTAL_VACUUM, false),
    APPLICATION_ID(DatabaseHeader.APPLICATION_ID, true),
    VERSION_VALID_FOR(DatabaseHeader.VERSION_VALID_FOR, false),
    SQLITE_VERSION(DatabaseHeader.SQLITE_VERSION, false);

    final int offset;
    final boolean writable;

    HeaderField(int offset, boolean writable) {
        this.offset = offset;
        this.writable = writable;
    }

    /** Whether the layers above may set this field (the others belong to the pager). */
    public boolean isWritable() {
        return writable;
    }
}
