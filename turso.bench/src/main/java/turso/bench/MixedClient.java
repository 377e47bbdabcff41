/*
 * One thread of the mixed workload (12 of issue #10): its own connection to
 * the shared copy of the Dataset, and a fixed cycle of ten operations, eight
 * point reads by rowid and two autocommit UPDATEs by rowid, on keys from its
 * own seed. The reads never return the column the updates change, so each
 * thread's answers do not depend on how the threads interleave, and the
 * check can compare engines.
 */
package turso.bench;

import java.nio.file.Path;

final class MixedClient implements AutoCloseable {

    static final int THREADS = 4;

    private final BenchDb db;
    private final Query read;
    private final Query update;
    private final Keys keys;
    private final int n = Dataset.rows();
    private int step;

    MixedClient(String engine, Path dir, int seed) {
        db = Engine.of(engine).open(dir, Engine.DEFAULT_SYNC);
        try {
            read = db.prepare("SELECT id, code, name FROM items WHERE id = ?", "LLT");
            update = db.prepare(UpdateBenchmark.UPDATE);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        keys = new Keys(seed + 1);
    }

    /** One operation of the cycle; returns the read's checksum or the rows updated. */
    long next() {
        step = (step + 1) % 10;
        Query q = step < 8 ? read : update;
        q.bindLong(1, keys.next(n));
        return step < 8 ? q.checksum() : q.update();
    }

    @Override
    public void close() {
        read.close();
        update.close();
        db.close();
    }
}
