/*
 * Cursor behaviour the VM relies on: deleting while scanning (delete, then
 * next() lands on the entry after the deleted one, in tables and in index
 * trees whose entries sit in interior pages too), reading a deleted entry
 * is refused rather than silently reading a neighbour, and backward scans
 * see exactly the forward order reversed. A cursor keeps the nodes of its
 * path between operations: it must drop them when another cursor's writes
 * change a page (a root leaf that splits becomes an interior page) and when
 * the cache evicts pages under it, and what it knows of its own leaf (its
 * cell count, the current row's cell) when another cursor writes that leaf.
 */
package turso.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.Value;

class CursorTest {

    @Test
    void deleteWhileScanningVisitsEveryRowOnce() {
        try (Storage s = Storage.openMemory(StorageOptions.DEFAULT.withPageSize(512))) {
            s.beginWrite();
            int root = s.createTable();
            int iroot = s.createIndex();
            try (BTreeCursor t = s.openTableCursor(root); BTreeCursor ix = s.openIndexCursor(iroot, KeyInfo.DEFAULT)) {
                for (long k = 1; k <= 5000; k++) {
                    t.insert(k, Rows.record(new Value.Int(k % 97), new Value.Text("x".repeat((int) (k % 40)))));
                    ix.insert(Rows.record(new Value.Int(k % 97), new Value.Int(k)));
                }
                List<Long> visited = new ArrayList<>();
                for (boolean ok = t.first(); ok; ok = t.next()) {
                    long k = t.rowid();
                    visited.add(k);
                    if (k % 3 != 0) {
                        t.delete();
                        TursoException gone = assertThrows(TursoException.class, t::rowid);
                        assertEquals(ResultCode.MISUSE, gone.resultCode());
                    }
                }
                assertEquals(5000, visited.size());
                assertEquals(5000 / 3, t.count());
                int seen = 0;
                for (boolean ok = ix.first(); ok; ok = ix.next()) {
                    seen++;
                    if (ix.key().getLong(1) % 3 != 0) {
                        ix.delete();
                    }
                }
                assertEquals(5000, seen);
                assertEquals(5000 / 3, ix.count());
                List<Long> forward = new ArrayList<>();
                for (boolean ok = ix.first(); ok; ok = ix.next()) {
                    forward.add(ix.key().getLong(1));
                    assertTrue(ix.key().getLong(1) % 3 == 0);
                }
                List<Long> backward = new ArrayList<>();
                for (boolean ok = ix.last(); ok; ok = ix.prev()) {
                    backward.addFirst(ix.key().getLong(1));
                }
                assertEquals(forward, backward);
            }
            assertEquals(List.of("ok"), s.integrityCheck(new int[] {root, iroot}, 10));
            s.commit();
        }
    }

    @Test
    void cursorSeesItsRootSplitByAnotherCursor() {
        try (Storage s = Storage.openMemory(StorageOptions.DEFAULT.withPageSize(512))) {
            s.beginWrite();
            int root = s.createTable();
            try (BTreeCursor reader = s.openTableCursor(root); BTreeCursor writer = s.openTableCursor(root)) {
                writer.insert(500, Rows.record(new Value.Int(500)));
                assertTrue(reader.first());
                assertEquals(500, reader.rowid());
                for (long k = 1000; k >= 1; k--) {
                    if (k != 500) {
                        writer.insert(k, Rows.record(new Value.Int(k * 7), new Value.Text("y".repeat((int) (k % 30)))));
                    }
                }
                assertTrue(reader.first());
                assertEquals(1, reader.rowid());
                long expected = 1;
                for (boolean ok = true; ok; ok = reader.next()) {
                    assertEquals(expected, reader.rowid());
                    assertEquals(expected == 500 ? 500 : expected * 7, reader.record().getLong(0));
                    expected++;
                }
                assertEquals(1001, expected);
                assertTrue(reader.seek(777, SeekOp.EQ));
                assertEquals(777 * 7, reader.record().getLong(0));
            }
            s.commit();
        }
    }

    @Test
    void stepSeesRowsAnotherCursorAddsOrRemovesInItsLeaf() {
        try (Storage s = Storage.openMemory(StorageOptions.DEFAULT.withPageSize(512))) {
            s.beginWrite();
            int root = s.createTable();
            try (BTreeCursor reader = s.openTableCursor(root); BTreeCursor writer = s.openTableCursor(root)) {
                for (long k = 10; k <= 100; k += 10) {
                    writer.insert(k, Rows.record(new Value.Int(k * 3)));
                }
                assertTrue(reader.first());
                assertEquals(10, reader.rowid());
                assertTrue(reader.next());
                assertEquals(20, reader.rowid());
                assertEquals(60, reader.record().getLong(0));
                writer.insert(25, Rows.record(new Value.Int(-25)));
                assertTrue(reader.next());
                assertEquals(25, reader.rowid());
                assertEquals(-25, reader.record().getLong(0));
                assertTrue(writer.seek(30, SeekOp.EQ));
                writer.delete();
                assertTrue(reader.next());
                assertEquals(40, reader.rowid());
                writer.insert(40, Rows.record(new Value.Int(4), new Value.Text("replaced")));
                assertEquals(4, reader.record().getLong(0));
                assertEquals("replaced", reader.record().getString(1));
                List<Long> rest = new ArrayList<>();
                while (reader.next()) {
                    rest.add(reader.rowid());
                    if (reader.rowid() == 90) {
                        writer.insert(95, Rows.record(new Value.Int(95)));
                        writer.insert(120, Rows.record(new Value.Int(120)));
                    }
                }
                assertEquals(List.of(50L, 60L, 70L, 80L, 90L, 95L, 100L, 120L), rest);
            }
            assertEquals(List.of("ok"), s.integrityCheck(new int[] {root}, 10));
            s.commit();
        }
    }

    @Test
    void interleavedScansInATinyCacheReadEveryRow() {
        try (Storage s = Storage.openMemory(StorageOptions.DEFAULT.withPageSize(512).withCacheSize(10))) {
            s.beginWrite();
            int a = s.createTable();
            int b = s.createTable();
            try (BTreeCursor ta = s.openTableCursor(a); BTreeCursor tb = s.openTableCursor(b)) {
                for (long k = 1; k <= 3000; k++) {
                    ta.insert(k, Rows.record(new Value.Int(k), new Value.Text("a".repeat((int) (k % 50)))));
                    tb.insert(k, Rows.record(new Value.Int(-k), new Value.Text("b".repeat((int) (k % 50)))));
                }
            }
            s.commit();
            s.beginRead();
            try (BTreeCursor ta = s.openTableCursor(a); BTreeCursor tb = s.openTableCursor(b)) {
                boolean okA = ta.first();
                boolean okB = tb.last();
                long k = 1;
                while (okA && okB) {
                    assertEquals(k, ta.rowid());
                    assertEquals(k, ta.record().getLong(0));
                    assertEquals(k % 50, ta.record().getBytes(1).length);
                    assertEquals(3001 - k, tb.rowid());
                    assertEquals(-(3001 - k), tb.record().getLong(0));
                    okA = ta.next();
                    okB = tb.prev();
                    k++;
                }
                assertEquals(3001, k);
            }
            s.commit();
        }
    }
}
