/*
 * Everything this JVM shares about one file on disk, found by its identity
 * (device and inode) rather than its name, as SQLite's unixInodeInfo: the
 * channels, the lock levels of every connection (DatabaseLocks) and the
 * wal-index (ShmNode).
 *
 * POSIX drops all of a process's record locks on a file when any descriptor
 * of that file is closed, so connections do not each open the file: they
 * share these channels (positional I/O on a FileChannel is thread-safe), and
 * the channels are closed only when the last connection closes, by which time
 * it has released its locks. A file first opened read-only gains a writable
 * channel when a connection needs one; the read-only one stays open until
 * the end for the same reason.
 */
package turso.vfs.nio;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import turso.api.ResultCode;
import turso.api.TursoException;

final class InodeFile {

    private final Object identity;
    private final Path path;
    private final List<FileChannel> channels = new ArrayList<>();
    private volatile FileChannel channel;
    private volatile boolean writable;
    private final DatabaseLocks locks;
    private ShmNode shm;
    private int references;

    /** A file shared through the registry: its locks are OS record locks, visible to other processes. */
    InodeFile(Object identity, Path path, FileChannel first, boolean writable) {
        this.identity = identity;
        this.path = path;
        addChannel(first, writable);
        this.locks = new DatabaseLocks(new ChannelRangeLocks(() -> channel, path));
    }

    /** A private temporary file: nobody else opens it, so its locks are only counted. */
    InodeFile(Path path, FileChannel channel) {
        this.identity = null;
        this.path = path;
        addChannel(channel, true);
        this.locks = new DatabaseLocks(RangeLocks.NONE);
    }

    private void addChannel(FileChannel added, boolean canWrite) {
        channels.add(added);
        channel = added;
        writable = canWrite;
    }

    Object identity() {
        return identity;
    }

    Path path() {
        return path;
    }

    FileChannel channel() {
        return channel;
    }

    boolean writable() {
        return writable;
    }

    DatabaseLocks locks() {
        return locks;
    }

    /** Called under the registry's lock. */
    void retain() {
        references++;
    }

    /** Makes sure a writable channel is open; called under the registry's lock. */
    void ensureWritable() throws IOException {
        if (!writable) {
            addChannel(FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE), true);
        }
    }

    /** Keeps a channel that was opened on this file by another name; called under the registry's lock. */
    void adoptChannel(FileChannel added, boolean canWrite) {
        if (canWrite || !writable) {
            addChannel(added, canWrite);
        } else {
            channels.add(added);
        }
    }

    /** Drops one reference; returns true if it was the last. Called under the registry's lock. */
    boolean release() {
        return --references == 0;
    }

    /** Closes the channels once the last reference is gone. */
    void closeChannels() {
        IOException failure = null;
        for (FileChannel c : channels) {
            try {
                Uninterruptible.call(() -> {
                    c.close();
                    return null;
                });
            } catch (IOException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw IoErrors.of(ResultCode.IOERR_CLOSE, "close", path, failure);
        }
    }

    /** Joins (or creates) the wal-index of this database; called under the registry's lock. */
    ShmNode joinShm() {
        if (shm == null) {
            shm = openShm();
        }
        shm.retain();
        return shm;
    }

    /** Leaves the wal-index; called under the registry's lock. */
    void leaveShm(boolean delete) {
        if (shm != null && shm.release(delete)) {
            shm = null;
        }
    }

    private ShmNode openShm() {
        Path shmPath = path.resolveSibling(path.getFileName() + "-shm");
        FileChannel shmChannel;
        try {
            shmChannel = Uninterruptible.call(() -> FileChannel.open(shmPath,
                    StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE));
        } catch (NoSuchFileException e) {
            throw IoErrors.of(ResultCode.CANTOPEN, "open", shmPath, e);
        } catch (IOException | SecurityException e) {
            throw IoErrors.of(ResultCode.IOERR_SHMOPEN, "open", shmPath, e);
        }
        ChannelRangeLocks shmLocks = new ChannelRangeLocks(() -> shmChannel, shmPath);
        MappedRegions regions = new MappedRegions(shmChannel, shmPath);
        try {
            claimDeadManSwitch(shmLocks, shmChannel, shmPath);
        } catch (RuntimeException e) {
            shmLocks.unlock(ShmNode.DEAD_MAN_SWITCH);
            regions.close();
            throw e;
        }
        return new ShmNode(shmLocks, regions);
    }

    /*
     * The first process to open a wal-index gets the dead-man-switch byte
     * exclusively: nobody else uses the -shm file, so its content is stale
     * (maybe from a crash) and is discarded. Everyone then holds the byte
     * shared while the wal-index is open.
     */
    private static void claimDeadManSwitch(RangeLocks shmLocks, FileChannel shmChannel, Path shmPath) {
        if (shmLocks.tryLock(ShmNode.DEAD_MAN_SWITCH, 1, false)) {
            try {
                Uninterruptible.call(() -> shmChannel.truncate(0));
            } catch (IOException e) {
                throw IoErrors.of(ResultCode.IOERR_SHMOPEN, "truncate", shmPath, e);
            }
            shmLocks.unlock(ShmNode.DEAD_MAN_SWITCH);
        }
        if (!shmLocks.tryLock(ShmNode.DEAD_MAN_SWITCH, 1, true)) {
            throw new TursoException(ResultCode.BUSY);
        }
    }
}
