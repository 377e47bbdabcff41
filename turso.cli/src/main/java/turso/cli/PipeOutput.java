/*
 * ".output |COMMAND": output written to the standard input of a shell
 * command, whose own output goes to the shell's standard output and error.
 * Closing waits for the command to finish, as sqlite3's pclose does.
 */
package turso.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;

final class PipeOutput extends OutputStream {

    private final Process process;
    private final OutputStream in;
    private final Thread stdoutCopy;
    private final Thread stderrCopy;

    PipeOutput(String command, OutputStream stdout, PrintStream stderr) throws IOException {
        process = new ProcessBuilder("sh", "-c", command).start();
        in = process.getOutputStream();
        stdoutCopy = copy(process.getInputStream(), stdout);
        stderrCopy = copy(process.getErrorStream(), stderr);
    }

    static Thread copy(InputStream from, OutputStream to) {
        return Thread.ofVirtual().start(() -> {
            try (from) {
                byte[] buffer = new byte[8192];
                for (int n; (n = from.read(buffer)) > 0; ) {
                    synchronized (to) {
                        to.write(buffer, 0, n);
                        to.flush();
                    }
                }
            } catch (IOException e) {
                // the reader went away: the command's output has nowhere to go
            }
        });
    }

    @Override
    public void write(int b) throws IOException {
        in.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        in.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        in.flush();
    }

    @Override
    public void close() throws IOException {
        in.close();
        try {
            process.waitFor();
            stdoutCopy.join();
            stderrCopy.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
