/* The modes of PRAGMA journal_mode: the rollback-journal ones and WAL. */
package turso.btree;

public enum JournalMode { DELETE, TRUNCATE, PERSIST, MEMORY, OFF, WAL }
