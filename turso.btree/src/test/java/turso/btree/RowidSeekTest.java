/*
 * Rowid seeks (=, >=, >, <=, <) land where a sorted set of the same rowids
 * says they must, whatever the spread of rowids on a page: consecutive ones
 * (where the per-page search's interpolated guess is exact), gaps, clusters,
 * random 64-bit keys, negatives and the extremes. Each seek runs both from a
 * fresh cursor (a descent from the root) and from a cursor already standing
 * on a nearby row (where the seek stays on the cursor's leaf), and a cursor
 * that stood on a leaf another cursor has since changed must not trust it.
 */
package turso.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import turso.api.Value;

class RowidSeekTest {

    private static final SeekOp[] OPS = {SeekOp.EQ, SeekOp.GE, SeekOp.GT, SeekOp.LE, SeekOp.LT};

    @Test
    void consecutiveRowids() {
        TreeSet<Long> keys = new TreeSet<>();
        for (long k = 1; k <= 20_000; k++) {
            keys.add(k);
        }
        check(keys, 1);
    }

    @Test
    void gapsAndClusters() {
        TreeSet<Long> keys = new TreeSet<>();
        for (long k = 1; k <= 3_000; k++) {
            keys.add(k * 7);
        }
        for (long k = 1_000_000; k < 1_004_000; k++) {
            keys.add(k);
        }
        for (long k = 1; k <= 200; k++) {
            keys.add(5_000_000_000L + k * k * k);
        }
        check(keys, 2);
    }

    @Test
    void randomKeysNegativesAndExtremes() {
        Random r = new Random(42);
        TreeSet<Long> keys = new TreeSet<>();
        while (keys.size() < 8_000) {
            keys.add(r.nextLong());
        }
        for (long k = -300; k <= 300; k++) {
            keys.add(k);
        }
        keys.add(Long.MIN_VALUE);
        keys.add(Long.MIN_VALUE + 1);
        keys.add(Long.MAX_VALUE);
        keys.add(Long.MAX_VALUE - 1);
        check(keys, 3);
    }

    @Test
    void singleRowAndEmptyTable() {
        check(new TreeSet<>(List.of(5L)), 4);
        check(new TreeSet<>(), 5);
    }

    @Test
    void aLeafChangedByAnotherCursorIsSearchedAgain() {
        try (Storage s = Storage.openMemory(StorageOptions.DEFAULT.withPageSize(512))) {
            s.beginWrite();
            int root = s.createTable();
            try (BTreeCursor writer = s.openTableCursor(root); BTreeCursor reader = s.openTableCursor(root)) {
                for (long k = 1; k <= 2_000; k += 2) {
                    writer.insert(k, Rows.record(new Value.Int(k)));
                }
                assertTrue(reader.seek(101, SeekOp.EQ));
                writer.insert(102, Rows.record(new Value.Int(102)));
                assertTrue(reader.seek(102, SeekOp.EQ));
                assertEquals(102, reader.rowid());
                assertTrue(reader.seek(100, SeekOp.GT));
                assertEquals(101, reader.rowid());
                assertTrue(reader.seek(103, SeekOp.LT));
                assertEquals(102, reader.rowid());
                for (long k = 1; k <= 2_000; k += 2) {
                    assertTrue(writer.seek(k, SeekOp.EQ));
                    writer.delete();
                }
                assertFalse(reader.seek(101, SeekOp.LE));
                assertFalse(reader.seek(101, SeekOp.EQ));
                assertTrue(reader.seek(101, SeekOp.GE));
                assertEquals(102, reader.rowid());
            }
            s.commit();
        }
    }

    /** Inserts {@code keys} in a random order, then seeks every op at probes around and between them. */
    private static void check(TreeSet<Long> keys, long seed) {
        Random r = new Random(seed);
        List<Long> order = new ArrayList<>(keys);
        Collections.shuffle(order, r);
        try (Storage s = Storage.openMemory(StorageOptions.DEFAULT.withPageSize(512))) {
            s.beginWrite();
            int root = s.createTable();
            try (BTreeCursor w = s.openTableCursor(root)) {
                for (long k : order) {
                    w.insert(k, Rows.record(new Value.Int(k % 1000)));
                }
            }
            List<Long> probes = new ArrayList<>(List.of(Long.MIN_VALUE, Long.MIN_VALUE + 1, -1L, 0L, 1L,
                    Long.MAX_VALUE - 1, Long.MAX_VALUE));
            for (long k : keys) {
                if (r.nextInt(4) == 0) {
                    probes.add(k);
                    probes.add(k + 1);
                    probes.add(k - 1);
                }
            }
            for (int i = 0; i < 2_000; i++) {
                probes.add(r.nextLong());
            }
            try (BTreeCursor fresh = s.openTableCursor(root); BTreeCursor walking = s.openTableCursor(root)) {
                for (long p : probes) {
                    for (SeekOp op : OPS) {
                        Long want = expected(keys, p, op);
                        try (BTreeCursor c = s.openTableCursor(root)) {
                            assertSeek(c, p, op, want);
                        }
                        assertSeek(walking, p, op, want);
                    }
                }
                // nearby seeks from a cursor standing on the row before: the within-leaf path
                for (long k : keys) {
                    for (SeekOp op : OPS) {
                        assertSeek(fresh, k + 1, op, expected(keys, k + 1, op));
                        assertSeek(fresh, k, op, expected(keys, k, op));
                    }
                }
            }
            s.commit();
        }
    }

    private static Long expected(TreeSet<Long> keys, long p, SeekOp op) {
        return switch (op) {
            case EQ -> keys.contains(p) ? p : null;
            case GE -> keys.ceiling(p);
            case GT -> keys.higher(p);
            case LE -> keys.floor(p);
            case LT -> keys.lower(p);
        };
    }

    private static void assertSeek(BTreeCursor c, long p, SeekOp op, Long want) {
        boolean found = c.seek(p, op);
        assertEquals(want != null, found, () -> op + " " + p);
        if (want != null) {
            assertEquals(want.longValue(), c.rowid(), () -> op + " " + p);
            assertEquals(want % 1000, c.record().getLong(0), () -> op + " " + p);
        }
    }
}
