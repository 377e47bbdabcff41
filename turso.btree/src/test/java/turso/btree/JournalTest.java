/*
 * Atomic commit and recovery: a rolled-back transaction leaves the file
 * byte-for-byte as it was; each journal mode commits and leaves its journal
 * as SQLite would (gone, empty, zeroed header); a crash in the middle of a
 * commit (files copied at the Nth write to the database, for write points
 * spread over the whole commit, with synchronous OFF, NORMAL and FULL)
 * leaves a hot journal that both this module and real SQLite roll back to
 * the state before the transaction; and a hot journal left by a killed sqlite3
 * process is rolled back here.
 */
package turso.btree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import turso.api.Value;
import turso.api.spi.Vfs;
import turso.api.spi.VfsFile;

class JournalTest {

    @TempDir
    Path dir;

    /** Creates a database with table t (root returned) of {@code n} rows: rowid i, text 'v' + i, blob. */
    private int createDb(String path, int n, StorageOptions options) {
        try (Storage s = Storage.open(new TestVfs(), path, options)) {
            s.beginWrite();
            int root = s.createTable();
            Rows.addSchemaRow(s, 1, "table", "t", "t", root, "CREATE TABLE t(a,b)");
            try (BTreeCursor c = s.openTableCursor(root)) {
                for (int i = 1; i <= n; i++) {
                    c.insert(i, Rows.record(new Value.Text("v" + i), new Value.Blob(new byte[i % 50 * 30])));
                }
            }
            s.commit();
            return root;
        }
    }

    private static TreeMap<Long, String> sqliteRows(String path) throws Exception {
        return WalTestSupport.sqliteRows(Path.of(path));
    }

    private static TreeMap<Long, String> ourRows(Storage s, int root) {
        TreeMap<Long, String> out = new TreeMap<>();
        s.beginRead();
        assertEquals(List.of("ok"), s.integrityCheck(new int[] {root}, 10));
        try (BTreeCursor c = s.openTableCursor(root)) {
            for (boolean ok = c.first(); ok; ok = c.next()) {
                out.put(c.rowid(), c.record().getString(0));
            }
        }
        s.commit();
        return out;
    }

    private static void bigChange(Storage s, int root, Random r) {
        try (BTreeCursor c = s.openTableCursor(root)) {
            for (int i = 0; i < 400; i++) {
                long k = 1 + r.nextInt(3000);
                if (r.nextBoolean()) {
                    c.insert(k, Rows.record(new Value.Text("changed" + k), new Value.Blob(new byte[r.nextInt(900)])));
                } else if (c.seek(k, SeekOp.EQ)) {
                    c.delete();
                }
            }
        }
    }

    @Test
    void rollbackLeavesTheFileUnchanged() throws Exception {
        String path = dir.resolve("r.db").toString();
        int root = createDb(path, 1000, StorageOptions.DEFAULT);
        byte[] before = Files.readAllBytes(Path.of(path));
        try (Storage s = Storage.open(new TestVfs(), path, StorageOptions.DEFAULT.withCacheSize(20))) {
            TreeMap<Long, String> expected = ourRows(s, root);
            s.beginWrite();
            bigChange(s, root, new Random(1));
            s.setHeaderField(HeaderField.USER_VERSION, 42);
            s.rollback();
            assertEquals(expected, ourRows(s, root));
            s.beginRead();
            assertEquals(0, s.headerField(HeaderField.USER_VERSION));
            s.commit();
        }
        assertArrayEquals(before, Files.readAllBytes(Path.of(path)));
        assertFalse(Files.exists(Path.of(path + "-journal")));
    }

    @ParameterizedTest
    @EnumSource(JournalMode.class)
    void eachJournalModeCommits(JournalMode mode) throws Exception {
        String path = dir.resolve("m.db").toString();
        StorageOptions options = StorageOptions.DEFAULT.withJournalMode(mode);
        int root = createDb(path, 500, options);
        TreeMap<Long, String> expected;
        try (Storage s = Storage.open(new TestVfs(), path, options)) {
            s.beginWrite();
            bigChange(s, root, new Random(2));
            s.setHeaderField(HeaderField.USER_VERSION, 7);
            s.commit();
            expected = ourRows(s, root);
        }
        Path journal = Path.of(path + "-journal");
        switch (mode) {
            case DELETE, MEMORY, OFF -> assertFalse(Files.exists(journal));
            case TRUNCATE -> assertEquals(0, Files.size(journal));
            case PERSIST -> {
                byte[] j = Files.readAllBytes(journal);
                assertTrue(j.length > 28);
                assertArrayEquals(new byte[28], java.util.Arrays.copyOf(j, 28));
            }
        }
        assertEquals(expected, sqliteRows(path));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + path); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            assertEquals(7, rs.getInt(1));
        }
    }

    /** A VFS that copies the database and its journal aside just before the Nth write to the database file. */
    private static final class SnapshotVfs extends ForwardingVfs {
        private final int at;
        private final Path dbPath;
        private final Path snapshotDir;
        int writes;
        boolean taken;

        SnapshotVfs(int at, Path dbPath, Path snapshotDir) {
            super(new TestVfs());
            this.at = at;
            this.dbPath = dbPath;
            this.snapshotDir = snapshotDir;
        }

        @Override
        public String name() {
            return "snapshot";
        }

        @Override
        public VfsFile open(String path, FileKind kind, Set<OpenFlag> flags) {
            VfsFile f = inner.open(path, kind, flags);
            if (kind != FileKind.MAIN_DB) {
                return f;
            }
            return new File(f) {
                @Override
                public void write(MemorySegment src, long offset) {
                    if (++writes == at) {
                        snapshot();
                    }
                    f.write(src, offset);
                }
            };
        }

        private void snapshot() {
            try {
                Files.createDirectories(snapshotDir);
                for (String suffix : new String[] {"", "-journal"}) {
                    Path src = Path.of(dbPath + suffix);
                    if (Files.exists(src)) {
                        Files.copy(src, snapshotDir.resolve("a.db" + suffix), StandardCopyOption.REPLACE_EXISTING);
                        Files.copy(src, snapshotDir.resolve("b.db" + suffix), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                taken = true;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = SyncMode.class, names = {"OFF", "NORMAL", "FULL"})
    void crashAtAnyWriteOfACommitIsRolledBackHereAndBySqlite(SyncMode sync) throws Exception {
        StorageOptions options = StorageOptions.DEFAULT.withPageSize(1024).withSyncMode(sync);
        Path pristine = dir.resolve("p.db");
        int root = createDb(pristine.toString(), 3000, options);
        TreeMap<Long, String> before = sqliteRows(pristine.toString());
        int writes = commitWithCrashAt(pristine, root, options, Integer.MAX_VALUE, dir.resolve("count")).writes;
        assertTrue(writes > 20, "the commit writes many pages: " + writes);
        int points = 0;
        for (int crashAt = 1; crashAt <= writes; crashAt += Math.max(1, writes / 12)) {
            Path snap = dir.resolve(sync + "-" + crashAt);
            SnapshotVfs vfs = commitWithCrashAt(pristine, root, options, crashAt, snap);
            assertTrue(vfs.taken);
            assertTrue(Files.exists(snap.resolve("a.db-journal")), "journal present at the crash");
            try (Storage s = Storage.open(new TestVfs(), snap.resolve("a.db").toString(), options)) {
                assertEquals(before, ourRows(s, root), "crash at write " + crashAt);
            }
            assertFalse(Files.exists(snap.resolve("a.db-journal")));
            assertEquals(before, sqliteRows(snap.resolve("a.db").toString()));
            assertEquals(before, sqliteRows(snap.resolve("b.db").toString()), "SQLite rolls back our journal");
            points++;
        }
        assertTrue(points >= 10);
    }

    /** Runs the same big transaction on a copy of {@code pristine}, snapshotting the files at the Nth database write. */
    private SnapshotVfs commitWithCrashAt(Path pristine, int root, StorageOptions options, int crashAt, Path snap) throws Exception {
        Path db = dir.resolve("c.db");
        Files.copy(pristine, db, StandardCopyOption.REPLACE_EXISTING);
        SnapshotVfs vfs = new SnapshotVfs(crashAt, db, snap);
        try (Storage s = Storage.open(vfs, db.toString(), options)) {
            s.beginWrite();
            bigChange(s, root, new Random(11));
            s.commit();
            TreeMap<Long, String> after = ourRows(s, root);
            assertEquals(after, sqliteRows(db.toString()));
        }
        return vfs;
    }

    @Test
    void hotJournalFromKilledSqliteIsRolledBack() throws Exception {
        Path db = dir.resolve("k.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t(a, b)");
            st.execute("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 5000)"
                    + " INSERT INTO t SELECT 'v' || x, randomblob(x % 50 * 30) FROM n");
        }
        TreeMap<Long, String> before = sqliteRows(db.toString());
        Process p = new ProcessBuilder("sqlite3", db.toString()).redirectErrorStream(true).start();
        p.getOutputStream().write(("PRAGMA cache_size=5;\nBEGIN;\nUPDATE t SET a = 'changed', b = randomblob(1000);\n"
                + "SELECT 'updated';\n").getBytes());
        p.getOutputStream().flush();
        byte[] buf = new byte[64];
        int n = p.getInputStream().read(buf);
        assertTrue(new String(buf, 0, Math.max(n, 0)).contains("updated"));
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        assertTrue(Files.exists(Path.of(db + "-journal")), "sqlite3 left a hot journal");
        try (Storage s = Storage.open(new TestVfs(), db.toString(), StorageOptions.DEFAULT)) {
            int root = 2;
            assertEquals(before, ourRows(s, root));
        }
        assertEquals(before, sqliteRows(db.toString()));
    }

    @Test
    void memoryDatabaseRollsBack() {
        try (Storage s = Storage.openMemory(StorageOptions.DEFAULT)) {
            s.beginWrite();
            int root = s.createTable();
            try (BTreeCursor c = s.openTableCursor(root)) {
                c.insert(1, Rows.record(new Value.Text("kept")));
            }
            s.commit();
            s.beginWrite();
            try (BTreeCursor c = s.openTableCursor(root)) {
                for (int i = 2; i < 3000; i++) {
                    c.insert(i, Rows.record(new Value.Text("gone" + i)));
                }
            }
            s.rollback();
            TreeMap<Long, String> rows = ourRows(s, root);
            assertEquals(new TreeMap<>(java.util.Map.of(1L, "kept")), rows);
        }
    }
}
