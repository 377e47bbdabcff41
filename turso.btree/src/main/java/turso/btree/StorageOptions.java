/*
 * How a database is opened: the page size a new file gets, the cache size
 * in pages (PRAGMA cache_size), journal mode, synchronous level, read-only.
 */
package turso.btree;

public record StorageOptions(int pageSize, int cacheSize, JournalMode journalMode, SyncMode syncMode, boolean readOnly) {

    public static final StorageOptions DEFAULT = new StorageOptions(4096, 2000, JournalMode.DELETE, SyncMode.FULL, false);

    public StorageOptions {
        if (pageSize < 512 || pageSize > 65536 || Integer.bitCount(pageSize) != 1) {
            throw new IllegalArgumentException("page size must be a power of two in 512..65536: " + pageSize);
        }
    }

    public StorageOptions withPageSize(int size) {
        return new StorageOptions(size, cacheSize, journalMode, syncMode, readOnly);
    }

    public StorageOptions withCacheSize(int pages) {
        return new StorageOptions(pageSize, pages, journalMode, syncMode, readOnly);
    }

    public StorageOptions withJournalMode(JournalMode mode) {
        return new StorageOptions(pageSize, cacheSize, mode, syncMode, readOnly);
    }

    public StorageOptions withSyncMode(SyncMode mode) {
        return new StorageOptions(pageSize, cacheSize, journalMode, mode, readOnly);
    }

    public StorageOptions withReadOnly(boolean ro) {
        return new StorageOptions(pageSize, cacheSize, journalMode, syncMode, ro);
    }
}
