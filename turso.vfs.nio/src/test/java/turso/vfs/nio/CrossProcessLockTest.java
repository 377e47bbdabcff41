/*
 * NioVfs's locks against a real sqlite3 process on the same files: the lock
 * levels on the database file (rollback-journal mode) and the wal-index
 * slots and dead-man switch of the -shm file (WAL mode), each way round.
 */
package turso.vfs.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import turso.api.spi.SharedMemory;
import turso.api.spi.Vfs.FileKind;
import turso.api.spi.Vfs.OpenFlag;
import turso.api.spi.VfsFile;
import turso.api.spi.VfsFile.LockLevel;

class CrossProcessLockTest {

    private static final Set<OpenFlag> READ_WRITE = EnumSet.of(OpenFlag.READ_WRITE);
    private static final String LOCKED = "database is locked";

    @TempDir
    Path dir;

    @BeforeAll
    static void needsSqlite3() {
        Assumptions.assumeTrue(SqliteShell.available(), "the sqlite3 CLI is not installed");
    }

    private Path database(String name, boolean wal) throws Exception {
        Path db = dir.resolve(name);
        String setup = (wal ? "PRAGMA journal_mode=WAL;" : "") + "CREATE TABLE t(x); INSERT INTO t VALUES(1);";
        String out = SqliteShell.run(db, setup);
        assertEquals(wal ? "wal\n" : "", out);
        return db;
    }

    @Test
    void sqliteExclusiveBlocksOurShared() throws Exception {
        Path db = database("a.db", false);
        try (SqliteShell shell = new SqliteShell(db);
                VfsFile file = new NioVfs().open(db.toString(), FileKind.MAIN_DB, READ_WRITE)) {
            assertEquals("", shell.send("BEGIN EXCLUSIVE; INSERT INTO t VALUES(2);"));
            assertFalse(file.lock(LockLevel.SHARED));
            assertEquals(LockLevel.NONE, file.lockLevel());
            assertTrue(file.checkReservedLock());
            assertEquals("", shell.send("COMMIT;"));
            assertFalse(file.checkReservedLock());
            assertTrue(file.lock(LockLevel.SHARED));
            assertEquals("2\n", SqliteShell.run(db, "SELECT count(*) FROM t"), "readers may share with us");
        }
    }

    @Test
    void sqliteReservedAllowsOurReadButNotOurWrite() throws Exception {
        Path db = database("b.db", false);
        try (SqliteShell shell = new SqliteShell(db);
                VfsFile file = new NioVfs().open(db.toString(), FileKind.MAIN_DB, READ_WRITE)) {
            assertEquals("", shell.send("BEGIN IMMEDIATE; INSERT INTO t VALUES(2);"));
            assertTrue(file.lock(LockLevel.SHARED));
            assertTrue(file.checkReservedLock());
            assertFalse(file.lock(LockLevel.RESERVED));
            assertTrue(shell.send("COMMIT;").contains(LOCKED), "sqlite3 cannot commit while we read");
            file.unlock(LockLevel.NONE);
            assertEquals("", shell.send("COMMIT;"));
            assertTrue(file.lock(LockLevel.SHARED));
            assertTrue(file.lock(LockLevel.RESERVED));
        }
    }

    @Test
    void ourPendingKeepsNewSqliteReadersOut() throws Exception {
        Path db = database("c.db", false);
        try (SqliteShell shell = new SqliteShell(db);
                VfsFile file = new NioVfs().open(db.toString(), FileKind.MAIN_DB, READ_WRITE)) {
            assertEquals("1\n", shell.send("BEGIN; SELECT count(*) FROM t;"));
            assertTrue(file.lock(LockLevel.SHARED));
            assertTrue(file.lock(LockLevel.RESERVED));
            assertFalse(file.lock(LockLevel.EXCLUSIVE), "sqlite3 still holds SHARED");
            assertEquals(LockLevel.PENDING, file.lockLevel());
            assertTrue(SqliteShell.run(db, "SELECT count(*) FROM t").contains(LOCKED));
            assertEquals("1\n", shell.send("SELECT count(*) FROM t;"), "an existing reader goes on reading");
            assertEquals("", shell.send("COMMIT;"));
            assertTrue(file.lock(LockLevel.EXCLUSIVE));
        }
    }

    @Test
    void ourExclusiveLocksSqliteOut() throws Exception {
        Path db = database("d.db", false);
        try (VfsFile file = new NioVfs().open(db.toString(), FileKind.MAIN_DB, READ_WRITE)) {
            assertTrue(file.lock(LockLevel.SHARED));
            assertEquals("1\n", SqliteShell.run(db, "SELECT count(*) FROM t"));
            assertTrue(SqliteShell.run(db, "INSERT INTO t VALUES(5)").contains(LOCKED), "no writer while we read");
            assertTrue(file.lock(LockLevel.EXCLUSIVE));
            assertTrue(SqliteShell.run(db, "SELECT 1 FROM t").contains(LOCKED));
            file.unlock(LockLevel.SHARED);
            assertEquals("1\n", SqliteShell.run(db, "SELECT count(*) FROM t"));
            file.unlock(LockLevel.NONE);
            assertEquals("", SqliteShell.run(db, "INSERT INTO t VALUES(5)"));
        }
    }

    @Test
    void walIndexIsSharedWithSqlite() throws Exception {
        Path db = database("w.db", true);
        try (SqliteShell shell = new SqliteShell(db);
                VfsFile file = new NioVfs().open(db.toString(), FileKind.MAIN_DB, READ_WRITE)) {
            assertEquals("1\n", shell.send("SELECT count(*) FROM t;"), "sqlite3 now holds the -shm open");
            assertTrue(Files.size(dir.resolve("w.db-shm")) >= 32768);
            assertTrue(file.lock(LockLevel.SHARED));
            SharedMemory shm = file.sharedMemory().orElseThrow();
            MemorySegment header = shm.region(0, 32768, false);
            assertEquals(32768, header.byteSize(), "a live -shm is not truncated");
            assertEquals(3007000, header.get(ValueLayout.JAVA_INT, 0), "wal-index format version");
            assertEquals(1, header.get(ValueLayout.JAVA_BYTE, 12), "wal-index initialised");

            assertEquals("", shell.send("BEGIN IMMEDIATE;"));
            assertFalse(shm.lock(0, 1, true), "sqlite3 holds the write lock (slot 0)");
            assertEquals("", shell.send("INSERT INTO t VALUES(2); COMMIT;"));
            assertTrue(shm.lock(0, 1, true));
            assertTrue(shell.send("INSERT INTO t VALUES(3);").contains(LOCKED), "we hold the write lock");
            shm.unlock(0, 1, true);
            assertEquals("", shell.send("INSERT INTO t VALUES(3);"));
            assertEquals("3\n", shell.send("SELECT count(*) FROM t;"));
            shm.unmap(false);
        }
    }

    @Test
    void sqliteKeepsAndFillsAWalIndexWeHoldOpen() throws Exception {
        Path db = database("dms.db", true);
        assertFalse(Files.exists(dir.resolve("dms.db-shm")), "sqlite3 removed its -shm when it closed");
        try (VfsFile file = new NioVfs().open(db.toString(), FileKind.MAIN_DB, READ_WRITE)) {
            assertTrue(file.lock(LockLevel.SHARED), "as a WAL connection does, so sqlite3 will not remove the files");
            SharedMemory shm = file.sharedMemory().orElseThrow();
            MemorySegment region = shm.region(0, 32768, true);
            assertEquals(0, region.get(ValueLayout.JAVA_INT, 0));

            assertEquals("1\n", SqliteShell.run(db, "SELECT count(*) FROM t"));
            shm.barrier();
            assertEquals(3007000, region.get(ValueLayout.JAVA_INT, 0),
                    "sqlite3 built the wal-index in the mapping we share: it did not discard the -shm we hold");
            assertEquals(1, region.get(ValueLayout.JAVA_BYTE, 12));
            assertEquals("", SqliteShell.run(db, "INSERT INTO t VALUES(2)"));
            assertTrue(Files.size(dir.resolve("dms.db-wal")) > 0, "the WAL stays while we read");
            shm.unmap(false);
        }
        assertEquals("2\n", SqliteShell.run(db, "SELECT count(*) FROM t"));
    }
}
