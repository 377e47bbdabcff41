/*
 * The fsyncs of WAL mode per synchronous level, as SQLite does them
 * (pragma.html#pragma_synchronous, wal.html): FULL and EXTRA sync the WAL
 * at every commit; NORMAL syncs the WAL only when a new WAL header is
 * written and before a checkpoint, and the database file after it; OFF
 * never syncs. Counted through a VFS that wraps the NIO one.
 */
package turso.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import turso.api.spi.SharedMemory;
import turso.api.spi.Vfs;
import turso.api.spi.VfsFile;

class WalSyncTest {

    @TempDir
    Path dir;

    /** Wraps a VFS and counts syncs per kind of file. */
    private static final class CountingVfs extends ForwardingVfs {
        final Map<FileKind, Integer> syncs = new EnumMap<>(FileKind.class);

        CountingVfs(Vfs inner) {
            super(inner);
        }

        int syncs(FileKind kind) {
            return syncs.getOrDefault(kind, 0);
        }

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public VfsFile open(String path, FileKind kind, Set<OpenFlag> flags) {
            VfsFile f = inner.open(path, kind, flags);
            return new File(f) {
                @Override
                public void sync(SyncType type) {
                    syncs.merge(kind, 1, Integer::sum);
                    f.sync(type);
                }

                @Override
                public Optional<SharedMemory> sharedMemory() {
                    return f.sharedMemory();
                }
            };
        }
    }

    @ParameterizedTest
    @EnumSource(SyncMode.class)
    void syncsPerLevel(SyncMode mode) {
        CountingVfs vfs = new CountingVfs(WalTestSupport.nio());
        String path = dir.resolve("s.db").toString();
        try (Storage s = Storage.open(vfs, path, StorageOptions.DEFAULT.withJournalMode(JournalMode.WAL).withSyncMode(mode))) {
            s.setAutoCheckpoint(0);
            WalTestSupport.createTable(s);
            vfs.syncs.clear();
            for (int i = 0; i < 10; i++) {
                WalTestSupport.insert(s, i * 10L + 1, i * 10L + 10);
            }
            int perCommit = mode == SyncMode.FULL || mode == SyncMode.EXTRA ? 1 : 0;
            assertEquals(10 * perCommit, vfs.syncs(Vfs.FileKind.WAL), "WAL syncs for 10 commits");
            assertEquals(0, vfs.syncs(Vfs.FileKind.MAIN_DB), "the database file is not touched by commits");
            assertEquals(0, s.checkpoint(CheckpointMode.PASSIVE).busy());
            int atCheckpoint = mode == SyncMode.OFF ? 0 : 1;
            assertEquals(10 * perCommit + atCheckpoint, vfs.syncs(Vfs.FileKind.WAL), "the WAL is synced before backfilling");
            assertEquals(atCheckpoint, vfs.syncs(Vfs.FileKind.MAIN_DB), "the database is synced after backfilling");
            vfs.syncs.clear();
            WalTestSupport.insert(s, 101, 101);
            assertEquals(atCheckpoint + perCommit, vfs.syncs(Vfs.FileKind.WAL), "restarting the WAL syncs its new header");
            assertEquals(WalTestSupport.expected(1, 101), WalTestSupport.rows(s));
        }
    }
}
