/*
 * auto_vacuum files written here (FULL and INCREMENTAL): random inserts,
 * deletes, dropped and created tables over many transactions, some rolled
 * back, then real SQLite's PRAGMA integrity_check (which verifies every
 * pointer-map entry) must say ok and SQLite must read back the model; FULL
 * leaves no free page after a commit. Page counts after the same operations
 * are compared with SQLite's (rows one per leaf page with overflow chains,
 * so both engines' trees have the same shape).
 */
package turso.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import turso.api.Value;

class AutoVacuumWriteTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"1, 512, DELETE", "1, 4096, DELETE", "2, 512, DELETE", "2, 1024, DELETE", "1, 1024, WAL", "2, 512, WAL"})
    void randomChangesKeepPointerMapsExact(int mode, int pageSize, JournalMode journal) throws Exception {
        String path = dir.resolve("av" + mode + "_" + pageSize + ".db").toString();
        Random r = new Random(mode * 31L + pageSize);
        Map<String, Integer> roots = new HashMap<>();
        Map<String, Long> schemaRowids = new HashMap<>();
        Map<String, TreeMap<Long, Value[]>> model = new HashMap<>();
        long nextSchemaRowid = 1;
        int created = 0;
        try (Storage s = Storage.open(new TestVfs(), path, StorageOptions.DEFAULT.withPageSize(pageSize).withCacheSize(40))) {
            s.beginRead();
            s.setAutoVacuumMode(mode);
            s.commit();
            s.setJournalMode(journal);
            s.beginRead();
            assertEquals(mode, s.autoVacuumMode());
            s.commit();
            for (int tx = 0; tx < 30; tx++) {
                boolean rollback = tx % 7 == 6;
                s.beginWrite();
                Map<String, Integer> workRoots = new HashMap<>(roots);
                Map<String, Long> workRowids = new HashMap<>(schemaRowids);
                Map<String, TreeMap<Long, Value[]>> work = new HashMap<>();
                model.forEach((k, v) -> work.put(k, new TreeMap<>(v)));
                if (workRoots.size() < 2 || r.nextInt(4) == 0) {
                    String name = "t" + created++;
                    int root = s.createTable();
                    long rowid = nextSchemaRowid++;
                    Rows.addSchemaRow(s, rowid, "table", name, name, root, "CREATE TABLE " + name + "(a,b)");
                    workRoots.put(name, root);
                    workRowids.put(name, rowid);
                    work.put(name, new TreeMap<>());
                }
                if (workRoots.size() > 2 && r.nextInt(3) == 0) {
                    String victim = new ArrayList<>(workRoots.keySet()).get(r.nextInt(workRoots.size()));
                    try (BTreeCursor c = s.openTableCursor(Storage.SCHEMA_ROOT)) {
                        assertTrue(c.seek(workRowids.get(victim), SeekOp.EQ));
                        assertEquals(workRoots.get(victim), (int) c.record().getLong(3));
                        c.delete();
                    }
                    int moved = s.dropTree(workRoots.remove(victim));
                    workRowids.remove(victim);
                    work.remove(victim);
                    reloadRoots(s, workRoots);
                    assertTrue(moved == 0 || !workRoots.containsValue(moved));
                }
                for (String name : workRoots.keySet()) {
                    TreeMap<Long, Value[]> rows = work.get(name);
                    try (BTreeCursor t = s.openTableCursor(workRoots.get(name))) {
                        int ops = 50 + r.nextInt(150);
                        for (int op = 0; op < ops; op++) {
                            if (r.nextInt(10) < 6 || rows.isEmpty()) {
                                long rowid = r.nextInt(3000);
                                Value[] row = {Rows.randomValue(r, 300), Rows.randomValue(r, pageSize * 4)};
                                rows.put(rowid, row);
                                t.insert(rowid, Rows.record(row));
                            } else {
                                Long key = rows.ceilingKey((long) r.nextInt(3000));
                                key = key == null ? rows.firstKey() : key;
                                rows.remove(key);
                                assertTrue(t.seek(key, SeekOp.EQ));
                                t.delete();
                            }
                        }
                    }
                }
                if (mode == 2 && r.nextBoolean()) {
                    long free = s.headerField(HeaderField.FREELIST_COUNT);
                    int before = s.pageCount();
                    long n = r.nextInt(3) == 0 ? 0 : r.nextInt(20);
                    long removed = s.incrementalVacuum(n);
                    assertEquals(n == 0 ? free : Math.min(n, free), removed);
                    assertEquals(free - removed, s.headerField(HeaderField.FREELIST_COUNT));
                    assertTrue(s.pageCount() <= before - removed);
                }
                if (rollback) {
                    s.rollback();
                } else {
                    s.commit();
                    roots = workRoots;
                    schemaRowids = workRowids;
                    model = work;
                }
                s.beginRead();
                if (mode == 1) {
                    assertEquals(0, s.headerField(HeaderField.FREELIST_COUNT), "tx " + tx);
                    if (journal != JournalMode.WAL) {
                        assertEquals((long) s.pageCount() * pageSize, Files.size(Path.of(path)), "tx " + tx);
                    }
                }
                assertEquals(List.of("ok"), s.integrityCheck(roots.values().stream().mapToInt(Integer::intValue).toArray(), 10));
                s.commit();
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + path); Statement st = c.createStatement()) {
            assertEquals(List.of("ok"), strings(st, "PRAGMA integrity_check"));
            assertEquals(List.of(String.valueOf(mode)), strings(st, "PRAGMA auto_vacuum"));
            for (var e : model.entrySet()) {
                try (ResultSet rs = st.executeQuery("SELECT rowid, typeof(a), a, typeof(b), b FROM " + e.getKey() + " ORDER BY rowid")) {
                    var it = e.getValue().entrySet().iterator();
                    while (rs.next()) {
                        var row = it.next();
                        assertEquals(row.getKey(), rs.getLong(1));
                        Record rec = Record.of(Rows.record(row.getValue()));
                        Rows.assertSame(rec, 0, rs, 2, e.getKey() + " row " + row.getKey());
                        Rows.assertSame(rec, 1, rs, 4, e.getKey() + " row " + row.getKey());
                    }
                    assertTrue(!it.hasNext());
                }
            }
        }
    }

    /** Page counts after the same work here and in SQLite, in FULL mode and INCREMENTAL with incremental_vacuum. */
    @Test
    void pageCountsMatchSqlite() throws Exception {
        for (int mode = 1; mode <= 2; mode++) {
            String mine = dir.resolve("m" + mode + ".db").toString();
            String theirs = dir.resolve("s" + mode + ".db").toString();
            List<long[]> expected = new ArrayList<>();
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + theirs); Statement st = c.createStatement()) {
                st.execute("PRAGMA page_size=1024");
                st.execute("PRAGMA auto_vacuum=" + mode);
                st.execute("CREATE TABLE a(x INTEGER PRIMARY KEY, y)");
                st.execute("CREATE TABLE b(x INTEGER PRIMARY KEY, y)");
                st.execute("CREATE TABLE c(x INTEGER PRIMARY KEY, y)");
                for (String t : List.of("a", "b", "c")) {
                    st.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20)"
                            + " INSERT INTO " + t + " SELECT i, zeroblob(5000) FROM n");
                }
                expected.add(counts(st));
                st.execute("DELETE FROM b WHERE x BETWEEN 5 AND 14");
                expected.add(counts(st));
                incrementalVacuum(st, 7);
                expected.add(counts(st));
                st.execute("DROP TABLE a");
                expected.add(counts(st));
                incrementalVacuum(st, Integer.MAX_VALUE);
                expected.add(counts(st));
            }
            List<long[]> seen = new ArrayList<>();
            try (Storage s = Storage.open(new TestVfs(), mine, StorageOptions.DEFAULT.withPageSize(1024))) {
                s.beginRead();
                s.setAutoVacuumMode(mode);
                s.commit();
                int[] roots = new int[3];
                String[] names = {"a", "b", "c"};
                s.beginWrite();
                for (int i = 0; i < 3; i++) {
                    roots[i] = s.createTable();
                    Rows.addSchemaRow(s, i + 1, "table", names[i], names[i], roots[i],
                            "CREATE TABLE " + names[i] + "(x INTEGER PRIMARY KEY, y)");
                }
                s.commit();
                for (int i = 0; i < 3; i++) {
                    s.beginWrite();
                    try (BTreeCursor t = s.openTableCursor(roots[i])) {
                        for (long k = 1; k <= 20; k++) {
                            t.insert(k, Rows.record(Value.NULL, new Value.Blob(new byte[5000])));
                        }
                    }
                    s.commit();
                }
                seen.add(counts(s, mine));
                s.beginWrite();
                try (BTreeCursor t = s.openTableCursor(roots[1])) {
                    for (long k = 5; k <= 14; k++) {
                        assertTrue(t.seek(k, SeekOp.EQ));
                        t.delete();
                    }
                }
                s.commit();
                seen.add(counts(s, mine));
                s.beginWrite();
                s.incrementalVacuum(7);
                s.commit();
                seen.add(counts(s, mine));
                s.beginWrite();
                try (BTreeCursor c = s.openTableCursor(Storage.SCHEMA_ROOT)) {
                    assertTrue(c.seek(1, SeekOp.EQ));
                    c.delete();
                }
                assertEquals(roots[2], s.dropTree(roots[0]));
                s.commit();
                seen.add(counts(s, mine));
                s.beginWrite();
                s.incrementalVacuum(0);
                s.commit();
                seen.add(counts(s, mine));
            }
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(List.of(expected.get(i)[0], expected.get(i)[1], expected.get(i)[2]),
                        List.of(seen.get(i)[0], seen.get(i)[1], seen.get(i)[2]), "mode " + mode + " step " + i);
            }
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + mine); Statement st = c.createStatement()) {
                assertEquals(List.of("ok"), strings(st, "PRAGMA integrity_check"));
                assertEquals(strings(st, "SELECT name, rootpage FROM sqlite_schema ORDER BY name"),
                        strings(DriverManager.getConnection("jdbc:sqlite:" + theirs).createStatement(),
                                "SELECT name, rootpage FROM sqlite_schema ORDER BY name"));
                assertEquals(List.of("20", "10"), List.of(strings(st, "SELECT count(*) FROM c").get(0),
                        strings(st, "SELECT count(*) FROM b").get(0)));
            }
        }
    }

    /**
     * PRAGMA incremental_vacuum(n) as the sqlite3 shell runs it: sqlite-jdbc's
     * execute() steps the statement once, which frees one page, so it is
     * run once per page.
     */
    private static void incrementalVacuum(Statement st, int pages) throws Exception {
        for (int i = 0; i < pages && !strings(st, "PRAGMA freelist_count").get(0).equals("0"); i++) {
            st.execute("PRAGMA incremental_vacuum(1)");
        }
    }

    private static long[] counts(Statement st) throws Exception {
        return new long[] {Long.parseLong(strings(st, "PRAGMA page_count").get(0)),
                Long.parseLong(strings(st, "PRAGMA freelist_count").get(0)),
                Long.parseLong(strings(st, "PRAGMA page_count").get(0)) * 1024};
    }

    private static long[] counts(Storage s, String path) throws Exception {
        s.beginRead();
        long[] out = {s.pageCount(), s.headerField(HeaderField.FREELIST_COUNT), Files.size(Path.of(path))};
        s.commit();
        return out;
    }

    private static void reloadRoots(Storage s, Map<String, Integer> roots) {
        try (BTreeCursor c = s.openTableCursor(Storage.SCHEMA_ROOT)) {
            for (boolean ok = c.first(); ok; ok = c.next()) {
                roots.put(c.record().getString(1), (int) c.record().getLong(3));
            }
        }
    }

    private static List<String> strings(Statement st, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder(rs.getString(1));
                for (int i = 2; i <= n; i++) {
                    b.append('|').append(rs.getString(i));
                }
                out.add(b.toString());
            }
        }
        return out;
    }
}
