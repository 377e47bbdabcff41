/*
 * Damaged files: bytes of valid databases (made by real SQLite: tables,
 * an index, overflow chains, freelist pages) are mutated at random, then
 * opened, scanned, counted, sought, integrity-checked and then written to
 * (inserts with overflow, deletes) here. The only acceptable failures are
 * CORRUPT and NOTADB errors (and READONLY when a damaged header marks the
 * file as one this module may not write), and every file must be dealt
 * with in bounded time.
 */
package turso.btree;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.api.Value;

class FuzzTest {

    @TempDir
    Path dir;

    @Test
    void mutatedFilesFailOnlyWithCorruptOrNotADatabase() throws Exception {
        Path src = dir.resolve("src.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + src); Statement st = c.createStatement()) {
            st.execute("PRAGMA page_size=512");
            st.execute("CREATE TABLE t(a, b, c)");
            st.execute("CREATE INDEX i ON t(b, a)");
            st.execute("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 400)"
                    + " INSERT INTO t SELECT x, 'text ' || x, CASE WHEN x % 20 = 0 THEN randomblob(3000) ELSE x * 1.5 END FROM n");
            st.execute("DELETE FROM t WHERE a % 9 = 0");
        }
        byte[] original = Files.readAllBytes(src);
        Random r = new Random(12345);
        int iterations = Boolean.getBoolean("turso.long") ? 40000 : 2000;
        int[] outcomes = new int[3];
        assertTimeoutPreemptively(Duration.ofSeconds(400), () -> {
            for (int it = 0; it < iterations; it++) {
                byte[] bytes = original.clone();
                int mutations = 1 + r.nextInt(12);
                for (int m = 0; m < mutations; m++) {
                    int pos = r.nextInt(4) == 0 ? r.nextInt(Math.min(bytes.length, 120)) : r.nextInt(bytes.length);
                    bytes[pos] = switch (r.nextInt(4)) {
                        case 0 -> (byte) r.nextInt(256);
                        case 1 -> 0;
                        case 2 -> (byte) 0xff;
                        default -> (byte) (bytes[pos] ^ (1 << r.nextInt(8)));
                    };
                }
                if (r.nextInt(10) == 0) {
                    bytes = java.util.Arrays.copyOf(bytes, r.nextInt(bytes.length));
                }
                Path p = dir.resolve("f" + it + ".db");
                Files.write(p, bytes);
                try {
                    scan(p);
                    outcomes[0]++;
                } catch (TursoException e) {
                    ResultCode code = e.primaryResultCode();
                    if (code != ResultCode.CORRUPT && code != ResultCode.NOTADB) {
                        throw new AssertionError("iteration " + it + ": unexpected " + code, e);
                    }
                    outcomes[code == ResultCode.CORRUPT ? 1 : 2]++;
                } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                    throw new AssertionError("iteration " + it + ": " + e, e);
                }
                Files.delete(p);
            }
        });
        if (outcomes[1] == 0) {
            fail("no mutation was detected as corruption: " + java.util.Arrays.toString(outcomes));
        }
    }

    private static void scan(Path p) {
        try (Storage s = Storage.open(new TestVfs(), p.toString(), StorageOptions.DEFAULT.withCacheSize(10))) {
            s.beginRead();
            List<int[]> trees = new ArrayList<>();
            try (BTreeCursor schema = s.openTableCursor(Storage.SCHEMA_ROOT)) {
                for (boolean ok = schema.first(); ok; ok = schema.next()) {
                    Record rec = schema.record();
                    trees.add(new int[] {(int) rec.getLong(3), "index".equals(rec.getString(0)) ? 1 : 0});
                }
            }
            int[] roots = trees.stream().mapToInt(t -> t[0]).toArray();
            s.integrityCheck(roots, 100);
            for (int[] t : trees) {
                try (BTreeCursor c = t[1] == 1 ? s.openIndexCursor(t[0], KeyInfo.DEFAULT) : s.openTableCursor(t[0])) {
                    for (boolean ok = c.first(); ok; ok = c.next()) {
                        Record rec = c.record();
                        for (int col = 0; col < rec.columnCount(); col++) {
                            rec.value(col);
                        }
                    }
                    for (boolean ok = c.last(); ok; ok = c.prev()) {
                        c.record().columnCount();
                    }
                    c.count();
                    if (t[1] == 0) {
                        c.seek(200, SeekOp.GE);
                        c.seek(17, SeekOp.LE);
                    } else {
                        c.seek(Record.of(Rows.record(new Value.Text("text 5"))), SeekOp.GE);
                    }
                }
            }
            s.commit();
            try {
                s.beginWrite();
            } catch (TursoException e) {
                if (e.primaryResultCode() == ResultCode.READONLY) {
                    return;
                }
                throw e;
            }
            for (int[] t : trees) {
                try (BTreeCursor c = t[1] == 1 ? s.openIndexCursor(t[0], KeyInfo.DEFAULT) : s.openTableCursor(t[0])) {
                    for (int i = 0; i < 60; i++) {
                        if (t[1] == 1) {
                            c.insert(Rows.record(new Value.Text("text " + i), new Value.Int(i)));
                        } else {
                            c.insert(1000 + i, Rows.record(new Value.Int(i), new Value.Blob(new byte[i * 40])));
                        }
                    }
                    for (boolean ok = c.first(); ok; ok = c.next()) {
                        c.delete();
                        if (!c.next()) {
                            break;
                        }
                    }
                }
            }
            s.commit();
        }
    }
}
