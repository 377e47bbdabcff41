/*
 * The child process of KillTest: writes transactions in a loop, each one
 * adding a row (and replacing an earlier row with a large overflowing one),
 * and prints the transaction's id after its commit returns, so that the
 * parent knows which commits must survive a SIGKILL. With "wal" it works in
 * WAL mode on the project's NIO VFS (a real -shm), with automatic
 * checkpoints every 200 frames so that kills also land inside checkpoints,
 * and a 10-page cache: every fifth transaction also rewrites up to 40 earlier
 * rows with overflowing blobs, more than the cache holds, so that it spills
 * frames that commit nothing before its commit (kills land among those too).
 * With "autovacuum" the file is an auto_vacuum FULL one (table root 3, after
 * the pointer-map page): each commit moves pages and cuts the file. With
 * "spill" it is the rollback journal (DELETE) with the same 10-page cache and
 * big fifth transactions as "wal": those write pages to the database file
 * before they commit, after journaling their originals segment by segment.
 */
package turso.btree;

import turso.api.Value;
import turso.api.spi.Vfs;

public final class CrashWriter {

    private CrashWriter() {
    }

    public static void main(String[] args) throws ReflectiveOperationException {
        String path = args[0];
        long start = Long.parseLong(args[1]);
        boolean wal = args.length > 2 && args[2].equals("wal");
        boolean spill = args.length > 2 && args[2].equals("spill");
        Vfs selected = SelectedVfs.forChild();
        Vfs vfs = selected != null ? selected
                : wal ? (Vfs) Class.forName("turso.vfs.nio.NioVfs").getConstructor().newInstance() : new TestVfs(null);
        int root = args.length > 2 && args[2].equals("autovacuum") ? 3 : 2;
        try (Storage s = Storage.open(vfs, path, StorageOptions.DEFAULT.withPageSize(1024))) {
            if (wal) {
                s.setAutoCheckpoint(200);
            }
            if (wal || spill) {
                s.setCacheSize(10);
            }
            for (long id = start; ; id++) {
                s.beginWrite();
                try (BTreeCursor c = s.openTableCursor(root)) {
                    c.insert(id, Rows.record(new Value.Int(id), new Value.Blob(new byte[(int) (id % 13 * 150)])));
                    if (id > 10) {
                        c.insert(id / 2, Rows.record(new Value.Int(id / 2), new Value.Blob(new byte[(int) (id % 5 * 1500)])));
                    }
                    if ((wal || spill) && id % 5 == 0) {
                        for (long j = 1; j <= Math.min(id - 1, 40); j++) {
                            c.insert(id - j, Rows.record(new Value.Int(id - j), new Value.Blob(new byte[(int) (id % 7 * 400 + j)])));
                        }
                    }
                }
                s.commit();
                System.out.println(id);
                System.out.flush();
            }
        }
    }
}
