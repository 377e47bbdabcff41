/*
 * Evicts one file from the operating system's page cache
 * (posix_fadvise(POSIX_FADV_DONTNEED) after fdatasync, through the FFM API),
 * so that a benchmark can read a database really cold, from the device,
 * without dropping the whole machine's cache (which needs root and would
 * slow every other process down). Linux only; elsewhere it does nothing and
 * says so.
 */
package turso.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

final class OsCache {

    private static final int O_RDONLY = 0;
    private static final int POSIX_FADV_DONTNEED = 4;
    private static final boolean LINUX = System.getProperty("os.name", "").startsWith("Linux");

    private static final MethodHandle OPEN;
    private static final MethodHandle FDATASYNC;
    private static final MethodHandle FADVISE;
    private static final MethodHandle CLOSE;

    static {
        Linker linker = Linker.nativeLinker();
        SymbolLookup libc = linker.defaultLookup();
        OPEN = linker.downcallHandle(libc.findOrThrow("open"),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT),
                Linker.Option.firstVariadicArg(2));
        FDATASYNC = linker.downcallHandle(libc.findOrThrow("fdatasync"),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
        FADVISE = linker.downcallHandle(libc.findOrThrow("posix_fadvise"), FunctionDescriptor.of(ValueLayout.JAVA_INT,
                ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
        CLOSE = linker.downcallHandle(libc.findOrThrow("close"),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    }

    private OsCache() {
    }

    /** Drops {@code file}'s pages from the OS cache; false where that is not possible. */
    static boolean evict(Path file) {
        if (!LINUX) {
            return false;
        }
        try (Arena arena = Arena.ofConfined()) {
            int fd = (int) OPEN.invokeExact(arena.allocateFrom(file.toString()), O_RDONLY);
            if (fd < 0) {
                return false;
            }
            try {
                int synced = (int) FDATASYNC.invokeExact(fd);
                int advised = (int) FADVISE.invokeExact(fd, 0L, 0L, POSIX_FADV_DONTNEED);
                return synced == 0 && advised == 0;
            } finally {
                int closed = (int) CLOSE.invokeExact(fd);
            }
        } catch (Throwable e) {
            throw new IllegalStateException("posix_fadvise failed on " + file, e);
        }
    }
}
