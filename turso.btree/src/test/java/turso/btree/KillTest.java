/*
 * Crash safety with a real process kill: a child JVM (CrashWriter) commits
 * transactions in a loop and prints each id after its commit returns; the
 * parent kills it with SIGKILL at random moments, then checks that the
 * database opens (rolling back any hot journal), passes this module's and
 * real SQLite's integrity checks, and holds every printed commit and
 * nothing half-written. 5 kills by default, 60 with -Dturso.long=true.
 * The same in WAL mode: after each kill the WAL (torn tail and all) is
 * recovered by real SQLite on a copy and by this module on the original.
 * And in an auto_vacuum FULL file, whose commits move pages and cut the
 * file (the pages cut off are journaled too). And with a rollback journal
 * and a cache too small for every fifth transaction, which then spills
 * dirty pages to the database file before it commits (kills land between
 * spills, with the database file holding uncommitted pages).
 */
package turso.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import turso.api.Value;
import turso.api.spi.Vfs;

class KillTest {

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedCommitSurvivesSigkill() throws Exception {
        run("rollback");
    }

    @Test
    void everyAcknowledgedWalCommitSurvivesSigkill() throws Exception {
        run("wal");
    }

    @Test
    void everyAcknowledgedAutoVacuumCommitSurvivesSigkill() throws Exception {
        run("autovacuum");
    }

    @Test
    void everyAcknowledgedCommitSurvivesSigkillAcrossJournalSpills() throws Exception {
        run("spill");
    }

    private static Vfs vfs(boolean wal) {
        return wal ? WalTestSupport.nio() : new TestVfs();
    }

    private void run(String mode) throws Exception {
        boolean wal = mode.equals("wal");
        int expectedRoot = mode.equals("autovacuum") ? 3 : 2;
        String path = dir.resolve("kill.db").toString();
        try (Storage s = Storage.open(vfs(wal), path, StorageOptions.DEFAULT.withPageSize(1024)
                .withJournalMode(wal ? JournalMode.WAL : JournalMode.DELETE))) {
            if (mode.equals("autovacuum")) {
                s.beginRead();
                s.setAutoVacuumMode(1);
                s.commit();
            }
            s.beginWrite();
            int root = s.createTable();
            assertEquals(expectedRoot, root);
            Rows.addSchemaRow(s, 1, "table", "t", "t", root, "CREATE TABLE t(a, b)");
            s.commit();
        }
        List<String> cp = new ArrayList<>();
        for (String p : new String[] {System.getProperty("jdk.module.path"), System.getProperty("java.class.path")}) {
            if (p != null && !p.isEmpty()) {
                cp.add(p);
            }
        }
        cp.add(Path.of("target", "test-classes").toAbsolutePath().toString());
        cp.add(Path.of("target", "classes").toAbsolutePath().toString());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Random r = new Random(42);
        int kills = Boolean.getBoolean("turso.long") ? 60 : 5;
        long next = 1;
        int hotJournals = 0;
        for (int k = 0; k < kills; k++) {
            List<String> command = new ArrayList<>(List.of(java, "-cp", String.join(File.pathSeparator, cp)));
            if (SelectedVfs.name() != null) {
                command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-D" + SelectedVfs.PROPERTY + "=" + SelectedVfs.name()));
            }
            command.addAll(List.of("turso.btree.CrashWriter", path, Long.toString(next), mode));
            Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            AtomicLong acknowledged = new AtomicLong(next - 1);
            Thread reader = Thread.ofVirtual().start(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
                    for (String line; (line = out.readLine()) != null; ) {
                        acknowledged.set(Long.parseLong(line.trim()));
                    }
                } catch (java.io.IOException closed) {
                    return;
                }
            });
            while (acknowledged.get() < next) {
                Thread.sleep(5);
                assertTrue(child.isAlive() || acknowledged.get() >= next, "child died");
            }
            Thread.sleep(50 + r.nextInt(400));
            long seen = acknowledged.get();
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            reader.join();
            assertTrue(seen >= next, "the child committed something");
            if (Files.exists(Path.of(path + (wal ? "-wal" : "-journal")))) {
                hotJournals++;
            }
            long present = check(path, Math.max(seen, acknowledged.get()), wal, expectedRoot);
            next = present + 1;
        }
        System.out.println("KillTest: " + kills + " kills, " + hotJournals + " left a " + (wal ? "WAL to recover" : "journal to roll back")
                + ", " + (next - 1) + " commits");
        if (kills >= 60 && !wal) {
            assertTrue(hotJournals > 0, "some kills landed inside a commit");
        }
    }

    /** Verifies the file after a kill; returns the highest committed id found. */
    private long check(String path, long acknowledged, boolean wal, int root) throws Exception {
        String sqlitePath = path;
        if (wal) {
            sqlitePath = dir.resolve("copy" + System.nanoTime() + ".db").toString();
            Files.copy(Path.of(path), Path.of(sqlitePath));
            if (Files.exists(Path.of(path + "-wal"))) {
                Files.copy(Path.of(path + "-wal"), Path.of(sqlitePath + "-wal"));
            }
        }
        long max;
        try (Storage s = Storage.open(vfs(wal), path, StorageOptions.DEFAULT)) {
            s.beginRead();
            assertEquals(List.of("ok"), s.integrityCheck(new int[] {root}, 10));
            try (BTreeCursor c = s.openTableCursor(root)) {
                assertTrue(c.last());
                max = c.rowid();
                assertTrue(max >= acknowledged, "acknowledged " + acknowledged + ", found " + max);
                for (long id = 1; id <= max; id++) {
                    assertTrue(c.seek(id, SeekOp.EQ), "row " + id);
                    Record rec = c.record();
                    assertEquals(id, rec.getLong(0));
                    assertEquals(Value.Blob.class, rec.value(1).getClass());
                }
            }
            s.commit();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqlitePath); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                assertEquals("ok", rs.getString(1));
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*), max(rowid) FROM t")) {
                assertEquals(max, rs.getLong(1));
                assertEquals(max, rs.getLong(2));
            }
            if (root == 3) {
                try (ResultSet rs = st.executeQuery("SELECT * FROM pragma_auto_vacuum, pragma_freelist_count")) {
                    assertEquals(1, rs.getLong(1));
                    assertEquals(0, rs.getLong(2), "FULL leaves no free page at commit");
                }
            }
        }
        return max;
    }
}
