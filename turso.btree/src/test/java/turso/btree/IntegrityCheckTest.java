/*
 * The integrity walker against SQLite's own PRAGMA integrity_check on the
 * same damaged files: pages lost when a tree's schema row is removed, and a
 * freelist count in the header that the freelist does not have. Both must
 * report the same problems in the same words (SQLite's report, one row
 * with a line per problem, starts with a "*** in database main ***" line
 * that the pragma layer adds).
 */
package turso.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntegrityCheckTest {

    @TempDir
    Path dir;

    private static List<String> sqlite(Path db) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            while (rs.next()) {
                out.addAll(List.of(rs.getString(1).split("\n")));
            }
        }
        if (!out.isEmpty() && out.getFirst().equals("*** in database main ***")) {
            out.removeFirst();
        }
        return out;
    }

    private static List<String> ours(Path db) {
        try (Storage s = Storage.open(new TestVfs(), db.toString(), StorageOptions.DEFAULT)) {
            s.beginRead();
            List<Integer> roots = new ArrayList<>();
            try (BTreeCursor schema = s.openTableCursor(Storage.SCHEMA_ROOT)) {
                for (boolean ok = schema.first(); ok; ok = schema.next()) {
                    roots.add((int) schema.record().getLong(3));
                }
            }
            List<String> out = s.integrityCheck(roots.stream().mapToInt(Integer::intValue).toArray(), 100);
            s.commit();
            return out;
        }
    }

    private Path damaged() throws Exception {
        Path db = dir.resolve("ic.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("PRAGMA page_size=512");
            st.execute("CREATE TABLE t(a)");
            st.execute("CREATE TABLE t2(b)");
            st.execute("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 200)"
                    + " INSERT INTO t2 SELECT randomblob(100) FROM n");
            st.execute("INSERT INTO t VALUES (1)");
            st.execute("PRAGMA writable_schema=ON");
            st.execute("DELETE FROM sqlite_schema WHERE name = 't2'");
        }
        return db;
    }

    @Test
    void orphanedPagesAreReportedAsSqliteReportsThem() throws Exception {
        Path db = damaged();
        List<String> expected = sqlite(db);
        assertEquals("Page 3: never used", expected.getFirst());
        assertEquals(expected, ours(db));
    }

    @Test
    void wrongFreelistCountIsReportedAsSqliteReportsIt() throws Exception {
        Path db = damaged();
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            f.seek(36);
            f.writeInt(999);
        }
        List<String> expected = sqlite(db);
        assertEquals("Freelist: size is 0 but should be 999", expected.getFirst());
        assertEquals(expected, ours(db));
    }
}
