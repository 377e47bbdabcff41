/*
 * A connection's page cache across other connections' commits in WAL mode
 * (Pager.dropChangedPages, Wal.changedPages): after another connection of
 * the JVM commits, a reader drops only the pages held by the frames of
 * that commit, keeps the rest without reading the database file again,
 * and sees every row as the writer left it: after an update, after the
 * table grew, after several commits seen at once, and after the WAL started
 * over (checkpoint, then frames with new salts), where it drops everything.
 */
package turso.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import turso.api.Value;
import turso.api.spi.SharedMemory;
import turso.api.spi.Vfs;
import turso.api.spi.VfsFile;

class WalCacheTest {

    @TempDir
    Path dir;

    /** Counts the pages read from database files (not the WAL); shares the wal-index of the VFS it wraps. */
    private static final class CountingVfs extends ForwardingVfs {
        final AtomicInteger databaseReads = new AtomicInteger();

        CountingVfs(Vfs inner) {
            super(inner);
        }

        @Override
        public String name() {
            return "counting-reads";
        }

        @Override
        public VfsFile open(String path, FileKind kind, Set<OpenFlag> flags) {
            VfsFile f = inner.open(path, kind, flags);
            return new File(f) {
                @Override
                public int read(MemorySegment dst, long offset) {
                    if (kind == FileKind.MAIN_DB) {
                        databaseReads.incrementAndGet();
                    }
                    return f.read(dst, offset);
                }

                @Override
                public Optional<SharedMemory> sharedMemory() {
                    return f.sharedMemory();
                }
            };
        }
    }

    private static Storage openWal(Vfs vfs, String path) {
        Storage s = Storage.open(vfs, path, StorageOptions.DEFAULT.withJournalMode(JournalMode.WAL));
        s.setAutoCheckpoint(0);
        return s;
    }

    private static void put(Storage s, long rowid, String a) {
        s.beginWrite();
        try (BTreeCursor c = s.openTableCursor(2)) {
            c.insert(rowid, Rows.record(new Value.Text(a), new Value.Blob(new byte[(int) (rowid % 50 * 40)])));
        }
        s.commit();
    }

    @Test
    void aReaderKeepsThePagesNobodyChanged() {
        CountingVfs vfs = new CountingVfs(WalTestSupport.nio());
        String path = dir.resolve("c.db").toString();
        try (Storage writer = openWal(vfs, path); Storage reader = openWal(vfs, path)) {
            WalTestSupport.createTable(writer);
            WalTestSupport.insert(writer, 1, 2000);
            assertEquals(0, writer.checkpoint(CheckpointMode.TRUNCATE).busy());
            TreeMap<Long, String> expected = WalTestSupport.expected(1, 2000);
            assertEquals(expected, WalTestSupport.rows(reader));
            int warm = vfs.databaseReads.get();
            assertTrue(warm > 20, "the table spans many pages: " + warm);

            put(writer, 1000, "changed");
            expected.put(1000L, "changed");
            assertEquals(expected, WalTestSupport.rows(reader));
            assertEquals(warm, vfs.databaseReads.get(), "only the changed leaf was read again, from the WAL");

            WalTestSupport.insert(writer, 2001, 2600);
            put(writer, 7, "seven");
            put(writer, 1999, "last but one");
            expected.putAll(WalTestSupport.expected(2001, 2600));
            expected.put(7L, "seven");
            expected.put(1999L, "last but one");
            assertEquals(expected, WalTestSupport.rows(reader), "three commits seen at once, the table grown");
            assertEquals(warm, vfs.databaseReads.get(), "every changed page came from the WAL");

            assertEquals(0, writer.checkpoint(CheckpointMode.TRUNCATE).busy());
            put(writer, 1500, "after the restart");
            expected.put(1500L, "after the restart");
            assertEquals(expected, WalTestSupport.rows(reader), "the WAL started over: new salts");
            assertTrue(vfs.databaseReads.get() > warm + 20, "everything was read again");
        }
    }
}
