/*
 * A database whose pages reserve bytes at their end (made by the sqlite3
 * CLI with .filectrl reserve_bytes, as encryption or checksum extensions
 * do): read here value for value, then changed here (splits, overflow,
 * deletes) without touching the reserved area, so that real SQLite still
 * finds it sound and reads what was written.
 */
package turso.btree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import turso.api.Value;

class ReservedBytesTest {

    @TempDir
    Path dir;

    private static TreeMap<Long, byte[]> sqliteRows(Path db) throws Exception {
        return WalTestSupport.sqliteRows(db, "SELECT a, b FROM t", rs -> rs.getBytes(2));
    }

    @Test
    void reservedBytesAreRespected() throws Exception {
        Path db = dir.resolve("rb.db");
        Process p = new ProcessBuilder("sqlite3", db.toString(), ".filectrl reserve_bytes 32", "CREATE TABLE t(a, b)",
                "INSERT INTO t SELECT value, randomblob(value % 700 * 3) FROM generate_series(1, 3000)")
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(32, Files.readAllBytes(db)[20]);
        TreeMap<Long, byte[]> expected = sqliteRows(db);
        assertEquals(3000, expected.size());
        try (Storage s = Storage.open(new TestVfs(), db.toString(), StorageOptions.DEFAULT)) {
            s.beginWrite();
            try (BTreeCursor t = s.openTableCursor(2)) {
                for (boolean ok = t.first(); ok; ok = t.next()) {
                    assertArrayEquals(expected.get(t.record().getLong(0)), t.record().getBytes(1));
                }
                for (long k = 1; k <= 3000; k += 2) {
                    assertTrue(t.seek(k, SeekOp.EQ));
                    t.delete();
                    expected.remove(k);
                }
                for (long k = 3001; k <= 4000; k++) {
                    byte[] blob = new byte[(int) (k % 9 == 0 ? 10_000 : k % 300)];
                    java.util.Arrays.fill(blob, (byte) k);
                    t.insert(k, Rows.record(new Value.Int(k), new Value.Blob(blob)));
                    expected.put(k, blob);
                }
            }
            assertEquals(List.of("ok"), s.integrityCheck(new int[] {2}, 10));
            s.commit();
        }
        TreeMap<Long, byte[]> seen = sqliteRows(db);
        assertEquals(expected.keySet(), seen.keySet());
        for (long k : expected.keySet()) {
            assertArrayEquals(expected.get(k), seen.get(k), "row " + k);
        }
    }
}
