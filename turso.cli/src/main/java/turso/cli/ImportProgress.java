/*
 * The progress line .import draws on standard error while it loads a large
 * file, when standard error is a terminal (as sqlite3 users see for long
 * work): rows so far, the share of the file read and rows per second,
 * redrawn at most five times a second and wiped when the import ends. Never
 * drawn into a file or a pipe.
 */
package turso.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

final class ImportProgress implements AutoCloseable {
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream err;
    private final long total;
    private final Counting input;
    private final long start = System.nanoTime();
    private long lastDraw = start;
    private boolean drawn;

    private ImportProgress(PrintStream err, long total, Counting input) {
        this.err = err;
        this.total = total;
        this.input = input;
    }

    /** A progress line for reading {@code in} ({@code total} bytes, or -1 if unknown), or none when {@code err} is no terminal. */
    static ImportProgress over(InputStream in, long total, PrintStream err, boolean terminal) {
        return new ImportProgress(terminal ? err : null, total, new Counting(in));
    }

    /** Whether this process's standard error is a terminal (Linux: fd 2 is a tty or pty device). */
    static boolean stderrIsTerminal(PrintStream err) {
        if (err != System.err) {
            return false;
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** The input to read the file through, so that the share read is known. */
    InputStream input() {
        return input;
    }

    /** Called after each row: redraws the line when it is due. */
    void row(long rows) {
        if (err == null) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        err.print("\r" + line(rows, input.count, total, now - start) + "\033[K");
        err.flush();
        drawn = true;
    }

    /** The text of the line: "12,345 rows  42%  61,234 rows/s" (no share when the size is unknown). */
    static String line(long rows, long read, long total, long elapsedNanos) {
        StringBuilder s = new StringBuilder(String.format("%,d rows", rows));
        if (total > 0) {
            s.append(String.format("  %3d%%", Math.min(100, read * 100 / total)));
        }
        if (elapsedNanos > 0) {
            s.append(String.format("  %,d rows/s", rows * 1_000_000_000L / elapsedNanos));
        }
        return s.toString();
    }

    @Override
    public void close() {
        if (drawn) {
            err.print("\r\033[K");
            err.flush();
        }
    }

    /** Counts the bytes read through it. */
    private static final class Counting extends FilterInputStream {
        private long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
