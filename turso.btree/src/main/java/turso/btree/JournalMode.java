/* The rollback-journal modes of PRAGMA journal_mode (WAL is not implemented yet). */
package turso.btree;

public enum JournalMode { DELETE, TRUNCATE, PERSIST, MEMORY, OFF }
