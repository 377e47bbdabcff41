/*
 * The child process of KillTest: writes transactions in a loop, each one
 * adding a row (and replacing an earlier row with a large overflowing one),
 * and prints the transaction's id after its commit returns, so that the
 * parent knows which commits must survive a SIGKILL.
 */
package turso.btree;

import turso.api.Value;

public final class CrashWriter {

    private CrashWriter() {
    }

    public static void main(String[] args) {
        String path = args[0];
        long start = Long.parseLong(args[1]);
        try (Storage s = Storage.open(new TestVfs(), path, StorageOptions.DEFAULT.withPageSize(1024))) {
            for (long id = start; ; id++) {
                s.beginWrite();
                try (BTreeCursor c = s.openTableCursor(2)) {
                    c.insert(id, Rows.record(new Value.Int(id), new Value.Blob(new byte[(int) (id % 13 * 150)])));
                    if (id > 10) {
                        c.insert(id / 2, Rows.record(new Value.Int(id / 2), new Value.Blob(new byte[(int) (id % 5 * 1500)])));
                    }
                }
                s.commit();
                System.out.println(id);
                System.out.flush();
            }
        }
    }
}
