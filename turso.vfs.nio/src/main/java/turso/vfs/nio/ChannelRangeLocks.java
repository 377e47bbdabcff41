/*
 * RangeLocks on a FileChannel: OpenJDK's FileChannel.tryLock is an fcntl
 * F_SETLK record lock on Linux and macOS, the same kind sqlite3's unix VFS
 * uses, so locks taken here and by a sqlite3 process see each other.
 *
 * The JVM keeps one lock table per file: a second overlapping lock from this
 * JVM is refused (OverlappingFileLockException) rather than merged as fcntl
 * would, and a lock cannot be converted between shared and exclusive in
 * place. DatabaseLocks and ShmNode therefore count holders inside the JVM and
 * ask for an OS lock only on the first transition, one lock per range start.
 * They also make sure that one range start is never locked or unlocked by
 * two threads at once, so the table of held locks is a concurrent map and
 * no monitor is held around the system call: threads locking different
 * shm slots of one file do not wait for each other's fcntl.
 */
package turso.vfs.nio;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.OverlappingFileLockException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import turso.api.ResultCode;
import turso.api.TursoException;

final class ChannelRangeLocks implements RangeLocks {

    private final Supplier<FileChannel> channel;
    private final Object file;
    private final Map<Long, FileLock> held = new ConcurrentHashMap<>();

    /**
     * @param channel the channel to lock through; asked each time, as a file
     *                opened read-only may gain a writable channel later
     * @param file    named in error messages
     */
    ChannelRangeLocks(Supplier<FileChannel> channel, Object file) {
        this.channel = channel;
        this.file = file;
    }

    @Override
    public boolean tryLock(long position, long size, boolean shared) {
        if (held.containsKey(position)) {
            throw new TursoException(ResultCode.IOERR_LOCK, ResultCode.IOERR_LOCK.defaultMessage(),
                    new IllegalStateException("lock at " + position + " already held on " + file));
        }
        FileChannel ch = channel.get();
        try {
            FileLock lock = Uninterruptible.call(() -> ch.tryLock(position, size, shared));
            if (lock == null) {
                return false;
            }
            held.put(position, lock);
            return true;
        } catch (NonWritableChannelException e) {
            throw new TursoException(ResultCode.READONLY, ResultCode.READONLY.defaultMessage(), e);
        } catch (OverlappingFileLockException e) {
            throw IoErrors.of(ResultCode.IOERR_LOCK, "lock (the JVM already holds an overlapping lock)", file, e);
        } catch (IOException e) {
            throw IoErrors.of(shared ? ResultCode.IOERR_RDLOCK : ResultCode.IOERR_LOCK, "lock", file, e);
        }
    }

    @Override
    public void unlock(long position) {
        FileLock lock = held.remove(position);
        if (lock == null) {
            return;
        }
        try {
            Uninterruptible.call(() -> {
                lock.release();
                return null;
            });
        } catch (IOException e) {
            throw IoErrors.of(ResultCode.IOERR_UNLOCK, "unlock", file, e);
        }
    }

    @Override
    public boolean isWriteLockedElsewhere(long position, long size) {
        if (held.containsKey(position)) {
            return false;
        }
        if (!tryLock(position, size, true)) {
            return true;
        }
        unlock(position);
        return false;
    }
}
