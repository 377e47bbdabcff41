/* PRAGMA synchronous: how many fsyncs a commit makes and which (see Pager.commit). */
package turso.btree;

public enum SyncMode { OFF, NORMAL, FULL, EXTRA }
