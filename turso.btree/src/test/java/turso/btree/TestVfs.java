/*
 * A minimal VFS over FileChannel for this module's tests, so they do not
 * depend on turso.vfs.nio being built. Locks are tracked per file but never
 * contended (tests in this module use one connection at a time), which is
 * enough to exercise the pager's lock transitions.
 */
package turso.btree;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.Set;
import turso.api.spi.Vfs;
import turso.api.spi.VfsFile;

final class TestVfs implements Vfs {

    @Override
    public String name() {
        return "test";
    }

    /** The VFS the build selected for the storage suite (SelectedVfs), which then does every open; null for none. */
    private final Vfs selected;

    TestVfs() {
        this(SelectedVfs.get());
    }

    TestVfs(Vfs selected) {
        this.selected = selected;
    }

    @Override
    public VfsFile open(String path, FileKind kind, Set<OpenFlag> flags) {
        if (selected != null) {
            return selected.open(path, kind, flags);
        }
        try {
            Set<StandardOpenOption> opts = EnumSet.of(StandardOpenOption.READ);
            if (!flags.contains(OpenFlag.READ_ONLY)) {
                opts.add(StandardOpenOption.WRITE);
            }
            if (flags.contains(OpenFlag.CREATE)) {
                opts.add(StandardOpenOption.CREATE);
            }
            return new FileChannelFile(FileChannel.open(Path.of(path), opts));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(String path, boolean syncDirectory) {
        try {
            Files.deleteIfExists(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean access(String path, Access mode) {
        return Files.exists(Path.of(path));
    }

    @Override
    public String fullPath(String path) {
        return Path.of(path).toAbsolutePath().toString();
    }

    private static final class FileChannelFile implements VfsFile {
        private final FileChannel ch;
        private LockLevel level = LockLevel.NONE;

        FileChannelFile(FileChannel ch) {
            this.ch = ch;
        }

        @Override
        public int read(MemorySegment dst, long offset) {
            try {
                ByteBuffer b = dst.asByteBuffer();
                int total = 0;
                while (b.hasRemaining()) {
                    int n = ch.read(b, offset + total);
                    if (n < 0) {
                        break;
                    }
                    total += n;
                }
                if (total < dst.byteSize()) {
                    dst.asSlice(total).fill((byte) 0);
                }
                return total;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void write(MemorySegment src, long offset) {
            try {
                ByteBuffer b = src.asByteBuffer();
                long pos = offset;
                while (b.hasRemaining()) {
                    pos += ch.write(b, pos);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void truncate(long size) {
            try {
                ch.truncate(size);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void sync(SyncType type) {
            try {
                ch.force(type != SyncType.DATA_ONLY);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public long size() {
            try {
                return ch.size();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public boolean lock(LockLevel l) {
            if (l.compareTo(level) > 0) {
                level = l;
            }
            return true;
        }

        @Override
        public void unlock(LockLevel l) {
            if (l.compareTo(level) < 0) {
                level = l;
            }
        }

        @Override
        public boolean checkReservedLock() {
            return false;
        }

        @Override
        public LockLevel lockLevel() {
            return level;
        }

        @Override
        public void close() {
            try {
                ch.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
