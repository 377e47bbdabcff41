/*
 * The shell's script input cut into lines as sqlite3 cuts it: at each line
 * feed, a carriage return before it dropped, bytes decoded as UTF-8; the last
 * line may lack its line feed.
 */
package turso.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

final class InputLines implements AutoCloseable {

    private final InputStream in;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    InputLines(InputStream in) {
        this.in = new BufferedInputStream(in);
    }

    /** The next line without its line break, or null at the end of input. */
    String next() throws IOException {
        line.reset();
        int b = in.read();
        if (b < 0) {
            return null;
        }
        while (b >= 0 && b != '\n') {
            line.write(b);
            b = in.read();
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length;
        if (b == '\n' && length > 0 && bytes[length - 1] == '\r') {
            length--;
        }
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
