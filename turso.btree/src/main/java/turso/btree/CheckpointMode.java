/* The modes of PRAGMA wal_checkpoint / sqlite3_wal_checkpoint_v2 (wal.html, pragma.html#pragma_wal_checkpoint). */
package turso.btree;

public enum CheckpointMode { PASSIVE, FULL, RESTART, TRUNCATE }
