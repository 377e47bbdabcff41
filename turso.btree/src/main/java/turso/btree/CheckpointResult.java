/*
 * What a checkpoint reports, the row of PRAGMA wal_checkpoint: whether it
 * was blocked (1) or ran to completion (0), the frames in the WAL, and the
 * frames now copied back into the database file. The last two are -1 when
 * the checkpoint could not start at all, as in SQLite.
 */
package turso.btree;

public record CheckpointResult(int busy, int logFrames, int checkpointedFrames) {

    static final CheckpointResult NOT_WAL = new CheckpointResult(0, -1, -1);
    static final CheckpointResult BLOCKED = new CheckpointResult(1, -1, -1);
}
